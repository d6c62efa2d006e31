// What the bank-statement routes read from a request, as zod schemas for the kit's parseParams and
// parseForm: route parameters, queries and the fields of the site's forms. Form fields are read as
// text ('' when absent); the services validate their meaning (core/fund-account.ts for an account) and
// name the field of each problem.
import { z } from 'zod';
import { localeSchema } from '../../domain/election.ts';

/** A text field of a form: '' when absent or not text. */
const text = z.string().catch('');

/** The statement of `/…/bank/statements/:statementId/original`: a positive safe integer, else none. */
export const statementIdSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const localeParamsSchema = z.object({ locale: localeSchema });
/** The original file is served whatever the locale says (it only chooses the language of a 404). */
export const statementParamsSchema = z.object({ locale: z.string(), statementId: statementIdSchema });
export const electionParamsSchema = z.object({ locale: localeSchema, id: z.string() });
/** The election's screen (no `reg`) or one party's. */
export const reconciliationParamsSchema = z.object({
  locale: localeSchema,
  id: z.string(),
  reg: z.string().optional(),
});
export const partyApiParamsSchema = z.object({ electionId: z.string(), registrationNumber: z.string() });

/** `?bank=CODE`: the bank commission staff upload for (bank officers upload for their own). */
export const bankQuerySchema = z.object({ bank: z.string().optional().catch(undefined) });
/** `?done=ACCOUNT` after an account was registered. */
export const accountsQuerySchema = z.object({
  done: z
    .string()
    .regex(/^[A-Z0-9]{1,34}$/)
    .optional()
    .catch(undefined),
});

export const accountFormSchema = z.object({
  electionId: text,
  partyRegistrationNumber: text,
  bank: text,
  accountNumber: text,
  currency: text,
  openedOn: text,
});
export const publicationFormSchema = z.object({ published: text });
/** "Run again" for one party (`party`), or for the whole election when it is empty. */
export const rerunFormSchema = z.object({ party: text });
