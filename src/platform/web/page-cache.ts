// A small cache of public HTML pages for anonymous visitors. Its key includes the newest id of the
// activity log, read from the database on each request: every change to the public record writes an
// activity record, so a cached page is never older than the data, on this instance or any other.
// Pages for signed-in users, pages that set cookies and anything but a 200 are never cached.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../app-context.ts';

interface Entry {
  body: string;
  contentType: string;
  cacheControl: string;
}

const MAX_ENTRIES = 500;
const PAGE_PATH = /^\/(ky|ru|en)(\/|$)/;

function isAnonymous(req: FastifyRequest, sessionCookie: string): boolean {
  return !req.headers.authorization && !(req.headers.cookie ?? '').includes(`${sessionCookie}=`);
}

async function dataVersion(ctx: AppContext): Promise<number> {
  const row = await ctx.db
    .selectFrom('activity_log')
    .select((e) => e.fn.max('id').as('v'))
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

/** `sessionCookie`: the cookie whose presence means a signed-in visitor. */
export function pageCache(app: FastifyInstance, ctx: AppContext, opts: { sessionCookie: string }): void {
  const cache = new Map<string, Entry>();
  const keys = new WeakMap<FastifyRequest, string>();

  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'GET' || !PAGE_PATH.test(req.url) || !isAnonymous(req, opts.sessionCookie)) return;
    const key = `${await dataVersion(ctx)}\u0000${req.url}`;
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
