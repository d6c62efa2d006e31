// User management: analysts and auditors see the list, administrators create, disable, enable and
// reset users. A new or reset password is shown once, on the page that answers the form.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import type { Locale } from '../../domain/election.ts';
import type { Problem } from '../../platform/result.ts';
import { actorOf, can } from '../core/authorization.ts';
import { createUser, disableUser, enableUser, listAllUsers, resetPassword } from '../user.service.ts';
import { accountErrors, type FormValues } from '../views/account-frame.tsx';
import { UsersPage, type OneTimeSecret } from '../views/users.page.tsx';
import { requirePermission } from './auth.plugin.ts';
import { accountQuery, newUserForm, resetForm, readForm } from './account.schemas.ts';
import { doneText, localized, me, seeOther, sendPage, withId } from './account-http.ts';

interface UsersPageExtra {
  problems?: Problem[];
  values?: FormValues;
  secret?: OneTimeSecret;
  done?: string | undefined;
}

export function usersRoutes(app: FastifyInstance, ctx: AppContext): void {
  const manage = { preHandler: requirePermission('users.manage') };

  async function renderUsers(req: FastifyRequest, reply: FastifyReply, locale: Locale, extra: UsersPageExtra = {}) {
    const p = me(req);
    const html = UsersPage({
      locale,
      csrfToken: reply.generateCsrf(),
      users: await listAllUsers(ctx),
      canManage: can(p, 'users.manage'),
      selfId: p.userId,
      now: ctx.now(),
      errors: accountErrors(locale, extra.problems ?? []),
      ...(extra.values ? { values: extra.values } : {}),
      ...(extra.secret ? { secret: extra.secret } : {}),
      done: doneText(locale, extra.done),
    });
    return sendPage(reply, html, extra.problems?.length ? 400 : 200);
  }

  app.get(
    '/:locale/account/users',
    { preHandler: requirePermission('users.read') },
    localized(async (req, reply, locale) =>
      renderUsers(req, reply, locale, { done: accountQuery.parse(req.query).done }),
    ),
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
