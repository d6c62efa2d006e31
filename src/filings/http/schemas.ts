// What the site routes of finance reports read from a request, as zod schemas: the route parameters,
// the query strings and the forms. A handler parses, calls a service and renders; a parameter that does
// not parse is a page that does not exist (404).
import { z } from 'zod';
import { localeSchema } from '../../domain/election.ts';
import { CSRF_FIELD } from '../../accounts/index.ts';
import { LINE_SECTIONS } from '../core/filing.ts';
import type { FormFields } from '../core/draft.ts';

/** A positive id as it appears in a path: digits, no leading zero, at most 16 of them. */
export const idText = z
  .string()
  .regex(/^[1-9]\d{0,15}$/)
  .transform(Number);
/** A line's 0-based place in its section. */
const indexText = z
  .string()
  .regex(/^\d{1,6}$/)
  .transform(Number);
export { localeSchema };
export const sectionSchema = z.enum(LINE_SECTIONS);

export const localeParams = z.object({ locale: localeSchema });
export const partyReportsParams = z.object({ locale: localeSchema, id: z.string().min(1), reg: z.string().min(1) });
export const reportParams = z.object({ locale: localeSchema, filingId: idText });
export const filingFileParams = z.object({ filingId: idText });
export const scanParams = z.object({ filingId: idText, sha: z.string() });
export const draftParams = z.object({ locale: localeSchema, draftId: idText });
export const draftScanParams = z.object({ draftId: idText, sha: z.string() });
export const draftScanFormParams = draftParams.extend({ sha: z.string() });
export const sectionParams = draftParams.extend({ section: sectionSchema });
export const lineParams = sectionParams.extend({ index: indexText });

/** A query value: a repeated name gives its first value. */
const queryText = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? (v[0] ?? '') : v));

export const searchQuery = z.object({ q: queryText.optional() });
export const reportQuery = z.object({ diff: queryText.optional() });
export const fileQuery = z.object({ download: queryText.optional() });
export const doneQuery = z.object({ done: queryText.optional(), n: queryText.optional() });

/** The data of `input` under `schema`, or undefined when it does not parse. */
export function parsed<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> | undefined {
  const r = schema.safeParse(input);
  return r.success ? r.data : undefined;
}

/**
 * A site form's text fields, the CSRF token left out; a repeated name gives its first value, and what is
 * not text (no body, a JSON array) gives no fields.
 */
export const formFieldsSchema = z
  .record(z.string(), z.unknown())
  .catch({})
  .transform((body): FormFields => {
    const out: FormFields = {};
    for (const [k, raw] of Object.entries(body)) {
      const v = Array.isArray(raw) ? (raw as unknown[])[0] : raw;
      if (typeof v === 'string' && k !== CSRF_FIELD) out[k] = v;
    }
    return out;
  });

export const formFields = (body: unknown): FormFields => formFieldsSchema.parse(body ?? {});

/** The "new report" form, each value trimmed. */
export const newDraftForm = z.object({
  electionId: z.string().trim().catch(''),
  party: z.string().trim().catch(''),
  reportKind: z.string().trim().catch(''),
  periodFrom: z.string().trim().catch(''),
  periodTo: z.string().trim().catch(''),
});

/** The scan-upload and import forms' fields (read from multipart parts). */
export const importForm = z.object({
  mode: z.enum(['append', 'replace']).catch('append'),
  section: z.string().optional().catch(undefined),
});

/** The review form. */
export const reviewForm = z.object({ status: z.string().catch(''), reason: z.string().catch('') });
