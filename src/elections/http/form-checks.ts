// The conventions every commission form follows: a form's fields read as trimmed text, and the
// checks of a field a browser can get wrong (required, too long, not a date), each problem naming the
// field so the page shows it in the error summary and next to the field. Pure: no database, no HTTP.
import { problem, type Problem } from '../../platform/result.ts';
import { formValues as fieldsOf } from '../../platform/web/form.ts';

/** What a form sent, field by field, as typed (also what is shown again after a refusal). */
export type FormValues = Record<string, string>;

/** Longest free text accepted in one short field. */
export const MAX_SHORT = 300;

export function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Reads the form's fields `names`: strings only, trimmed; a repeated field keeps its first value. */
export function formValues(body: unknown, names: readonly string[]): FormValues {
  const all = fieldsOf(body);
  return Object.fromEntries(names.map((n) => [n, (all[n] ?? '').trim()]));
}

export const required = (field: string): Problem => problem('commission.required', `${field}: required.`, { field });
export const badDate = (field: string): Problem =>
  problem('commission.bad_date', `${field}: not a date (YYYY-MM-DD).`, { field });
export const tooLong = (field: string, max: number): Problem =>
  problem('commission.too_long', `${field}: longer than ${max} characters.`, { field, params: { max } });

export function checkText(
  v: FormValues,
  field: string,
  problems: Problem[],
  opts: { required?: boolean; max?: number } = {},
): void {
  const s = v[field] ?? '';
  if (opts.required && s === '') problems.push(required(field));
  else if (s.length > (opts.max ?? MAX_SHORT)) problems.push(tooLong(field, opts.max ?? MAX_SHORT));
}

export function checkDate(
  v: FormValues,
  field: string,
  problems: Problem[],
  opts: { required?: boolean } = { required: true },
): void {
  const s = v[field] ?? '';
  if (s === '') {
    if (opts.required) problems.push(required(field));
  } else if (!isRealDate(s)) problems.push(badDate(field));
}

/** Where the zod paths of the services' schemas point in the forms (e.g. name.ky → nameKy). */
const PATH_TO_FIELD: Record<string, string> = {
  'name.ky': 'nameKy',
  'name.ru': 'nameRu',
  'name.en': 'nameEn',
  'shortName.ky': 'shortNameKy',
  'shortName.ru': 'shortNameRu',
  'shortName.en': 'shortNameEn',
  thresholdBasisPoints: 'threshold',
};

/** A service's problem with its field renamed to the form's field. */
export function onForm(p: Problem): Problem {
  return p.field && PATH_TO_FIELD[p.field] ? { ...p, field: PATH_TO_FIELD[p.field] } : p;
}
