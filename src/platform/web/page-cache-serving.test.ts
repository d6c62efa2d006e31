// How the page cache answers on the wire: the same bytes and headers on a hit as on the first answer,
// compressed as the visitor accepts, 304 for a page the visitor holds, no database work on a hit, and
// a session cookie or token sent on to the accounts capability.
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDemoServer, type DemoServer } from '../../../test/support/demo-server.ts';

let server: DemoServer;
beforeAll(async () => {
  // No background poll of the data version during a test: its query is not a hit's, and on a busy
  // machine a second passes between two requests. The server's own writes still refresh at once.
  server = await startDemoServer({ TALAPKER_PAGE_CACHE_REFRESH_MS: '3600000' });
}, 120_000);
afterAll(async () => {
  await server?.close();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET on the real server, bytes as sent (fetch would decompress them and hide the encoding). */
function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Headers of the page itself: those of the answer alone (its date, hit or miss) left out. */
function pageHeaders(a: Answer): Record<string, unknown> {
  const { date: _date, 'x-page-cache': _mark, ...rest } = a.headers;
  return rest;
}

const ELECTION = '/ru/elections/kg-2020-parliament';
const PARTY = '/en/elections/kg-2020-parliament/parties/' + encodeURIComponent('10472-3301-PP');

describe('hits and misses', () => {
  it('repeats the first answer exactly: bytes and headers, security headers included', async () => {
    const miss = await get(PARTY);
    expect(miss.status).toBe(200);
    expect(miss.headers['x-page-cache']).toBe('miss');
    expect(miss.headers['content-security-policy']).toContain("default-src 'self'");
    const hit = await get(PARTY);
    expect(hit.headers['x-page-cache']).toBe('hit');
    expect(pageHeaders(hit)).toEqual(pageHeaders(miss));
    expect(hit.body.equals(miss.body)).toBe(true);
    expect(hit.headers['content-length']).toBe(String(miss.body.byteLength));
  });

  it('asks the database nothing on a hit', async () => {
    await get(ELECTION);
    const executor = server.ctx.db.getExecutor();
    const queries = vi.spyOn(executor, 'executeQuery');
    try {
      for (let i = 0; i < 5; i++) expect((await get(ELECTION)).headers['x-page-cache']).toBe('hit');
      for (let i = 0; i < 3; i++) expect((await get(ELECTION, { 'accept-encoding': 'gzip' })).status).toBe(200);
      expect(queries).not.toHaveBeenCalled();
      // The spy does see the queries of a page that is not stored yet.
      await get('/ru/search?q=' + encodeURIComponent('Асанов'));
      expect(queries).toHaveBeenCalled();
    } finally {
      queries.mockRestore();
    }
  });

  it('serves anonymous visitors with other cookies from the cache, and sends a session cookie or token on', async () => {
    await get(ELECTION);
    expect((await get(ELECTION, { cookie: 'theme=dark; _ga=GA1.2' })).headers['x-page-cache']).toBe('hit');
    // A made-up session goes through the accounts capability, which finds nobody signed in: still a hit,
    // and the stale cookie is cleared.
    const made = await get(ELECTION, { cookie: 'talapker_session=made-up' });
    expect(made.headers['x-page-cache']).toBe('hit');
    expect(String(made.headers['set-cookie'])).toContain('talapker_session=;');
    const token = await get(ELECTION, { authorization: 'Bearer not-a-token' });
    expect(token.status).toBe(200);
    expect(token.headers['x-page-cache']).toBeUndefined();
  });
});

describe('a crowd of new queries', () => {
  it('does not push the pages everyone reads out of the cache', async () => {
    await get(ELECTION);
    await get(PARTY);
    // More new searches than the cache holds pages: each is a new page, kept apart from the others.
    for (let i = 0; i < 520; i++) expect((await get(`/en/search?q=crowd${i}`)).status).toBe(200);
    expect((await get(ELECTION)).headers['x-page-cache']).toBe('hit');
    expect((await get(PARTY)).headers['x-page-cache']).toBe('hit');
    // A query the page does not read is the page everyone reads.
    expect((await get(`${ELECTION}?utm_source=crowd`)).headers['x-page-cache']).toBe('hit');
  }, 120_000);
});

describe('encodings', () => {
  it('sends brotli, gzip or the plain bytes as Accept-Encoding asks, the same page in each', async () => {
    const plain = await get(ELECTION, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await get(ELECTION, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    const gz = await get(ELECTION, { 'accept-encoding': 'gzip, br;q=0' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    expect(br.body.byteLength).toBeLessThan(plain.body.byteLength / 3);
    for (const a of [br, gz, plain]) expect(a.headers.vary).toMatch(/accept-encoding/i);
    // Each encoding has its own strong validator.
    expect(new Set([plain, br, gz].map((a) => a.headers.etag)).size).toBe(3);
    expect(
      (await get(ELECTION, { 'accept-encoding': 'gzip;q=0, br;q=0' })).headers['content-encoding'],
    ).toBeUndefined();
  });

  it('compresses a first answer the way its hits will be', async () => {
    const path = `${PARTY}?sort=name`;
    const miss = await get(path, { 'accept-encoding': 'br' });
    expect(miss.headers['x-page-cache']).toBe('miss');
    const hit = await get(path, { 'accept-encoding': 'br' });
    expect(hit.headers['x-page-cache']).toBe('hit');
    expect(pageHeaders(hit)).toEqual(pageHeaders(miss));
    expect(hit.body.equals(miss.body)).toBe(true);
  });
});

describe('validators', () => {
  it('answers 304 to a visitor who holds the page, and the page to one who holds another', async () => {
    const first = await get(ELECTION, { 'accept-encoding': 'gzip' });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    const same = await get(ELECTION, { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(same.status).toBe(304);
    expect(same.body.byteLength).toBe(0);
    expect(same.headers.etag).toBe(etag);
    expect(same.headers['cache-control']).toBe(first.headers['cache-control']);
    expect((await get(ELECTION, { 'accept-encoding': 'gzip', 'if-none-match': `"x", W/${etag}` })).status).toBe(304);
    // The plain bytes are another representation: the gzip validator does not stand for them.
    expect((await get(ELECTION, { 'if-none-match': etag })).status).toBe(200);
    expect((await get(ELECTION, { 'accept-encoding': 'gzip', 'if-none-match': '"other"' })).status).toBe(200);
  });
});
