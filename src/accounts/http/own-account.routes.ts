// One's own account: the overview, the password, and two-step sign-in (TOTP). Open to anyone
// signed in with a browser session, also to staff who still have to enrol TOTP.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import { actorOf, can } from '../core/authorization.ts';
import { changePassword, getUser, setEmail } from '../user.service.ts';
import { confirmTotpEnrolment, disableTotp, startTotpEnrolment, totpState } from '../totp.service.ts';
import { accountErrors } from '../views/account-frame.tsx';
import { AccountPage } from '../views/account.page.tsx';
import { PasswordPage } from '../views/password.page.tsx';
import { TotpPage } from '../views/totp.page.tsx';
import { requireSignedIn } from './auth.plugin.ts';
import { emailForm, passwordForm, totpCodeForm, readForm } from './account.schemas.ts';
import { formPage, localized, me, postAccountForm, seeOther, sendPage, showFormPage } from './account-http.ts';
import type { FormPageExtra } from './account-http.ts';

export function ownAccountRoutes(app: FastifyInstance, ctx: AppContext): void {
  const settings = app.accountSettings;
  const signedIn = { preHandler: requireSignedIn() };

  const renderAccount = formPage<FormPageExtra>(async (req, props) => {
    const p = me(req);
    const email = (await getUser(ctx, p.userId))?.email ?? null;
    return AccountPage({ ...props, principal: p, canReadUsers: can(p, 'users.read'), email });
  });

  showFormPage(app, '/:locale/account', signedIn, renderAccount);

  postAccountForm(app, '/:locale/account/email', signedIn, {
    act: (req, p) => setEmail(ctx, p.userId, readForm(emailForm, req.body).email, actorOf(p)),
    render: renderAccount,
    done: (locale) => `/${locale}/account?done=email`,
  });

  app.get(
    '/:locale/account/password',
    signedIn,
    localized(async (_req, reply, locale) =>
      sendPage(reply, PasswordPage({ locale, csrfToken: reply.generateCsrf() })),
    ),
  );

  app.post(
    '/:locale/account/password',
    signedIn,
    localized(async (req, reply, locale) => {
      const p = me(req);
      const r = await changePassword(
        ctx,
        p.userId,
        readForm(passwordForm, req.body),
        actorOf(p),
        req.accountSession?.session.id,
      );
      if (r.ok) return seeOther(reply, `/${locale}/account?done=password`);
      return sendPage(
        reply,
        PasswordPage({ locale, csrfToken: reply.generateCsrf(), errors: accountErrors(locale, r.error) }),
        400,
      );
    }),
  );

  const renderTotp = formPage<FormPageExtra>(async (req, props) => {
    const p = me(req);
    return TotpPage({ ...props, state: await totpState(ctx, p.userId), mustEnrol: p.mustEnrolTotp === true });
  });

  showFormPage(app, '/:locale/account/totp', signedIn, renderTotp);

  postAccountForm(app, '/:locale/account/totp/start', signedIn, {
    act: (_req, p) => startTotpEnrolment(ctx, p.userId, actorOf(p)),
    render: renderTotp,
    done: (locale) => `/${locale}/account/totp`,
  });

  postAccountForm(app, '/:locale/account/totp/confirm', signedIn, {
    act: (req, p) => confirmTotpEnrolment(ctx, p.userId, readForm(totpCodeForm, req.body).code, actorOf(p)),
    render: renderTotp,
    done: (locale) => `/${locale}/account/totp?done=totpOn`,
  });

  postAccountForm(app, '/:locale/account/totp/disable', signedIn, {
    act: (req, p) => disableTotp(ctx, p.userId, readForm(totpCodeForm, req.body).code, actorOf(p), settings),
    render: renderTotp,
    done: (locale) => `/${locale}/account/totp?done=totpOff`,
  });
}
