// Sign-in (password, then the TOTP code where the user has it on) and sign-out.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Locale } from '../../domain/election.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { t } from '../accounts.messages.ts';
import { completeSecondFactor, login, type LoginRefusal } from '../sign-in.service.ts';
import { revokeSession } from '../session.service.ts';
import { LoginPage } from '../views/login.page.tsx';
import { CodePage } from '../views/code.page.tsx';
import { clearSessionCookie, safeNext, setSessionCookie } from './auth.plugin.ts';
import { accountQuery, codeForm, loginForm, readForm } from './account.schemas.ts';
import { doneText, localeOf, localized, seeOther, sendPage } from './account-http.ts';

/**
 * The text and status of a refused attempt. A delayed or rate-limited one is a 429 with Retry-After,
 * so that scripts back off too.
 */
function refusal(
  reply: FastifyReply,
  locale: Locale,
  r: LoginRefusal,
  wrong: string,
): { text: string; status: number } {
  if (r.reason === 'delayed') {
    const seconds = r.retryAfterSeconds ?? 1;
    reply.header('retry-after', String(seconds));
    return { text: t(locale, 'accounts.login.delayed', { seconds }), status: 429 };
  }
  if (r.reason === 'rate_limited') return { text: t(locale, 'accounts.login.rateLimited'), status: 429 };
  return { text: wrong, status: 401 };
}

export function signInRoutes(app: FastifyInstance, ctx: AppContext): void {
  const settings = app.accountSettings;

  app.get(
    '/:locale/account/login',
    localized(async (req, reply, locale) => {
      const q = accountQuery.parse(req.query);
      const next = safeNext(q.next, locale);
      if (req.principal) return seeOther(reply, next);
      return sendPage(
        reply,
        LoginPage({ locale, csrfToken: reply.generateCsrf(), next, done: doneText(locale, q.done) }),
      );
    }),
  );

  app.post(
    '/:locale/account/login',
    localized(async (req, reply, locale) => {
      const f = readForm(loginForm, req.body);
      const next = safeNext(f.next, locale);
      const r = await login(ctx, { login: f.login, password: f.password, ip: req.ip }, settings);
      if (r.ok) {
        setSessionCookie(req, reply, r.value.token);
        return seeOther(
          reply,
          r.value.secondFactorPending ? `/${locale}/account/login/code?next=${encodeURIComponent(next)}` : next,
        );
      }
      const { text, status } = refusal(reply, locale, r.error, t(locale, 'accounts.login.failed'));
      const html = LoginPage({
        locale,
        csrfToken: reply.generateCsrf(),
        next,
        login: f.login,
        errors: [{ field: 'login', text }],
      });
      return sendPage(reply, html, status);
    }),
  );

  app.get(
    '/:locale/account/login/code',
    localized(async (req, reply, locale) => {
      const next = safeNext(accountQuery.parse(req.query).next, locale);
      if (req.principal) return seeOther(reply, next);
      if (!req.accountSession) return seeOther(reply, `/${locale}/account/login`);
      return sendPage(reply, CodePage({ locale, csrfToken: reply.generateCsrf(), next }));
    }),
  );

  app.post(
    '/:locale/account/login/code',
    localized(async (req, reply, locale) => {
      const f = readForm(codeForm, req.body);
      const next = safeNext(f.next, locale);
      const pending = req.accountSession;
      if (!pending || pending.session.second_factor_done === 1) return seeOther(reply, `/${locale}/account/login`);
      const r = await completeSecondFactor(ctx, pending.session.id, f.code, req.ip, settings);
      if (r.ok) {
        setSessionCookie(req, reply, r.value.token);
        return seeOther(reply, next);
      }
      if (r.error.reason === 'no_session') {
        // The waiting session is gone (expired, signed out, the user disabled): start again.
        clearSessionCookie(req, reply);
        const text = t(locale, 'accounts.login.sessionGone');
        req.accountSession = null;
        return sendPage(
          reply,
          LoginPage({ locale, csrfToken: reply.generateCsrf(), next, errors: [{ field: 'login', text }] }),
          401,
        );
      }
      const { text, status } = refusal(reply, locale, r.error, t(locale, 'accounts.login.codeFailed'));
      return sendPage(
        reply,
        CodePage({ locale, csrfToken: reply.generateCsrf(), next, errors: [{ field: 'code', text }] }),
        status,
      );
    }),
  );

  app.post('/:locale/account/logout', async (req, reply) => {
    const locale = localeOf(req) ?? 'ky';
    const s = req.accountSession;
    if (s) await revokeSession(ctx, s.session.id, `user:${s.user.login}`);
    clearSessionCookie(req, reply);
    return seeOther(reply, `/${locale}/`);
  });
}
