// Problems of a refused upload or form in the reader's language, with the line or element of the file
// they concern.
import { t } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../domain/election.ts';
import type { Problem } from '../../platform/result.ts';
import { translated } from './bank-page.tsx';
import '../bank-statement.messages.ts';

/** Where in the file a problem is, in words: "line 12", "element Ntry/Amt". */
export function problemWhere(locale: Locale, p: Problem): string | undefined {
  const parts: string[] = [];
  if (p.row !== undefined) parts.push(t(locale, 'bank.where.row', { row: p.row }));
  if (p.field !== undefined && !/^statement\[\d+\]$/.test(p.field) && !['file', 'input'].includes(p.field)) parts.push(t(locale, 'bank.where.field', { field: p.field }));
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** A problem in the reader's language; the English message when the code has no translation. */
export function problemText(locale: Locale, p: Problem): string {
  const params = p.params ?? {};
  const kind = p.code.split('.').pop() ?? 'invalid';
  return translated(locale, `bank.problem.${p.code}`, params) ?? translated(locale, `bank.problem.generic.${kind}`) ?? p.message;
}

export function Problems(p: { locale: Locale; problems: Problem[]; title: string }) {
  if (p.problems.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{p.title}</h2>
      <ul>
        {p.problems.slice(0, 100).map((x, i) => {
          const where = problemWhere(p.locale, x);
          return (
            <li key={i} data-code={x.code}>
              {where ? <strong>{where}: </strong> : null}
              {problemText(p.locale, x)}
            </li>
          );
        })}
      </ul>
      {p.problems.length > 100 ? <p>… {p.problems.length - 100}</p> : null}
    </div>
  );
}
