// A party's whole campaign as filed: every filed version of every report chain, oldest first, as the
// documents the party submitted. The compliance checks read this (they need amendments, to count an
// amended line once, and earlier reports, to sum donations across the campaign).
import type { AppContext } from '../platform/app-context.ts';
import { bishkekDay } from '../domain/report-deadlines.ts';
import type { Filing } from './core/filing.ts';
import { parseFiledV2 } from './core/draft.ts';
import { v1PartOf, type FilingV2 } from './core/filing-v2.ts';

export interface FiledVersion {
  filingId: number;
  filing: Filing;
  /** The gifts in kind and loans of a v2 report (none for v1), which count towards donors' caps. */
  inKindAndLoans: Pick<FilingV2, 'inKind' | 'loans'>;
  /** 1 for the first filing of its report; amendments count up. */
  version: number;
  /** The day (YYYY-MM-DD, Bishkek) its report's first version was filed. */
  firstFiledOn: string | undefined;
}

export async function loadCampaignFilings(
  ctx: AppContext,
  electionId: string,
  partyRegistrationNumber: string,
): Promise<FiledVersion[]> {
  const rows = await ctx.db
    .selectFrom('filings as f')
    .innerJoin('filing_chains as c', 'c.id', 'f.chain_id')
    .select(['f.id', 'f.chain_id', 'f.version', 'f.body_json', 'f.submitted_at'])
    .where('c.election_id', '=', electionId)
    .where('c.party_registration_number', '=', partyRegistrationNumber)
    .where('f.version', '>', 0)
    // Filing order: a chain's versions in order, chains in the order they were first filed.
    .orderBy('f.id')
    .execute();
  const firstFiled = new Map<number, string | undefined>();
  return rows.map((r) => {
    // Read once: a campaign's versions hold every line it has filed.
    const filed = parseFiledV2(r.body_json);
    if (!firstFiled.has(r.chain_id))
      firstFiled.set(r.chain_id, r.submitted_at ? bishkekDay(r.submitted_at) : undefined);
    return {
      filingId: Number(r.id),
      // Stored versions passed validation when filed; parsing again restores the document's types.
      filing: v1PartOf(filed),
      inKindAndLoans: { inKind: filed.inKind, loans: filed.loans },
      version: r.version,
      firstFiledOn: firstFiled.get(r.chain_id),
    };
  });
}

export interface FiledCampaign {
  electionId: string;
  partyRegistrationNumber: string;
}

/** Every filer (a party, or a candidate's fund) that has filed at least one report, per election (of one election when given). */
export async function filedCampaigns(ctx: AppContext, electionId?: string): Promise<FiledCampaign[]> {
  let q = ctx.db
    .selectFrom('filing_chains as c')
    .innerJoin('filings as f', 'f.chain_id', 'c.id')
    .select(['c.election_id', 'c.party_registration_number'])
    .distinct()
    .where('f.version', '>', 0);
  if (electionId !== undefined) q = q.where('c.election_id', '=', electionId);
  const rows = await q.orderBy('c.election_id').orderBy('c.party_registration_number').execute();
  return rows.map((r) => ({ electionId: r.election_id, partyRegistrationNumber: r.party_registration_number }));
}
