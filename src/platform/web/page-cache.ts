// A small cache of public HTML pages for anonymous visitors. Each page is kept with the data version it
// was rendered at: the newest id of the activity log (every change to the public record writes an
// activity record) and a count of this instance's own writes. A cache hit asks the database nothing: the version is held in
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
//
// A hit costs what a bare HTTP server costs: the server answers it before Fastify routes the request
// (when the headers carry no session cookie or token and the page needs no query read), with the bytes
// and headers kept from the first answer (`stored-page.ts`: gzip/brotli by Accept-Encoding, ETag, 304).
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { trustProxyOption } from '../config.ts';
import { bishkekDay } from '../../domain/report-deadlines.ts';
import { newestActivity } from '../data-version.ts';
import { listenForActivity, type ActivityNotices } from '../db/activity-notices.ts';
import type { EarlyAnswers } from './early-answers.ts';
import { negotiatedEncoding, storedAnswer, StoredPage, writeStoredPage } from './stored-page.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The query a public page reads; the page cache keys on it as parsed, ignoring everything else. */
    pageQuery?: z.ZodType;
  }
}

/** Entries at most, and bytes at most (plain and compressed bodies together): the oldest unused go first. */
const MAX_ENTRIES = 500;
const MAX_BYTES = 48 * 1024 * 1024;
/**
 * Pages asked for with a query the page reads (a search, a filter, a later page) are kept apart, in a
 * smaller store: every new search is a new page, and a crowd of them must not push the election and
 * party pages, which everyone reads, out of the cache.
 */
const MAX_QUERIED_ENTRIES = 300;
const MAX_QUERIED_BYTES = 16 * 1024 * 1024;
/** Pages whose query schema the early path knows; a crawl of made-up addresses cannot grow it without end. */
const MAX_PATHS = 5000;
const PAGE_PATH = /^\/(ky|ru|en)(\/|$)/;

/** The query a page reads; null for a page that reads none. */
type QuerySchema = z.ZodType | null;

interface Entry {
  version: string;
  page: StoredPage;
  bytes: number;
}

/** The stored pages, least recently used first, each valid for the data version it was rendered at. */
class PageStore {
  private readonly entries = new Map<string, Entry>();
  private readonly schemas = new Map<string, QuerySchema>();
  private bytes = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  /** The query schema of a page path seen before; undefined for a path never stored. */
  schemaOf(path: string): QuerySchema | undefined {
    return this.schemas.get(path);
  }

  get(key: string, version: string): StoredPage | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.version !== version) {
      this.drop(key, e);
      return undefined;
    }
    // Touch: most recently used at the end. Compressed variants made meanwhile count from now on.
    this.entries.delete(key);
    this.entries.set(key, e);
    const added = e.page.takeAddedBytes();
    if (added > 0) {
      e.bytes += added;
      this.bytes += added;
      this.evict();
    }
    return e.page;
  }

  set(key: string, version: string, page: StoredPage, path: string, schema: QuerySchema): void {
    const old = this.entries.get(key);
    if (old) this.drop(key, old);
    const bytes = page.byteLength + page.takeAddedBytes();
    this.entries.set(key, { version, page, bytes });
    this.bytes += bytes;
    if (!this.schemas.has(path) && this.schemas.size >= MAX_PATHS) this.schemas.clear();
    this.schemas.set(path, schema);
    this.evict();
  }

  private drop(key: string, e: Entry): void {
    this.entries.delete(key);
    this.bytes -= e.bytes;
  }

  private evict(): void {
    while (this.entries.size > this.maxEntries || (this.bytes > this.maxBytes && this.entries.size > 1)) {
      const oldest = this.entries.entries().next();
      if (oldest.done) return;
      this.drop(oldest.value[0], oldest.value[1]);
    }
  }
}

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

