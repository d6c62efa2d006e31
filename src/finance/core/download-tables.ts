// Every finance table as a file: CSV (UTF-8 with BOM), XLSX and JSON, streamed batch by batch so
// that a download of a million receipts holds one batch in memory, never the whole table. A table
// is a list of columns over rows that come in batches; the three writers know nothing else, so a
// column that is not declared here (a PIN, an address) cannot reach a file.
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Locale } from '../domain/election.ts';
import { toDecimalString, type Tyiyn } from '../domain/money.ts';
import { pick } from '../platform/web/format.tsx';
import {
  EXPENDITURE_GROUPS,
  donorTypeLabels,
  expenditureCategoryGroups,
  expenditureCategoryLabels,
  expenditureGroupLabels,
  expenditureGroupOf,
  receiptChannelLabels,
  reportKindLabels,
} from '../filings/filing-labels.ts';
import type { ExpenditureCategory } from '../filings/filing.ts';
import type { FilingAnnouncement, FinanceTotals, PublicExpenditure, PublicReceipt, TimelinePoint } from './finance.repository.ts';
import type { PartyFinanceView } from './finance.service.ts';
import type { ReportKind } from '../domain/rules-profile.ts';

export const DOWNLOAD_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MEDIA_TYPES: Record<DownloadFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: XLSX_MEDIA_TYPE,
  json: 'application/json; charset=utf-8',
};

type Cell = string | number;

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

const text = <R>(key: string, value: (r: R) => string): DownloadColumn<R> => ({ key, value, kind: 'text' });
const code = <R>(key: string, value: (r: R) => string): DownloadColumn<R> => ({ key, value, kind: 'code' });
const integer = <R>(key: string, value: (r: R) => number): DownloadColumn<R> => ({ key, value, kind: 'integer' });
/** Money as two columns: decimal som for people and spreadsheets, integer tyiyn for exact sums. */
const money = <R>(key: string, value: (r: R) => Tyiyn): DownloadColumn<R>[] => [
  { key: `${key}_som`, value: (r) => toDecimalString(value(r)), kind: 'som' },
  { key: `${key}_tyiyn`, value, kind: 'integer' },
];

async function* once1<R>(rows: readonly R[]): AsyncIterable<readonly R[]> {
  yield rows;
}

// ---- Writers ----------------------------------------------------------------------------------------

/**
 * Spreadsheets run a CSV cell that starts with = + - @ as a formula; names typed by filers must not
 * become one on a journalist's machine. A leading apostrophe is what spreadsheets show as text.
 * Only free text is touched: a negative balance must stay a number.
 */
