// What the site routes of finance reports read from a request, as zod schemas for the web kit's route
// table: the route parameters (a parameter that does not parse is a page that does not exist: 404), the
// query strings and the forms. The forms' own rules are the services' (their problems name the fields);
// these schemas only say which fields a form has.
import { z } from 'zod';
import { localeSchema } from '../../domain/election.ts';
import { CSRF_FIELD, formValues } from '../../platform/web/index.ts';
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
const sectionSchema = z.enum(LINE_SECTIONS);

export const localeParams = z.object({ locale: localeSchema });
export const partyReportsParams = z.object({ locale: localeSchema, id: z.string().min(1), reg: z.string().min(1) });
export const reportParams = z.object({ locale: localeSchema, filingId: idText });
// Files (scans, CSV) answer an unknown id in JSON like any missing file, so their ids are read by the handler.
export const filingFileParams = z.object({ filingId: z.string() });
export const scanParams = z.object({ filingId: z.string(), sha: z.string() });
export const draftParams = z.object({ locale: localeSchema, draftId: idText });
export const draftScanParams = z.object({ draftId: z.string(), sha: z.string() });
export const draftScanFormParams = draftParams.extend({ sha: z.string() });
export const sectionParams = draftParams.extend({ section: sectionSchema });
export const lineParams = sectionParams.extend({ index: indexText });

export const searchQuery = z.object({ q: z.string().optional() });
/** `?diff=<id of another version>`. */
export const reportQuery = z.object({ diff: z.string().optional() });
/** `?download=1`: as an attachment rather than shown. */
export const fileQuery = z.object({ download: z.string().optional() });
/** `?done=<what>&n=<count>`: the notice after a redirect. */
export const doneQuery = z.object({ done: z.string().optional(), n: z.string().optional() });

/** The id in a file's path, or 0 (which is no one's) when it is not one. */
export const idOr0 = (raw: string): number => idText.safeParse(raw).data ?? 0;

/** A form's text fields without the CSRF token, for the services that read them by name. */
export function textFields(body: unknown): FormFields {
  const { [CSRF_FIELD]: _csrf, ...fields } = formValues(body);
  return fields;
}

const text = z.string().trim().catch('');

/** The "new report" form, each value trimmed. */
export const newDraftForm = z.object({
  electionId: text,
  party: text,
  reportKind: text,
  periodFrom: text,
  periodTo: text,
});

/** The fields of the import form (read from its multipart parts). */
export const importForm = z.object({
  mode: z.enum(['append', 'replace']).catch('append'),
  section: z.string().optional().catch(undefined),
});

/** The commission's review form. */
export const reviewForm = z.object({ status: z.string().catch(''), reason: z.string().catch('') });

/** The draft form that submits: the idempotency key made for this rendering of the page. */
export const submitForm = z.object({ idempotencyKey: z.string().optional().catch(undefined) });
