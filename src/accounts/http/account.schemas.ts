// How the account routes read their input: the locale and id in the path, the `next` and `done` of
// a query, and every form. Every form field has a default, so a form always reads (a field left out
// is '', the services then say what is wrong with it); a bad locale or id is a 404.
import { z } from 'zod';
import { localeSchema } from '../../domain/election.ts';
import { parseForm } from '../../platform/web/index.ts';

const text = z.string().default('');
const optionalText = z.string().optional().catch(undefined);

export const localeParams = z.object({ locale: localeSchema });
export const idParams = z.object({
  locale: localeSchema,
  id: z
    .string()
    .regex(/^[1-9]\d{0,15}$/)
    .transform(Number),
});
/** `next` after sign-in and the notice `done` asks for; anything else (a repeated parameter) reads as absent. */
export const accountQuery = z
  .object({ next: optionalText, done: optionalText })
  .catch({ next: undefined, done: undefined });

export const loginForm = z.object({ next: text, login: text, password: text });
export const codeForm = z.object({ next: text, code: text });
export const passwordForm = z.object({ currentPassword: text, newPassword: text });
export const totpCodeForm = z.object({ code: text });
export const newUserForm = z.object({
  login: text,
  displayName: text,
  role: text,
  partyRegistrationNumber: text,
  bank: text,
  email: text,
});
export const forgotForm = z.object({ loginOrEmail: text });
export const newPasswordForm = z.object({ newPassword: text });
export const emailForm = z.object({ email: text });
export const tokenParams = z.object({ locale: localeSchema, token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });
export const resetForm = z.object({ clearTotp: text });
export const newTokenForm = z.object({ label: text, scopes: z.array(z.string()).default([]), expiresInDays: text });

/**
 * A form read by the kit's parseForm. Its fields all have defaults, so the only refusal is a body
 * that is not a form (no fields, or values that are not text): that reads as the empty form.
 */
export function readForm<S extends z.ZodObject<Record<string, z.ZodType>>>(schema: S, body: unknown): z.output<S> {
  const r = parseForm(schema, body);
  return r.ok ? r.value : schema.parse({});
}
