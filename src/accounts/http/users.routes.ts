// User management: analysts and auditors see the list, administrators create, disable, enable and
// reset users. Disabling and resetting ask for confirmation first, on a page of its own. A new or
// reset password is shown once, on the page that answers the form.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Locale } from '../../domain/election.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { ConfirmPage, fieldsToRepost, isConfirmed } from '../../platform/web/index.ts';
import { t } from '../accounts.messages.ts';
import { actorOf, can } from '../core/authorization.ts';
import { createUser, disableUser, enableUser, getUser, listAllUsers, resetPassword } from '../user.service.ts';
import type { FormValues } from '../views/account-frame.tsx';
import { UsersPage, type OneTimeSecret } from '../views/users.page.tsx';
import { requirePermission } from './auth.plugin.ts';
import { newUserForm, resetForm, readForm } from './account.schemas.ts';
import { formPage, localized, me, seeOther, sendPage, showFormPage, withId } from './account-http.ts';
import type { FormPageExtra } from './account-http.ts';

interface UsersPageExtra extends FormPageExtra {
  values?: FormValues;
  secret?: OneTimeSecret;
}

/**
 * The confirmation step of disabling a user or resetting their password, which end the user's
 * sessions at once: the first post answers with this page, which posts the same fields again with
 * the confirmation. Works without JavaScript.
 */
function confirmUserAction(
  reply: FastifyReply,
  o: { locale: Locale; id: number; login: string; what: 'disable' | 'reset'; body: unknown },
) {
  const l = o.locale;
  const html = ConfirmPage({
    locale: l,
    title: t(l, `accounts.confirm.${o.what}.title`, { login: o.login }),
    path: '/account/users',
    children: t(l, `accounts.confirm.${o.what}.text`, { login: o.login }),
    action: `/${l}/account/users/${o.id}/${o.what}`,
    fields: fieldsToRepost(o.body),
    csrfToken: reply.generateCsrf(),
    yesLabel: t(l, o.what === 'disable' ? 'accounts.action.disable' : 'accounts.action.reset'),
    backHref: `/${l}/account/users`,
    backLabel: t(l, 'accounts.action.cancel'),
  });
  return sendPage(reply, html);
}

export function usersRoutes(app: FastifyInstance, ctx: AppContext): void {
  // User management is a sensitive screen: the training gate stands before it.
  const manage = { preHandler: requirePermission('users.manage'), config: { needsTraining: true } };

  /** Sends the confirmation page when the post is not yet confirmed (and names someone); true when it did. */
  async function unconfirmed(
    req: { body: unknown },
    reply: FastifyReply,
    l: Locale,
    id: number,
    what: 'disable' | 'reset',
  ) {
    if (isConfirmed(req.body)) return false;
    const user = await getUser(ctx, id);
    if (!user) return false;
    await confirmUserAction(reply, { locale: l, id, login: user.login, what, body: req.body });
    return true;
  }

  const renderUsers = formPage<UsersPageExtra>(async (req, props, extra) => {
    const p = me(req);
    return UsersPage({
      ...props,
      users: await listAllUsers(ctx),
      canManage: can(p, 'users.manage'),
      selfId: p.userId,
      now: ctx.now(),
      ...(extra.values ? { values: extra.values } : {}),
      ...(extra.secret ? { secret: extra.secret } : {}),
    });
  });

  showFormPage(
    app,
    '/:locale/account/users',
    { preHandler: requirePermission('users.read'), config: { needsTraining: true } },
    renderUsers,
  );

  app.post(
    '/:locale/account/users',
    manage,
    localized(async (req, reply, locale) => {
      const values: FormValues = readForm(newUserForm, req.body);
      const r = await createUser(ctx, values, actorOf(me(req)));
      if (!r.ok) return renderUsers(req, reply, locale, { problems: r.error, values });
      return renderUsers(req, reply, locale, {
        secret: { login: r.value.user.login, password: r.value.password, kind: 'created' },
      });
    }),
  );

  app.post(
    '/:locale/account/users/:id/disable',
    manage,
    withId(async (req, reply, locale, id) => {
      if (await unconfirmed(req, reply, locale, id, 'disable')) return reply;
      const p = me(req);
      const r = await disableUser(ctx, id, actorOf(p), { byUserId: p.userId });
      if (!r.ok) return renderUsers(req, reply, locale, { problems: r.error });
      return seeOther(reply, `/${locale}/account/users?done=disabled`);
    }),
  );

  app.post(
    '/:locale/account/users/:id/enable',
    manage,
    withId(async (req, reply, locale, id) => {
      const r = await enableUser(ctx, id, actorOf(me(req)));
      if (!r.ok) return renderUsers(req, reply, locale, { problems: r.error });
      return seeOther(reply, `/${locale}/account/users?done=enabled`);
    }),
  );

  app.post(
    '/:locale/account/users/:id/reset',
    manage,
    withId(async (req, reply, locale, id) => {
      if (await unconfirmed(req, reply, locale, id, 'reset')) return reply;
      const r = await resetPassword(ctx, id, actorOf(me(req)), {
        clearTotp: readForm(resetForm, req.body).clearTotp === '1',
      });
      if (!r.ok) return renderUsers(req, reply, locale, { problems: r.error });
      return renderUsers(req, reply, locale, {
        secret: { login: r.value.user.login, password: r.value.password, kind: 'reset' },
      });
    }),
  );
}
