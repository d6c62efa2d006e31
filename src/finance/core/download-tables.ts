// Every finance table as a list of columns over rows that come in batches: the receipts and
// expenditures listings, the totals, breakdowns, timeline, deadlines and filed reports of a page.
// The file writers (download.service.ts) know nothing else, so a column that is not declared here (a
// PIN, an address) cannot reach a file.
import type { Locale } from '../../domain/election.ts';
import { labelOf } from './labels.ts';
import { toDecimalString, type Tyiyn } from '../../domain/money.ts';
import { pick } from '../../platform/web/format.tsx';
import {
  EXPENDITURE_GROUPS,
  donorTypeLabels,
  expenditureCategoryGroups,
  expenditureCategoryLabels,
  expenditureGroupLabels,
  receiptChannelLabels,
  reportKindLabels,
} from '../../filings/index.ts';
import { categoryGroupOf, type FinanceTotals, type TimelinePoint } from './totals.ts';
import type { PublicExpenditure, PublicReceipt } from './lines.ts';
import type { FilingAnnouncement, PartyFinanceView } from './finance-view.ts';

export const DOWNLOAD_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

export type Cell = string | number;

export interface DownloadColumn<R> {
  key: string;
  value: (r: R) => Cell;
  /** `text` is free text typed by filers (neutralised in CSV); `som` a decimal string of money (a number in XLSX). */
  kind: 'text' | 'code' | 'integer' | 'som';
}

export interface DownloadTable<R> {
  /** File and worksheet name, e.g. `receipts`. */
  name: string;
  columns: readonly DownloadColumn<R>[];
  batches: () => AsyncIterable<readonly R[]>;
}

export const text = <R>(key: string, value: (r: R) => string): DownloadColumn<R> => ({ key, value, kind: 'text' });
export const code = <R>(key: string, value: (r: R) => string): DownloadColumn<R> => ({ key, value, kind: 'code' });
export const integer = <R>(key: string, value: (r: R) => number): DownloadColumn<R> => ({
  key,
  value,
  kind: 'integer',
});
/** Money as two columns: decimal som for people and spreadsheets, integer tyiyn for exact sums. */
export const money = <R>(key: string, value: (r: R) => Tyiyn): DownloadColumn<R>[] => [
  { key: `${key}_som`, value: (r) => toDecimalString(value(r)), kind: 'som' },
  { key: `${key}_tyiyn`, value, kind: 'integer' },
];

async function* once1<R>(rows: readonly R[]): AsyncIterable<readonly R[]> {
  yield rows;
}

// ---- The tables -------------------------------------------------------------------------------------

/** Party names for the `party_name` column, in the locale of the download. */
export type PartyNames = ReadonlyMap<string, string>;

export function receiptsTable(
  batches: () => AsyncIterable<readonly PublicReceipt[]>,
  names: PartyNames,
  l: Locale,
): DownloadTable<PublicReceipt> {
  return {
    name: 'receipts',
    columns: [
      code('date', (r) => r.date),
      code('party_registration_number', (r) => r.partyRegistrationNumber),
      text('party_name', (r) => names.get(r.partyRegistrationNumber) ?? r.partyRegistrationNumber),
      text('donor_name', (r) => r.donorName),
      code('donor_type', (r) => r.donorType),
      text('donor_type_label', (r) => labelOf(donorTypeLabels, r.donorType, l)),
      code('channel', (r) => r.channel),
      text('channel_label', (r) => labelOf(receiptChannelLabels, r.channel, l)),
      ...money<PublicReceipt>('amount', (r) => r.amount),
      text('line_id', (r) => r.lineId),
      integer('filing_id', (r) => r.filingId),
    ],
    batches,
  };
}

