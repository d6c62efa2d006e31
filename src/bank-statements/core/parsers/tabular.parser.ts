// CSV and XLSX statement exports, read through a column mapping that says which column holds what
// (saved per bank elsewhere; here it is a parameter). Spreadsheets name neither the account nor the
// currency reliably, so the caller supplies those.

import { parse as parseCsv } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { z } from 'zod';
import type { Problem } from '../../../platform/result.ts';
import { problem } from '../../../platform/result.ts';
import { inspectZip, refusalParams } from '../../../platform/zip-inspection.ts';
import { abs, negate, parseDecimal } from '../decimal.ts';
import { currencySchema, decimalSchema, isRealDate, TRANSACTION_TEXT_FIELDS } from '../statement.ts';
import type { StatementParseResult, StatementTransaction } from '../statement.ts';
import { StatementBuilder, StatementCollector } from '../statement-builder.ts';
import { decodeBytes } from '../text-decoding.ts';

/** A column by its header text (case and spacing ignored) or its 1-based position. */
const columnRefSchema = z.union([z.string().min(1), z.number().int().positive()]);
export type ColumnRef = z.infer<typeof columnRefSchema>;

export const DATE_FORMATS = [
  'YYYY-MM-DD',
  'DD.MM.YYYY',
  'DD/MM/YYYY',
  'MM/DD/YYYY',
  'DD-MM-YYYY',
  'YYYYMMDD',
  'DD.MM.YY',
] as const;

export const columnMappingSchema = z
  .object({
    /** CSV only; guessed from the first lines when absent. */
    delimiter: z.string().length(1).optional(),
    /** CSV only; guessed when absent. */
    encoding: z
      .enum(['utf-8', 'windows-1251', 'windows-1252', 'windows-1250', 'cp866', 'cp852', 'utf-16le', 'utf-16be'])
      .optional(),
    /** 1-based row holding the column headers; data starts on the next row. */
    headerRow: z.number().int().positive().optional(),
    /** XLSX only: sheet name or 1-based number; the first sheet by default. */
    sheet: z.union([z.string().min(1), z.number().int().positive()]).optional(),
    dateFormat: z.enum(DATE_FORMATS),
    /** When absent: the last of "." and "," in a number is the decimal separator. */
    decimalSeparator: z.enum(['.', ',']).optional(),
    columns: z.object({
      bookingDate: columnRefSchema,
      valueDate: columnRefSchema.optional(),
      /** Signed amount (negative = money out)… */
      amount: columnRefSchema.optional(),
      /** …or money in and money out in two columns. */
      credit: columnRefSchema.optional(),
      debit: columnRefSchema.optional(),
      /** A column marking debits ("D", "Дт", "DBIT", …) when the amount column is unsigned. */
      direction: columnRefSchema.optional(),
      currency: columnRefSchema.optional(),
      counterpartyName: columnRefSchema.optional(),
      counterpartyAccount: columnRefSchema.optional(),
      counterpartyId: columnRefSchema.optional(),
      remittance: columnRefSchema.optional(),
      bankReference: columnRefSchema.optional(),
      endToEndReference: columnRefSchema.optional(),
    }),
  })
  .refine((m) => m.columns.amount !== undefined || (m.columns.credit !== undefined && m.columns.debit !== undefined), {
    message: 'map either an amount column or both credit and debit columns',
  });
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** What the file itself does not say about the statement. */
export const tabularStatementInfoSchema = z.object({
  account: z.string().min(1),
  currency: currencySchema,
  statementNumber: z.string().optional(),
  openingBalance: decimalSchema.optional(),
  closingBalance: decimalSchema.optional(),
});
export type TabularStatementInfo = z.infer<typeof tabularStatementInfoSchema>;

const DEBIT_MARKS = new Set(['D', 'DR', 'DBIT', 'DEBIT', 'Д', 'ДТ', 'ДЕБЕТ', 'СПИСАНИЕ', 'РАСХОД', '-']);

type Cell = string;
type Row = { row: number; cells: Cell[] };

