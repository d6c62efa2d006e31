// Form fields: a label, an optional hint, the field's own errors, and the control pointing at them
// (aria-describedby, aria-invalid). Use inside `<form class="stack">`; values come back as typed.
import type { ComponentChildren } from 'preact';
import type { Locale } from '../../domain/election.ts';
import { t } from '../i18n/portal.messages.ts';
import { errorsOf, fieldId, type FieldError } from './form-errors.ts';

export interface FieldProps {
  locale: Locale;
  name: string;
  label: string;
  errors?: readonly FieldError[] | undefined;
  hint?: string | undefined;
  required?: boolean | undefined;
  /** The form's name when a page has several forms (ids `f-form-name`). */
  form?: string | undefined;
}

/** What a control needs to be tied to its field. */
export interface ControlAttrs {
  id: string;
  invalid: 'true' | undefined;
  describedBy: string | undefined;
}

/** The label, hint and the field's own errors, around the control `children` renders. */
export function Field(p: FieldProps & { children: (a: ControlAttrs) => ComponentChildren }) {
  const id = fieldId(p.name, p.form);
  const mine = errorsOf(p.errors ?? [], p.name);
  const describedBy =
    [p.hint ? `${id}-hint` : '', mine.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{p.label}</label>
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

export interface InputProps extends FieldProps {
  value?: string | undefined;
  type?: 'text' | 'date' | 'url' | 'tel' | 'email' | 'number' | 'password' | 'search';
  autocomplete?: string;
  inputMode?: 'numeric' | 'decimal' | 'text' | 'tel' | 'email' | 'url';
  maxLength?: number;
}

export function Input(p: InputProps) {
  return (
    <Field {...p}>
      {(a) => (
        <input
          id={a.id}
          name={p.name}
          type={p.type ?? 'text'}
          value={p.value ?? ''}
          required={p.required}
          autoComplete={p.autocomplete ?? 'off'}
          inputMode={p.inputMode}
          maxLength={p.maxLength}
          aria-invalid={a.invalid}
          aria-describedby={a.describedBy}
        />
      )}
    </Field>
  );
}

/** A calendar day; the hint is for browsers without a date picker, where the field is plain text. */
export function DateInput(p: FieldProps & { value?: string | undefined }) {
  return <Input {...p} type="date" hint={p.hint ?? t(p.locale, 'web.hint.date')} />;
}

export interface SelectOption {
  value: string;
  label: string;
}

/** `placeholder`: a first, empty option "— choose —" (selected when there is no value). */
export function Select(
  p: FieldProps & { value?: string | undefined; options: readonly SelectOption[]; placeholder?: boolean },
) {
  return (
    <Field {...p}>
      {(a) => (
        <select id={a.id} name={p.name} required={p.required} aria-invalid={a.invalid} aria-describedby={a.describedBy}>
          {p.placeholder ? (
            <option value="" selected={!p.value}>
              {t(p.locale, 'web.choose')}
            </option>
          ) : null}
          {p.options.map((o) => (
            <option key={o.value} value={o.value} selected={o.value === p.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function TextArea(p: FieldProps & { value?: string | undefined; rows?: number }) {
  return (
    <Field {...p}>
      {(a) => (
        <textarea
          id={a.id}
          name={p.name}
          rows={p.rows ?? 4}
          required={p.required}
          aria-invalid={a.invalid}
          aria-describedby={a.describedBy}
          value={p.value ?? ''}
        />
      )}
    </Field>
  );
}

/** A file upload; the form needs `enctype="multipart/form-data"` and the CSRF field before this one. */
export function FileInput(p: FieldProps & { accept: string }) {
  return (
    <Field {...p}>
      {(a) => (
        <input
          id={a.id}
          name={p.name}
          type="file"
          accept={p.accept}
          required={p.required}
          aria-invalid={a.invalid}
          aria-describedby={a.describedBy}
        />
      )}
    </Field>
  );
}