export function expendituresTable(
  batches: () => AsyncIterable<readonly PublicExpenditure[]>,
  names: PartyNames,
  l: Locale,
): DownloadTable<PublicExpenditure> {
  return {
    name: 'expenditures',
    columns: [
      code('date', (r) => r.date),
      code('party_registration_number', (r) => r.partyRegistrationNumber),
      text('party_name', (r) => names.get(r.partyRegistrationNumber) ?? r.partyRegistrationNumber),
      text('payee_name', (r) => r.payeeName),
      code('category', (r) => r.category),
      text('category_label', (r) => labelOf(expenditureCategoryLabels, r.category, l)),
      code('category_group', (r) => categoryGroupOf(r.category)),
      text('description', (r) => r.description),
      text('document_number', (r) => r.documentNumber),
      ...money<PublicExpenditure>('amount', (r) => r.amount),
      text('line_id', (r) => r.lineId),
      integer('filing_id', (r) => r.filingId),
    ],
    batches,
  };
}

interface TotalsRow {
  reg: string;
  name: string;
  ballotNumber: number | null;
  totals: FinanceTotals;
  late: number;
  missing: number;
}

export function totalsRows(parties: readonly PartyFinanceView[], l: Locale): TotalsRow[] {
  return parties.map((p) => ({
    reg: p.registrationNumber,
    name: p.entry ? pick(p.entry.party.name, l) : p.registrationNumber,
    ballotNumber: p.entry?.participation.ballotNumber ?? null,
    totals: p.totals,
    late: p.late,
    missing: p.missing,
  }));
}

export function totalsTable(rows: readonly TotalsRow[]): DownloadTable<TotalsRow> {
  return {
    name: 'totals',
    columns: [
      code('party_registration_number', (r) => r.reg),
      text('party_name', (r) => r.name),
      code('ballot_number', (r) => (r.ballotNumber === null ? '' : String(r.ballotNumber))),
      ...money<TotalsRow>('received', (r) => r.totals.receipts),
      ...money<TotalsRow>('spent', (r) => r.totals.expenditures),
      ...money<TotalsRow>('refunded', (r) => r.totals.refunds),
      ...money<TotalsRow>('balance', (r) => r.totals.balance),
      integer('receipt_count', (r) => r.totals.receiptCount),
      integer('expenditure_count', (r) => r.totals.expenditureCount),
      integer('refund_count', (r) => r.totals.refundCount),
      integer('late_reports', (r) => r.late),
      integer('missing_reports', (r) => r.missing),
    ],
    batches: () => once1(rows),
  };
}

interface KeyedAmount {
  key: string;
  amount: Tyiyn;
  count: number;
}

export function donorTypesTable(totals: FinanceTotals, l: Locale): DownloadTable<KeyedAmount> {
  return {
    name: 'donor-types',
    columns: [
      code('donor_type', (r) => r.key),
      text('donor_type_label', (r) => labelOf(donorTypeLabels, r.key, l)),
      ...money<KeyedAmount>('amount', (r) => r.amount),
      integer('count', (r) => r.count),
    ],
    batches: () => once1(totals.byDonorType),
  };
}

/** Every category of the CEC's list, grouped, zeros included: a reader sees what was not spent too. */
export function categoriesTable(totals: FinanceTotals, l: Locale): DownloadTable<KeyedAmount> {
  const by = new Map(totals.byCategory.map((x) => [x.key as string, x]));
  const rows: KeyedAmount[] = EXPENDITURE_GROUPS.flatMap((g) =>
    expenditureCategoryGroups[g].map((c) => by.get(c) ?? { key: c, amount: 0 as Tyiyn, count: 0 }),
  );
  for (const x of totals.byCategory) if (!rows.some((r) => r.key === x.key)) rows.push(x);
  return {
    name: 'categories',
    columns: [
      code('category_group', (r) => categoryGroupOf(r.key)),
      text('category_group_label', (r) => labelOf(expenditureGroupLabels, categoryGroupOf(r.key), l)),
      code('category', (r) => r.key),
      text('category_label', (r) => labelOf(expenditureCategoryLabels, r.key, l)),
      ...money<KeyedAmount>('amount', (r) => r.amount),
      integer('count', (r) => r.count),
    ],
    batches: () => once1(rows),
  };
}

