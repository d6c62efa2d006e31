// HTTP helpers shared by page routes: locale from the URL, HTML replies with cache headers.
import type { FastifyReply } from 'fastify';
import { localeSchema, type Locale } from '../../domain/election.ts';

export function parseLocale(x: unknown): Locale | undefined {
  const r = localeSchema.safeParse(x);
  return r.success ? r.data : undefined;
}

/** Public pages may be cached briefly by browsers and longer by a CDN that revalidates. */
export const PUBLIC_CACHE = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600';

export function sendHtml(reply: FastifyReply, html: string, opts: { status?: number; cache?: string } = {}) {
  return reply
    .status(opts.status ?? 200)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', opts.cache ?? PUBLIC_CACHE)
    .header('vary', 'Accept-Encoding')
    .send(html);
}