/** The data version of one server: held in memory, refreshed in the background. */
function dataVersion(app: FastifyInstance, ctx: AppContext): { current(): string | undefined } {
  let newest = -1;
  let ownWrites = 0;
  let available = true;
  let refreshing: Promise<void> | undefined;
  const refresh = () => {
    refreshing ??= newestActivity(ctx.db)
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

/** Whether a request's headers could belong to a signed-in visitor or a client with a token. */
export type MayBeSignedIn = (headers: IncomingHttpHeaders) => boolean;

export interface PageCacheOptions {
  /** Whether the request comes from a visitor who is not signed in (nor sends a token), as the accounts capability decides. */
  isAnonymous: (req: FastifyRequest) => boolean;
  /** Before routing: whether the headers may carry a session or a token (then the cache waits for the accounts capability). */
  mayBeSignedIn: MayBeSignedIn;
  /** Where the cache answers hits before Fastify routes the request (see `serverWithEarlyAnswers`). */
  early: EarlyAnswers;
}

/**
 * The page cache. Hits are answered twice over: first by the HTTP server before Fastify sees the request
 * (a visitor with no session cookie and no token, a page whose key needs no query parsing), else by the
 * first hook. Misses are stored as the answer leaves.
 */
export function pageCache(app: FastifyInstance, ctx: AppContext, opts: PageCacheOptions): void {
  const store = new PageStore(MAX_ENTRIES, MAX_BYTES);
  const queried = new PageStore(MAX_QUERIED_ENTRIES, MAX_QUERIED_BYTES);
  const pending = new WeakMap<
    FastifyRequest,
    { store: PageStore; key: string; version: string; path: string; schema: QuerySchema }
  >();
  const version = dataVersion(app, ctx);
  const trust = trustProxyOption(ctx.config.trustProxy);

  opts.early.answer = (req, res) => {
    const url = req.url;
    if (req.method !== 'GET' || url === undefined || !PAGE_PATH.test(url)) return false;
    if (opts.mayBeSignedIn(req.headers)) return false;
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const schema = store.schemaOf(path);
    // Unknown pages, and queries a page reads, are left to the route (which parses them its own way).
    if (schema === undefined || (schema !== null && q >= 0)) return false;
    const protocol = earlyProtocol(req, trust);
    const current = version.current();
    if (protocol === undefined || current === undefined) return false;
    const page = store.get(`${protocol}\u0000${schema === null ? path : pageKey(path, {}, schema)}`, current);
    if (!page) return false;
    writeStoredPage(page, req, res);
    return true;
  };

  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'GET' || !PAGE_PATH.test(req.url) || !opts.isAnonymous(req)) return;
    const path = req.url.split('?')[0] ?? req.url;
    const schema = req.routeOptions.config?.pageQuery ?? null;
    const page = pageKey(path, req.query, schema ?? undefined);
    const current = version.current();
    if (page === undefined || current === undefined) return;
    const key = `${req.protocol}\u0000${page}`;
    // A query the page ignores (`?utm_source=…`) leaves the page the one everyone reads.
    const asked = schema && req.url.includes('?') && page !== pageKey(path, {}, schema) ? queried : store;
    const hit = asked.get(key, current);
    if (hit) {
      // Through the reply, not the raw response: the accounts capability may have a stale session
      // cookie to clear, which its cookie hook writes as the answer leaves.
      const { status, headers, body } = storedAnswer(hit, req.headers);
      for (let i = 0; i + 1 < headers.length; i += 2) reply.header(headers[i] as string, headers[i + 1]);
      return reply.code(status).send(body);
    }
    pending.set(req, { store: asked, key, version: current, path, schema });
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const miss = pending.get(req);
    if (!miss || reply.statusCode !== 200 || typeof payload !== 'string' || reply.getHeader('set-cookie'))
      return payload;
    const contentType = String(reply.getHeader('content-type') ?? '');
    const cacheControl = String(reply.getHeader('cache-control') ?? '');
    if (!contentType.startsWith('text/html') || !cacheControl.includes('public')) return payload;
    const page = new StoredPage(payload, reply.getHeaders() as OutgoingHttpHeaders);
    miss.store.set(miss.key, miss.version, page, miss.path, miss.schema);
    // The first answer is the one every hit repeats: same encoding, same validator, same headers.
    const v = page.get(negotiatedEncoding(req.headers['accept-encoding']));
    reply.header('etag', v.etag).header('x-page-cache', 'miss');
    if (v.encoding === 'identity') return payload;
    reply.header('content-encoding', v.encoding);
    return v.body;
  });
}

/**
 * The protocol Fastify would see (`req.protocol`), worked out before Fastify: X-Forwarded-Proto counts
 * only from a trusted proxy. Undefined when the trust is a list of addresses, which Fastify checks itself.
 */
function earlyProtocol(req: IncomingMessage, trust: ReturnType<typeof trustProxyOption>): string | undefined {
  const own = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
  const header = req.headers['x-forwarded-proto'];
  const forwarded = Array.isArray(header) ? header.join(',') : header;
  if (!forwarded || trust === false) return own;
  if (typeof trust !== 'function') return undefined;
  if (!trust(req.socket.remoteAddress ?? '', 0)) return own;
  const last = forwarded.lastIndexOf(',');
  return (last === -1 ? forwarded : forwarded.slice(last + 1)).trim();
}
