// A forgotten password: asking for a reset link, and setting a new password through it. Open to
// anyone; the forms carry the pre-sign-in CSRF token like the sign-in form.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../../domain/election.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { notFound } from '../../platform/web/index.ts';
import { t } from '../accounts.messages.ts';
import { canSendMail } from '../mailer.ts';
import { completePasswordReset, requestPasswordReset, resetPath, userOfResetLink } from '../password-reset.service.ts';
import { accountErrors } from '../views/account-frame.tsx';
import { ForgotPage } from '../views/forgot.page.tsx';
import { ResetPage } from '../views/reset.page.tsx';
import { forgotForm, newPasswordForm, readForm, tokenParams } from './account.schemas.ts';
import { localeOf, localized, seeOther, sendPage } from './account-http.ts';

/** A handler of `/:locale/account/password-reset/:token`; a malformed path is a 404. */
function withToken(
  handler: (req: FastifyRequest, reply: FastifyReply, locale: Locale, token: string) => Promise<unknown>,
) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const r = tokenParams.safeParse(req.params);
    if (!r.success) return notFound(reply, localeOf(req) ?? 'en');
    // The token must not leave in a Referer header to wherever the page links.
    reply.header('referrer-policy', 'no-referrer');
    return handler(req, reply, r.data.locale, r.data.token);
  };
}

export function passwordResetRoutes(app: FastifyInstance, ctx: AppContext): void {
  const settings = app.accountSettings;

  app.get(
    '/:locale/account/password-reset',
    localized(async (_req, reply, locale) =>
      sendPage(reply, ForgotPage({ locale, csrfToken: reply.generateCsrf(), mail: canSendMail(ctx) })),
    ),
  );

  app.post(
    '/:locale/account/password-reset',
    localized(async (req, reply, locale) => {
      const f = readForm(forgotForm, req.body);
      // Not waiting for the mail server: how long it takes would tell whether the account exists.
      await requestPasswordReset(ctx, { loginOrEmail: f.loginOrEmail, locale, ip: req.ip }, settings);
      const sent = t(locale, 'accounts.forgot.sent', { minutes: settings.passwordResetMinutes });
      return sendPage(reply, ForgotPage({ locale, csrfToken: reply.generateCsrf(), mail: canSendMail(ctx), sent }));
    }),
  );

  app.get(
    '/:locale/account/password-reset/:token',
    withToken(async (_req, reply, locale, token) => {
      const user = await userOfResetLink(ctx, token);
      const csrfToken = reply.generateCsrf();
      if (!user.ok) return sendPage(reply, ResetPage({ locale, csrfToken }), 404);
      return sendPage(
        reply,
        ResetPage({ locale, csrfToken, action: resetPath(locale, token), login: user.value.login }),
      );
    }),
  );

  app.post(
    '/:locale/account/password-reset/:token',
    withToken(async (req, reply, locale, token) => {
      const f = readForm(newPasswordForm, req.body);
      const r = await completePasswordReset(ctx, token, f.newPassword, req.ip);
      if (r.ok) return seeOther(reply, `/${locale}/account/login?done=passwordReset`);
      const csrfToken = reply.generateCsrf();
      const linkGone = r.error.some((p) => p.code === 'token.invalid');
      if (linkGone) return sendPage(reply, ResetPage({ locale, csrfToken }), 404);
      const errors = accountErrors(locale, r.error);
      return sendPage(reply, ResetPage({ locale, csrfToken, action: resetPath(locale, token), errors }), 400);
    }),
  );
}