/** Parses a CSV export. */
export function parseCsvStatement(
  input: string | Uint8Array,
  mapping: ColumnMapping,
  info: TabularStatementInfo,
): StatementParseResult {
  const collector = new StatementCollector();
  try {
    const text = typeof input === 'string' ? input : decodeBytes(input, mapping.encoding).text;
    const delimiter = mapping.delimiter ?? guessDelimiter(text);
    let records: string[][];
    try {
      // Bank exports put quotes inside unquoted fields (ОсОО "Медиа Ордо"); relax_quotes keeps them as text.
      records = parseCsv(text, {
        delimiter,
        relax_column_count: true,
        relax_quotes: true,
        bom: true,
        skip_empty_lines: false,
      }) as string[][];
    } catch (e) {
      const line = (e as { lines?: number }).lines;
      collector.emit({
        kind: 'problem',
        problem: problem('csv.malformed', `The CSV cannot be read: ${e instanceof Error ? e.message : String(e)}`, {
          severity: 'error',
          ...(typeof line === 'number' ? { row: line } : {}),
        }),
      });
      return collector.result();
    }
    mapRows(
      records.map((cells, i) => ({ row: i + 1, cells })),
      mapping,
      info,
      collector,
    );
  } catch (e) {
    collector.emit({ kind: 'problem', problem: internal(e) });
  }
  return collector.result();
}

/** Parses the first (or the mapped) sheet of an XLSX export. */
export async function parseXlsxStatement(
  input: Uint8Array,
  mapping: ColumnMapping,
  info: TabularStatementInfo,
): Promise<StatementParseResult> {
  const collector = new StatementCollector();
  try {
    const bomb = inspectZip(input);
    if (bomb) {
      const refusal = problem('xlsx.refused', bomb.message, { severity: 'error', params: refusalParams(bomb) });
      collector.emit({ kind: 'problem', problem: refusal });
      return collector.result();
    }
    // ExcelJS is loaded at the first workbook, not when the server starts: it is large, and most processes
    // never read or write one.
    const { default: Excel } = await import('exceljs');
    const wb = new Excel.Workbook();
    try {
      await wb.xlsx.load(Buffer.from(input.buffer, input.byteOffset, input.byteLength) as unknown as ExcelJS.Buffer);
    } catch (e) {
      collector.emit({
        kind: 'problem',
        problem: problem(
          'xlsx.malformed',
          `The XLSX file cannot be read: ${e instanceof Error ? e.message : String(e)}`,
          { severity: 'error' },
        ),
      });
      return collector.result();
    }
    const sheet =
      typeof mapping.sheet === 'string' ? wb.getWorksheet(mapping.sheet) : wb.worksheets[(mapping.sheet ?? 1) - 1];
    if (!sheet) {
      collector.emit({
        kind: 'problem',
        problem: problem('xlsx.sheet_missing', `The workbook has no sheet ${String(mapping.sheet ?? 1)}.`, {
          severity: 'error',
        }),
      });
      return collector.result();
    }
    const rows: Row[] = [];
    sheet.eachRow({ includeEmpty: false }, (r, rowNumber) => {
      const values = Array.isArray(r.values) ? r.values : [];
      const cells: Cell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      rows.push({ row: rowNumber, cells });
    });
    mapRows(rows, mapping, info, collector);
  } catch (e) {
    collector.emit({ kind: 'problem', problem: internal(e) });
  }
  return collector.result();
}

function internal(e: unknown): Problem {
  return problem(
    'parser.internal_error',
    `The spreadsheet parser failed unexpectedly: ${e instanceof Error ? e.message : String(e)}`,
    { severity: 'error' },
  );
}

/** Spreadsheet cell values as the text a person sees (dates as ISO, numbers without float noise). */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? plainNumber(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    // exceljs gives dates as UTC midnight of the calendar day shown in Excel.
    return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  }
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join('');
    if ('result' in o) return cellText(o.result);
    if (typeof o.text === 'string') return o.text;
  }
  return '';
}

/**
 * Excel stores amounts as binary floats; 15 significant digits is what Excel itself shows, so
 * 1234.56 stored as 1234.5599999999999 reads back as "1234.56".
 */
