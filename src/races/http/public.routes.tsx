// The races' public pages: an election's districts (filtered by kind and region, a page at a time) and
// one district with its candidates; and the section on the election's page, shown once it has districts.
import type { FastifyInstance } from 'fastify';
import type { ComponentChildren } from 'preact';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import type { PageSections } from '../../platform/capability.ts';
import { localeSchema, type Locale } from '../../domain/election.ts';
import {
  defineRoutes,
  notFound,
  publicGet,
  renderPage,
  route,
  sendHtml,
  type RouteDef,
} from '../../platform/web/index.ts';
import { getElection } from '../../elections/index.ts';
import { DISTRICT_CODE } from '../core/csv-table.ts';
import { DISTRICT_KINDS } from '../core/district.ts';
import type { DistrictFilter } from '../races.repository.ts';
import { getDistrictRace, getDistrictsPage, getDistrictTotals } from '../races.service.ts';
import { DistrictsPage } from '../views/districts.page.tsx';
import { DistrictPage } from '../views/district.page.tsx';
import { racesPath } from '../views/parts.tsx';
import { t } from '../races.messages.ts';

const ElectionParams = z.object({ locale: localeSchema, id: z.string().max(100) });
const DistrictParams = ElectionParams.extend({ code: z.string().regex(DISTRICT_CODE) });

// A value nobody could have been given falls back to no filter rather than refusing the page.
const DistrictsQuery = z.object({
  kind: z.enum(DISTRICT_KINDS).optional().catch(undefined),
  region: z.string().min(1).max(200).optional().catch(undefined),
  after: z.string().regex(DISTRICT_CODE).optional().catch(undefined),
});

/** The query of the list's address for this filter, starting after the code `after` when given. */
function listQuery(f: DistrictFilter, after?: string): string {
  const q = new URLSearchParams();
  if (f.kind) q.set('kind', f.kind);
  if (f.region) q.set('region', f.region);
  if (after) q.set('after', after);
  return q.toString();
}

function listHref(l: Locale, electionId: string, f: DistrictFilter, after?: string): string {
  const q = listQuery(f, after);
  return `/${l}${racesPath.list(electionId)}${q ? `?${q}` : ''}`;
}

function racesRoutes(sections: PageSections): readonly RouteDef[] {
  return [
    route({
      id: 'races.districts',
      method: 'GET',
      url: '/:locale/elections/:id/races',
      access: { kind: 'public' },
      params: ElectionParams,
      query: DistrictsQuery,
      async handler({ ctx, reply, locale: l, params, query }) {
        const election = await getElection(ctx, params.id);
        if (!election) return notFound(reply, l);
        const { after, ...filter } = query;
        const page = await getDistrictsPage(ctx, election.id, filter, after);
        const html = renderPage(
          <DistrictsPage
            locale={l}
            election={election}
            filter={filter}
            districts={page.districts}
            regions={page.regions}
            query={listQuery(filter, after)}
            firstHref={after ? listHref(l, election.id, filter) : null}
            nextHref={page.next ? listHref(l, election.id, filter, page.next) : null}
          />,
        );
        return sendHtml(reply, html);
      },
    }),
    publicGet('races.district', '/:locale/elections/:id/races/:code', DistrictParams, async (input) => {
      const { ctx, reply, locale: l, params } = input;
      const election = await getElection(ctx, params.id);
      const race = election && (await getDistrictRace(ctx, election.id, params.code));
      if (!election || !race) return notFound(reply, l);
      const extra = await Promise.all(sections.district.map((f) => f(ctx, election.id, race.district.code, l)));
      return sendHtml(reply, renderPage(<DistrictPage locale={l} election={election} {...race} extra={extra} />));
    }),
  ];
}

export async function racesPublicRoutes(app: FastifyInstance, ctx: AppContext, sections: PageSections): Promise<void> {
  await defineRoutes(app, ctx, racesRoutes(sections));
}

/** The election page's section: how many districts and seats, and the link to them; none without districts. */
export async function racesElectionSection(ctx: AppContext, electionId: string, l: Locale): Promise<ComponentChildren> {
  const totals = await getDistrictTotals(ctx, electionId);
  if (totals.districts === 0) return null;
  return (
    <section aria-labelledby="races">
      <h2 id="races">{t(l, 'races.title')}</h2>
      <p>{t(l, 'races.section.lead', totals)}</p>
      <p>
        <a href={`/${l}${racesPath.list(electionId)}`}>{t(l, 'races.section.link')}</a>
      </p>
    </section>
  );
}
