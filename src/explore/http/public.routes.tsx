// Site routes of the donor and payee pages: the ranked lists with their CSV downloads, and one
// donor's or payee's page. Parameters that do not parse, or name nothing, answer 404.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import type { Locale } from '../../domain/election.ts';
import {
  defineRoutes,
  notFound,
  sendDownload,
  renderPage,
  route,
  sendHtml,
  type RouteDef,
} from '../../platform/web/index.ts';
import type { Role } from '../core/aggregates.ts';
import { breakdownPage, comparisonPage, counterpartPage, topList } from '../explore.service.ts';
import {
  breakdownCsv,
  breakdownFilename,
  comparisonCsv,
  comparisonFilename,
  CSV_MEDIA_TYPE,
  topCsv,
  topFilename,
} from '../download.ts';
import { BreakdownPage } from '../views/breakdown.page.tsx';
import { ComparePage } from '../views/compare.page.tsx';
import { TopPage } from '../views/top.page.tsx';
import { CounterpartPage } from '../views/counterpart.page.tsx';
import { BreakdownQuery, CompareQuery, CounterpartParams, ElectionParams, partiesOf, TopQuery } from './schemas.ts';

const filterOf = (q: { party: string; multi: boolean }) => ({
  ...(q.party ? { party: q.party } : {}),
  ...(q.multi ? { minParties: 2 } : {}),
});

const sendCsv = (reply: FastifyReply, filename: string, body: string) =>
  sendDownload(reply, { type: CSV_MEDIA_TYPE, filename, body });

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

/** The breakdowns of an election's money, as a page and as a download. */
const breakdownRoutes = (['', '.csv'] as const).map((suffix) =>
  route({
    id: `explore.breakdown${suffix}`,
    method: 'GET',
    url: `/:locale/elections/:id/breakdown${suffix}`,
    access: { kind: 'public' },
    params: ElectionParams,
    query: BreakdownQuery,
    handler: async ({ ctx, reply, locale, params, query }) => {
      const found = await breakdownPage(ctx, params.id, locale, query.party || undefined);
      if (!found) return notFound(reply, locale);
      return suffix === ''
        ? sendHtml(reply, renderPage(<BreakdownPage locale={locale} found={found} />))
        : sendCsv(reply, breakdownFilename(found.election.id, found.party), breakdownCsv(found, locale));
    },
  }),
);

/** Parties side by side, as a page and as a download. */
const compareRoutes = (['', '.csv'] as const).map((suffix) =>
  route({
    id: `explore.compare${suffix}`,
    method: 'GET',
    url: `/:locale/elections/:id/compare${suffix}`,
    access: { kind: 'public' },
    params: ElectionParams,
    query: CompareQuery,
    handler: async ({ ctx, reply, locale, params, query }) => {
      const found = await comparisonPage(ctx, params.id, locale, partiesOf(query.parties));
      if (!found) return notFound(reply, locale);
      const parties = found.comparison.parties.map((s) => s.party);
      if (suffix === '') return sendHtml(reply, renderPage(<ComparePage locale={locale} found={found} />));
      // A download of nothing compared is no file.
      if (parties.length < 2) return notFound(reply, locale);
      return sendCsv(reply, comparisonFilename(found.election.id, parties), comparisonCsv(found, locale));
    },
  }),
);

/** Every site route of the explore capability, all public. */
export const EXPLORE_ROUTES: readonly RouteDef[] = [
  ...roleRoutes('donor'),
  ...roleRoutes('payee'),
  ...breakdownRoutes,
  ...compareRoutes,
];

export async function exploreRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await defineRoutes(app, ctx, EXPLORE_ROUTES);
}
