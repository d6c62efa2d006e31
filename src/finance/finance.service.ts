// Loads what the finance pages, sections, downloads and API show for one election: its parties in
// ballot order with their totals, and every report deadline with each party's state against the
// injected clock. One loader for all outputs, so a page and the API can never disagree.
import type { AppContext } from '../platform/app-context.ts';
import type { Election } from '../domain/election.ts';
import type { RulesProfile } from '../domain/rules-profile.ts';
import { findElection, findRulesProfileById } from '../elections/election.repository.ts';
import { listBallot, type BallotEntry } from '../parties/party.repository.ts';
import { emptyTotals, firstFiledAt, loadElectionFinance, type FinanceTotals } from './finance.repository.ts';
import { bishkekDay, deadlinesOf, isFlagged, partyReportStatuses, type PartyReportStatus, type ReportDeadline } from '../domain/report-deadlines.ts';

export interface PartyFinanceView {
  /** Null for a party that filed lines but is not (or no longer) on this election's list of participants. */
  entry: BallotEntry | null;
  registrationNumber: string;
  totals: FinanceTotals;
  reports: PartyReportStatus[];
  late: number;
  missing: number;
}

export interface ElectionFinanceView {
  election: Election;
  profile: RulesProfile | undefined;
  deadlines: ReportDeadline[];
  parties: PartyFinanceView[];
  total: FinanceTotals;
  /** The day the countdowns are counted from, in Bishkek. */
  today: string;
  now: Date;
}

export async function loadElectionFinanceView(ctx: AppContext, electionId: string): Promise<ElectionFinanceView | undefined> {
  const election = await findElection(ctx.db, electionId);
  if (!election) return undefined;
  const [profile, ballot, finance, filed] = await Promise.all([
    findRulesProfileById(ctx.db, election.rulesProfileId),
    listBallot(ctx.db, election.id),
    loadElectionFinance(ctx.db, election.id),
    firstFiledAt(ctx.db, election.id),
  ]);
  const now = ctx.now();
  const deadlines = profile ? deadlinesOf(profile, election.electionDay) : [];
  const view = (entry: BallotEntry | null, reg: string): PartyFinanceView => {
    const reports = partyReportStatuses(deadlines, filed.get(reg) ?? new Map(), now);
    return {
      entry,
      registrationNumber: reg,
      totals: finance.parties.get(reg) ?? emptyTotals(),
      reports,
      late: reports.filter((r) => r.status.state === 'late').length,
      missing: reports.filter((r) => r.status.state === 'missing').length,
    };
  };
  const onBallot = new Set(ballot.map((b) => b.party.registrationNumber));
  const parties = [
    ...ballot.map((b) => view(b, b.party.registrationNumber)),
    ...[...finance.parties.keys()].filter((reg) => !onBallot.has(reg)).map((reg) => view(null, reg)),
  ];
  return { election, profile, deadlines, parties, total: finance.total, today: bishkekDay(now), now };
}

export function flaggedReports(view: ElectionFinanceView): { late: number; missing: number } {
  let late = 0;
  let missing = 0;
  for (const p of view.parties) {
    for (const r of p.reports) {
      if (!isFlagged(r.status)) continue;
      if (r.status.state === 'late') late++;
      else missing++;
    }
  }
  return { late, missing };
}
