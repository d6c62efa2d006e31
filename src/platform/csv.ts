// The one CSV writer: every CSV file the portal hands out is written here, so that a quote, a line break
// or a formula typed by a filer cannot split a record or run on a reader's machine.

/**
 * A number written as digits (a decimal amount like `-1250.00`): left as it is, where a text cell with
 * the same first character would be neutralised. Made only by `csvNumeral`, which checks the digits.
 */
export interface CsvNumeral {
  readonly numeral: string;
}

/** A cell: text (neutralised and quoted as needed), a number, a checked numeral, or empty. */
export type CsvValue = string | number | CsvNumeral | null | undefined;

const NUMERAL = /^-?\d+(\.\d+)?$/;

/** A decimal number kept as text (money in som). Anything else is a programming error. */
export function csvNumeral(digits: string): CsvNumeral {
  if (!NUMERAL.test(digits)) throw new Error(`Not a decimal number: ${JSON.stringify(digits)}`);
  return { numeral: digits };
}

/**
 * Spreadsheet programs run a cell that starts with = + - @ (and, after their own trimming, a tab or a
 * carriage return) as a formula. A leading apostrophe is what they show as text, so free text typed
 * by parties and filers never becomes one; numbers are written as numbers and are never touched.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseText(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** Quoted when it holds a delimiter, a quote or any line break (a lone CR too, which some readers split on). */
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`Not a finite number: ${v}`);
    return String(v);
  }
  const s = typeof v === 'string' ? neutraliseText(v) : v.numeral;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Records, each ended by CRLF (RFC 4180). */
export function csvRecords(rows: Iterable<readonly CsvValue[]>): string {
  let out = '';
  for (const r of rows) out += `${r.map(csvCell).join(',')}\r\n`;
  return out;
}

/** Without the byte-order mark Excel reads UTF-8 as the local code page and garbles Cyrillic. */
export const CSV_BOM = '\ufeff';

/** A whole file: the byte-order mark, the header and the rows. */
export function csvDocument(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  return CSV_BOM + csvRecords([header]) + csvRecords(rows);
}
