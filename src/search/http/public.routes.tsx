// Public search page: one box, names in any script.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { localeSchema } from '../../domain/election.ts';
import { sendHtml } from '../../platform/web/http.ts';
import { renderPage } from '../../platform/web/layout.tsx';
import { notFound } from '../../platform/web/errors.tsx';
import { anySyntheticElection } from '../../elections/index.ts';
import { searchCandidates } from '../search.service.ts';
import { pageQuery } from '../core/search-query.ts';
import { SearchPage } from '../views/search.page.tsx';

const LocaleParams = z.object({ locale: localeSchema });
/** A repeated `q` is not a query this page makes; it reads as none. */
const SearchPageQuery = z.object({ q: z.string().optional().catch(undefined) });

export function searchPublicRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/:locale/search', { config: { pageQuery: SearchPageQuery } }, async (req, reply) => {
    const params = LocaleParams.safeParse(req.params);
    if (!params.success) return notFound(reply, 'en');
    const { locale } = params.data;
    const query = SearchPageQuery.safeParse(req.query);
    const q = pageQuery(query.success ? query.data.q : undefined);
    const hits = q ? await searchCandidates(ctx, q) : [];
    const synthetic = await anySyntheticElection(ctx);
    return sendHtml(reply, renderPage(<SearchPage locale={locale} q={q} hits={hits} synthetic={synthetic} />));
  });
}
