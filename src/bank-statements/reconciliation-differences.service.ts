// What the latest reconciliation of a party found that the reports and the bank disagree on, for the
// compliance checks, which publish them as findings with their transactions.
import type { AppContext } from '../platform/app-context.ts';
import { latestRunOfParty, listResults } from './reconciliation.repository.ts';
import type { BankEvidence, Evidence } from './reconciliation.service.ts';

/** A difference the latest reconciliation of a party found, in the bank's words, for the compliance checks. */
export interface ReconciliationDifference {
  kind: 'unreported' | 'unsupported' | 'amount_mismatch' | 'date_mismatch';
  bank: BankEvidence | null;
  reportLineId: string | null;
  reportSection: string | null;
  amountDifference?: number;
  daysApart?: number;
  /** What an amount mismatch looks like (a typo, digits swapped…). */
  slip?: string;
}

const DIFFERENCE_KINDS = ['unreported', 'unsupported', 'amount_mismatch', 'date_mismatch'] as const;

/** The differences of the party's latest reconciliation run; none before its first run. */
export async function latestDifferences(
  ctx: AppContext,
  electionId: string,
  reg: string,
): Promise<ReconciliationDifference[]> {
  const run = await latestRunOfParty(ctx.db, electionId, reg);
  if (!run) return [];
  const results = await listResults(ctx.db, run.id, DIFFERENCE_KINDS);
  return results.flatMap((r) => {
    const kind = DIFFERENCE_KINDS.find((k) => k === r.kind);
    if (!kind) return [];
    const e = r.evidence as Evidence;
    return [
      {
        kind,
        bank: e.bank,
        reportLineId: r.reportLineId,
        reportSection: r.reportSection,
        ...(e.amountDifference !== undefined ? { amountDifference: e.amountDifference } : {}),
        ...(e.daysApart !== undefined ? { daysApart: e.daysApart } : {}),
        ...(e.slip ? { slip: e.slip } : {}),
      },
    ];
  });
}
