// A PostgreSQL outage: the server terminating the portal's connections (a restart, a failover) and the
// database becoming unreachable. The process survives; meanwhile pages answer 503 with a plain page in
// the visitor's language, the API with its error body, /healthz stays a liveness check and /readyz says
// the database is away; once it is back, everything answers again without a restart.
//
// The shared PostgreSQL server is never stopped: the test reaches it through a TCP proxy of its own,
// which it cuts and restores, and terminates only the backends behind that proxy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { openDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './schema.ts';
import { isDatabaseUnavailable } from './outage.ts';
import { loadConfig } from '../config.ts';
import { LocalBlobStore } from '../blobs/local-blob-store.ts';
import type { AppContext } from '../app-context.ts';
import { buildServer } from '../../server.ts';
import { startTcpProxy, type TcpProxy } from '../../../test/support/tcp-proxy.ts';
import { EventBus } from '../event-bus.ts';
import { Memo } from '../memo.ts';

const pgUrl = process.env.TEST_DATABASE_URL;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('which errors mean that the database is unavailable', () => {
  it('knows refused and dropped connections, terminated backends and pool timeouts', () => {
    const sys = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code });
    for (const e of [
      sys('ECONNREFUSED'),
      sys('ECONNRESET'),
      sys('ETIMEDOUT'),
      sys('EPIPE'),
      sys('EHOSTUNREACH'),
      new Error('Connection terminated unexpectedly'),
      new Error('Connection terminated due to connection timeout'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Client has encountered a connection error and is not queryable'),
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      Object.assign(new Error('the database system is starting up'), {
        code: '57P03',
      }),
      Object.assign(new Error('sorry, too many clients already'), {
        code: '53300',
      }),
      Object.assign(new Error('connection failure'), { code: '08006' }),
      new Error('wrapped', { cause: sys('ECONNREFUSED') }),
      new AggregateError([sys('ECONNREFUSED'), sys('ECONNREFUSED')], ''),
    ]) {
      expect(isDatabaseUnavailable(e), String(e)).toBe(true);
    }
  });

  it('does not take bugs and refused data for an outage', () => {
    for (const e of [
      new Error('boom'),
      Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }),
      Object.assign(new Error('syntax error at or near "selec"'), {
        code: '42601',
      }),
      Object.assign(new Error('UNIQUE constraint failed'), {
        code: 'SQLITE_CONSTRAINT_UNIQUE',
      }),
      new TypeError("Cannot read properties of undefined (reading 'x')"),
      null,
      'ECONNREFUSED',
      { statusCode: 404 },
    ]) {
      expect(isDatabaseUnavailable(e), String(e)).toBe(false);
    }
  });
});

