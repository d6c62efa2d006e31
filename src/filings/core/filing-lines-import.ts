// Reading report lines from what treasurers actually keep: a CSV per section (UTF-8, with or without BOM,
// "," or ";") or the XLSX workbook made from the template. Cells are turned into typed lines — amounts in
// som into exact tyiyn, dates into ISO, drop-down labels in any locale back into enum keys — and every cell
// that cannot be read becomes a problem naming its row and column. Whether the lines make a sound report
// is filing-validation's question, not this module's.
import type ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { parseSom, type Tyiyn } from '../../domain/money.ts';
import { err, ok, type Problem, type Result } from '../../platform/result.ts';
import { inspectZip, refusalParams } from '../../platform/zip-inspection.ts';
import {
  enumColumnLabels,
  filingColumns,
  headingIndex,
  lineIdPrefix,
  normaliseHeading,
  sheetNameIndex,
  sheetNames,
  type ColumnSpec,
} from './filing-columns.ts';
import type { Expenditure, LineSection, Receipt, Refund } from './filing.ts';
import { filingProblem, type FilingProblemCode } from './validation.messages.ts';

export interface SectionLines {
  receipts: Receipt[];
  expenditures: Expenditure[];
  refunds: Refund[];
}

export interface ImportedSection<S extends LineSection> {
  lines: SectionLines[S];
  /** Things that did not stop the import, such as columns that are not in the template. */
  warnings: Problem[];
}

export interface ImportedLines extends SectionLines {
  warnings: Problem[];
}

/** A cell as the importer sees it, whichever file it came from. */
type Cell = string | number | boolean | Date | undefined;

interface TableRow {
  /** 1-based row number as a spreadsheet program shows it (the header is row 1). */
  rowNumber: number;
  cells: Cell[];
}

// ---- Amounts and dates ----

/**
 * Som written by a person, into exact tyiyn: "1500.50", "1500,50", "1 500,50", "1,500.50", "1.500,50",
 * "1 500", "1500 сом". With only one kind of separator, one occurrence followed by 1–2 digits is the
 * decimal separator; several occurrences are thousands separators. "1,500" is refused as ambiguous (1.50 or
 * 1500?) — it has more than two decimals if read as a decimal, and asking is cheaper than guessing.
 */
