// The treasurer's workspace: the elections a report may be started in, the party's reports per
// election and its open drafts. Staff see every open draft and use the review queue for the rest.
import type { AppContext } from '../platform/app-context.ts';
import type { Election } from '../domain/election.ts';
import { listElections } from '../elections/index.ts';
import { listChainsOfParty, type ChainWithVersions } from './filing.repository.ts';
import {
  listDrafts,
  listPartiesByNumber,
  listRegisteredParticipations,
  type DraftListing,
} from './filing-search.repository.ts';
import { listFundParticipations, type NamedFiler } from './filer.service.ts';

/** An election a report may be started in, with the party it would be for. */
export interface ReportChoice {
  election: Election;
  reg: string;
  /** The party, or the candidate's fund. */
  party: NamedFiler | undefined;
}

export interface ElectionReports extends ReportChoice {
  chains: ChainWithVersions[];
}

export interface TreasurerHome {
  /** The elections the principal may start reports in, with the party each is for, newest first. */
  choices: ReportChoice[];
  /** A treasurer's own reports per election; empty for staff, who have the review queue. */
  reports: ElectionReports[];
  drafts: DraftListing[];
  /** Parties and the own candidate fund, by number, for naming them. */
  parties: Map<string, NamedFiler>;
  elections: Map<string, Election>;
}

/** What the workspace shows to the treasurer of `own` (a party or a candidate's fund), or to staff when `own` is null. */
export async function loadTreasurerHome(ctx: AppContext, own: string | null): Promise<TreasurerHome> {
  const [electionsAll, partiesByNumber, partyRows, fundRows] = await Promise.all([
    listElections(ctx.db),
    listPartiesByNumber(ctx.db),
    listRegisteredParticipations(ctx.db, own ?? undefined),
    own ? listFundParticipations(ctx.db, own) : [],
  ]);
  // A candidate fund's treasurer reports for the fund, in the candidate's election.
  const parties = new Map<string, NamedFiler>(partiesByNumber);
  for (const f of fundRows) parties.set(f.partyRegistrationNumber, { name: f.name });
  const rows = [...partyRows, ...fundRows];
  const elections = new Map(electionsAll.map((e) => [e.id, e]));
  const choices: ReportChoice[] = [];
  for (const r of rows) {
    const election = elections.get(r.electionId);
    if (election)
      choices.push({ election, reg: r.partyRegistrationNumber, party: parties.get(r.partyRegistrationNumber) });
  }
  choices.sort((a, b) => b.election.electionDay.localeCompare(a.election.electionDay) || a.reg.localeCompare(b.reg));
  // Treasurers see their party's reports here; staff have the review queue for everyone's.
  const reports: ElectionReports[] = own
    ? await Promise.all(
        choices.map(async (c) => ({
          ...c,
          chains: await listChainsOfParty(ctx.db, c.election.id, c.reg, { includeDrafts: true }),
        })),
      )
    : [];
  const drafts = await listDrafts(ctx.db, own ? { partyRegistrationNumber: own } : {});
  return { choices, reports, drafts, parties, elections };
}
