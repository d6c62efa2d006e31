// Problems of a form (from parseForm or a service) as errors of its fields, for ErrorSummary and the
// fields. One shape serves the three kinds of form there are:
// - plain forms: the problem's `field` is a form field (`name`), else the error goes to `fallback`;
// - forms over nested data: `receipts[3].date` or `header.date` is shown at the form's `date` field;
// - uploads: problems of the file's rows and columns are `located` (their text already says where) and
//   shown at the file input (`fileField`).
import type { Problem } from '../result.ts';

/** An error as a page shows it. */
export interface FieldError {
  /** The form field it belongs to. */
  field: string;
  /** What is wrong, in the reader's language. */
  text: string;
  /** The text already says where (a file's row and column): the summary adds no field label. */
  located?: boolean;
  /** The id the summary links to, when it is not the field's own (a table row, a section). */
  target?: string;
}

export interface FormErrorOptions {
  /** The problem in the reader's language. */
  describe: (p: Problem) => string;
  /** The form's fields; a problem about anything else goes to `fallback`. All fields when omitted. */
  fields?: readonly string[];
  /** Where problems go that name no field of the form (default `input`). */
  fallback?: string;
  /** Problems of an uploaded file's content go to this field, marked `located`. */
  fileField?: string;
  /** Which problems are about the file's content (default: a `row` is given). */
  fromFile?: (p: Problem) => boolean;
  /** A field chosen by the caller; undefined falls back to the rules above. */
  fieldOf?: (p: Problem) => string | undefined;
  /** An anchor other than the field's (rows of a table). */
  targetOf?: (p: Problem) => string | undefined;
}

/** The field a problem's path names: `receipts[3].date` → `date`, `header.name` → `name`, `name` → `name`. */
export function fieldOfPath(path: string): string {
  const last = path.split('.').pop() ?? path;
  return last.replace(/\[\d+\]$/, '');
}

export function formErrors(problems: readonly Problem[], opts: FormErrorOptions): FieldError[] {
  const fallback = opts.fallback ?? 'input';
  const known = (f: string | undefined): f is string =>
    f !== undefined && f !== '' && (!opts.fields || opts.fields.includes(f));
  return problems.map((p) => {
    const text = opts.describe(p);
    const target = opts.targetOf?.(p);
    const extra = target ? { target } : {};
    if (opts.fileField !== undefined && (opts.fromFile ?? ((x: Problem) => x.row !== undefined))(p))
      return { field: opts.fileField, text, located: true, ...extra };
    const chosen = opts.fieldOf?.(p);
    if (chosen !== undefined) return { field: chosen, text, ...extra };
    const field = known(p.field)
      ? p.field
      : p.field !== undefined && known(fieldOfPath(p.field))
        ? fieldOfPath(p.field)
        : fallback;
    return { field, text, ...extra };
  });
}

/** The errors of one field. */
export const errorsOf = (errors: readonly FieldError[], field: string): FieldError[] =>
  errors.filter((e) => e.field === field);

/** The id of a field's control: `f-name`, or `f-form-name` when a page has several forms. */
export const fieldId = (name: string, form?: string): string => (form ? `f-${form}-${name}` : `f-${name}`);
