// A small cache of public HTML pages for anonymous visitors. Its key includes the newest id of the
// activity log, read from the database on each request: every change to the public record writes an
// activity record, so a cached page is never older than the data, on this instance or any other.
// Pages for signed-in users, pages that set cookies and anything but a 200 are never cached.
//
// The key holds only what changes the page: the path, and the query as the route's own schema reads
// it (`config.pageQuery`), so `?utm_source=…`, `?x=1` or a garbled sort fall on the cached page
// instead of making the server render it again; a route that declares no query reads none. Whether a
// visitor is signed in is decided by the accounts capability (a real session, not any cookie named
// like one), so a made-up session cookie does not bypass the cache either.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AppContext } from '../app-context.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The query a public page reads; the page cache keys on it as parsed, ignoring everything else. */
    pageQuery?: z.ZodType;
  }
}

interface Entry {
  body: string;
  contentType: string;
  cacheControl: string;
}

const MAX_ENTRIES = 500;
const PAGE_PATH = /^\/(ky|ru|en)(\/|$)/;

/**
 * The cache key of a request's page: its path and the query as the route parses it. Undefined when the
 * query does not parse (the page answers 400, which is never cached).
 */
export function pageKey(path: string, query: unknown, schema: z.ZodType | undefined): string | undefined {
  if (!schema) return path;
  const parsed = schema.safeParse(query ?? {});
  return parsed.success ? `${path}?${JSON.stringify(parsed.data)}` : undefined;
}

async function dataVersion(ctx: AppContext): Promise<number> {
  const row = await ctx.db
    .selectFrom('activity_log')
    .select((e) => e.fn.max('id').as('v'))
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

/** `isAnonymous`: whether the request comes from a visitor who is not signed in (nor sends a token). */
export function pageCache(
  app: FastifyInstance,
  ctx: AppContext,
  opts: { isAnonymous: (req: FastifyRequest) => boolean },
): void {
  const cache = new Map<string, Entry>();
  const keys = new WeakMap<FastifyRequest, string>();

  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'GET' || !PAGE_PATH.test(req.url) || !opts.isAnonymous(req)) return;
    const page = pageKey(req.url.split('?')[0] ?? req.url, req.query, req.routeOptions.config?.pageQuery);
    if (page === undefined) return;
    const key = `${await dataVersion(ctx)}\u0000${page}`;
    const hit = cache.get(key);
    if (hit) {
      return reply
        .header('content-type', hit.contentType)
        .header('cache-control', hit.cacheControl)
        .header('x-page-cache', 'hit')
        .send(hit.body);
    }
    keys.set(req, key);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const key = keys.get(req);
    if (!key || reply.statusCode !== 200 || typeof payload !== 'string' || reply.getHeader('set-cookie'))
      return payload;
    const contentType = String(reply.getHeader('content-type') ?? '');
    const cacheControl = String(reply.getHeader('cache-control') ?? '');
    if (!contentType.startsWith('text/html') || !cacheControl.includes('public')) return payload;
    const oldest = cache.size >= MAX_ENTRIES ? cache.keys().next().value : undefined;
    if (oldest !== undefined) cache.delete(oldest);
    cache.set(key, { body: payload, contentType, cacheControl });
    return payload;
  });
}
