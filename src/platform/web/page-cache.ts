// A small cache of public HTML pages for anonymous visitors. Its key includes a data version: the
// newest id of the activity log (every change to the public record writes an activity record) and a
// count of this instance's own writes. A cache hit asks the database nothing: the version is held in
// memory, moved on at once when this instance answers a write (before the answer leaves, so the page
// the browser loads next is fresh), on PostgreSQL at once when another instance commits one (a notice
// from the activity log's trigger), and read again from the database every second in the background,
// which brings in what the CLI and background jobs wrote (and notices an outage). The Bishkek calendar
// day is part of the key too, because pages count days to deadlines.
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
import { bishkekDay } from '../../domain/report-deadlines.ts';
import { listenForActivity, type ActivityNotices } from '../db/activity-notices.ts';

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

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function newestActivity(ctx: AppContext): Promise<number> {
  const row = await ctx.db
    .selectFrom('activity_log')
    .select((e) => e.fn.max('id').as('v'))
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

/** The data version of one server: held in memory, refreshed in the background. */
function dataVersion(app: FastifyInstance, ctx: AppContext): { current(): string | undefined } {
  let newest = -1;
  let ownWrites = 0;
  let available = true;
  let refreshing: Promise<void> | undefined;
  const refresh = () => {
    refreshing ??= newestActivity(ctx)
      .then((v) => {
        newest = v;
        available = true;
      })
      // While the database is unreachable the cache steps aside, so pages answer the plain 503 rather
      // than a copy that nobody can tell is stale.
      .catch(() => {
        available = false;
      })
      .finally(() => {
        refreshing = undefined;
      });
    return refreshing;
  };
  let timer: NodeJS.Timeout | undefined;
  let notices: ActivityNotices | undefined;
  app.addHook('onReady', async () => {
    await refresh();
    timer = setInterval(() => void refresh(), ctx.config.pageCacheRefreshMs);
    timer.unref();
    // On PostgreSQL another instance's write is heard at once; the poll remains for the rest.
    notices = listenForActivity(ctx.db, () => void refresh());
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await notices?.close();
  });
  app.addHook('onSend', async (req, _reply, payload) => {
    if (WRITES.has(req.method)) {
      ownWrites += 1;
      void refresh();
    }
    return payload;
  });
  // The day is worked out at most once a minute: formatting a date in a time zone is not free.
  let day = { until: 0, value: '' };
  const today = () => {
    const now = Date.now();
    if (now >= day.until) day = { until: now - (now % 60_000) + 60_000, value: bishkekDay(new Date(now)) };
    return day.value;
  };
  return { current: () => (available ? `${newest}.${ownWrites}.${today()}` : undefined) };
}

/** `isAnonymous`: whether the request comes from a visitor who is not signed in (nor sends a token). */
export function pageCache(
  app: FastifyInstance,
  ctx: AppContext,
  opts: { isAnonymous: (req: FastifyRequest) => boolean },
): void {
  const cache = new Map<string, Entry>();
  const keys = new WeakMap<FastifyRequest, string>();
  const version = dataVersion(app, ctx);

  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'GET' || !PAGE_PATH.test(req.url) || !opts.isAnonymous(req)) return;
    const page = pageKey(req.url.split('?')[0] ?? req.url, req.query, req.routeOptions.config?.pageQuery);
    if (page === undefined) return;
    const current = version.current();
    if (current === undefined) return;
    const key = `${current}\u0000${page}`;
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