describe.skipIf(!pgUrl)('a PostgreSQL outage', () => {
  let admin: pg.Client;
  let proxy: TcpProxy;
  let schema: string;
  let db: Kysely<Database>;
  let app: FastifyInstance;
  let dir: string;
  const get = (url: string): Promise<LightMyRequestResponse> => app.inject({ method: 'GET', url });

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    schema = `t_outage_${randomBytes(5).toString('hex')}`;
    await admin.query(`create schema ${schema}`);
    const target = new URL(pgUrl!);
    proxy = await startTcpProxy({
      host: target.hostname,
      port: Number(target.port || 5432),
    });
    const viaProxy = new URL(pgUrl!);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    db = openDatabase({ url: viaProxy.toString(), schema, poolSize: 4 });
    await migrateToLatest(db);
    dir = mkdtempSync(join(tmpdir(), 'talapker-outage-'));
    const ctx: AppContext = {
      db,
      blobs: new LocalBlobStore(join(dir, 'blobs')),
      config: loadConfig({ TALAPKER_DATA_DIR: dir }),
      now: () => new Date(),
      events: new EventBus(),
      memo: new Memo(),
    };
    app = await buildServer(ctx);
  });

  afterAll(async () => {
    await app?.close();
    await db?.destroy();
    await proxy?.close();
    if (schema) await admin?.query(`drop schema if exists ${schema} cascade`);
    await admin?.end();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const PAGES = ['/en/', '/ru/', '/ky/'];
  const TITLES: Record<string, string> = {
    '/en/': 'Temporarily unavailable',
    '/ru/': 'Временно недоступно',
    '/ky/': 'Убактылуу жеткиликсиз',
  };

  it('survives PostgreSQL terminating its connections, and carries on with new ones', async () => {
    // Several connections open and idle in the pool.
    const warm = await Promise.all([...PAGES, '/api/v1/elections', '/en/', '/ru/'].map(get));
    expect(warm.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    const ports = proxy.upstreamPorts();
    expect(ports.length).toBeGreaterThan(0);
    const killed = await admin.query(
      'select pg_terminate_backend(pid) as ok from pg_stat_activity where client_port = any($1::int[])',
      [ports],
    );
    expect(killed.rows.length).toBeGreaterThan(0);
    await sleep(300);
    for (const url of [...PAGES, '/api/v1/elections', '/readyz']) expect((await get(url)).statusCode, url).toBe(200);
  });

  it('answers 503 while the database is unreachable: a plain page, the API error body; then recovers by itself', async () => {
    await proxy.cut();
    try {
      // Cached pages need no database; the cache notices the outage within its one-second refresh.
      await sleep(1200);
      for (const url of PAGES) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(503);
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        expect(res.headers['cache-control']).toBe('no-store');
        expect(res.headers['retry-after']).toBeDefined();
        expect(res.body).toContain(TITLES[url]);
        // Nothing of the driver's error.
        expect(res.body).not.toMatch(/ECONN|terminated|127\.0\.0\.1|pg|postgres|stack|statusCode/i);
      }
      for (const url of ['/api/v1/elections', `/api/v1/elections/x/parties/y/bank`]) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(503);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        const body = res.json() as { error: { code: string; message: string } };
        expect(Object.keys(body)).toEqual(['error']);
        expect(body.error.code).toBe('database_unavailable');
        expect(body.error.message).not.toMatch(/ECONN|127\.0\.0\.1/);
      }
      const ready = await get('/readyz');
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ ok: false, database: 'unavailable' });
      expect((await get('/healthz')).statusCode).toBe(200);
    } finally {
      await proxy.restore();
    }
    for (const url of [...PAGES, '/api/v1/elections']) expect((await get(url)).statusCode, url).toBe(200);
    expect((await get('/readyz')).json()).toEqual({ ok: true, database: 'up' });
  });

  it('under load: requests caught by the cut answer 200 or 503, never hang, never 500; then 200 again by themselves', async () => {
    // Eight clients ask one page after another, through a period up, a cut and a restore.
    const urls = [...PAGES, '/api/v1/elections', '/readyz'];
    let phase: 'before' | 'cut' | 'after' = 'before';
    let stop = false;
    const seen: Array<{ phase: string; status: number }> = [];
    const client = async (n: number) => {
      for (let i = n; !stop; i++) {
        const at = phase;
        const res = await get(urls[i % urls.length]!);
        seen.push({ phase: at, status: res.statusCode });
      }
    };
    const clients = Array.from({ length: 8 }, (_, n) => client(n));
    await sleep(400);
    phase = 'cut';
    await proxy.cut();
    await sleep(400);
    phase = 'after';
    await proxy.restore();
    await sleep(600);
    stop = true;
    await Promise.all(clients);
    const statuses = (p: string) => seen.filter((x) => x.phase === p).map((x) => x.status);
    expect(new Set(seen.map((x) => x.status))).toEqual(new Set([200, 503]));
    expect(statuses('before').length).toBeGreaterThan(8);
    expect(statuses('cut')).toContain(503);
    // Once the database is back, the answers are 200 again, within the requests already under way.
    expect(
      statuses('after')
        .slice(-16)
        .every((s) => s === 200),
    ).toBe(true);
  });
});
