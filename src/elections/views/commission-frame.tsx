// What every commission screen shares (the commission's home is the elections' list, so the
// elections capability holds it): the screens' addresses, the page frame with the commission in the
// breadcrumbs, problems in the reader's words, the error summary, the form fields and the notice
// after a change. Forms are shown only to those who may send them; the server checks again.
import type { ComponentChildren } from 'preact';
import { Layout } from '../../platform/web/layout.tsx';
import { formatDate, t } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../domain/election.ts';
import type { Problem } from '../../platform/result.ts';
import '../election.messages.ts';

// ---------------------------------------------------------------- addresses

export const enc = encodeURIComponent;
export const commissionHomePath = (l: Locale): string => `/${l}/commission`;
// The forms have paths of their own, so that no election id or registration number can shadow them.
export const newElectionPath = (l: Locale): string => `/${l}/commission/new-election`;
export const electionsPath = (l: Locale): string => `/${l}/commission/elections`;
export const commissionElectionPath = (l: Locale, id: string): string => `/${l}/commission/elections/${enc(id)}`;
export const newPartyPath = (l: Locale, id: string): string => `${commissionElectionPath(l, id)}/register-party`;
export const partiesPath = (l: Locale, id: string): string => `${commissionElectionPath(l, id)}/parties`;
export const commissionPartyPath = (l: Locale, id: string, reg: string): string => `${commissionElectionPath(l, id)}/parties/${enc(reg)}`;
export const activityPath = (l: Locale, id: string): string => `${commissionElectionPath(l, id)}/activity`;

// ---------------------------------------------------------------- problems in words

/** An error as a page shows it: the field it belongs to, and the words. */
export interface FormError {
  field: string;
  text: string;
  /** The words already say where (a file's row and column), so the summary adds no field label. */
  located: boolean;
}

export function translated(l: Locale, key: string, params?: Record<string, string | number>): string | undefined {
  try {
    const s = t(l, key, params);
    return s === key ? undefined : s;
  } catch {
    return undefined; // the translation needs a parameter this problem does not carry
  }
}

/** A problem in the reader's language; the English of the Problem when the catalogue lacks it. */
export function problemText(l: Locale, p: Problem): string {
  // Row numbers are shown as they are, without a thousands separator.
  const params: Record<string, string | number> = { ...(p.row !== undefined ? { row: String(p.row) } : {}), ...(p.field ? { column: p.field } : {}) };
  for (const [k, v] of Object.entries(p.params ?? {})) params[k] = k === 'row' || k === 'other' ? String(v) : v;
  if (p.code.startsWith('list_rule.')) {
    const rule = p.code.slice('list_rule.'.length);
    return translated(l, 'commission.problem.list_rule', { rule: t(l, `rule.${rule}`), actual: String(p.params?.actual ?? ''), required: String(p.params?.required ?? '') }) ?? p.message;
  }
  return translated(l, `commission.problem.${p.code}`, params) ?? p.message;
}

/**
 * Problems for the page. `fileField` is where problems of an uploaded file (rows, columns, list
 * rules) are shown: they carry the file's column, not a form field.
 */
export function formErrors(l: Locale, problems: Problem[], opts: { fileField?: string; fallbackField: string; formFields: readonly string[] }): FormError[] {
  return problems.map((p) => {
    const fromFile = p.code.startsWith('import.') || p.code.startsWith('list_rule.');
    const field = fromFile ? (opts.fileField ?? opts.fallbackField) : p.field && opts.formFields.includes(p.field) ? p.field : opts.fallbackField;
    return { field, text: problemText(l, p), located: fromFile };
  });
}

export const fieldId = (name: string) => `f-${name}`;
export const label = (l: Locale, name: string) => t(l, `commission.field.${name}`);

// ---------------------------------------------------------------- page frame and form parts

export const STYLE = `.error-summary{border:3px solid var(--bad);padding:.5rem 1rem;margin:0 0 1rem}.error-summary h2{margin-top:0;color:var(--bad)}
.field-error{color:var(--bad);font-weight:600;margin:.1rem 0}.hint{color:var(--muted);margin:.1rem 0;font-size:.9rem}
form.stack .field{margin:0 0 1rem}form.stack label{display:block;font-weight:600}form.stack [aria-invalid=true]{border:2px solid var(--bad)}
form.stack textarea{width:100%;font:inherit}form.stack input[type=text]{width:min(100%,36rem)}
.done{border-left:4px solid var(--ok);padding:.3rem .8rem;background:var(--soft)}fieldset{border:1px solid var(--line);margin:0 0 1rem}
.actions{display:flex;flex-wrap:wrap;gap:.5rem 1rem;list-style:none;padding:0}pre.change{white-space:pre-wrap;word-break:break-word;font-size:.85rem;margin:.2rem 0}`;

