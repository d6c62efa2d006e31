// What the account routes share: their replies (never cached: they carry per-session tokens and
// secrets), the redirect after a change, the notice a redirect asks for, the signed-in principal,
// and reading the locale (and id) of the path, with a 404 when it is not one.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../../domain/election.ts';
import { notFound, seeOther, sendPrivateHtml } from '../../platform/web/index.ts';
import { t } from '../accounts.messages.ts';
import type { Principal } from '../core/authorization.ts';
import { idParams, localeParams } from './account.schemas.ts';

/** Status notices after a redirect; only these keys are shown, so the query cannot inject text. */
const DONE: Partial<Record<string, Parameters<typeof t>[1]>> = {
  password: 'accounts.done.password',
  totpOn: 'accounts.done.totpOn',
  totpOff: 'accounts.done.totpOff',
  disabled: 'accounts.done.disabled',
  enabled: 'accounts.done.enabled',
  revoked: 'accounts.done.revoked',
};

export { seeOther };
export const sendPage = sendPrivateHtml;

export function doneText(locale: Locale, done: string | undefined): string | undefined {
  const key = done === undefined ? undefined : DONE[done];
  return key ? t(locale, key) : undefined;
}

/** The principal the preHandlers have already required. */
export function me(req: FastifyRequest): Principal {
  if (!req.principal) throw new Error('route reached without a principal: preHandler missing');
  return req.principal;
}

export function localeOf(req: FastifyRequest): Locale | undefined {
  const r = localeParams.safeParse(req.params);
  return r.success ? r.data.locale : undefined;
}

/** A handler of a `/:locale/…` route; other locales are a 404 in English. */
export function localized(handler: (req: FastifyRequest, reply: FastifyReply, locale: Locale) => Promise<unknown>) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const locale = localeOf(req);
    if (!locale) return notFound(reply, 'en');
    return handler(req, reply, locale);
  };
}

/** A handler of a `/:locale/…/:id/…` route; an id that is not a positive whole number is a 404. */
export function withId(
  handler: (req: FastifyRequest, reply: FastifyReply, locale: Locale, id: number) => Promise<unknown>,
) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const r = idParams.safeParse(req.params);
    if (!r.success) return notFound(reply, localeOf(req) ?? 'en');
    return handler(req, reply, r.data.locale, r.data.id);
  };
}
