// The header row of an import file: every required column present (in any order), optional ones noted,
// unknown ones refused so that a misspelt column is not silently empty.
import { err, ok, problem, type Result } from '../../platform/result.ts';

/** Column name → its index in a row. */
export type ColumnIndex = ReadonlyMap<string, number>;

export function readHeader(
  header: readonly string[],
  required: readonly string[],
  optional: readonly string[] = [],
): Result<ColumnIndex> {
  const index = new Map<string, number>();
  const problems = [];
  header.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if (!required.includes(name) && !optional.includes(name))
      problems.push(problem('header.unknown_column', `Unknown column "${raw}".`, { row: 1, field: raw }));
    else index.set(name, i);
  });
  for (const c of required)
    if (!index.has(c))
      problems.push(problem('header.missing_column', `Column "${c}" is missing.`, { row: 1, field: c }));
  return problems.length > 0 ? err(problems) : ok(index);
}

/** The trimmed cell of `column`, '' when the row is short or the column optional and absent. */
export function cell(cells: readonly string[], cols: ColumnIndex, column: string): string {
  const i = cols.get(column);
  return i === undefined ? '' : (cells[i] ?? '').trim();
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `s` is a real calendar day written YYYY-MM-DD. */
export function isIsoDay(s: string): boolean {
  const m = ISO_DAY.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}
