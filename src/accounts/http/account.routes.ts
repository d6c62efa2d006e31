// HTTP routes of sign-in, one's own account (password, TOTP, API tokens) and user management,
// under /{locale}/account/…. Pages are no-store: they carry per-session tokens and secrets.
// Needs authPlugin registered first (it provides the principal, cookies and CSRF checking) and
// a form-body parser (@fastify/formbody, registered by the server).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import type { Locale } from '../../domain/election.ts';
import { parseLocale, sendHtml } from '../../platform/web/http.ts';
import { notFound } from '../../platform/web/errors.tsx';
import { t } from '../../platform/i18n/i18n.ts';
import type { Problem } from '../../platform/result.ts';
import { actorOf, can, grantableScopes, type Principal } from '../core/authorization.ts';
import {
  changePassword,
  completeSecondFactor,
  confirmTotpEnrolment,
  createApiToken,
  createUser,
  disableTotp,
  disableUser,
  enableUser,
  getUser,
  listAllUsers,
  listApiTokens,
  login,
  pendingTotpSecret,
  resetPassword,
  revokeApiToken,
  revokeSession,
  startTotpEnrolment,
} from '../account.service.ts';
import { clearSessionCookie, requirePermission, requireSignedIn, safeNext, setSessionCookie } from './auth.plugin.ts';
import {
  AccountPage,
  CodePage,
  formErrors,
  LoginPage,
  PasswordPage,
  TokensPage,
  TotpPage,
  UsersPage,
  type FormError,
  type FormValues,
  type OneTimeSecret,
  type TotpState,
} from '../views/account.pages.tsx';

type WithLocale = { Params: { locale: string }; Querystring: { next?: string; done?: string } };
type WithId = { Params: { locale: string; id: string } };

/** Status notices after a redirect; only these keys are shown, so the query cannot inject text. */
const DONE: Record<string, string> = {
  password: 'accounts.done.password',
  totpOn: 'accounts.done.totpOn',
  totpOff: 'accounts.done.totpOff',
  disabled: 'accounts.done.disabled',
  enabled: 'accounts.done.enabled',
  revoked: 'accounts.done.revoked',
};

const field = (body: unknown, name: string): string => {
  const v = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' ? v : '';
};
const fieldList = (body: unknown, name: string): string[] => {
  const v = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
};

const page = (reply: FastifyReply, html: string, status = 200) => sendHtml(reply, html, { status, cache: 'no-store' });
const seeOther = (reply: FastifyReply, to: string) => reply.header('cache-control', 'no-store').redirect(to, 303);
const doneText = (locale: Locale, done: string | undefined) => (done && DONE[done] ? t(locale, DONE[done]) : undefined);
const positiveId = (s: string): number | undefined => (/^[1-9]\d{0,15}$/.test(s) ? Number(s) : undefined);

/** The principal the preHandlers have already required. */
function me(req: FastifyRequest): Principal {
  if (!req.principal) throw new Error('route reached without a principal: preHandler missing');
  return req.principal;
}

