// How the account routes read their input: the locale and id in the path, the `next` and `done` of
// a query, and every form. A form field left out or sent twice reads as '' (the services then say
// what is wrong with it), so reading a form never fails; a bad locale or id is a 404.
import { z } from 'zod';
import { localeSchema } from '../../domain/election.ts';

/** A form body as fields; no body (or one that is not a set of fields) reads as an empty form. */
const form = <S extends z.ZodRawShape>(shape: S) =>
  z.preprocess((body) => (body !== null && typeof body === 'object' && !Array.isArray(body) ? body : {}), z.object(shape));
const text = z.string().catch('');
const optionalText = z.string().optional().catch(undefined);
/** A field that may repeat (checkboxes): every string sent under the name. */
const texts = z.preprocess(
  (v) => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []),
  z.array(z.unknown()).transform((values) => values.filter((x): x is string => typeof x === 'string')),
);

export const localeParams = z.object({ locale: localeSchema });
export const idParams = z.object({ locale: localeSchema, id: z.string().regex(/^[1-9]\d{0,15}$/).transform(Number) });
export const accountQuery = form({ next: optionalText, done: optionalText });

export const loginForm = form({ next: text, login: text, password: text });
export const codeForm = form({ next: text, code: text });
export const passwordForm = form({ currentPassword: text, newPassword: text });
export const totpCodeForm = form({ code: text });
export const newUserForm = form({ login: text, displayName: text, role: text, partyRegistrationNumber: text, bank: text });
export const resetForm = form({ clearTotp: text });
export const newTokenForm = form({ label: text, scopes: texts, expiresInDays: text });
