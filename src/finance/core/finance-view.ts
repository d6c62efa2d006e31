// What the finance pages, sections, downloads and API show for one election: its parties in ballot
// order with their totals, every report deadline with each party's state against the clock, and the
// filed reports. Built by one pure function from what the repositories load, so that a page and the
// API can never disagree.
import type { Election, Localized, Participation, Party } from '../../domain/election.ts';
import type { Tyiyn } from '../../domain/money.ts';
import type { RulesProfile } from '../../domain/rules-profile.ts';
import {
  bishkekDay,
  deadlinesOf,
  isFlagged,
  partyReportStatuses,
  reportCalendarOf,
  type FiledKind,
  type PartyReportStatus,
  type ReportDeadline,
} from '../../domain/report-deadlines.ts';
import { emptyTotals, type ElectionFinance, type FinanceTotals } from './totals.ts';

/** A party on the election's list of participants, as far as the finance side needs it. */
export interface BallotParty {
  party: Party;
  participation: Participation;
}

export interface PartyFinanceView {
  /** Null for a party that filed lines but is not (or no longer) on this election's list of participants. */
  entry: BallotParty | null;
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

export interface ElectionFinanceInput {
  election: Election;
  profile: RulesProfile | undefined;
  /** The participants in ballot order. */
  ballot: readonly BallotParty[];
  finance: ElectionFinance;
  /** The kinds of report each party filed: party → report kind → first filing and period start. */
  firstFiled: ReadonlyMap<string, ReadonlyMap<string, FiledKind>>;
  now: Date;
}

export function electionFinanceView(x: ElectionFinanceInput): ElectionFinanceView {
  const deadlines = x.profile ? deadlinesOf(x.profile, x.election.electionDay) : [];
  const view = (entry: BallotParty | null, reg: string): PartyFinanceView => {
    const filed = x.firstFiled.get(reg) ?? new Map<string, FiledKind>();
    const reports = partyReportStatuses(deadlines, filed, x.now, reportCalendarOf(x.election));
    return {
      entry,
      registrationNumber: reg,
      totals: x.finance.parties.get(reg) ?? emptyTotals(),
      reports,
      late: reports.filter((r) => r.status.state === 'late').length,
      missing: reports.filter((r) => r.status.state === 'missing').length,
    };
  };
  const onBallot = new Set(x.ballot.map((b) => b.party.registrationNumber));
  const parties = [
    ...x.ballot.map((b) => view(b, b.party.registrationNumber)),
    ...[...x.finance.parties.keys()].filter((reg) => !onBallot.has(reg)).map((reg) => view(null, reg)),
  ];
  return {
    election: x.election,
    profile: x.profile,
    deadlines,
    parties,
    total: x.finance.total,
    today: bishkekDay(x.now),
    now: x.now,
  };
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

/** One party's view, or undefined when the party has neither a place on the ballot nor lines. */
export const partyViewOf = (view: ElectionFinanceView, reg: string): PartyFinanceView | undefined =>
  view.parties.find((x) => x.registrationNumber === reg);

/** The totals of one party (empty when it has none), or of all parties together. */
export function totalsOf(view: ElectionFinanceView, reg: string | undefined): FinanceTotals {
  return reg === undefined ? view.total : (partyViewOf(view, reg)?.totals ?? emptyTotals());
}

// ---- The comparison of parties -------------------------------------------------------------------

export const COMPARISON_SORTS = ['ballot', 'received', 'spent', 'balance'] as const;
export type ComparisonSort = (typeof COMPARISON_SORTS)[number];

export function sortParties(parties: readonly PartyFinanceView[], sort: ComparisonSort): PartyFinanceView[] {
  const by = (f: (x: PartyFinanceView) => number) => [...parties].sort((a, b) => f(b) - f(a));
  switch (sort) {
    case 'ballot':
      return [...parties];
    case 'received':
      return by((x) => x.totals.receipts);
    case 'spent':
      return by((x) => x.totals.expenditures);
    case 'balance':
      return by((x) => x.totals.balance);
  }
}

// ---- Filed reports ---------------------------------------------------------------------------------

export interface FiledReport {
  filingId: number;
  chainId: number;
  electionId: string;
  partyRegistrationNumber: string;
  reportKind: string;
  periodFrom: string;
  periodTo: string;
  version: number;
  status: string;
  /** The latest filed version of its report; earlier versions were amended. */
  isLatest: boolean;
  submittedAt: string;
  totalReceipts: Tyiyn;
  totalExpenditures: Tyiyn;
  totalRefunds: Tyiyn;
  closingBalance: Tyiyn;
}

export interface FilingAnnouncement extends FiledReport {
  partyName: Localized | null;
  partyShortName: Localized | null;
  electionName: Localized | null;
}
