// The frame, error summary, fields and notices that the account pages share: every form carries
// the CSRF token in a hidden field; errors are listed in a summary at the top whose links name and
// lead to the field, and each field repeats its own error next to its label.
import type { ComponentChildren } from 'preact';
import { Layout } from '../../platform/web/layout.tsx';
import { formatDateTime, t } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../domain/election.ts';
import type { Problem } from '../../platform/result.ts';
import '../accounts.messages.ts';

/** An error as a form shows it: which field, in words. */
export interface FormError {
  field: string;
  text: string;
}

export type FormValues = Record<string, string | undefined>;

export const fieldId = (name: string) => `f-${name}`;

function translated(locale: Locale, key: string, params?: Record<string, string | number>): string | undefined {
  const s = t(locale, key, params);
  return s === key ? undefined : s;
}

/** Problems from the services, in the reader's language, falling back to a message per kind. */
export function formErrors(locale: Locale, problems: Problem[]): FormError[] {
  return problems.map((p) => {
    const kind = p.code.split('.').pop() ?? 'invalid';
    const text = translated(locale, `accounts.problem.${p.code}`, p.params) ?? translated(locale, `accounts.problem.generic.${kind}`) ?? p.message;
    return { field: p.field ?? 'input', text };
  });
}

export const label = (locale: Locale, field: string) => translated(locale, `accounts.field.${field}`) ?? field;

const STYLE = `.error-summary{border:3px solid var(--bad);padding:.5rem 1rem;margin:0 0 1rem}.error-summary h2{margin-top:0;color:var(--bad)}
.field-error{color:var(--bad);font-weight:600;margin:.1rem 0}.hint{color:var(--muted);margin:.1rem 0;font-size:.9rem}
form.stack .field{margin:0 0 1rem}form.stack label{display:block;font-weight:600}form.stack input[aria-invalid=true]{border:2px solid var(--bad)}
.done{border-left:4px solid var(--ok);padding:.3rem .8rem;background:var(--soft)}.once{font-size:1.1rem;word-break:break-all;background:var(--soft);padding:.5rem;display:block}
form.inline{display:inline}.account-nav{display:flex;flex-wrap:wrap;gap:.5rem 1rem;list-style:none;padding:0}fieldset{border:1px solid var(--line);margin:0 0 1rem}`;

export function AccountFrame(p: { locale: Locale; title: string; path: string; children: ComponentChildren; crumbs?: boolean }) {
  return (
    <Layout
      locale={p.locale}
      title={p.title}
      path={p.path}
      head={<style>{STYLE}</style>}
      crumbs={p.crumbs === false ? undefined : [{ href: `/${p.locale}/account`, label: t(p.locale, 'accounts.title.account') }, { label: p.title }]}
    >
      {p.children}
    </Layout>
  );
}

export function ErrorSummary({ locale, errors }: { locale: Locale; errors: FormError[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{t(locale, 'accounts.errors.title')}</h2>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>
            <a href={`#${fieldId(e.field)}`}>
              {label(locale, e.field)}: {e.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface FieldProps {
  locale: Locale;
  name: string;
  errors: FormError[];
  type?: string;
  value?: string | undefined;
  autocomplete?: string;
  hint?: string;
  required?: boolean;
  inputMode?: 'numeric' | 'text';
}

export function Field(p: FieldProps) {
  const id = fieldId(p.name);
  const mine = p.errors.filter((e) => e.field === p.name);
  const describedBy = [p.hint ? `${id}-hint` : '', mine.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{label(p.locale, p.name)}</label>
      {p.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {mine.length ? (
        <p class="field-error" id={`${id}-error`}>
          {mine.map((e) => e.text).join(' ')}
        </p>
      ) : null}
      <input
        id={id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.type === 'password' ? undefined : p.value}
        autoComplete={p.autocomplete}
        required={p.required}
        inputMode={p.inputMode}
        aria-invalid={mine.length ? 'true' : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

export function Done({ text }: { text: string | undefined }) {
  return text ? (
    <p class="done" role="status">
      {text}
    </p>
  ) : null;
}

export const when = (locale: Locale, iso: string | null) => (iso ? formatDateTime(locale, iso) : t(locale, 'accounts.tokens.never'));
