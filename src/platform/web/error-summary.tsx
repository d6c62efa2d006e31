// The box at the top of a refused form: what is wrong, each entry a link to the field to fix.
import type { ComponentChildren } from 'preact';
import type { Locale } from '../../domain/election.ts';
import { t } from '../i18n/portal.messages.ts';
import { fieldId, type FieldError } from './form-errors.ts';

export interface ErrorSummaryProps {
  locale: Locale;
  errors: readonly FieldError[];
  /** The heading; "There is a problem" by default. */
  title?: string;
  /** Field labels: entries read "Label: text" (unless the error is `located`). Without it, just the text. */
  labelOf?: (field: string) => string | undefined;
  /** The form's name when a page has several forms (ids `f-form-name`). */
  form?: string;
  /** Said under the heading (e.g. "Nothing was saved"). */
  intro?: ComponentChildren;
}

export function ErrorSummary(p: ErrorSummaryProps) {
  if (p.errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} id="error-summary">
      <h2 id="error-summary-title">{p.title ?? t(p.locale, 'web.errors.title')}</h2>
      {p.intro ? <p>{p.intro}</p> : null}
      <ul>
        {p.errors.map((e, i) => {
          const label = e.located ? undefined : p.labelOf?.(e.field);
          return (
            <li key={i}>
              <a href={`#${e.target ?? fieldId(e.field, p.form)}`}>{label ? `${label}: ${e.text}` : e.text}</a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
