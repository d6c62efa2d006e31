// The signed-in user's API tokens: list, create (the token is shown once) and revoke.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import { actorOf, grantableScopes } from '../core/authorization.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../token.service.ts';
import { TokensPage } from '../views/tokens.page.tsx';
import { requirePermission } from './auth.plugin.ts';
import { newTokenForm, readForm } from './account.schemas.ts';
import { formPage, localized, me, seeOther, showFormPage, withId } from './account-http.ts';
import type { FormPageExtra } from './account-http.ts';

interface TokensPageExtra extends FormPageExtra {
  values?: { label?: string; scopes?: string[] };
  createdToken?: string;
}

export function tokensRoutes(app: FastifyInstance, ctx: AppContext): void {
  const settings = app.accountSettings;
  const manage = { preHandler: requirePermission('tokens.manage') };

  const renderTokens = formPage<TokensPageExtra>(async (req, props, extra) => {
    const p = me(req);
    return TokensPage({
      ...props,
      tokens: await listApiTokens(ctx, p.userId),
      grantable: grantableScopes(p.role),
      now: ctx.now(),
      ...(extra.values ? { values: extra.values } : {}),
      ...(extra.createdToken ? { createdToken: extra.createdToken } : {}),
    });
  });

  showFormPage(app, '/:locale/account/tokens', manage, renderTokens);

  app.post(
    '/:locale/account/tokens',
    manage,
    localized(async (req, reply, locale) => {
      const p = me(req);
      const f = readForm(newTokenForm, req.body);
      const values = { label: f.label, scopes: f.scopes };
      const input = { ...values, ...(f.expiresInDays ? { expiresInDays: f.expiresInDays } : {}) };
      const r = await createApiToken(ctx, { userId: p.userId }, input, actorOf(p), settings);
      if (!r.ok) return renderTokens(req, reply, locale, { problems: r.error, values });
      return renderTokens(req, reply, locale, { createdToken: r.value.token });
    }),
  );

  app.post(
    '/:locale/account/tokens/:id/revoke',
    manage,
    withId(async (req, reply, locale, id) => {
      const p = me(req);
      const r = await revokeApiToken(ctx, p.userId, id, actorOf(p));
      if (!r.ok) return renderTokens(req, reply, locale, { problems: r.error });
      return seeOther(reply, `/${locale}/account/tokens?done=revoked`);
    }),
  );
}
