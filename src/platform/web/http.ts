// HTTP helpers shared by page routes: locale from the URL, HTML replies with cache headers.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { localeSchema, type Locale } from '../../domain/election.ts';
import { contentDisposition } from '../api/file-download.ts';

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

/** A file to save (a CSV, a JSON export, an original upload): its media type, its name and how long it may be kept. */
export function sendDownload(
  reply: FastifyReply,
  file: { type: string; filename: string; body: string | Buffer | Readable },
  cache: string = PUBLIC_CACHE,
) {
  return reply
    .header('content-type', file.type)
    .header('content-disposition', contentDisposition(file.filename))
    .header('cache-control', cache)
    .send(file.body);
}

/** Pages of signed-in users: never stored by browsers or proxies. */
export function sendPrivateHtml(reply: FastifyReply, html: string, status = 200) {
  return sendHtml(reply, html, { status, cache: 'no-store' });
}

/**
 * Public pages that change the moment something is filed or reviewed: caches may keep them but must
 * ask again each time; the ETag makes the answer "not modified" cheap.
 */
export const PUBLIC_REVALIDATE = 'public, no-cache';

export function sendRevalidatedHtml(req: FastifyRequest, reply: FastifyReply, html: string, status = 200) {
  const etag = `W/"${createHash('sha1').update(html).digest('base64url')}"`;
  reply.header('etag', etag);
  if (status === 200 && req.headers['if-none-match'] === etag)
    return reply.status(304).header('cache-control', PUBLIC_REVALIDATE).send();
  return sendHtml(reply, html, { status, cache: PUBLIC_REVALIDATE });
}

/** After a successful POST: "303 See Other" to the page that shows the result (post/redirect/get). */
export function seeOther(reply: FastifyReply, to: string) {
  return reply.header('cache-control', 'no-store').redirect(to, 303);
}