function neutraliseFormula(v: Cell): Cell {
  return typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

const BOM = '\ufeff';

/**
 * The encoded chunks of a table, one per batch, through `encode`. Only the encoded bytes are held
 * while the client catches up; the batch's rows are already garbage by then (see `batches` in
 * finance.repository.ts for why that matters), so the chunk is made in a function of its own
 * rather than in the generator's frame.
 */
async function* chunks<R>(t: DownloadTable<R>, head: string, encode: (rows: readonly R[], first: boolean) => string, tail: string): AsyncGenerator<Buffer> {
  yield Buffer.from(head);
  const it = t.batches()[Symbol.asyncIterator]();
  let first = true;
  const nextChunk = async (): Promise<Buffer | undefined> => {
    for (;;) {
      const r = await it.next();
      if (r.done) return undefined;
      if (r.value.length === 0) continue;
      const chunk = Buffer.from(encode(r.value, first));
      first = false;
      return chunk;
    }
  };
  for (let chunk = await nextChunk(); chunk !== undefined; chunk = await nextChunk()) yield chunk;
  yield Buffer.from(tail);
}

function csvChunks<R>(t: DownloadTable<R>): AsyncGenerator<Buffer> {
  const cells = (r: R) => t.columns.map((c) => (c.kind === 'text' ? neutraliseFormula(c.value(r)) : c.value(r)));
  // Without the BOM Excel reads UTF-8 as the local code page and garbles Cyrillic.
  const head = BOM + stringify([t.columns.map((c) => c.key)], { record_delimiter: '\r\n' });
  return chunks(t, head, (rows) => stringify(rows.map(cells), { record_delimiter: '\r\n' }), '');
}

function jsonChunks<R>(t: DownloadTable<R>): AsyncGenerator<Buffer> {
  const object = (r: R) => {
    const o: Record<string, Cell> = {};
    for (const c of t.columns) o[c.key] = c.value(r);
    return JSON.stringify(o);
  };
  return chunks(t, '[', (rows, first) => (first ? '\n' : ',\n') + rows.map(object).join(',\n'), '\n]\n');
}

/** Excel's limit is 1,048,576 rows a sheet: beyond it the table continues on the next sheet. */
const XLSX_ROWS_PER_SHEET = 1_000_000;

function xlsxStream<R>(t: DownloadTable<R>): Readable {
  const out = new PassThrough();
  // Fixed dates keep identical data byte-identical, so caches and ETags hold.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Talapker';
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const addSheet = (n: number) => {
    const ws = wb.addWorksheet(n === 1 ? t.name : `${t.name} ${n}`, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = t.columns.map((c) => ({
      header: c.key,
      key: c.key,
      width: c.kind === 'text' ? 36 : c.kind === 'som' ? 16 : 14,
      ...(c.kind === 'som' ? { style: { numFmt: '#,##0.00' } } : {}),
    }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    return ws;
  };
  const write = async () => {
    let sheets = 1;
    let ws = addSheet(sheets);
    let rowsInSheet = 0;
    for await (const batch of t.batches()) {
      for (const r of batch) {
        if (rowsInSheet === XLSX_ROWS_PER_SHEET) {
          ws.commit();
          ws = addSheet(++sheets);
          rowsInSheet = 0;
        }
        // A som amount becomes a number cell (exactly two decimals) so that spreadsheets can add it up.
        ws.addRow(t.columns.map((c) => (c.kind === 'som' ? Number(c.value(r)) : c.value(r)))).commit();
        rowsInSheet++;
      }
      // The workbook writer does not wait for its reader: pause while the client is behind, so that
      // a slow download holds a batch or two in memory rather than the whole file.
      if (out.writableNeedDrain) await once(out, 'drain');
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    ws.commit();
    await wb.commit();
  };
  write().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}

export function downloadStream<R>(t: DownloadTable<R>, format: DownloadFormat): Readable {
  switch (format) {
    // One chunk read ahead at most: the socket holds the rest of what is in flight.
    case 'csv':
      return Readable.from(csvChunks(t), { highWaterMark: 1 });
    case 'json':
      return Readable.from(jsonChunks(t), { highWaterMark: 1 });
    case 'xlsx':
      return xlsxStream(t);
  }
}

// ---- The tables -------------------------------------------------------------------------------------

/** Party names for the `party_name` column, in the locale of the download. */
export type PartyNames = ReadonlyMap<string, string>;

const labelOf = <K extends string>(labels: Record<K, { ky: string; ru: string; en: string }>, key: string, l: Locale): string =>
  (labels as Record<string, { ky: string; ru: string; en: string } | undefined>)[key]?.[l] ?? key;

export function receiptsTable(batches: () => AsyncIterable<readonly PublicReceipt[]>, names: PartyNames, l: Locale): DownloadTable<PublicReceipt> {
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
      code('category_group', (r) => groupOf(r.category)),
      text('description', (r) => r.description),
      text('document_number', (r) => r.documentNumber),
      ...money<PublicExpenditure>('amount', (r) => r.amount),
      text('line_id', (r) => r.lineId),
      integer('filing_id', (r) => r.filingId),
    ],
    batches,
  };
}

function groupOf(category: string): string {
  try {
    return expenditureGroupOf(category as ExpenditureCategory);
  } catch {
    return 'other';
  }
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
      code('category_group', (r) => groupOf(r.key)),
      text('category_group_label', (r) => labelOf(expenditureGroupLabels, groupOf(r.key), l)),
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
            ? r.status.daysOverdue
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
      text('report_kind_label', (r) => labelOf(reportKindLabels, r.kind as ReportKind, l)),
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
      text('report_kind_label', (r) => labelOf(reportKindLabels, r.reportKind as ReportKind, l)),
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
