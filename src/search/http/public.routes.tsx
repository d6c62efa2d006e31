// Public search page: one box that finds every kind of thing, names in any script.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { localeSchema } from '../../domain/election.ts';
import { sendHtml } from '../../platform/web/http.ts';
import { renderPage } from '../../platform/web/layout.tsx';
import { notFound } from '../../platform/web/errors.tsx';
import { anySyntheticElection } from '../../elections/index.ts';
import { MAX_HITS, searchCandidatePage } from '../search.service.ts';
import { searchKinds } from '../kinds.service.ts';
import { pageQuery } from '../core/search-query.ts';
import { SearchPage } from '../views/search.page.tsx';

const LocaleParams = z.object({ locale: localeSchema });
/** Hits a page of results shows. */
export const SEARCH_PAGE_SIZE = 20;
const LAST_PAGE = Math.ceil(MAX_HITS / SEARCH_PAGE_SIZE);
/** A repeated `q` is not a query this page makes; it reads as none. A page that cannot be reads as the first. */
const SearchPageQuery = z.object({
  q: z.string().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(LAST_PAGE).default(1).catch(1),
});

export function searchPublicRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/:locale/search', { config: { pageQuery: SearchPageQuery } }, async (req, reply) => {
    const params = LocaleParams.safeParse(req.params);
    if (!params.success) return notFound(reply, 'en');
    const { locale } = params.data;
    const query = SearchPageQuery.safeParse(req.query);
    const q = pageQuery(query.success ? query.data.q : undefined);
    const page = query.success ? query.data.page : 1;
    // The other kinds are few beside the candidates' ranking: the first page shows them all, later pages
    // only go on with the candidates.
    const [found, kinds, synthetic] = await Promise.all([
      q ? searchCandidatePage(ctx, q, page, SEARCH_PAGE_SIZE) : { hits: [], total: 0 },
      q && page === 1 ? searchKinds(ctx, q, locale) : undefined,
      anySyntheticElection(ctx),
    ]);
    const more = page * SEARCH_PAGE_SIZE < found.total;
    const view = { locale, q, page, ...found, more, kinds, synthetic };
    return sendHtml(reply, renderPage(<SearchPage {...view} />));
  });
}
