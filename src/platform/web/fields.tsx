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

/**
 * The props every field of one form shares: its locale and errors, and per field its name, its label
 * and the value sent back when the form was refused. `const field = formField(l, p, labelOf)` and then
 * `<Input {...field('name')} />`. `form.name` is the form's name on a page with several forms.
 */
export function formField<N extends string>(
  locale: Locale,
  form: {
    name?: string;
    errors?: readonly FieldError[] | undefined;
    values?: Readonly<Record<string, string | undefined>> | undefined;
  },
  labelOf: (name: N) => string,
): (name: N) => FieldProps & { value: string | undefined } {
  return (name) => ({
    locale,
    form: form.name,
    errors: form.errors,
    name,
    label: labelOf(name),
    value: form.values?.[name],
  });
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

/**
 * The attributes every control carries, with the control's own ones in between: `before` goes after the
 * name, `after` after `required`, so that the markup keeps one attribute order for every page.
 */
function controlAttrs<B extends object, A extends object>(p: FieldProps, a: ControlAttrs, before: B, after: A) {
  return {
    id: a.id,
    name: p.name,
    ...before,
    required: p.required,
    ...after,
    'aria-invalid': a.invalid,
    'aria-describedby': a.describedBy,
  };
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
          {...controlAttrs(
            p,
            a,
            { type: p.type ?? 'text', value: p.value ?? '' },
            { autoComplete: p.autocomplete ?? 'off', inputMode: p.inputMode, maxLength: p.maxLength },
          )}
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
        <select {...controlAttrs(p, a, {}, {})}>
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
    <Field {...p}>{(a) => <textarea {...controlAttrs(p, a, { rows: p.rows ?? 4 }, {})} value={p.value ?? ''} />}</Field>
  );
}

/** A file upload; the form needs `enctype="multipart/form-data"` and the CSRF field before this one. */
export function FileInput(p: FieldProps & { accept: string }) {
  return <Field {...p}>{(a) => <input {...controlAttrs(p, a, { type: 'file', accept: p.accept }, {})} />}</Field>;
}
