// What the findings' routes read from a request, as zod schemas: route parameters, the filters of the
// commission's list, the notice after a change, and the fields of the review, answer and publication
// forms. Form fields are read as text ('' when absent); the review's transitions judge their meaning.
import { z } from 'zod';
import { localeSchema } from '../../domain/election.ts';

/** A text field of a form or query: '' when absent or not text. */
const text = z.string().catch('');
/** A filter of the list: undefined when absent, empty or not one piece of text. */
const oneFilter = z
  .string()
  .max(200)
  .optional()
  .catch(undefined)
  .transform((v) => (v ? v : undefined));

export const LocaleParams = z.object({ locale: localeSchema });
/** Finding ids are the analysis's (`f-` and hex); anything else names no finding. */
export const FindingParams = z.object({ locale: localeSchema, id: z.string().min(1).max(100) });
export const ElectionParams = z.object({ locale: localeSchema, id: z.string().min(1).max(100) });

export const FindingsQuery = z.object({
  election: oneFilter,
  party: oneFilter,
  rule: oneFilter,
  severity: oneFilter,
  status: oneFilter,
  done: oneFilter,
});

export const DoneQuery = z.object({ done: oneFilter });

/** The analyst's steps; the party's answer has its own form. */
export const ReviewForm = z.object({
  action: z.enum(['confirm', 'dismiss', 'reopen', 'request_explanation']),
  reason: text,
  question: text,
  deadline: text,
});
export type ReviewForm = z.infer<typeof ReviewForm>;

export const AnswerForm = z.object({ answer: text });

export const PublicationForm = z.object({
  publishFindings: text,
  publishStatistics: text,
});
