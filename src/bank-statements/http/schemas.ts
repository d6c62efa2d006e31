// What the bank-statement routes read from a request, as zod schemas: route parameters, queries and the
// fields of the site's forms. Form fields are read as text ('' when absent or repeated); the services
// validate their meaning (core/fund-account.ts for an account) and name the field of each problem.
import { z } from 'zod';

/** A text field of a form or query: '' when absent, repeated or not text. */
const text = z.string().catch('');
/** An optional text field: undefined when absent, repeated or not text. */
const optionalText = z.string().optional().catch(undefined);

/** The statement of `/…/bank/statements/:statementId/original`: a positive safe integer, else none. */
export const statementIdSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const localeParamsSchema = z.object({ locale: z.string() });
export const statementParamsSchema = z.object({ locale: z.string(), statementId: z.string() });
export const electionParamsSchema = z.object({ locale: z.string(), id: z.string() });
/** The election's screen (no `reg`) or one party's. */
export const reconciliationParamsSchema = z.object({ locale: z.string(), id: z.string(), reg: z.string().optional() });
export const partyApiParamsSchema = z.object({ electionId: z.string(), registrationNumber: z.string() });

/** `?bank=CODE`: the bank commission staff upload for (bank officers upload for their own). */
export const bankQuerySchema = z.object({ bank: optionalText });
/** `?done=ACCOUNT` after an account was registered. */
export const accountsQuerySchema = z.object({ done: z.string().regex(/^[A-Z0-9]{1,34}$/).optional().catch(undefined) });

export const ACCOUNT_FORM_FIELDS = ['electionId', 'partyRegistrationNumber', 'bank', 'accountNumber', 'currency', 'openedOn'] as const;
export const accountFormSchema = z.object({ electionId: text, partyRegistrationNumber: text, bank: text, accountNumber: text, currency: text, openedOn: text });
export const publicationFormSchema = z.object({ published: text });
/** "Run again" for one party (`party`), or for the whole election when it is empty. */
export const rerunFormSchema = z.object({ party: text });

/** A form body or query read by a schema whose fields all fall back: never fails. */
export function readFields<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  return schema.parse(input !== null && typeof input === 'object' ? input : {});
}
