// The forms of the staff pages (the treasurer's drafts and the commission's review): the page frame, the
// error summary at the top whose links lead to the fields, and fields that repeat their own error. Plain
// HTML forms that work without JavaScript.
import type { ComponentChildren } from 'preact';
import type { Locale } from '../../domain/election.ts';
import { toDecimalString, tyiyn } from '../../domain/money.ts';
import { Layout } from '../../platform/web/layout.tsx';
import { t } from '../../platform/i18n/i18n.ts';
import type { Problem } from '../../platform/result.ts';
import { LINE_SECTIONS, type LineSection } from '../core/filing.ts';
import { headerFormField } from '../core/draft.ts';
import { describeProblem } from '../filing.messages.ts';
import { FINANCE_STYLE } from './common.tsx';


const STYLE = `${FINANCE_STYLE}
.error-summary{border:3px solid var(--bad);padding:.5rem 1rem;margin:0 0 1rem}.error-summary h2{margin-top:0;color:var(--bad)}
.field-error{color:var(--bad);font-weight:600;margin:.1rem 0}.hint{color:var(--muted);margin:.1rem 0;font-size:.9rem}
form.stack .field{margin:0 0 .8rem}form.stack label,form.stack legend{display:block;font-weight:600}
form.stack input[aria-invalid=true],form.stack select[aria-invalid=true]{border:2px solid var(--bad)}
.grid-form{display:grid;gap:.2rem 1rem;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr))}
.done{border-left:4px solid var(--ok);padding:.3rem .8rem;background:var(--soft)}
.check-ok{border-left:4px solid var(--ok);padding:.3rem .8rem}.check-bad{border-left:4px solid var(--bad);padding:.3rem .8rem}
.check-warn{border-left:4px solid #c08400;padding:.3rem .8rem}form.inline{display:inline}button.link{background:none;border:none;color:var(--accent);text-decoration:underline;padding:0}
button.danger{background:var(--bad);border-color:var(--bad)}fieldset{border:1px solid var(--line);margin:0 0 1rem}
tr.has-problem{outline:2px solid var(--bad)}section{margin-bottom:1.5rem}`;

/** An error as a form shows it: the id of the element it is about, and what is wrong, in words. */
export interface FormError {
  target: string;
  text: string;
}

export const fieldId = (form: string, name: string) => `f-${form}-${name}`;
export const rowId = (section: LineSection, row: number) => `${section}-row-${row}`;

/** Where on the draft page a problem of the check (or of a refused submission) is to be fixed. */
export function problemTarget(p: Problem): string {
  const section = p.params?.section;
  if (typeof section === 'string' && (LINE_SECTIONS as readonly string[]).includes(section) && p.row !== undefined) return rowId(section as LineSection, p.row);
  if (section === 'attachments') return 'scans';
  const header = headerFormField(p.field);
  if (header) return fieldId('header', header);
  return 'header';
}

/** Problems of a form as errors of its fields: `receipts[3].date` → the form's `date` field. */
export function formErrors(locale: Locale, form: string, problems: Problem[]): FormError[] {
  return problems.map((p) => {
    let name: string | undefined;
    if (form === 'header') name = headerFormField(p.field);
    else if (p.field && /^(receipts|expenditures|refunds)\[\d+\]\./.test(p.field)) name = p.field.split('.').pop();
    else if (p.field === 'file' || p.field === 'section') name = p.field;
    else if (p.field?.startsWith('header.')) name = p.field.split('.').pop();
    else if (p.field) name = p.field;
    return { target: name ? fieldId(form, name) : `form-${form}`, text: describeProblem(p, locale) };
  });
}

export function Page(p: { locale: Locale; title: string; path: string; crumbs: { href?: string; label: string }[]; children: ComponentChildren }) {
  return (
    <Layout locale={p.locale} title={p.title} path={p.path} head={<style>{STYLE}</style>} crumbs={p.crumbs}>
      {p.children}
    </Layout>
  );
}

export function ErrorSummary(p: { locale: Locale; errors: FormError[] }) {
  if (p.errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{t(p.locale, 'filings.errors.title')}</h2>
      <ul>
        {p.errors.map((e, i) => (
          <li key={i}>
            <a href={`#${e.target}`}>{e.text}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Done(p: { text: string | undefined }) {
  return p.text ? (
    <p class="done" role="status">
      {p.text}
    </p>
  ) : null;
}

export interface InputProps {
  form: string;
  name: string;
  label: string;
  errors: FormError[];
  value?: string | undefined;
  type?: string;
  hint?: string;
  required?: boolean;
  inputMode?: 'numeric' | 'decimal' | 'text';
  readOnly?: boolean;
  autocomplete?: string;
}

export function described(id: string, hint: string | undefined, mine: FormError[]): string | undefined {
  return [hint ? `${id}-hint` : '', mine.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export function FieldShell(p: { id: string; label: string; hint?: string; mine: FormError[]; required?: boolean; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={p.id}>
        {p.label}
        {p.required ? ' *' : ''}
      </label>
      {p.hint ? (
        <p class="hint" id={`${p.id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {p.mine.length ? (
        <p class="field-error" id={`${p.id}-error`}>
          {p.mine.map((e) => e.text).join(' ')}
        </p>
      ) : null}
      {p.children}
    </div>
  );
}

export function Input(p: InputProps) {
  const id = fieldId(p.form, p.name);
  const mine = p.errors.filter((e) => e.target === id);
  return (
    <FieldShell id={id} label={p.label} hint={p.hint} mine={mine} required={p.required}>
      <input
        id={id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.value ?? ''}
        inputMode={p.inputMode}
        readOnly={p.readOnly}
        autoComplete={p.autocomplete ?? 'off'}
        aria-invalid={mine.length ? 'true' : undefined}
        aria-describedby={described(id, p.hint, mine)}
      />
    </FieldShell>
  );
}

export function Select(p: { form: string; name: string; label: string; errors: FormError[]; value?: string | undefined; options: Array<[string, string]>; required?: boolean; hint?: string }) {
  const id = fieldId(p.form, p.name);
  const mine = p.errors.filter((e) => e.target === id);
  return (
    <FieldShell id={id} label={p.label} hint={p.hint} mine={mine} required={p.required}>
      <select id={id} name={p.name} aria-invalid={mine.length ? 'true' : undefined} aria-describedby={described(id, p.hint, mine)}>
        {p.required ? null : <option value="">—</option>}
        {p.options.map(([v, label]) => (
          <option key={v} value={v} selected={v === p.value}>
            {label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function FileInput(p: { locale: Locale; form: string; errors: FormError[]; accept: string; label: string; hint?: string }) {
  const id = fieldId(p.form, 'file');
  const mine = p.errors.filter((e) => e.target === id);
  return (
    <FieldShell id={id} label={p.label} hint={p.hint} mine={mine} required>
      <input id={id} name="file" type="file" accept={p.accept} aria-invalid={mine.length ? 'true' : undefined} aria-describedby={described(id, p.hint, mine)} />
    </FieldShell>
  );
}

// ---------------------------------------------------------------- one line

export const somText = (n: number | undefined) => (n === undefined ? '' : toDecimalString(tyiyn(n)));

export const treasurerCrumbs = (l: Locale) => [{ href: `/${l}/treasurer`, label: t(l, 'filings.treasurer.title') }];
