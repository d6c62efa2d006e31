// Public pages of elections: every election (the home page of each language) and one election with
// its parties in ballot order and the sections other capabilities add to it.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import type { PageSections } from '../../platform/capability.ts';
import { localeSchema } from '../../domain/election.ts';
import { PUBLIC_CACHE, sendHtml } from '../../platform/web/http.ts';
import { renderPage } from '../../platform/web/layout.tsx';
import { notFound } from '../../platform/web/errors.tsx';
import { getCheckedBallot } from '../../parties/index.ts';
import { getElections } from '../election.service.ts';
import { ElectionsPage } from '../views/elections.page.tsx';
import { ElectionPage } from '../views/election.page.tsx';
import { sitemapRoutes } from './sitemap.routes.ts';

const LocaleParams = z.object({ locale: localeSchema });
const ElectionParams = z.object({ locale: localeSchema, id: z.string() });

export function electionPublicRoutes(app: FastifyInstance, ctx: AppContext, sections: PageSections): void {
  // `/en` is the home page's address without its slash: send it on, keeping any query.
  app.get('/:locale', async (req, reply) => {
    const params = LocaleParams.safeParse(req.params);
    if (!params.success) return reply.callNotFound();
    const query = req.url.indexOf('?');
    return reply
      .header('cache-control', PUBLIC_CACHE)
      .redirect(`/${params.data.locale}/${query < 0 ? '' : req.url.slice(query)}`, 301);
  });

  app.get('/:locale/', async (req, reply) => {
    const params = LocaleParams.safeParse(req.params);
    if (!params.success) return notFound(reply, 'en');
    const { locale } = params.data;
    return sendHtml(reply, renderPage(<ElectionsPage locale={locale} elections={await getElections(ctx)} />));
  });

  app.get('/:locale/elections/:id', async (req, reply) => {
    const params = ElectionParams.safeParse(req.params);
    if (!params.success) return notFound(reply, 'en');
    const { locale, id } = params.data;
    const ballot = await getCheckedBallot(ctx, id);
    if (!ballot) return notFound(reply, locale);
    const { election, profile, lines } = ballot;
    const extra = await Promise.all(sections.election.map((f) => f(ctx, election.id, locale)));
    return sendHtml(
      reply,
      renderPage(<ElectionPage locale={locale} election={election} lines={lines} rules={profile} extra={extra} />),
    );
  });

  sitemapRoutes(app, ctx);
}