export function timelineTable(points: readonly TimelinePoint[]): DownloadTable<TimelinePoint> {
  return {
    name: 'timeline',
    columns: [
      code('date', (r) => r.date),
      ...money<TimelinePoint>('received', (r) => r.receipts),
      ...money<TimelinePoint>('spent', (r) => r.expenditures),
      ...money<TimelinePoint>('refunded', (r) => r.refunds),
      ...money<TimelinePoint>('cumulative_received', (r) => r.cumulativeReceipts),
      ...money<TimelinePoint>('cumulative_spent', (r) => r.cumulativeExpenditures),
      ...money<TimelinePoint>('cumulative_refunded', (r) => r.cumulativeRefunds),
    ],
    batches: () => once1(points),
  };
}

interface DeadlineRow {
  reg: string;
  name: string;
  kind: string;
  dueDate: string;
  state: string;
  filedOn: string;
  days: number | '';
}

export function deadlinesTable(parties: readonly PartyFinanceView[], l: Locale): DownloadTable<DeadlineRow> {
  const rows: DeadlineRow[] = parties.flatMap((p) =>
    p.reports.map((r) => ({
      reg: p.registrationNumber,
      name: p.entry ? pick(p.entry.party.name, l) : p.registrationNumber,
      kind: r.kind,
      dueDate: r.dueDate,
      state: r.status.state,
      filedOn: r.status.state === 'filed' || r.status.state === 'late' ? r.status.filedOn : '',
      days:
        r.status.state === 'late'
          ? r.status.daysLate
          : r.status.state === 'missing'
            ? (r.status.daysOverdue ?? '')
            : r.status.state === 'due'
              ? r.status.daysLeft
              : '',
    })),
  );
  return {
    name: 'deadlines',
    columns: [
      code('party_registration_number', (r) => r.reg),
      text('party_name', (r) => r.name),
      code('report_kind', (r) => r.kind),
      text('report_kind_label', (r) => labelOf(reportKindLabels, r.kind, l)),
      code('due_date', (r) => r.dueDate),
      code('state', (r) => r.state),
      code('filed_on', (r) => r.filedOn),
      // Days late (late), overdue (missing) or left (due); empty when filed on time.
      code('days', (r) => String(r.days)),
    ],
    batches: () => once1(rows),
  };
}

export function filingsTable(filings: readonly FilingAnnouncement[], l: Locale): DownloadTable<FilingAnnouncement> {
  return {
    name: 'filings',
    columns: [
      integer('filing_id', (r) => r.filingId),
      code('party_registration_number', (r) => r.partyRegistrationNumber),
      text('party_name', (r) => (r.partyName ? pick(r.partyName, l) : r.partyRegistrationNumber)),
      code('report_kind', (r) => r.reportKind),
      text('report_kind_label', (r) => labelOf(reportKindLabels, r.reportKind, l)),
      code('period_from', (r) => r.periodFrom),
      code('period_to', (r) => r.periodTo),
      integer('version', (r) => r.version),
      code('status', (r) => r.status),
      integer('latest', (r) => (r.isLatest ? 1 : 0)),
      code('submitted_at', (r) => r.submittedAt),
      ...money<FilingAnnouncement>('received', (r) => r.totalReceipts),
      ...money<FilingAnnouncement>('spent', (r) => r.totalExpenditures),
      ...money<FilingAnnouncement>('refunded', (r) => r.totalRefunds),
      ...money<FilingAnnouncement>('closing_balance', (r) => r.closingBalance),
    ],
    batches: () => once1(filings),
  };
}

/** The small tables of a finance page, by the name in their download URL. */
export const PAGE_TABLES = ['totals', 'donor-types', 'categories', 'timeline', 'deadlines', 'filings'] as const;
export type PageTable = (typeof PAGE_TABLES)[number];
