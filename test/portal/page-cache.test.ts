// The page cache cannot be bypassed by what does not change a page: a made-up session cookie, query
// parameters the page does not read, or a garbled value the page reads as its default. What does change
// the page (a real sort, a search) still gets its own entry, and signed-in visitors are never served
// from the cache.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../support/demo-server.ts';
import { pageKey } from '../../src/platform/web/page-cache.ts';
import { ListViewQuery } from '../../src/parties/core/list-view.ts';
import { recordActivity } from '../../src/platform/activity-log.ts';

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer();
}, 120_000);
afterAll(async () => {
  await server?.close();
});

const PARTY = '/en/elections/kg-2020-parliament/parties/' + encodeURIComponent('10472-3301-PP');
const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers });

describe('page cache keys', () => {
  it('are the path and the query as the route reads it', () => {
    expect(pageKey('/en/x', { utm_source: 'mail' }, undefined)).toBe('/en/x');
    expect(pageKey('/en/x', { sort: 'bogus', utm: '1' }, ListViewQuery)).toBe(pageKey('/en/x', {}, ListViewQuery));
    expect(pageKey('/en/x', { sort: 'name' }, ListViewQuery)).not.toBe(pageKey('/en/x', {}, ListViewQuery));
  });
});

describe('the page cache', () => {
  it('serves a cached page to a visitor with a made-up session cookie', async () => {
    const first = await get(PARTY);
    expect(first.statusCode).toBe(200);
    const again = await get(PARTY, { cookie: 'talapker_session=made-up-token' });
    expect(again.statusCode).toBe(200);
    expect(again.headers['x-page-cache']).toBe('hit');
    expect(again.body).toBe(first.body);
  });

  it('ignores query parameters the page does not read, and garbled values it reads as defaults', async () => {
    await get(PARTY);
    for (const q of ['?utm_source=newsletter', '?x=1&y=2', '?sort=nonsense', '?sort=position&fbclid=abc']) {
      const res = await get(PARTY + q);
      expect(res.statusCode, q).toBe(200);
      expect(res.headers['x-page-cache'], q).toBe('hit');
    }
    const election = '/ru/elections/kg-2020-parliament';
    await get(election);
    expect((await get(`${election}?_=${Date.now()}`)).headers['x-page-cache']).toBe('hit');
  });

  it('keeps a page per view the visitor asked for', async () => {
    const byName = await get(`${PARTY}?sort=name`);
    expect(byName.statusCode).toBe(200);
    const byPosition = await get(PARTY);
    expect(byName.body).not.toBe(byPosition.body);
    expect((await get(`${PARTY}?sort=name&utm=1`)).body).toBe(byName.body);
  });

  it('keeps searches apart', async () => {
    const a = await get('/en/search?q=' + encodeURIComponent('Асанов'));
    const b = await get('/en/search?q=' + encodeURIComponent('Бакиев'));
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(200);
    expect(b.headers['x-page-cache']).not.toBe('hit');
  });
});

describe('what others write', () => {
  it('reaches cached pages within the one-second refresh, without a query per request', async () => {
    const page = '/ky/elections/kg-2020-parliament';
    await get(page);
    expect((await get(page)).headers['x-page-cache']).toBe('hit');
    // Another instance or the CLI writes: the activity log moves on.
    await recordActivity(server.ctx.db, {
      actor: 'cli:test',
      action: 'test.touch',
      entityType: 'election',
      entityId: 'kg-2020-parliament',
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect((await get(page)).headers['x-page-cache']).not.toBe('hit');
    expect((await get(page)).headers['x-page-cache']).toBe('hit');
  });
});
