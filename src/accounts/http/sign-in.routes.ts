// Sign-in (password, then the TOTP code where the user has it on) and sign-out.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import { t } from '../accounts.messages.ts';
import { completeSecondFactor, login } from '../sign-in.service.ts';
import { revokeSession } from '../session.service.ts';
import { LoginPage } from '../views/login.page.tsx';
import { CodePage } from '../views/code.page.tsx';
import { clearSessionCookie, safeNext, setSessionCookie } from './auth.plugin.ts';
import { accountQuery, codeForm, loginForm, readForm } from './account.schemas.ts';
import { localeOf, localized, seeOther, sendPage } from './account-http.ts';

export function signInRoutes(app: FastifyInstance, ctx: AppContext): void {
  const settings = app.accountSettings;
  const lockedText = (locale: Parameters<typeof t>[0]) =>
    t(locale, 'accounts.login.locked', { minutes: settings.lockoutMinutes });

  app.get(
    '/:locale/account/login',
    localized(async (req, reply, locale) => {
      const next = safeNext(accountQuery.parse(req.query).next, locale);
      if (req.principal) return seeOther(reply, next);
      return sendPage(reply, LoginPage({ locale, csrfToken: reply.generateCsrf(), next }));
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
      const reason = r.error.reason;
      const text =
        reason === 'rate_limited'
          ? t(locale, 'accounts.login.rateLimited')
          : reason === 'locked'
            ? lockedText(locale)
            : t(locale, 'accounts.login.failed');
      const html = LoginPage({
        locale,
        csrfToken: reply.generateCsrf(),
        next,
        login: f.login,
        errors: [{ field: 'login', text }],
      });
      return sendPage(reply, html, reason === 'rate_limited' ? 429 : 401);
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
      const reason = r.error.reason;
      if (reason === 'no_session' || reason === 'locked') {
        // The waiting session is gone (expired, or ended by the lock-out): start again.
        clearSessionCookie(req, reply);
        const text = reason === 'locked' ? lockedText(locale) : t(locale, 'accounts.login.sessionGone');
        req.accountSession = null;
        return sendPage(
          reply,
          LoginPage({ locale, csrfToken: reply.generateCsrf(), next, errors: [{ field: 'login', text }] }),
          401,
        );
      }
      const text =
        reason === 'rate_limited' ? t(locale, 'accounts.login.rateLimited') : t(locale, 'accounts.login.codeFailed');
      return sendPage(
        reply,
        CodePage({ locale, csrfToken: reply.generateCsrf(), next, errors: [{ field: 'code', text }] }),
        reason === 'rate_limited' ? 429 : 401,
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