export function parseSomText(text: string): Tyiyn | undefined {
  let t = text
    .normalize('NFKC') // no-break and narrow no-break spaces become plain spaces
    .trim()
    .replace(/\s*(сом|som|kgs)\.?$/i, '')
    .replace(/[\s'’]/g, '');
  let sign = '';
  if (t.startsWith('-') || t.startsWith('+')) {
    sign = t[0] === '-' ? '-' : '';
    t = t.slice(1);
  }
  if (!/^[\d.,]+$/.test(t) || !/^\d/.test(t)) return undefined;
  const commas = t.split(',').length - 1;
  const dots = t.split('.').length - 1;
  let intPart: string;
  let frac = '';
  let thousands: string | undefined;
  if (commas > 0 && dots > 0) {
    const decimal = t.lastIndexOf(',') > t.lastIndexOf('.') ? ',' : '.';
    thousands = decimal === ',' ? '.' : ',';
    if (t.split(decimal).length - 1 !== 1) return undefined;
    [intPart, frac] = t.split(decimal) as [string, string];
  } else if (commas + dots === 1) {
    const sep = commas ? ',' : '.';
    [intPart, frac] = t.split(sep) as [string, string];
    if (frac.length > 2) return undefined;
  } else if (commas + dots > 1) {
    thousands = commas ? ',' : '.';
    intPart = t;
  } else {
    intPart = t;
  }
  if (thousands !== undefined) {
    const groups = intPart.split(thousands);
    if (!groups.every((g, i) => (i === 0 ? /^\d{1,3}$/.test(g) : /^\d{3}$/.test(g)))) return undefined;
    intPart = groups.join('');
  }
  if (!/^\d+$/.test(intPart) || !/^\d{0,2}$/.test(frac)) return undefined;
  return parseSom(`${sign}${intPart}.${frac}`);
}

/**
 * A number from a spreadsheet cell into tyiyn. Spreadsheets hold doubles (1500.5 is 1500.499999…), so
 * the number is first rounded to the 15 significant digits a spreadsheet shows, then must have at most
 * two decimals.
 */
function somFromNumber(n: number): Tyiyn | undefined {
  if (!Number.isFinite(n)) return undefined;
  const shown = Number(n.toPrecision(15));
  if (Number(shown.toFixed(2)) !== shown) return undefined;
  return parseSom(shown.toFixed(2));
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function isoFromParts(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (
    year < 1900 ||
    year > 2999 ||
    d.getUTCFullYear() !== year ||
    d.getUTCMonth() !== month - 1 ||
    d.getUTCDate() !== day
  ) {
    return undefined;
  }
  return d.toISOString().slice(0, 10);
}

function parseDateCell(cell: Exclude<Cell, undefined>): string | undefined {
  // exceljs gives dates as UTC midnight of the day shown.
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime())
      ? undefined
      : isoFromParts(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === 'number') {
    // A date typed into a cell without a date format arrives as its serial number.
    if (!Number.isInteger(cell) || cell < 1 || cell > 400_000) return undefined;
    const d = new Date(EXCEL_EPOCH_MS + cell * 86_400_000);
    return isoFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  const s = String(cell).trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return isoFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  // The way dates are written in Kyrgyzstan: 15.09.2020 (also with "/" as exported by some banks).
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(s);
  if (m) return isoFromParts(Number(m[3]), Number(m[2]), Number(m[1]));
  return undefined;
}

const normaliseValue = (s: string): string => normaliseHeading(s);

/** Drop-down values: the key itself or its label in any locale. */
function enumIndex(key: ColumnSpec['key']): Map<string, string> {
  const index = new Map<string, string>();
  const labels = enumColumnLabels(key as Parameters<typeof enumColumnLabels>[0]);
  for (const [value, l] of Object.entries(labels)) {
    for (const n of [value, l.en, l.ru, l.ky]) index.set(normaliseValue(n), value);
  }
  return index;
}

// ---- The table → lines core shared by CSV and XLSX ----

interface Place {
  sheet?: string;
}

function cellText(cell: Cell): string {
  if (cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

function linesFromTable<S extends LineSection>(
  section: S,
  heading: readonly Cell[],
  rows: readonly TableRow[],
  place: Place,
): Result<ImportedSection<S>, Problem[]> {
  const problems: Problem[] = [];
  const where = (
    code: FilingProblemCode,
    severity: 'error' | 'warning',
    row: number,
    column: string,
    params: Record<string, string | number> = {},
  ) =>
    problems.push(
      filingProblem(code, {
        severity,
        row,
        field: column,
        params: { ...(place.sheet !== undefined ? { sheet: place.sheet } : {}), column, ...params },
      }),
    );

  const known = headingIndex(section);
  const columnAt = new Map<number, ColumnSpec>();
  const found = new Set<string>();
  for (const [i, h] of heading.entries()) {
    const text = cellText(h);
    if (text === '') continue;
    const col = known.get(normaliseHeading(text));
    if (!col) {
      where('import.column_unknown', 'warning', 1, text);
    } else if (found.has(col.key)) {
      where('import.column_duplicate', 'error', 1, col.key);
    } else {
      found.add(col.key);
      columnAt.set(i, col);
    }
  }
  if (found.size === 0) {
    problems.push(
      filingProblem('import.no_header', {
        severity: 'error',
        row: 1,
        params: place.sheet !== undefined ? { sheet: place.sheet } : {},
      }),
    );
    return err(problems);
  }
  for (const col of filingColumns[section]) {
    if (col.required && !found.has(col.key)) where('import.column_missing', 'error', 1, col.key);
  }
  if (problems.some((p) => p.severity === 'error')) return err(problems);

  const enums = new Map<string, Map<string, string>>();
  const lines: Record<string, unknown>[] = [];
  for (const { rowNumber, cells } of rows) {
    if (cells.every((c) => cellText(c) === '')) continue;
    const line: Record<string, unknown> = {};
    for (const [i, col] of columnAt) {
      const cell = cells[i];
      const text = cellText(cell);
      if (text === '' || cell === undefined) {
        if (col.required) where('import.value_required', 'error', rowNumber, col.key);
        continue;
      }
      switch (col.kind) {
        case 'text':
          line[col.key] = text;
          break;
        case 'date': {
          const iso = parseDateCell(cell);
          if (iso === undefined) where('import.date_invalid', 'error', rowNumber, col.key, { value: text });
          else line[col.key] = iso;
          break;
        }
        case 'amount': {
          const amount = typeof cell === 'number' ? somFromNumber(cell) : parseSomText(text);
          if (amount === undefined) where('import.amount_invalid', 'error', rowNumber, col.key, { value: text });
          else if (amount <= 0) where('import.amount_not_positive', 'error', rowNumber, col.key, { value: text });
          else line[col.key] = amount;
          break;
        }
        case 'enum': {
          let index = enums.get(col.key);
          if (!index) enums.set(col.key, (index = enumIndex(col.key)));
          const value = index.get(normaliseValue(text));
          if (value === undefined)
            where('import.value_not_allowed', 'error', rowNumber, col.key, { value: text, enum: col.key });
          else line[col.key] = value;
          break;
        }
      }
    }
    line.lineId ??= `${lineIdPrefix[section]}-${rowNumber}`;
    lines.push(line);
  }
  if (problems.some((p) => p.severity === 'error')) return err(problems);
  // Every required cell was read with its kind checked above, so the shape is that of the section's lines.
  return ok({ lines: lines.map((l) => orderFields(section, l)) as unknown as SectionLines[S], warnings: problems });
}

/** Fields in the order of the format, so that imported lines read (and diff) like filed ones. */
function orderFields(section: LineSection, line: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const col of filingColumns[section]) if (line[col.key] !== undefined) out[col.key] = line[col.key];
  return out;
}

// ---- CSV ----

/** Reads one section's lines from a CSV file. */
export function parseLinesCsv<S extends LineSection>(
  section: S,
  data: Uint8Array | string,
): Result<ImportedSection<S>, Problem[]> {
  let text: string;
  if (typeof data === 'string') {
    text = data.replace(/^\uFEFF/, '');
  } else {
    try {
      // TextDecoder drops a UTF-8 BOM by itself; `fatal` turns windows-1251 files into a clear problem.
      text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      return err([filingProblem('import.not_utf8', { severity: 'error' })]);
    }
  }
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter: guessDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (e) {
    return err([
      filingProblem('import.unreadable', {
        severity: 'error',
        params: { detail: e instanceof Error ? e.message : String(e) },
      }),
    ]);
  }
  const [heading, ...body] = records;
  if (!heading) return err([filingProblem('import.no_header', { severity: 'error', row: 1 })]);
  // Record numbers, not text lines: a quoted cell with a line break stays one row, as in a spreadsheet.
  return linesFromTable(
    section,
    heading,
    body.map((cells, i) => ({ rowNumber: i + 2, cells })),
    {},
  );
}

/**
 * Spreadsheets in ky/ru locales save CSV with ";" because "," is their decimal separator; the header row
 * has no amounts in it, so whichever of the two it holds more of is the delimiter.
 */
function guessDelimiter(text: string): ',' | ';' {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (ch: string) => firstLine.split(ch).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

// ---- XLSX ----

function cellFromExcel(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date)
    return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellFromExcel((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return String(value.error);
  }
  return undefined;
}

/** Reads the lines of every section from an XLSX workbook made from the template. */
export async function parseLinesXlsx(data: Uint8Array): Promise<Result<ImportedLines, Problem[]>> {
  // exceljs unpacks the whole archive in memory: look inside it first.
  const refused = inspectZip(data);
  // Bytes that are no archive at all are simply unreadable, as exceljs says below.
  if (refused && refused.reason !== 'not_zip')
    return err([filingProblem('import.archive_refused', { severity: 'error', params: refusalParams(refused) })]);
  // ExcelJS is loaded at the first workbook, not when the server starts: it is large, and most processes
  // never read or write one.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    // exceljs declares its own Buffer type; a Node Buffer over the same bytes is what it reads.
    await workbook.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ExcelJS.Buffer);
  } catch (e) {
    return err([
      filingProblem('import.unreadable', {
        severity: 'error',
        params: { detail: e instanceof Error ? e.message : String(e) },
      }),
    ]);
  }
  const names = sheetNameIndex();
  const result: ImportedLines = { receipts: [], expenditures: [], refunds: [], warnings: [] };
  const problems: Problem[] = [];
  let sheetsFound = 0;
  for (const worksheet of workbook.worksheets) {
    const section = names.get(normaliseHeading(worksheet.name));
    if (!section) continue; // the hidden Lists sheet, or the filer's own notes
    sheetsFound++;
    const rows: TableRow[] = [];
    let heading: Cell[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: Cell[] = [];
      // exceljs columns are 1-based; the table core is 0-based.
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellFromExcel(cell.value);
      });
      if (rowNumber === 1) heading = cells;
      else rows.push({ rowNumber, cells });
    });
    const parsed = linesFromTable(section, heading, rows, { sheet: worksheet.name });
    if (parsed.ok) {
      (result[section] as unknown[]) = parsed.value.lines;
      result.warnings.push(...parsed.value.warnings);
    } else {
      problems.push(...parsed.error);
    }
  }
  if (sheetsFound === 0) return err([filingProblem('import.no_sheets', { severity: 'error' })]);
  if (problems.some((p) => p.severity === 'error')) return err([...problems, ...result.warnings]);
  return ok(result);
}

export { sheetNames };
