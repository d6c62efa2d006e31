// Site routes of the donor and payee pages: the ranked lists with their CSV downloads, and one
// donor's or payee's page. Parameters that do not parse, or name nothing, answer 404.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import type { Locale } from '../../domain/election.ts';
import {
  defineRoutes,
  notFound,
  PUBLIC_CACHE,
  renderPage,
  route,
  sendHtml,
  type RouteDef,
} from '../../platform/web/index.ts';
import { contentDisposition } from '../../platform/api/file-download.ts';
import type { Role } from '../core/aggregates.ts';
import { counterpartPage, topList } from '../explore.service.ts';
import { CSV_MEDIA_TYPE, topCsv, topFilename } from '../download.ts';
import { TopPage } from '../views/top.page.tsx';
import { CounterpartPage } from '../views/counterpart.page.tsx';
import { CounterpartParams, ElectionParams, TopQuery } from './schemas.ts';

const filterOf = (q: { party: string; multi: boolean }) => ({
  ...(q.party ? { party: q.party } : {}),
  ...(q.multi ? { minParties: 2 } : {}),
});

function sendCsv(reply: FastifyReply, filename: string, body: string) {
  return reply
    .header('content-type', CSV_MEDIA_TYPE)
    .header('content-disposition', contentDisposition(filename))
    .header('cache-control', PUBLIC_CACHE)
    .send(body);
}

type TopListOf = NonNullable<Awaited<ReturnType<typeof topList>>>;

/** A ranked list of an election, as a page (`suffix` '') or a download (`.csv`): the same list, sent two ways. */
function topRoute(
  role: Role,
  suffix: '' | '.csv',
  send: (reply: FastifyReply, locale: Locale, list: TopListOf, query: z.infer<typeof TopQuery>) => unknown,
): RouteDef {
  const plural = role === 'donor' ? 'donors' : 'payees';
  return route({
    id: `explore.${plural}${suffix}`,
    method: 'GET',
    url: `/:locale/elections/:id/${plural}${suffix}`,
    access: { kind: 'public' },
    params: ElectionParams,
    query: TopQuery,
    handler: async ({ ctx, reply, locale, params, query }) => {
      const list = await topList(ctx, params.id, role, locale, filterOf(query));
      return list ? send(reply, locale, list, query) : notFound(reply, locale);
    },
  });
}

function roleRoutes(role: Role): RouteDef[] {
  const plural = role === 'donor' ? 'donors' : 'payees';
  return [
    topRoute(role, '', (reply, locale, list, query) =>
      sendHtml(reply, renderPage(<TopPage locale={locale} role={role} list={list} state={query} />)),
    ),
    topRoute(role, '.csv', (reply, locale, list, query) =>
      sendCsv(reply, topFilename(list.election.id, role, query.party), topCsv(list, role, locale)),
    ),
    route({
      id: `explore.${role}`,
      method: 'GET',
      url: `/:locale/elections/:id/${plural}/:who`,
      access: { kind: 'public' },
      params: CounterpartParams,
      handler: async ({ ctx, reply, locale, params }) => {
        const found = await counterpartPage(ctx, params.id, role, params.who, locale);
        if (!found) return notFound(reply, locale);
        return sendHtml(reply, renderPage(<CounterpartPage locale={locale} role={role} found={found} />));
      },
    }),
  ];
}

/** Every site route of the explore capability, all public. */
export const EXPLORE_ROUTES: readonly RouteDef[] = [...roleRoutes('donor'), ...roleRoutes('payee')];

export async function exploreRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await defineRoutes(app, ctx, EXPLORE_ROUTES);
}
