// The signed-in user's API tokens: list, create (the token is shown once) and revoke.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import type { Locale } from '../../domain/election.ts';
import type { Problem } from '../../platform/result.ts';
import { actorOf, grantableScopes } from '../core/authorization.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../token.service.ts';
import { accountErrors } from '../views/account-frame.tsx';
import { TokensPage } from '../views/tokens.page.tsx';
import { requirePermission } from './auth.plugin.ts';
import { accountQuery, newTokenForm, readForm } from './account.schemas.ts';
import { doneText, localized, me, seeOther, sendPage, withId } from './account-http.ts';

interface TokensPageExtra {
  problems?: Problem[];
  values?: { label?: string; scopes?: string[] };
  createdToken?: string;
  done?: string | undefined;
}

export function tokensRoutes(app: FastifyInstance, ctx: AppContext): void {
  const settings = app.accountSettings;
  const manage = { preHandler: requirePermission('tokens.manage') };

  async function renderTokens(req: FastifyRequest, reply: FastifyReply, locale: Locale, extra: TokensPageExtra = {}) {
    const p = me(req);
    const html = TokensPage({
      locale,
      csrfToken: reply.generateCsrf(),
      tokens: await listApiTokens(ctx, p.userId),
      grantable: grantableScopes(p.role),
      now: ctx.now(),
      errors: accountErrors(locale, extra.problems ?? []),
      ...(extra.values ? { values: extra.values } : {}),
      ...(extra.createdToken ? { createdToken: extra.createdToken } : {}),
      done: doneText(locale, extra.done),
    });
    return sendPage(reply, html, extra.problems?.length ? 400 : 200);
  }

  app.get(
    '/:locale/account/tokens',
    manage,
    localized(async (req, reply, locale) =>
      renderTokens(req, reply, locale, { done: accountQuery.parse(req.query).done }),
    ),
  );

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
