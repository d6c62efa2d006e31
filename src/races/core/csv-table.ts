// A CSV file of the races read into rows by column name: UTF-8 with or without the byte-order mark,
// commas or semicolons (Excel in a Russian locale writes the latter), a header row whose columns may
// come in any order but must be exactly the expected ones, so that a misspelt column is refused instead
// of read as empty. Cells are trimmed; a cell with a control character or beyond its length is refused
// by the caller through `textCell`. Rows are numbered as records, the header being row 1; blank lines are
// skipped and not counted.
import { parse as parseCsv } from 'csv-parse/sync';
import { err, ok, type Problem, type Result } from '../../platform/result.ts';
import { hasControlCharacter } from '../../platform/plain-text.ts';
import { cellProblem, raceProblem } from './race-problem.ts';

/** One data row: its number in the file (the header is row 1) and its cells by column. */
export interface CsvRow<C extends string> {
  row: number;
  cells: Record<C, string>;
}

/** Names, regions and codes are short: anything longer is the wrong column or the wrong file. */
export const MAX_CELL = 200;

function delimiterOf(body: string): string {
  const first = body.split(/\r?\n/, 1)[0] ?? '';
  return first.split(';').length > first.split(',').length ? ';' : ',';
}

export function readCsvTable<C extends string>(text: string, columns: readonly C[]): Result<CsvRow<C>[]> {
  const body = text.replace(/^\ufeff/, '');
  let records: string[][];
  try {
    records = parseCsv(body, { delimiter: delimiterOf(body), relax_column_count: true, skip_empty_lines: true });
  } catch (e) {
    return err([raceProblem('csv.unreadable', { reason: e instanceof Error ? e.message : String(e) })]);
  }
  const [header, ...data] = records;
  if (!header) return err([raceProblem('csv.empty', {}, { row: 1 })]);
  const index = new Map<C, number>();
  const problems: Problem[] = [];
  header.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    const column = columns.find((c) => c === name);
    const at = { row: 1, field: name };
    if (column === undefined) problems.push(raceProblem('header.unknown_column', { column: raw.trim() }, at));
    else if (index.has(column)) problems.push(raceProblem('header.duplicate_column', { column }, at));
    else index.set(column, i);
  });
  for (const c of columns)
    if (!index.has(c)) problems.push(raceProblem('header.missing_column', { column: c }, { row: 1, field: c }));
  if (problems.length > 0) return err(problems);
  if (data.length === 0) return err([raceProblem('csv.no_rows', {}, { row: 2 })]);
  return ok(
    data.map((cells, i) => {
      const byColumn = {} as Record<C, string>;
      for (const c of columns) byColumn[c] = (cells[index.get(c) ?? -1] ?? '').trim();
      return { row: i + 2, cells: byColumn };
    }),
  );
}

/**
 * The text of a cell that must be one printable line of at most `MAX_CELL` characters, or undefined
 * with the problem added; `required` also refuses an empty cell.
 */
export function textCell<C extends string>(
  r: CsvRow<C>,
  column: C,
  problems: Problem[],
  required: boolean,
): string | undefined {
  const v = r.cells[column];
  if (v === '') {
    if (required) problems.push(cellProblem('row.required', r.row, column));
    return required ? undefined : v;
  }
  if (hasControlCharacter(v)) problems.push(cellProblem('row.control_character', r.row, column));
  else if (v.length > MAX_CELL) problems.push(cellProblem('row.too_long', r.row, column, { max: MAX_CELL }));
  else return v;
  return undefined;
}

/** District codes: what an address can carry as it is, and what the commission's numbering uses. */
export const DISTRICT_CODE = /^[0-9A-Za-z](?:[0-9A-Za-z-]{0,31})$/;

/** The district code of a cell, or undefined with the problem added. */
export function codeCell<C extends string>(r: CsvRow<C>, column: C, problems: Problem[]): string | undefined {
  const v = r.cells[column];
  if (v === '') problems.push(cellProblem('row.required', r.row, column));
  else if (!DISTRICT_CODE.test(v)) problems.push(cellProblem('row.bad_code', r.row, column, { value: v }));
  else return v;
  return undefined;
}

/** A file's bytes as text: only UTF-8, since a Windows-1251 export would be read as garbled names. */
export function decodeCsv(bytes: Uint8Array): Result<string> {
  try {
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return err([raceProblem('csv.encoding')]);
  }
}
