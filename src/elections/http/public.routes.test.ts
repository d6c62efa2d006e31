// The public pages of elections over HTTP on the demo: the home page of each language lists every
// election, an election's page shows its ballot, in every language and cacheable; unknown elections and
// languages answer 404 in the visitor's language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../../test/support/demo-server.ts';
import { LOCALES } from '../../domain/election.ts';
import { getElections } from '../index.ts';
import { t } from '../election.messages.ts';

describe('public pages of elections', () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer();
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });
  const get = (url: string) => server.app.inject({ method: 'GET', url });

  it('lists every election, newest first, on the home page of each language', async () => {
    const elections = await getElections(server.ctx);
    expect(elections.length).toBeGreaterThan(1);
    for (const l of LOCALES) {
      const res = await get(`/${l}/`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toMatch(/^public/);
      expect(res.body).toContain(`<html lang="${l}"`);
      const links = [...res.body.matchAll(new RegExp(`href="/${l}/elections/([^"/]+)"`, 'g'))].map((m) => m[1]);
      expect(links).toEqual(elections.map((e) => e.id));
    }
  });

  it('shows an election with its parties in every language', async () => {
    for (const l of LOCALES) {
      const res = await get(`/${l}/elections/kg-2021-parliament`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('id="ballot"');
      expect(res.body).toContain(t(l, 'election.parties'));
      expect(res.body).toMatch(new RegExp(`href="/${l}/elections/kg-2021-parliament/parties/[^"]+"`));
    }
  });

  it('answers 404 for an unknown election in the visitor’s language, and for an unknown language', async () => {
    const missing = await get('/ru/elections/no-such-election');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['cache-control']).toBe('no-store');
    expect(missing.body).toContain(t('ru', 'error.notFound'));
    for (const url of ['/xx/', '/xx/elections/kg-2021-parliament']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).toContain(t('en', 'error.notFound'));
    }
  });
});
