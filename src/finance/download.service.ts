// Every finance table as a file: CSV (UTF-8 with BOM), XLSX and JSON, streamed batch by batch so
// that a download of a million receipts holds one batch in memory, never the whole table; and the
// use cases that pick the table a download address names.
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { AppContext } from '../platform/app-context.ts';
import type { Locale } from '../domain/election.ts';
import { findElection } from '../elections/index.ts';
import type { DownloadFormat, DownloadTable, Cell, PageTable } from './core/download-tables.ts';
import {
  categoriesTable,
  deadlinesTable,
  donorTypesTable,
  expendituresTable,
  filingsTable,
  receiptsTable,
  timelineTable,
  totalsRows,
  totalsTable,
} from './core/download-tables.ts';
import type { ElectionFinanceView, FilingAnnouncement, PartyFinanceView } from './core/finance-view.ts';
import {
  expenditureFilterOf,
  receiptFilterOf,
  type ExpenditureListState,
  type ReceiptListState,
} from './core/list-state.ts';
import { expenditureBatches, receiptBatches } from './lines.repository.ts';
import { CSV_BOM, csvNumeral, csvRecords } from '../platform/csv.ts';
import { listFiledReports } from './totals.repository.ts';
import { loadElectionFinanceView, loadPartyFinance, partyOptions } from './finance.service.ts';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MEDIA_TYPES: Record<DownloadFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: XLSX_MEDIA_TYPE,
  json: 'application/json; charset=utf-8',
};

/** Rows per database round trip of a download: big enough to amortise the query, small enough to keep memory flat. */
export const DOWNLOAD_BATCH = 500;

/**
 * The encoded chunks of a table, one per batch, through `encode`. Only the encoded bytes are held
 * while the client catches up; the batch's rows are already garbage by then (see `batches` in
 * lines.repository.ts for why that matters), so the chunk is made in a function of its own
 * rather than in the generator's frame.
 */
async function* chunks<R>(
  t: DownloadTable<R>,
  head: string,
  encode: (rows: readonly R[], first: boolean) => string,
  tail: string,
): AsyncGenerator<Buffer> {
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
  // Money in som is a number written as digits; everything else a string is text, neutralised by the writer.
  const cells = (r: R) => t.columns.map((c) => (c.kind === 'som' ? csvNumeral(String(c.value(r))) : c.value(r)));
  const head = CSV_BOM + csvRecords([t.columns.map((c) => c.key)]);
  return chunks(t, head, (rows) => csvRecords(rows.map(cells)), '');
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
  const addSheet = (wb: ExcelJS.stream.xlsx.WorkbookWriter, n: number) => {
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
    // ExcelJS is loaded at the first workbook, not when the server starts: most downloads are CSV.
    const { default: Excel } = await import('exceljs');
    const wb = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    wb.creator = 'Talapker';
    // Fixed dates keep identical data byte-identical, so caches and ETags hold.
    wb.created = new Date(0);
    wb.modified = new Date(0);
    let sheets = 1;
    let ws = addSheet(wb, sheets);
    let rowsInSheet = 0;
    for await (const batch of t.batches()) {
      for (const r of batch) {
        if (rowsInSheet === XLSX_ROWS_PER_SHEET) {
          ws.commit();
          ws = addSheet(wb, ++sheets);
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

// ---- What each download address serves ----------------------------------------------------------

export interface DownloadFile {
  body: Readable;
  format: DownloadFormat;
  /** Without the extension. */
  filename: string;
}

/** One of a page's tables as a file; `parties` is the whole election, or the one party of a party page. */
function pageTableStream(
  view: ElectionFinanceView,
  parties: readonly PartyFinanceView[],
  table: PageTable,
  l: Locale,
  filings: readonly FilingAnnouncement[],
  format: DownloadFormat,
): Readable {
  const totals = parties.length === 1 && parties[0] ? parties[0].totals : view.total;
  switch (table) {
    case 'totals':
      return downloadStream(totalsTable(totalsRows(parties, l)), format);
    case 'donor-types':
      return downloadStream(donorTypesTable(totals, l), format);
    case 'categories':
      return downloadStream(categoriesTable(totals, l), format);
    case 'timeline':
      return downloadStream(timelineTable(totals.timeline), format);
    case 'deadlines':
      return downloadStream(deadlinesTable(parties, l), format);
    case 'filings':
      return downloadStream(filingsTable(filings, l), format);
  }
}

/** A table of the election's finance page. */
export async function electionTableFile(
  ctx: AppContext,
  electionId: string,
  table: PageTable,
  format: DownloadFormat,
  l: Locale,
): Promise<DownloadFile | undefined> {
  const view = await loadElectionFinanceView(ctx, electionId);
  if (!view) return undefined;
  const filings = table === 'filings' ? await listFiledReports(ctx.db, { electionId: view.election.id }) : [];
  return {
    body: pageTableStream(view, view.parties, table, l, filings, format),
    format,
    filename: `${view.election.id}_${table}`,
  };
}

/** A table of a party's finance page. */
export async function partyTableFile(
  ctx: AppContext,
  electionId: string,
  reg: string,
  table: PageTable,
  format: DownloadFormat,
  l: Locale,
): Promise<DownloadFile | undefined> {
  const found = await loadPartyFinance(ctx, electionId, reg);
  if (!found) return undefined;
  const { view, party } = found;
  const filings =
    table === 'filings'
      ? await listFiledReports(ctx.db, { electionId: view.election.id, party: party.registrationNumber })
      : [];
  return {
    body: pageTableStream(view, [party], table, l, filings, format),
    format,
    filename: `${view.election.id}_${party.registrationNumber}_${table}`,
  };
}

/** Every receipt a listing's filters select, in its sort. */
export async function receiptsFile(
  ctx: AppContext,
  electionId: string,
  l: Locale,
  s: ReceiptListState,
  format: DownloadFormat,
): Promise<DownloadFile | undefined> {
  const election = await findElection(ctx.db, electionId);
  if (!election) return undefined;
  const filter = receiptFilterOf(election.id, s);
  const names = new Map((await partyOptions(ctx, election.id, l)).map((x) => [x.reg, x.name]));
  const table = receiptsTable(() => receiptBatches(ctx.db, filter, s.sort, s.order, DOWNLOAD_BATCH), names, l);
  return {
    body: downloadStream(table, format),
    format,
    filename: `${election.id}${s.party ? `_${s.party}` : ''}_receipts`,
  };
}

/** Every expenditure a listing's filters select, in its sort. */
export async function expendituresFile(
  ctx: AppContext,
  electionId: string,
  l: Locale,
  s: ExpenditureListState,
  format: DownloadFormat,
): Promise<DownloadFile | undefined> {
  const election = await findElection(ctx.db, electionId);
  if (!election) return undefined;
  const filter = expenditureFilterOf(election.id, s);
  const names = new Map((await partyOptions(ctx, election.id, l)).map((x) => [x.reg, x.name]));
  const table = expendituresTable(() => expenditureBatches(ctx.db, filter, s.sort, s.order, DOWNLOAD_BATCH), names, l);
  return {
    body: downloadStream(table, format),
    format,
    filename: `${election.id}${s.party ? `_${s.party}` : ''}_expenditures`,
  };
}
