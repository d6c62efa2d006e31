// The commission's screen of address-change requests and its decisions. Only commission administrators
// (`voter-requests.decide`): the screen shows PINs and names.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import type { Problem } from '../../platform/result.ts';
import { localeSchema, type Locale } from '../../domain/election.ts';
import { defineRoutes, renderPage, route, seeOther, sendPrivateHtml, type RouteDef } from '../../platform/web/index.ts';
import { actorOf, type Action, type Resource } from '../../accounts/index.ts';
import { COMMISSION_AUTH, me } from '../../elections/index.ts';
import { REFUSAL_REASONS, REQUEST_STATUSES } from '../core/address-change.ts';
import { decide, requestsForCommission } from '../address-change.service.ts';
import type { RequestListFilter } from '../address-change.repository.ts';
import { CommissionRequestsPage } from '../views/commission-requests.page.tsx';
import { votersPath } from '../views/parts.tsx';

const LocaleOnly = z.object({ locale: localeSchema });
const ScreenQuery = z.object({
  station: z.string().trim().max(12).optional().catch(undefined),
  status: z.enum(REQUEST_STATUSES).optional().catch(undefined),
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  done: z.string().optional().catch(undefined),
});
const DecisionParams = LocaleOnly.extend({ number: z.string().regex(/^AC-[0-9A-Z]{4}-[0-9A-Z]{4}$/) });
const DecisionForm = z.object({
  decision: z.enum(['approve', 'refuse']),
  reason: z.enum(REFUSAL_REASONS).optional(),
});

async function screen(
  ctx: AppContext,
  reply: FastifyReply,
  l: Locale,
  filter: RequestListFilter,
  extra: { done?: boolean; problems?: Problem[]; status?: number } = {},
) {
  const requests = await requestsForCommission(ctx, filter);
  const page = (
    <CommissionRequestsPage
      locale={l}
      csrf={reply.generateCsrf()}
      filter={filter}
      requests={requests}
      done={extra.done ?? false}
      problems={extra.problems ?? []}
    />
  );
  return sendPrivateHtml(reply, renderPage(page), extra.status ?? 200);
}

export const VOTERS_COMMISSION_ROUTES: readonly RouteDef<Action, Resource>[] = [
  route({
    id: 'voters.commission.requests',
    method: 'GET',
    url: '/:locale/commission/voters/requests',
    access: { kind: 'permission', actions: ['voter-requests.decide'] },
    params: LocaleOnly,
    query: ScreenQuery,
    handler: ({ ctx, reply, locale, query }) => {
      const { done, ...filter } = query;
      return screen(ctx, reply, locale, filter, { done: done === '1' });
    },
  }),
  route({
    id: 'voters.commission.decision',
    method: 'POST',
    url: '/:locale/commission/voters/requests/:number/decision',
    access: { kind: 'permission', actions: ['voter-requests.decide'] },
    params: DecisionParams,
    form: DecisionForm,
    handler: async ({ ctx, req, reply, locale, params, form }) => {
      if (!form.ok) return screen(ctx, reply, locale, {}, { problems: form.error, status: 422 });
      const d = form.value;
      const r = await decide(
        ctx,
        params.number,
        d.decision === 'approve' ? { kind: 'approve' } : { kind: 'refuse', reason: d.reason ?? 'other' },
        actorOf(me(req)),
      );
      if (!r.ok) return screen(ctx, reply, locale, {}, { problems: r.error, status: 409 });
      return seeOther(
        reply,
        `${votersPath.commission(locale)}?station=${encodeURIComponent(r.value.to_station)}&done=1`,
      );
    },
  }),
];

export async function votersCommissionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await defineRoutes(app, ctx, VOTERS_COMMISSION_ROUTES, { auth: COMMISSION_AUTH });
}
