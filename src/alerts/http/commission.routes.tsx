// The commission's webhook screen: list, create (the secret shown once, on the answer to the POST, never
// in an address), remove. Commission administrators only ('election.manage'): a webhook sends the
// portal's traffic to an address of someone's choosing.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import type { Problem } from '../../platform/result.ts';
import { localeSchema, type Locale } from '../../domain/election.ts';
import { route, seeOther, sendPrivateHtml, type RouteDef } from '../../platform/web/index.ts';
import { actorOf, type Action, type Resource } from '../../accounts/index.ts';
import { getElections, me } from '../../elections/index.ts';
import { createWebhook, removeWebhook } from '../webhook.service.ts';
import { listDeliveries, listWebhooks } from '../alerts.repository.ts';
import { WebhooksPage, webhooksPath } from '../views/webhooks.page.tsx';
import { t } from '../alerts.messages.ts';

const LocaleOnly = z.object({ locale: localeSchema });
const HookParams = LocaleOnly.extend({
  hookId: z
    .string()
    .regex(/^[1-9]\d{0,15}$/)
    .transform(Number),
});
const ScreenQuery = z.object({ done: z.string().optional().catch(undefined) });
const WebhookForm = z.object({
  electionId: z.string().trim().min(1).max(100),
  party: z.string().trim().max(100).optional(),
  url: z.string().trim().min(1).max(2000),
});
const ADMIN = { kind: 'permission', actions: ['election.manage'] } as const;

async function screen(
  ctx: AppContext,
  reply: FastifyReply,
  l: Locale,
  extra: Omit<Parameters<typeof WebhooksPage>[0], 'locale' | 'csrf' | 'elections' | 'lines'> = {},
  status = 200,
) {
  const hooks = await listWebhooks(ctx.db);
  const lines = await Promise.all(
    hooks.map(async (hook) => ({ hook, last: (await listDeliveries(ctx.db, hook.id, 1))[0] })),
  );
  const page = WebhooksPage({
    locale: l,
    csrf: reply.generateCsrf(),
    elections: await getElections(ctx),
    lines,
    ...extra,
  });
  return sendPrivateHtml(reply, page, status);
}

export function webhookCommissionRoutes(): readonly RouteDef<Action, Resource>[] {
  return [
    route({
      id: 'alerts.webhooks',
      method: 'GET',
      url: '/:locale/commission/webhooks',
      access: ADMIN,
      params: LocaleOnly,
      query: ScreenQuery,
      handler: ({ ctx, reply, locale, query }) =>
        screen(ctx, reply, locale, { done: query.done === 'removed' ? t(locale, 'alerts.done.removed') : undefined }),
    }),
    route({
      id: 'alerts.webhooks.create',
      method: 'POST',
      url: '/:locale/commission/webhooks',
      access: ADMIN,
      params: LocaleOnly,
      form: WebhookForm,
      handler: async ({ ctx, req, reply, locale, form }) => {
        const values = (req.body ?? {}) as Record<string, string>;
        const again = (problems: readonly Problem[]) => screen(ctx, reply, locale, { problems, values }, 422);
        if (!form.ok) return again(form.error);
        const r = await createWebhook(
          ctx,
          { electionId: form.value.electionId, party: form.value.party ?? null, url: form.value.url },
          actorOf(me(req)),
        );
        if (!r.ok) return again(r.error);
        return screen(ctx, reply, locale, { created: r.value }, 201);
      },
    }),
    route({
      id: 'alerts.webhooks.remove',
      method: 'POST',
      url: '/:locale/commission/webhooks/:hookId/remove',
      access: ADMIN,
      params: HookParams,
      handler: async ({ ctx, reply, locale, params }) => {
        await removeWebhook(ctx, params.hookId);
        return seeOther(reply, `${webhooksPath(locale)}?done=removed`);
      },
    }),
  ];
}
