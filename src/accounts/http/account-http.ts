// What the account routes share: their replies (never cached: they carry per-session tokens and
// secrets), the redirect after a change, the notice a redirect asks for, the signed-in principal,
// and reading the locale (and id) of the path, with a 404 when it is not one.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { Locale } from '../../domain/election.ts';
import type { Problem, Result } from '../../platform/result.ts';
import { notFound, seeOther, sendPrivateHtml, type FieldError } from '../../platform/web/index.ts';
import { t } from '../accounts.messages.ts';
import type { Principal } from '../core/authorization.ts';
import { accountErrors } from '../views/account-frame.tsx';
import { accountQuery, idParams, localeParams } from './account.schemas.ts';

/** Status notices after a redirect; only these keys are shown, so the query cannot inject text. */
const DONE: Partial<Record<string, Parameters<typeof t>[1]>> = {
  password: 'accounts.done.password',
  totpOn: 'accounts.done.totpOn',
  totpOff: 'accounts.done.totpOff',
  disabled: 'accounts.done.disabled',
  enabled: 'accounts.done.enabled',
  revoked: 'accounts.done.revoked',
  email: 'accounts.done.email',
  passwordReset: 'accounts.done.passwordReset',
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

/** How an account page with a form is shown: with a refused form's problems, or the notice of what was done. */
export interface FormPageExtra {
  problems?: Problem[];
  done?: string | undefined;
}

/** What every account page with a form is given: its language, a CSRF token, the form's errors, the notice. */
export interface FormPageProps {
  locale: Locale;
  csrfToken: string;
  errors: FieldError[];
  done: string | undefined;
}

/**
 * The renderer of an account page with a form: `build` adds the page's own data to what every such
 * page is given; the reply is 400 when it shows a refused form's problems.
 */
export function formPage<E extends FormPageExtra>(
  build: (req: FastifyRequest, props: FormPageProps, extra: E) => Promise<string>,
) {
  return async (req: FastifyRequest, reply: FastifyReply, locale: Locale, extra: E) => {
    const props = {
      locale,
      csrfToken: reply.generateCsrf(),
      errors: accountErrors(locale, extra.problems ?? []),
      done: doneText(locale, extra.done),
    };
    return sendPage(reply, await build(req, props, extra), extra.problems?.length ? 400 : 200);
  };
}

/** The GET of an account page with a form: the page with the notice its address names. */
export function showFormPage(app: FastifyInstance, url: string, opts: RouteShorthandOptions, render: FormRender): void {
  app.get(
    url,
    opts,
    localized(async (req, reply, locale) => render(req, reply, locale, { done: accountQuery.parse(req.query).done })),
  );
}

/** Shows an account page with a form (see `formPage`). */
export type FormRender = (req: FastifyRequest, reply: FastifyReply, l: Locale, e: FormPageExtra) => Promise<unknown>;

/**
 * The POST of an account form whose answer is a redirect: `act` calls the service as the signed-in
 * user; a refusal shows the form's page again with the problems, a success goes to `done`'s address.
 */
export function postAccountForm(
  app: FastifyInstance,
  url: string,
  opts: RouteShorthandOptions,
  form: {
    act: (req: FastifyRequest, p: Principal) => Promise<Result<unknown>>;
    render: FormRender;
    done: (locale: Locale) => string;
  },
): void {
  app.post(
    url,
    opts,
    localized(async (req, reply, locale) => {
      const r = await form.act(req, me(req));
      if (!r.ok) return form.render(req, reply, locale, { problems: r.error });
      return seeOther(reply, form.done(locale));
    }),
  );
}
