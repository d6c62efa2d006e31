// Reading forms, route parameters and queries with zod, into a Result whose problems name their field.
//
// URL-encoded bodies and query strings give a string per field, an array when a name repeats, and ''
// for a field left empty. Before the schema sees them: an empty string counts as absent when the
// schema's field accepts absence (optional, default); an array is kept for an array field and reduced
// to its first value otherwise; a single value for an array field becomes a one-element array.
import { z } from 'zod';
import { err, ok, type Problem, type Result } from '../result.ts';

type Shape = Record<string, z.ZodType>;
type ObjectSchema = z.ZodObject<Shape>;

/** The schema under optional/default/nullable wrappers. */
function unwrapped(s: z.ZodType): z.ZodType {
  let cur: z.ZodType = s;
  for (let i = 0; i < 10; i++) {
    const def = cur._zod.def as { type: string; innerType?: z.ZodType };
    if (
      def.innerType &&
      ['optional', 'default', 'nullable', 'prefault', 'catch', 'readonly', 'nonoptional'].includes(def.type)
    )
      cur = def.innerType;
    else break;
  }
  return cur;
}

const isArraySchema = (s: z.ZodType): boolean => unwrapped(s)._zod.def.type === 'array';
const acceptsAbsent = (s: z.ZodType): boolean => s.safeParse(undefined).success;

/** The body's fields as the schema expects them (see the head of this file). */
export function normaliseFields(schema: ObjectSchema, input: unknown): Record<string, unknown> {
  const source =
    input !== null && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(source)) {
    const field = schema.shape[name];
    if (!field) {
      out[name] = value;
      continue;
    }
    let v: unknown = value;
    if (isArraySchema(field)) {
      if (v === '' || v === undefined) v = acceptsAbsent(field) ? undefined : [];
      else if (!Array.isArray(v)) v = [v];
    } else {
      if (Array.isArray(v)) v = v[0];
      if (v === '' && acceptsAbsent(field)) v = undefined;
    }
    if (v !== undefined) out[name] = v;
  }
  return out;
}

/** `receipts[3].date` from a zod path. */
export function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc === '' ? String(k) : `${acc}.${String(k)}`),
    '',
  );
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  return cur;
}

/**
 * zod issues as problems: code `form.<issue code>` (`form.required` for a missing value), the field's
 * path in `field`, and the issue's limits (minimum, maximum, format…) in `params`.
 */
export function zodProblems(error: z.ZodError, input: unknown): Problem[] {
  return error.issues.map((issue) => {
    const missing = issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined;
    const params: Record<string, string | number> = {};
    const details: Record<string, unknown> = { ...issue };
    for (const k of ['minimum', 'maximum', 'format', 'expected', 'origin'] as const) {
      const v = details[k];
      if (typeof v === 'string' || typeof v === 'number') params[k] = v;
      else if (typeof v === 'bigint') params[k] = Number(v);
    }
    const field = pathText(issue.path);
    return {
      code: missing ? 'form.required' : `form.${issue.code}`,
      message: missing ? 'Required.' : issue.message,
      severity: 'error' as const,
      ...(field ? { field } : {}),
      ...(Object.keys(params).length > 0 ? { params } : {}),
    };
  });
}

/** A site form (URL-encoded body) read by `schema`: its typed values, or one problem per wrong field. */
export function parseForm<S extends ObjectSchema>(schema: S, body: unknown): Result<z.output<S>, Problem[]> {
  const fields = normaliseFields(schema, body);
  const r = schema.safeParse(fields);
  return r.success ? ok(r.data) : err(zodProblems(r.error, fields));
}

/**
 * Route parameters or a query string read by `schema`, with the same rules as forms (a query's `?q=` is
 * absent when optional). Use `z.coerce.number()` or a regex for numeric ids.
 */
export function parseParams<S extends ObjectSchema>(schema: S, params: unknown): Result<z.output<S>, Problem[]> {
  return parseForm(schema, params);
}

/** The first value of a form field as a string ('' when absent), for re-showing what was typed. */
export function formValues(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body === null || typeof body !== 'object') return out;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    const first: unknown = Array.isArray(v) ? v[0] : v;
    if (typeof first === 'string') out[k] = first;
  }
  return out;
}
