// Problems of a refused upload or form in the reader's language, with the line or element of the file
// they concern, as errors of the form's fields for the kit's error summary.
import type { Locale } from '../../domain/election.ts';
import type { Problem } from '../../platform/result.ts';
import { formErrors, type FieldError } from '../../platform/web/index.ts';
import { t } from '../bank-statement.messages.ts';

/** Where in the file a problem is, in words: "line 12", "element Ntry/Amt". */
export function problemWhere(locale: Locale, p: Problem): string | undefined {
  const parts: string[] = [];
  if (p.row !== undefined) parts.push(t(locale, 'bank.where.row', { row: p.row }));
  if (p.field !== undefined && !/^statement\[\d+\]$/.test(p.field) && !['file', 'input'].includes(p.field))
    parts.push(t(locale, 'bank.where.field', { field: p.field }));
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** A problem in the reader's language; the English message when the code has no translation. */
export function problemText(locale: Locale, p: Problem): string {
  const params = p.params ?? {};
  const kind = p.code.split('.').pop() ?? 'invalid';
  return (
    t.lookup(locale, `bank.problem.${p.code}`, params) ?? t.lookup(locale, `bank.problem.generic.${kind}`) ?? p.message
  );
}

/** How many problems of a refused file the page lists; the rest are counted. */
export const PROBLEMS_SHOWN = 100;

/**
 * The problems of a refused upload, all at the file input (each says where in the file it is) except
 * those about the bank named in the form.
 */
export function uploadErrors(locale: Locale, problems: readonly Problem[]): FieldError[] {
  return formErrors(problems.slice(0, PROBLEMS_SHOWN), {
    describe: (p) => {
      const where = p.field === 'bank' ? undefined : problemWhere(locale, p);
      return where ? `${where}: ${problemText(locale, p)}` : problemText(locale, p);
    },
    fieldOf: (p) => (p.field === 'bank' ? 'bank' : 'statement'),
    fileField: 'statement',
    fromFile: (p) => p.field !== 'bank',
  });
}
