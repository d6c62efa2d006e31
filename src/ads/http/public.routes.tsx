// Public site routes of political advertising: the election's ad page, its CSV and JSON downloads, and
// the original files of the reports it is built from (public data the platforms themselves publish).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { localeSchema, type Locale } from '../../domain/election.ts';
import {
  defineRoutes,
  notFound,
  publicGet,
  renderPage,
  sendDownload,
  sendHtml,
  type RouteDef,
} from '../../platform/web/index.ts';
import { adsOverview, findingsOfElection } from '../ads.service.ts';
import { adsCsv, adsResource, CSV_MEDIA_TYPE } from '../ads-export.ts';
import { reportsOfElection, type StoredAdFinding } from '../ads.repository.ts';
import { AdsPage } from '../views/ads.page.tsx';

const ElectionParams = z.object({ locale: localeSchema, id: z.string() });
const FileParams = ElectionParams.extend({ report: z.coerce.number().int().positive() });

type Overview = NonNullable<Awaited<ReturnType<typeof adsOverview>>>;

/** The election's advertising, as a page (`suffix` '') or a download: the same figures, sent three ways. */
function overviewRoute(
  suffix: '' | '.csv' | '.json',
  send: (reply: FastifyReply, locale: Locale, o: Overview, findings: StoredAdFinding[]) => unknown,
): RouteDef {
  return publicGet(`ads.page${suffix}`, `/:locale/elections/:id/ads${suffix}`, ElectionParams, async (input) => {
    const { ctx, reply, locale, params } = input;
    const o = await adsOverview(ctx, params.id);
    if (!o) return notFound(reply, locale);
    return send(reply, locale, o, await findingsOfElection(ctx.db, params.id));
  });
}

export const ADS_PUBLIC_ROUTES: readonly RouteDef[] = [
  overviewRoute('', (reply, locale, o, findings) =>
    sendHtml(reply, renderPage(<AdsPage locale={locale} overview={o} findings={findings} />)),
  ),
  overviewRoute('.csv', (reply, locale, o) =>
    sendDownload(reply, {
      type: CSV_MEDIA_TYPE,
      filename: `${o.election.id}-ads-${locale}.csv`,
      body: adsCsv(o, locale),
    }),
  ),
  overviewRoute('.json', (reply, _locale, o, findings) =>
    sendDownload(reply, {
      type: 'application/json; charset=utf-8',
      filename: `${o.election.id}-ads.json`,
      body: JSON.stringify(adsResource(o, findings), null, 2),
    }),
  ),
  publicGet(
    'ads.file',
    '/:locale/elections/:id/ads/files/:report',
    FileParams,
    async ({ ctx, reply, locale, params }) => {
      const r = (await reportsOfElection(ctx.db, params.id)).find((x) => x.id === params.report);
      const body = r && (await ctx.blobs.getBuffer(r.sha256));
      if (!r || !body) return notFound(reply, locale);
      const name = r.fileName.toLowerCase();
      // A fetch from Meta's Ad Library API is kept as the JSON of the ads it returned.
      const type = name.endsWith('.zip')
        ? 'application/zip'
        : name.endsWith('.json')
          ? 'application/json; charset=utf-8'
          : 'text/csv; charset=utf-8';
      // The original file never changes: it is named by its hash.
      return sendDownload(reply, { type, filename: r.fileName, body }, 'public, max-age=31536000, immutable');
    },
  ),
];

export async function adsPublicRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await defineRoutes(app, ctx, ADS_PUBLIC_ROUTES);
}
