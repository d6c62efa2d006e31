// The public routes of e-mail notices: the request form per election (and party), and the pages of the
// confirmation and unsubscribe links. Never cached: each carries a CSRF token.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { localeSchema, type Locale } from '../../domain/election.ts';
import { notFound, pick, route, sendPrivateHtml, type RouteDef } from '../../platform/web/index.ts';
import { canSendMail } from '../../accounts/index.ts';
import { findElection } from '../../elections/index.ts';
import { findParticipation, findParty } from '../../parties/index.ts';
import { confirmSubscription, requestSubscription, unsubscribe } from '../subscription.service.ts';
import { SubscribePage, TokenPage } from '../views/subscription.pages.tsx';
import { t } from '../alerts.messages.ts';

const ElectionOnly = z.object({ locale: localeSchema, id: z.string() });
const LocaleOnly = z.object({ locale: localeSchema });
const PartyQuery = z.object({ party: z.string().max(100).optional().catch(undefined) });
const TokenQuery = z.object({ token: z.string().max(200).optional().catch(undefined) });
const SubscribeForm = z.object({ email: z.string().max(300), party: z.string().max(100).optional() });
const TokenForm = z.object({ token: z.string().max(200) });

async function subscribeScreen(
  ctx: AppContext,
  reply: FastifyReply,
  l: Locale,
  electionId: string,
  party: string | undefined,
  extra: { notice?: { kind: 'done' | 'warn'; text: string }; email?: string } = {},
  status = 200,
) {
  const election = await findElection(ctx.db, electionId);
  const reg = party?.trim() || undefined;
  if (!election || (reg && !(await findParticipation(ctx.db, election.id, reg)))) return notFound(reply, l);
  const p = reg ? await findParty(ctx.db, reg) : undefined;
  const page = SubscribePage({
    locale: l,
    csrf: reply.generateCsrf(),
    election,
    party: reg,
    partyName: p ? pick(p.shortName, l) || pick(p.name, l) : reg,
    canMail: canSendMail(ctx),
    ...extra,
  });
  return sendPrivateHtml(reply, page, status);
}

function tokenRoutes(kind: 'confirm' | 'unsubscribe', act: (ctx: AppContext, token: string) => Promise<boolean>) {
  return [
    route({
      id: `alerts.${kind}`,
      method: 'GET',
      url: `/:locale/alerts/${kind}`,
      access: { kind: 'public' },
      params: LocaleOnly,
      query: TokenQuery,
      handler: ({ reply, locale, query }) =>
        sendPrivateHtml(reply, TokenPage({ locale, csrf: reply.generateCsrf(), kind, token: query.token ?? '' })),
    }),
    route({
      id: `alerts.${kind}.post`,
      method: 'POST',
      url: `/:locale/alerts/${kind}`,
      access: { kind: 'public' },
      params: LocaleOnly,
      body: TokenForm,
      handler: async ({ ctx, reply, locale, body }) => {
        const ok = await act(ctx, body.token);
        const page = TokenPage({ locale, csrf: reply.generateCsrf(), kind, token: '', outcome: { ok } });
        return sendPrivateHtml(reply, page, ok ? 200 : 404);
      },
    }),
  ];
}

export function subscriptionRoutes(): readonly RouteDef[] {
  return [
    route({
      id: 'alerts.subscribe',
      method: 'GET',
      url: '/:locale/elections/:id/alerts',
      access: { kind: 'public' },
      params: ElectionOnly,
      query: PartyQuery,
      handler: ({ ctx, reply, locale, params, query }) => subscribeScreen(ctx, reply, locale, params.id, query.party),
    }),
    route({
      id: 'alerts.subscribe.post',
      method: 'POST',
      url: '/:locale/elections/:id/alerts',
      access: { kind: 'public' },
      params: ElectionOnly,
      body: SubscribeForm,
      handler: async ({ ctx, reply, locale, params, body }) => {
        const party = body.party?.trim() || null;
        const outcome = await requestSubscription(ctx, { email: body.email, electionId: params.id, party, locale });
        if (outcome === 'not_found') return notFound(reply, locale);
        const notice =
          outcome === 'sent'
            ? { kind: 'done' as const, text: t(locale, 'alerts.subscribe.sent') }
            : outcome === 'bad_email'
              ? { kind: 'warn' as const, text: t(locale, 'alerts.subscribe.badEmail') }
              : undefined;
        return subscribeScreen(
          ctx,
          reply,
          locale,
          params.id,
          party ?? undefined,
          { ...(notice ? { notice } : {}), ...(outcome === 'bad_email' ? { email: body.email } : {}) },
          outcome === 'bad_email' ? 422 : 200,
        );
      },
    }),
    ...tokenRoutes('confirm', confirmSubscription),
    ...tokenRoutes('unsubscribe', unsubscribe),
  ];
}
