// The problems of the races' files: each code has its words in the capability's catalogue under
// `races.problem.<code>`, and the English of those words is the problem's plain message, so the command
// line and the pages say the same thing.
import type { Locale } from '../../domain/election.ts';
import { problem, type Problem } from '../../platform/result.ts';
import { t } from '../races.messages.ts';

type Params = Record<string, string | number>;

/** A problem of the whole file or of its header (row 1), or of an election. */
export function raceProblem(code: string, params: Params = {}, where: { row?: number; field?: string } = {}): Problem {
  const message = t.lookup('en', `races.problem.${code}`, params);
  // A code without words is a programming error, not an input the commission could fix.
  if (message === undefined) throw new Error(`races: no words for the problem ${code}`);
  return problem(code, message, { ...where, params });
}

/** A problem of one cell: its row (the header is row 1) and its column. */
export function cellProblem(code: string, row: number, column: string, params: Params = {}): Problem {
  return raceProblem(code, { ...params, row, column }, { row, field: column });
}

/** A problem in the visitor's language. */
export function problemText(l: Locale, p: Problem): string {
  return t.lookup(l, `races.problem.${p.code}`, p.params) ?? p.message;
}