export function accountRoutes(app: FastifyInstance, ctx: AppContext): void {
  if (!app.hasDecorator('accountSettings')) throw new Error('register authPlugin(ctx) before accountRoutes');
  const settings = app.accountSettings;

  // ---- sign-in

  app.get<WithLocale>('/:locale/account/login', async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    if (!locale) return notFound(reply, 'en');
    const next = safeNext(req.query.next, locale);
    if (req.principal) return seeOther(reply, next);
    return page(reply, LoginPage({ locale, csrfToken: reply.generateCsrf(), next }));
  });

  app.post<WithLocale>('/:locale/account/login', async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    if (!locale) return notFound(reply, 'en');
    const next = safeNext(field(req.body, 'next'), locale);
    const name = field(req.body, 'login');
    const r = await login(ctx, { login: name, password: field(req.body, 'password'), ip: req.ip }, settings);
    if (r.ok) {
      setSessionCookie(req, reply, r.value.token);
      return seeOther(reply, r.value.secondFactorPending ? `/${locale}/account/login/code?next=${encodeURIComponent(next)}` : next);
    }
    const reason = r.error.reason;
    const text =
      reason === 'rate_limited'
        ? t(locale, 'accounts.login.rateLimited')
        : reason === 'locked'
          ? t(locale, 'accounts.login.locked', { minutes: settings.lockoutMinutes })
          : t(locale, 'accounts.login.failed');
    const errors: FormError[] = [{ field: 'login', text }];
    return page(reply, LoginPage({ locale, csrfToken: reply.generateCsrf(), next, login: name, errors }), reason === 'rate_limited' ? 429 : 401);
  });

  app.get<WithLocale>('/:locale/account/login/code', async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    if (!locale) return notFound(reply, 'en');
    const next = safeNext(req.query.next, locale);
    if (req.principal) return seeOther(reply, next);
    if (!req.accountSession) return seeOther(reply, `/${locale}/account/login`);
    return page(reply, CodePage({ locale, csrfToken: reply.generateCsrf(), next }));
  });

  app.post<WithLocale>('/:locale/account/login/code', async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    if (!locale) return notFound(reply, 'en');
    const next = safeNext(field(req.body, 'next'), locale);
    const pending = req.accountSession;
    if (!pending || pending.session.second_factor_done === 1) return seeOther(reply, `/${locale}/account/login`);
    const r = await completeSecondFactor(ctx, pending.session.id, field(req.body, 'code'), req.ip, settings);
    if (r.ok) {
      setSessionCookie(req, reply, r.value.token);
      return seeOther(reply, next);
    }
    const reason = r.error.reason;
    if (reason === 'no_session' || reason === 'locked') {
      // The waiting session is gone (expired, or ended by the lock-out): start again.
      clearSessionCookie(req, reply);
      const text = reason === 'locked' ? t(locale, 'accounts.login.locked', { minutes: settings.lockoutMinutes }) : t(locale, 'accounts.login.sessionGone');
      req.accountSession = null;
      return page(reply, LoginPage({ locale, csrfToken: reply.generateCsrf(), next, errors: [{ field: 'login', text }] }), 401);
    }
    const text = reason === 'rate_limited' ? t(locale, 'accounts.login.rateLimited') : t(locale, 'accounts.login.codeFailed');
    return page(reply, CodePage({ locale, csrfToken: reply.generateCsrf(), next, errors: [{ field: 'code', text }] }), reason === 'rate_limited' ? 429 : 401);
  });

  app.post<WithLocale>('/:locale/account/logout', async (req, reply) => {
    const locale = parseLocale(req.params.locale) ?? 'ky';
    const s = req.accountSession;
    if (s) await revokeSession(ctx, s.session.id, `user:${s.user.login}`);
    clearSessionCookie(req, reply);
    return seeOther(reply, `/${locale}/`);
  });

  // ---- one's own account

  app.get<WithLocale>('/:locale/account', { preHandler: requireSignedIn() }, async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    if (!locale) return notFound(reply, 'en');
    const p = me(req);
    return page(reply, AccountPage({ locale, csrfToken: reply.generateCsrf(), principal: p, canReadUsers: can(p, 'users.read'), done: doneText(locale, req.query.done) }));
  });

  app.get<WithLocale>('/:locale/account/password', { preHandler: requireSignedIn() }, async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    if (!locale) return notFound(reply, 'en');
    return page(reply, PasswordPage({ locale, csrfToken: reply.generateCsrf() }));
  });

  app.post<WithLocale>('/:locale/account/password', { preHandler: requireSignedIn() }, async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    if (!locale) return notFound(reply, 'en');
    const p = me(req);
    const r = await changePassword(
      ctx,
      p.userId,
      { currentPassword: field(req.body, 'currentPassword'), newPassword: field(req.body, 'newPassword') },
      actorOf(p),
      req.accountSession?.session.id,
    );
    if (r.ok) return seeOther(reply, `/${locale}/account?done=password`);
    return page(reply, PasswordPage({ locale, csrfToken: reply.generateCsrf(), errors: formErrors(locale, r.error) }), 400);
  });

  async function totpState(userId: number): Promise<TotpState> {
    const user = await getUser(ctx, userId);
    if (user?.totpEnabled) return { kind: 'on' };
    const pending = await pendingTotpSecret(ctx, userId);
    return pending ? { kind: 'enrolling', ...pending } : { kind: 'off' };
  }

  async function renderTotp(req: FastifyRequest, reply: FastifyReply, locale: Locale, extra: { problems?: Problem[]; done?: string } = {}) {
    const p = me(req);
    const html = TotpPage({
      locale,
      csrfToken: reply.generateCsrf(),
      state: await totpState(p.userId),
      mustEnrol: p.mustEnrolTotp === true,
      errors: formErrors(locale, extra.problems ?? []),
      done: doneText(locale, extra.done),
    });
    return page(reply, html, extra.problems?.length ? 400 : 200);
  }

  app.get<WithLocale>('/:locale/account/totp', { preHandler: requireSignedIn() }, async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    if (!locale) return notFound(reply, 'en');
    return renderTotp(req, reply, locale, { done: req.query.done });
  });

  app.post<WithLocale>('/:locale/account/totp/start', { preHandler: requireSignedIn() }, async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    if (!locale) return notFound(reply, 'en');
    const p = me(req);
    const r = await startTotpEnrolment(ctx, p.userId, actorOf(p));
    if (!r.ok) return renderTotp(req, reply, locale, { problems: r.error });
    return seeOther(reply, `/${locale}/account/totp`);
  });

  app.post<WithLocale>('/:locale/account/totp/confirm', { preHandler: requireSignedIn() }, async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    if (!locale) return notFound(reply, 'en');
    const p = me(req);
    const r = await confirmTotpEnrolment(ctx, p.userId, field(req.body, 'code'), actorOf(p));
    if (!r.ok) return renderTotp(req, reply, locale, { problems: r.error });
    return seeOther(reply, `/${locale}/account/totp?done=totpOn`);
  });

  app.post<WithLocale>('/:locale/account/totp/disable', { preHandler: requireSignedIn() }, async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    if (!locale) return notFound(reply, 'en');
    const p = me(req);
    const r = await disableTotp(ctx, p.userId, field(req.body, 'code'), actorOf(p), settings);
    if (!r.ok) return renderTotp(req, reply, locale, { problems: r.error });
    return seeOther(reply, `/${locale}/account/totp?done=totpOff`);
  });

  // ---- user management

  async function renderUsers(
    req: FastifyRequest,
    reply: FastifyReply,
    locale: Locale,
    extra: { problems?: Problem[]; values?: FormValues; secret?: OneTimeSecret; done?: string } = {},
  ) {
    const p = me(req);
    const html = UsersPage({
      locale,
      csrfToken: reply.generateCsrf(),
      users: await listAllUsers(ctx),
      canManage: can(p, 'users.manage'),
      selfId: p.userId,
      now: ctx.now(),
      errors: formErrors(locale, extra.problems ?? []),
      ...(extra.values ? { values: extra.values } : {}),
      ...(extra.secret ? { secret: extra.secret } : {}),
      done: doneText(locale, extra.done),
    });
    return page(reply, html, extra.problems?.length ? 400 : 200);
  }

  app.get<WithLocale>('/:locale/account/users', { preHandler: requirePermission('users.read') }, async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    if (!locale) return notFound(reply, 'en');
    return renderUsers(req, reply, locale, { done: req.query.done });
  });

  app.post<WithLocale>('/:locale/account/users', { preHandler: requirePermission('users.manage') }, async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    if (!locale) return notFound(reply, 'en');
    const values: FormValues = {
      login: field(req.body, 'login'),
      displayName: field(req.body, 'displayName'),
      role: field(req.body, 'role'),
      partyRegistrationNumber: field(req.body, 'partyRegistrationNumber'),
      bank: field(req.body, 'bank'),
    };
    const r = await createUser(ctx, values, actorOf(me(req)));
    if (!r.ok) return renderUsers(req, reply, locale, { problems: r.error, values });
    return renderUsers(req, reply, locale, { secret: { login: r.value.user.login, password: r.value.password, kind: 'created' } });
  });

  app.post<WithId>('/:locale/account/users/:id/disable', { preHandler: requirePermission('users.manage') }, async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    const id = positiveId(req.params.id);
    if (!locale || !id) return notFound(reply, locale ?? 'en');
    const p = me(req);
    const r = await disableUser(ctx, id, actorOf(p), { byUserId: p.userId });
    if (!r.ok) return renderUsers(req, reply, locale, { problems: r.error });
    return seeOther(reply, `/${locale}/account/users?done=disabled`);
  });

  app.post<WithId>('/:locale/account/users/:id/enable', { preHandler: requirePermission('users.manage') }, async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    const id = positiveId(req.params.id);
    if (!locale || !id) return notFound(reply, locale ?? 'en');
    const r = await enableUser(ctx, id, actorOf(me(req)));
    if (!r.ok) return renderUsers(req, reply, locale, { problems: r.error });
    return seeOther(reply, `/${locale}/account/users?done=enabled`);
  });

  app.post<WithId>('/:locale/account/users/:id/reset', { preHandler: requirePermission('users.manage') }, async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    const id = positiveId(req.params.id);
    if (!locale || !id) return notFound(reply, locale ?? 'en');
    const r = await resetPassword(ctx, id, actorOf(me(req)), { clearTotp: field(req.body, 'clearTotp') === '1' });
    if (!r.ok) return renderUsers(req, reply, locale, { problems: r.error });
    return renderUsers(req, reply, locale, { secret: { login: r.value.user.login, password: r.value.password, kind: 'reset' } });
  });

  // ---- API tokens of the signed-in user

  async function renderTokens(
    req: FastifyRequest,
    reply: FastifyReply,
    locale: Locale,
    extra: { problems?: Problem[]; values?: { label?: string; scopes?: string[] }; createdToken?: string; done?: string } = {},
  ) {
    const p = me(req);
    const html = TokensPage({
      locale,
      csrfToken: reply.generateCsrf(),
      tokens: await listApiTokens(ctx, p.userId),
      grantable: grantableScopes(p.role),
      now: ctx.now(),
      errors: formErrors(locale, extra.problems ?? []),
      ...(extra.values ? { values: extra.values } : {}),
      ...(extra.createdToken ? { createdToken: extra.createdToken } : {}),
      done: doneText(locale, extra.done),
    });
    return page(reply, html, extra.problems?.length ? 400 : 200);
  }

  app.get<WithLocale>('/:locale/account/tokens', { preHandler: requirePermission('tokens.manage') }, async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    if (!locale) return notFound(reply, 'en');
    return renderTokens(req, reply, locale, { done: req.query.done });
  });

  app.post<WithLocale>('/:locale/account/tokens', { preHandler: requirePermission('tokens.manage') }, async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    if (!locale) return notFound(reply, 'en');
    const p = me(req);
    const values = { label: field(req.body, 'label'), scopes: fieldList(req.body, 'scopes') };
    const expires = field(req.body, 'expiresInDays');
    const r = await createApiToken(ctx, { userId: p.userId }, { ...values, ...(expires ? { expiresInDays: expires } : {}) }, actorOf(p), settings);
    if (!r.ok) return renderTokens(req, reply, locale, { problems: r.error, values });
    return renderTokens(req, reply, locale, { createdToken: r.value.token });
  });

  app.post<WithId>('/:locale/account/tokens/:id/revoke', { preHandler: requirePermission('tokens.manage') }, async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    const id = positiveId(req.params.id);
    if (!locale || !id) return notFound(reply, locale ?? 'en');
    const p = me(req);
    const r = await revokeApiToken(ctx, p.userId, id, actorOf(p));
    if (!r.ok) return renderTokens(req, reply, locale, { problems: r.error });
    return seeOther(reply, `/${locale}/account/tokens?done=revoked`);
  });
}
