// User management: analysts and auditors see the list, administrators create, disable, enable and
// reset users. A new or reset password is shown once, on the page that answers the form.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import { actorOf, can } from '../core/authorization.ts';
import { createUser, disableUser, enableUser, listAllUsers, resetPassword } from '../user.service.ts';
import type { FormValues } from '../views/account-frame.tsx';
import { UsersPage, type OneTimeSecret } from '../views/users.page.tsx';
import { requirePermission } from './auth.plugin.ts';
import { newUserForm, resetForm, readForm } from './account.schemas.ts';
import { formPage, localized, me, seeOther, showFormPage, withId } from './account-http.ts';
import type { FormPageExtra } from './account-http.ts';

interface UsersPageExtra extends FormPageExtra {
  values?: FormValues;
  secret?: OneTimeSecret;
}

export function usersRoutes(app: FastifyInstance, ctx: AppContext): void {
  const manage = { preHandler: requirePermission('users.manage') };

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

  showFormPage(app, '/:locale/account/users', { preHandler: requirePermission('users.read') }, renderUsers);

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