export interface Crumb {
  href?: string;
  label: string;
}

export function CommissionPage(p: { l: Locale; title: string; path: string; crumbs: Crumb[]; synthetic?: boolean; children: ComponentChildren }) {
  return (
    <Layout
      locale={p.l}
      title={p.title}
      path={p.path}
      synthetic={p.synthetic}
      head={<style>{STYLE}</style>}
      crumbs={[{ href: commissionHomePath(p.l), label: t(p.l, 'commission.crumb') }, ...p.crumbs]}
    >
      {p.children}
    </Layout>
  );
}

export function ErrorSummary({ l, errors }: { l: Locale; errors: FormError[] }) {
  if (errors.length === 0) return null;
  const fromFile = errors.some((e) => e.located);
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} id="error-summary">
      <h2 id="error-summary-title">{t(l, 'commission.errors.title')}</h2>
      {fromFile ? <p>{t(l, 'commission.errors.nothingSaved')}</p> : null}
      <ul>
        {errors.map((e, i) => (
          <li key={i}>
            <a href={`#${fieldId(e.field)}`}>{e.located ? e.text : `${label(l, e.field)}: ${e.text}`}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Done({ text, children }: { text: string | undefined; children?: ComponentChildren }) {
  return text ? (
    <div class="done" role="status">
      <p>{text}</p>
      {children}
    </div>
  ) : null;
}

export interface FieldBase {
  l: Locale;
  name: string;
  errors: FormError[];
  hint?: string | undefined;
  required?: boolean;
}

/** The label, hint and the field's own errors, with the ids the control points at. */
export function FieldFrame(p: FieldBase & { children: (a: { id: string; invalid: 'true' | undefined; describedBy: string | undefined }) => ComponentChildren }) {
  const id = fieldId(p.name);
  const mine = p.errors.filter((e) => e.field === p.name);
  const describedBy = [p.hint ? `${id}-hint` : '', mine.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{label(p.l, p.name)}</label>
      {p.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {mine.length ? (
        <ul class="field-error" id={`${id}-error`}>
          {mine.map((e, i) => (
            <li key={i}>{e.text}</li>
          ))}
        </ul>
      ) : null}
      {p.children({ id, invalid: mine.length ? 'true' : undefined, describedBy })}
    </div>
  );
}

export function Input(p: FieldBase & { value?: string | undefined; type?: 'text' | 'date' | 'url' | 'tel'; autocomplete?: string; inputMode?: 'numeric' | 'decimal' }) {
  return (
    <FieldFrame {...p}>
      {(a) => (
        <input
          id={a.id}
          name={p.name}
          type={p.type ?? 'text'}
          value={p.value ?? ''}
          required={p.required}
          autoComplete={p.autocomplete ?? 'off'}
          inputMode={p.inputMode}
          aria-invalid={a.invalid}
          aria-describedby={a.describedBy}
        />
      )}
    </FieldFrame>
  );
}

export function DateInput(p: FieldBase & { value?: string | undefined }) {
  // The hint is for browsers without a date picker, where the field is plain text.
  return <Input {...p} type="date" hint={p.hint ?? t(p.l, 'commission.hint.date')} />;
}

export function Select(p: FieldBase & { value?: string | undefined; options: Array<{ value: string; label: string }>; placeholder?: boolean }) {
  return (
    <FieldFrame {...p}>
      {(a) => (
        <select id={a.id} name={p.name} required={p.required} aria-invalid={a.invalid} aria-describedby={a.describedBy}>
          {p.placeholder ? (
            <option value="" selected={!p.value}>
              {t(p.l, 'commission.choose')}
            </option>
          ) : null}
          {p.options.map((o) => (
            <option key={o.value} value={o.value} selected={o.value === p.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

export function TextArea(p: FieldBase & { value?: string | undefined; rows?: number }) {
  return (
    <FieldFrame {...p}>
      {(a) => <textarea id={a.id} name={p.name} rows={p.rows ?? 4} required={p.required} aria-invalid={a.invalid} aria-describedby={a.describedBy} value={p.value ?? ''} />}
    </FieldFrame>
  );
}

export function FileInput(p: FieldBase & { accept: string }) {
  return (
    <FieldFrame {...p}>
      {(a) => <input id={a.id} name={p.name} type="file" accept={p.accept} required={p.required} aria-invalid={a.invalid} aria-describedby={a.describedBy} />}
    </FieldFrame>
  );
}

export const when = (l: Locale, iso: string | null) => (iso ? formatDate(l, iso) : '—');
