// One party's campaign in one election as the rules see it: every version of every report, reduced to
// the lines that count (each report's latest version, so an amended line counts once), with the refunds
// and transfers recorded anywhere in the campaign, the bank's reconciliation differences and the dates
// the law measures against.
import type { Tyiyn } from '../../domain/money.ts';
import type { Election } from '../../domain/election.ts';
import type { Expenditure, Filing, FilingV2, Receipt, Refund } from '../../filings/index.ts';

/** One version of one report, as filed. */
export interface CampaignReport {
  filing: Filing;
  /** Version within its report (1 = first filing); later versions are amendments. Defaults to input order. */
  version?: number;
  /** Day (YYYY-MM-DD, Bishkek) the report's first version was filed, when known: for `report.late`. */
  firstFiledOn?: string;
  /** The gifts in kind and loans of a v2 report; a v1 report has none. */
  inKindAndLoans?: Pick<FilingV2, 'inKind' | 'loans'>;
}

export const BANK_DIFFERENCE_KINDS = ['unreported', 'unsupported', 'amount_mismatch', 'date_mismatch'] as const;
export type BankDifferenceKind = (typeof BANK_DIFFERENCE_KINDS)[number];

/** A difference the bank reconciliation found between the reports and the fund's account. */
export interface BankDifference {
  kind: BankDifferenceKind;
  /** The bank transaction concerned (absent for a reported line the bank never saw). */
  transaction?: {
    id: string;
    bookingDate: string;
    /** Signed, money in positive. */
    amount: Tyiyn;
    counterpartyName?: string;
    remittance?: string;
  };
  /** The report line concerned, by its lineId (absent for money the reports leave out). */
  lineId?: string;
  /** Bank minus report, for amount mismatches. */
  amountDifference?: Tyiyn;
  daysApart?: number;
  /** What the difference looks like, such as a typo in the amount. */
  cause?: string;
}

export interface CampaignInput {
  election: string;
  party: string;
  electionDay: string;
  /**
   * First day of the campaign, when known: a report filed from that day on stands for an earlier report
   * the party did not file separately (a first report from the start covers the initial one).
   */
  campaignStart?: string;
  /** Day the electoral fund's account was opened, when known: for `timing.before_fund_opened`. */
  fundOpenedOn?: string;
  electionStatus: Election['status'];
  /** The day the analysis is run for (YYYY-MM-DD): passed in so that the rules stay pure. */
  today: string;
  /** Oldest first. */
  reports: readonly CampaignReport[];
  bankDifferences?: readonly BankDifference[];
  /** Other parties of the same election each donor identifier (PIN/INN) gave to: for a pattern notice. */
  donorsElsewhere?: ReadonlyMap<string, readonly string[]>;
}

/** Where a line sits: which report and where in it, for ordering and for the evidence. */
interface Placement {
  /** The report chain: kind and period start, as the platform keys report chains. */
  report: string;
  reportKind: Filing['header']['reportKind'];
  version: number;
  /** Report order in the campaign, then position in the section: a total order for lines of one day. */
  order: number;
}

export type CampaignReceipt = Receipt & Placement;
export type CampaignExpenditure = Expenditure & Placement;
export type CampaignRefund = Refund & Placement;
export type CampaignInKind = FilingV2['inKind'][number] & Placement;
export type CampaignLoan = FilingV2['loans'][number] & Placement;

/** The lines that count, from each report's latest version. */
export interface CampaignLines {
  receipts: CampaignReceipt[];
  expenditures: CampaignExpenditure[];
  refunds: CampaignRefund[];
  inKind: CampaignInKind[];
  loans: CampaignLoan[];
  /** Each report chain with its latest version and when its first version was filed. */
  reports: Array<{ report: string; kind: Filing['header']['reportKind']; version: number; firstFiledOn?: string }>;
}

export const reportKey = (f: Filing): string => `${f.header.reportKind}:${f.header.periodFrom}`;

/**
 * The line reference findings use: `R-7` for receipts, `E-…` and `F-…`, `K-…` for gifts in kind and `L-…`
 * for loans; ids already carrying it stay.
 */
export function lineRef(section: 'R' | 'E' | 'F' | 'K' | 'L', lineId: string): string {
  return lineId.startsWith(`${section}-`) ? lineId : `${section}-${lineId}`;
}

