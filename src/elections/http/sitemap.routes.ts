// The sitemap: the home and search pages, every election and every party of its ballot, each in the
// three languages with the others as alternates. Built from the same services as the pages themselves.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import { LOCALES } from '../../domain/election.ts';
import { PUBLIC_CACHE } from '../../platform/web/http.ts';
import { siteOrigin, sitemapXml, type SitemapEntry } from '../../platform/web/site-files.ts';
import { getBallot } from '../../parties/index.ts';
import { getElections } from '../election.service.ts';

/** The public pages' paths without the locale prefix, in reading order. */
export async function publicPagePaths(ctx: AppContext): Promise<string[]> {
  const paths = ['/', '/search'];
  for (const election of await getElections(ctx)) {
    const base = `/elections/${encodeURIComponent(election.id)}`;
    paths.push(base);
    for (const { party } of await getBallot(ctx, election.id))
      paths.push(`${base}/parties/${encodeURIComponent(party.registrationNumber)}`);
  }
  return paths;
}

export function sitemapEntries(origin: string, paths: readonly string[]): SitemapEntry[] {
  return paths.flatMap((path) => {
    const alternates = Object.fromEntries(LOCALES.map((l) => [l, `${origin}/${l}${path}`]));
    return LOCALES.map((l) => ({ loc: `${origin}/${l}${path}`, alternates }));
  });
}

export function sitemapRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/sitemap.xml', async (req, reply) => {
    const xml = sitemapXml(sitemapEntries(siteOrigin(ctx.config.publicUrl, req), await publicPagePaths(ctx)));
    return reply
      .header('content-type', 'application/xml; charset=utf-8')
      .header('cache-control', PUBLIC_CACHE)
      .send(xml);
  });
}
