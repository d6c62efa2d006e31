// The public search page over HTTP on the demo: the empty form, a name found across scripts with links
// to the candidates, nothing found, a query that is not one piece of text, and an unknown language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../../test/support/demo-server.ts';
import { LOCALES } from '../../domain/election.ts';
import { t } from '../../platform/i18n/portal.messages.ts';
import { searchCandidates } from '../search.service.ts';
import { SEARCH_PAGE_SIZE } from './public.routes.tsx';

describe('public search page', () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer();
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });
  const get = (url: string) => server.app.inject({ method: 'GET', url });

  it('shows the search form in every language, and says the demo people are invented', async () => {
    for (const l of LOCALES) {
      const res = await get(`/${l}/search`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(t(l, 'search.title'));
      expect(res.body).toContain('role="search"');
      expect(res.body).toContain(t(l, 'synthetic.notice').slice(0, 20));
      expect(res.body).not.toContain('aria-live');
    }
  });

  it('finds a name written in another script and links to the candidates', async () => {
    const latin = await get(`/ru/search?q=${encodeURIComponent('Shaildabekova')}`);
    const cyrillic = await get(`/ru/search?q=${encodeURIComponent('Шайлдабекова')}`);
    const ids = (html: string) => [...html.matchAll(/href="\/ru\/candidates\/(\d+)"/g)].map((m) => m[1]);
    expect(ids(latin.body).length).toBeGreaterThan(0);
    expect(ids(latin.body)).toEqual(ids(cyrillic.body));
  });

  it('says when nothing is found, and reads a repeated or overlong query without failing', async () => {
    expect((await get('/en/search?q=Zxqwertyuiop')).body).toContain(t('en', 'search.none'));
    const repeated = await get('/en/search?q=a&q=b');
    expect(repeated.statusCode).toBe(200);
    const long = await get(`/en/search?q=${'x'.repeat(500)}`);
    expect(long.statusCode).toBe(200);
    expect(long.body).toContain(`value="${'x'.repeat(200)}"`);
    expect(long.body).not.toContain('x'.repeat(201));
  });

  it('pages through the ranking 20 hits at a time with plain links, and counts the whole ranking', async () => {
    const q = 'Altynbek';
    const ranking = (await searchCandidates(server.ctx, q, { limit: 200 })).map((h) => String(h.candidate.id));
    expect(ranking.length).toBeGreaterThan(2 * SEARCH_PAGE_SIZE);
    const ids = (html: string) => [...html.matchAll(/href="\/en\/candidates\/(\d+)"/g)].map((m) => m[1]!);
    const next = (html: string) => /<a href="([^"]+)" rel="next">/.exec(html)?.[1]?.replaceAll('&amp;', '&');
    const seen: string[] = [];
    let url: string | undefined = `/en/search?q=${q}`;
    for (let n = 1; url !== undefined; n++) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(t('en', 'search.results', { q, n: ranking.length }));
      const shown = ids(res.body);
      expect(shown.length).toBeLessThanOrEqual(SEARCH_PAGE_SIZE);
      expect(res.body).toContain(t('en', 'web.pager.shown', { n: shown.length }));
      // Past the first page, a link back to it.
      expect(res.body.includes(`href="/en/search?q=${q}">${t('en', 'web.pager.first')}`)).toBe(n > 1);
      seen.push(...shown);
      url = next(res.body);
      if (url !== undefined) expect(url).toBe(`/en/search?q=${q}&page=${n + 1}`);
    }
    expect(seen).toEqual(ranking);
  });

  it('reads a page number it cannot serve as the first page', async () => {
    const first = await get('/en/search?q=Altynbek');
    for (const page of ['0', 'x', '99', '2&page=3']) {
      const res = await get(`/en/search?q=Altynbek&page=${page}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe(first.body);
    }
  });

  it('answers 404 for an unknown language', async () => {
    expect((await get('/xx/search?q=a')).statusCode).toBe(404);
  });
});
