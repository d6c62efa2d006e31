// The public search page over HTTP on the demo: the empty form, a name found across scripts with links
// to the candidates, nothing found, a query that is not one piece of text, and an unknown language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../../test/support/demo-server.ts';
import { LOCALES } from '../../domain/election.ts';
import { t } from '../../platform/i18n/portal.messages.ts';

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

  it('answers 404 for an unknown language', async () => {
    expect((await get('/xx/search?q=a')).statusCode).toBe(404);
  });
});