/**
 * The latest version of each report, oldest report first. A report is a chain keyed like the platform's
 * (kind and period start); a later document of the same chain is an amendment and replaces its lines.
 */
export function campaignLines(reports: readonly CampaignReport[]): CampaignLines {
  const latest = new Map<string, { report: CampaignReport; version: number; firstFiledOn?: string; first: number }>();
  reports.forEach((r, i) => {
    const key = reportKey(r.filing);
    const seen = latest.get(key);
    const version = r.version ?? (seen ? seen.version + 1 : 1);
    const firstFiledOn = seen?.firstFiledOn ?? r.firstFiledOn;
    if (!seen || version >= seen.version)
      latest.set(key, { report: r, version, firstFiledOn, first: seen?.first ?? i });
  });
  const chains = [...latest.entries()].sort((a, b) => a[1].first - b[1].first);
  const out: CampaignLines = { receipts: [], expenditures: [], refunds: [], inKind: [], loans: [], reports: [] };
  // Plain loops with the placement written into each copy: a national campaign has a million lines, and
  // a closure and a placement object per line were most of the analysis's garbage.
  chains.forEach(([key, { report, version, firstFiledOn }], chainIndex) => {
    const f = report.filing;
    const reportKind = f.header.reportKind;
    const base = chainIndex * 1_000_000;
    const { receipts, expenditures, refunds } = f;
    for (let i = 0; i < receipts.length; i++)
      out.receipts.push({ ...(receipts[i] as Receipt), report: key, reportKind, version, order: base + i });
    for (let i = 0; i < expenditures.length; i++)
      out.expenditures.push({ ...(expenditures[i] as Expenditure), report: key, reportKind, version, order: base + i });
    for (let i = 0; i < refunds.length; i++)
      out.refunds.push({ ...(refunds[i] as Refund), report: key, reportKind, version, order: base + i });
    // Gifts in kind and loans come after the receipts of their report: one order for every line that counts.
    const more = base + receipts.length;
    for (const [i, g] of (report.inKindAndLoans?.inKind ?? []).entries())
      out.inKind.push({ ...g, report: key, reportKind, version, order: more + i });
    const loansFrom = more + (report.inKindAndLoans?.inKind.length ?? 0);
    for (const [i, loan] of (report.inKindAndLoans?.loans ?? []).entries())
      out.loans.push({ ...loan, report: key, reportKind, version, order: loansFrom + i });
    out.reports.push({
      report: key,
      kind: reportKind,
      version,
      ...(firstFiledOn ? { firstFiledOn } : {}),
    });
  });
  return out;
}

/** A receipt's identity in the campaign: line ids are unique within one report only. */
export const receiptKey = (r: { report: string; lineId: string }): string => `${r.report}#${r.lineId}`;

/** ISO days (`YYYY-MM-DD`) in date order: their code-unit order is date order, no locale needed. */
export const compareDays = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Date order, then the order of reports and lines: the order in which money reached the fund. */
export const byDateThenOrder = <T extends { date: string; order: number }>(a: T, b: T): number =>
  compareDays(a.date, b.date) || a.order - b.order;

/** The first of `lines` in `byDateThenOrder`, without sorting a copy. */
export function earliest<T extends { date: string; order: number }>(lines: readonly T[]): T | undefined {
  let first: T | undefined;
  for (const l of lines) if (first === undefined || byDateThenOrder(l, first) < 0) first = l;
  return first;
}

/**
 * The receipt a refund concerns: the same report's line first (where the format puts it), otherwise the
 * line of that id in the nearest earlier report, since a refund may be recorded in a later report.
 * `byLineId` is `receiptsByLineId(receipts)`, built once for all the refunds of a campaign.
 */
export function refundedReceipt(
  refund: CampaignRefund,
  byLineId: ReadonlyMap<string, readonly CampaignReceipt[]>,
): CampaignReceipt | undefined {
  const same = byLineId.get(refund.receiptLineId) ?? [];
  return (
    same.find((r) => r.report === refund.report) ??
    same.filter((r) => r.order < refund.order).sort((a, b) => b.order - a.order)[0] ??
    same[0]
  );
}

export function receiptsByLineId(receipts: readonly CampaignReceipt[]): Map<string, CampaignReceipt[]> {
  const m = new Map<string, CampaignReceipt[]>();
  for (const r of receipts) {
    const list = m.get(r.lineId);
    if (list) list.push(r);
    else m.set(r.lineId, [r]);
  }
  return m;
}
