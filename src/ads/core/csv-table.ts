// The platforms' CSV files as a header and numbered rows. They are UTF-8, Meta's with a
// byte-order mark; anything that is not valid UTF-8 is refused rather than guessed, because a
// wrong guess would garble every advertiser's name.

import { parse as parseCsv } from 'csv-parse/sync';
import { problem, type Problem } from '../../platform/result.ts';

export interface CsvRow {
  /** 1-based line where the row starts in the file. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

/** Text of a file: the byte-order mark dropped; undefined when the bytes are not UTF-8. */
export function decodeUtf8(input: string | Uint8Array): string | undefined {
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return undefined;
    }
  }
  return text.startsWith('\ufeff') ? text.slice(1) : text;
}

export function readCsvTable(input: string | Uint8Array): { table: CsvTable } | { problem: Problem } {
  const text = decodeUtf8(input);
  if (text === undefined)
    return {
      problem: problem('csv.encoding_invalid', 'The file is not UTF-8 text; save it again as UTF-8.', {
        severity: 'error',
      }),
    };
  let records: { record: string[]; info: { lines: number; raw?: string } }[];
  try {
    records = parseCsv(text, {
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      info: true,
      raw: true,
    }) as unknown as { record: string[]; info: { lines: number; raw?: string } }[];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    return {
      problem: problem('csv.malformed', `The CSV cannot be read: ${e instanceof Error ? e.message : String(e)}`, {
        severity: 'error',
        ...(typeof line === 'number' ? { row: line } : {}),
      }),
    };
  }
  const rows: CsvRow[] = [];
  for (const { record, info } of records) {
    // A quoted cell may span lines; the row starts as many lines before its end as it holds breaks.
    const breaks = (info.raw ?? '').replace(/\r?\n$/, '').split(/\r\n|\n|\r/).length - 1;
    rows.push({ line: info.lines - breaks, cells: record });
  }
  const [first, ...rest] = rows;
  if (!first) return { problem: problem('csv.empty', 'The file is empty.', { severity: 'error' }) };
  return { table: { header: first.cells.map((h) => h.trim()), rows: rest } };
}

/** Blank lines (a trailing newline, a gap) carry nothing and are passed over without a word. */
export const isBlankRow = (r: CsvRow): boolean => r.cells.every((c) => c.trim() === '');

/** Every non-blank row read by `read`: the advertisers it gives, and the refused rows added to `problems`. */
export function readAdvertiserRows<T>(
  rows: readonly CsvRow[],
  problems: Problem[],
  read: (r: CsvRow) => { advertiser: T } | { problem: Problem },
): T[] {
  const advertisers: T[] = [];
  for (const r of rows) {
    if (isBlankRow(r)) continue;
    const parsed = read(r);
    if ('problem' in parsed) problems.push(parsed.problem);
    else advertisers.push(parsed.advertiser);
  }
  return advertisers;
}

/** One data row as a parser reads it: its trimmed cells, and how to refuse it at its line. */
export interface RowReader {
  cell(column: number): string;
  /** The row refused with a Problem at its line, naming the column when one column is at fault. */
  fail(code: string, message: string, column?: number, params?: Record<string, string | number>): { problem: Problem };
}

/**
 * A reader of one row with the advertiser's name, or the row's refusal when it has not as many cells as
 * the header (`<source>.row_columns`) or no name in `name.column` (`<source>.name_missing`).
 */
export function readRow(
  source: string,
  cells: readonly string[],
  line: number,
  header: readonly string[],
  name: { column: number; missing: string },
): (RowReader & { name: string }) | { problem: Problem } {
  const fail: RowReader['fail'] = (code, message, column, params = {}) => ({
    problem: problem(code, message, {
      row: line,
      severity: 'error',
      ...(column !== undefined ? { field: header[column] ?? `column ${column + 1}` } : {}),
      params,
    }),
  });
  if (cells.length !== header.length)
    return fail(
      `${source}.row_columns`,
      `The row has ${cells.length} columns where the header has ${header.length}.`,
      undefined,
      { found: cells.length, expected: header.length },
    );
  const cell = (i: number) => (cells[i] ?? '').trim();
  const advertiser = cell(name.column);
  if (!advertiser) return fail(`${source}.name_missing`, name.missing, name.column);
  return { cell, fail, name: advertiser };
}