function plainNumber(n: number): string {
  const s = n.toPrecision(15);
  if (/e/i.test(s)) return String(n);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

function guessDelimiter(text: string): string {
  const lines = text.split(/\r?\n/, 10).filter((l) => l.trim().length > 0);
  let best = ',';
  let bestScore = 0;
  for (const d of [';', ',', '\t', '|']) {
    const counts = lines.map((l) => l.split(d).length - 1);
    const min = Math.min(...counts);
    if (min > bestScore) {
      best = d;
      bestScore = min;
    }
  }
  return best;
}

const normaliseHeader = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** Where each mapped role's column is, by number or by its header, and the roles the file lacks. */
function columnIndex(
  mapping: ColumnMapping,
  header: Row | undefined,
): { index: Map<string, number>; missing: string[] } {
  const headers = (header?.cells ?? []).map(normaliseHeader);
  const index = new Map<string, number>();
  const missing: string[] = [];
  for (const [role, ref] of Object.entries(mapping.columns)) {
    if (ref === undefined) continue;
    const i = typeof ref === 'number' ? ref - 1 : headers.indexOf(normaliseHeader(ref));
    if (i < 0) missing.push(`${role} ("${String(ref)}")`);
    else index.set(role, i);
  }
  return { index, missing };
}

function mapRows(rows: Row[], mapping: ColumnMapping, info: TabularStatementInfo, collector: StatementCollector): void {
  const headerRow = mapping.headerRow ?? 1;
  const header = rows.find((r) => r.row === headerRow);
  const needsHeader = Object.values(mapping.columns).some((c) => typeof c === 'string');
  if (needsHeader && !header) {
    collector.emit({
      kind: 'problem',
      problem: problem('tabular.header_missing', `Row ${headerRow} (the header row) is missing.`, {
        row: headerRow,
        severity: 'error',
      }),
    });
    return;
  }
  const { index, missing } = columnIndex(mapping, header);
  if (missing.length > 0) {
    collector.emit({
      kind: 'problem',
      problem: problem('tabular.column_missing', `The file has no column for ${missing.join(', ')}.`, {
        row: headerRow,
        severity: 'error',
        params: { columns: missing.join(', ') },
      }),
    });
    return;
  }
  const builder = new StatementBuilder(0, collector.emit);
  const d = builder.draft;
  d.account = info.account;
  d.currency = info.currency;
  if (info.statementNumber) d.statementNumber = info.statementNumber;
  if (info.openingBalance) d.opening = { amount: info.openingBalance };
  if (info.closingBalance) d.closing = { amount: info.closingBalance };
  const columnName = (role: string): string => {
    const i = index.get(role);
    return i === undefined ? role : (header?.cells[i] ?? `column ${i + 1}`);
  };
  const report = (code: string, message: string, row: number, role: string, severity: 'error' | 'warning' = 'error') =>
    collector.emit({ kind: 'problem', problem: problem(code, message, { row, field: columnName(role), severity }) });
  for (const r of rows) {
    if (r.row <= headerRow) continue;
    const get = (role: string): string => {
      const i = index.get(role);
      return i === undefined ? '' : (r.cells[i] ?? '').trim();
    };
    const dateText = get('bookingDate');
    if (!dateText) {
      // Blank lines and totals rows ("Итого") carry no date; only the latter deserves a word.
      if (get('amount') || get('credit') || get('debit'))
        report(
          'tabular.row_skipped',
          'A row with an amount but no date (a totals row?) is skipped.',
          r.row,
          'bookingDate',
          'warning',
        );
      continue;
    }
    const bookingDate = parseDate(dateText, mapping.dateFormat);
    if (!bookingDate) {
      report(
        'tabular.date_invalid',
        `"${dateText}" is not a real date in the form ${mapping.dateFormat}.`,
        r.row,
        'bookingDate',
      );
      continue;
    }
    const amount = rowAmount(get, mapping, (role, raw) =>
      report('tabular.amount_invalid', `"${raw}" is not an amount.`, r.row, role),
    );
    if (amount.value === undefined) {
      if (!amount.reported)
        report(
          'tabular.amount_missing',
          'The row has no amount.',
          r.row,
          mapping.columns.amount !== undefined ? 'amount' : 'credit',
        );
      continue;
    }
    const currency = get('currency').toUpperCase() || info.currency;
    const tx: StatementTransaction = {
      bookingDate,
      amount: amount.value,
      currency: /^[A-Z]{3}$/.test(currency) ? currency : info.currency,
    };
    const valueText = get('valueDate');
    if (valueText) {
      const valueDate = parseDate(valueText, mapping.dateFormat);
      if (valueDate) tx.valueDate = valueDate;
      else
        report(
          'tabular.date_invalid',
          `"${valueText}" is not a real date in the form ${mapping.dateFormat}.`,
          r.row,
          'valueDate',
          'warning',
        );
    }
    for (const key of TRANSACTION_TEXT_FIELDS) {
      const v = get(key);
      if (v) tx[key] = key === 'counterpartyAccount' ? v.replace(/\s+/g, '') : v;
    }
    builder.addTransaction(tx);
  }
  builder.finish({ row: headerRow });
}

function rowAmount(
  get: (role: string) => string,
  mapping: ColumnMapping,
  bad: (role: string, raw: string) => void,
): { value?: string; reported: boolean } {
  const read = (role: string): { value?: string; bad: boolean } => {
    const raw = get(role);
    if (!raw) return { bad: false };
    const v = parseLocalAmount(raw, mapping.decimalSeparator);
    if (v === undefined) {
      bad(role, raw);
      return { bad: true };
    }
    return { value: v, bad: false };
  };
  if (mapping.columns.amount !== undefined) {
    const a = read('amount');
    if (a.value === undefined) return { reported: a.bad };
    const mark = get('direction').toUpperCase();
    // An unsigned amount with a debit mark is money out.
    const value = mark && DEBIT_MARKS.has(mark) && !a.value.startsWith('-') ? negate(a.value) : a.value;
    return { value, reported: false };
  }
  const credit = read('credit');
  const debit = read('debit');
  if (credit.bad || debit.bad) return { reported: true };
  const c = credit.value && /[1-9]/.test(credit.value) ? credit.value : undefined;
  const dbt = debit.value && /[1-9]/.test(debit.value) ? debit.value : undefined;
  if (c && dbt) {
    bad('debit', `${credit.value} / ${debit.value} (both credit and debit)`);
    return { reported: true };
  }
  if (dbt) return { value: negate(abs(dbt)), reported: false };
  if (c) return { value: abs(c), reported: false };
  return { value: credit.value ?? (debit.value !== undefined ? abs(debit.value) : undefined), reported: false };
}

/**
 * Amounts as spreadsheets show them: "1 234,56", "1,234.56", "1'234.56", "(1234.56)", "1234.56-",
 * with or without a currency code around them.
 */
export function parseLocalAmount(raw: string, decimalSeparator?: '.' | ','): string | undefined {
  let s = raw.replace(/[\s\u00a0\u202f']/g, '').replace(/^[A-Za-zА-Яа-я$€₽с]+\.?|[A-Za-zА-Яа-я$€₽]+\.?$/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.endsWith('-')) {
    negative = true;
    s = s.slice(0, -1);
  }
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  if (!/^[\d.,]+$/.test(s)) return undefined;
  let sep = decimalSeparator;
  if (!sep) {
    const lastDot = s.lastIndexOf('.');
    const lastComma = s.lastIndexOf(',');
    if (lastDot >= 0 && lastComma >= 0) sep = lastDot > lastComma ? '.' : ',';
    else if (lastComma >= 0) sep = s.indexOf(',') === lastComma ? ',' : '.';
    else sep = lastDot >= 0 && s.indexOf('.') !== lastDot ? ',' : '.';
  }
  const thousands = sep === '.' ? ',' : '.';
  s = s.split(thousands).join('');
  const parsed = parseDecimal(s, sep);
  if (!parsed.ok) return undefined;
  return negative ? negate(parsed.value) : parsed.value;
}

function parseDate(text: string, format: (typeof DATE_FORMATS)[number]): string | undefined {
  const t = text.trim();
  // Spreadsheet cells that hold real dates arrive as ISO text whatever the mapping says.
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(t);
  let y: number;
  let m: number;
  let d: number;
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else {
    const parts = /^(\d{1,4})[./-]?(\d{1,2})[./-]?(\d{2,4})(?:\s.*)?$/.exec(t);
    if (!parts) return undefined;
    const [a, b, c] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
    switch (format) {
      case 'YYYY-MM-DD':
      case 'YYYYMMDD':
        [y, m, d] = [a, b, c];
        break;
      case 'MM/DD/YYYY':
        [y, m, d] = [c, a, b];
        break;
      case 'DD.MM.YY':
        [y, m, d] = [c < 100 ? 2000 + c : c, b, a];
        break;
      case 'DD.MM.YYYY':
      case 'DD/MM/YYYY':
      case 'DD-MM-YYYY':
        [y, m, d] = [c, b, a];
        break;
    }
  }
  if (!isRealDate(y, m, d) || y < 1000) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
