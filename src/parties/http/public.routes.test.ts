// The public page of a party in an election over HTTP on the demo: in every language, with its list
// sorted and filtered through the address (anything the page does not know reads as the default), and
// 404 for a party that does not stand in the election.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../../test/support/demo-server.ts';
import { LOCALES } from '../../domain/election.ts';
import { getBallot } from '../index.ts';
import { t } from '../party.messages.ts';

const E = 'kg-2021-parliament';

describe('public page of a party', () => {
  let server: DemoServer;
  let reg = '';
  beforeAll(async () => {
    server = await startDemoServer();
    const ballot = await getBallot(server.ctx, E);
    reg = ballot.find((x) => x.candidateCount > 0)?.party.registrationNumber ?? '';
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });
  const get = (url: string) => server.app.inject({ method: 'GET', url });
  const page = (l: string, query = '') => get(`/${l}/elections/${E}/parties/${encodeURIComponent(reg)}${query}`);
  const positions = (html: string) =>
    [...(html.split('id="list"')[1] ?? '').matchAll(/<tr><td class="num">(\d+)<\/td>/g)].map((m) => Number(m[1]));

  it('shows the party, its list rules, its list with downloads and its programme in every language', async () => {
    for (const l of LOCALES) {
      const res = await page(l);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toMatch(/^public/);
      expect(res.body).toContain(t(l, 'party.list'));
      expect(res.body).toContain(t(l, 'party.programme'));
      expect(res.body).toContain(`/api/v1/elections/${E}/parties/${encodeURIComponent(reg)}/candidates.csv`);
    }
  });

  it('sorts and filters the list from the address', async () => {
    const all = positions((await page('en')).body);
    expect(all.length).toBeGreaterThan(10);
    expect(all).toEqual([...all].sort((a, b) => a - b));
    const women = await page('en', '?sex=female');
    expect(positions(women.body).length).toBeLessThan(all.length);
    expect(women.body).toMatch(/<option value="female" selected/);
    const byName = positions((await page('en', '?sort=name')).body);
    expect([...byName].sort((a, b) => a - b)).toEqual(all);
    expect(byName).not.toEqual(all);
  });

  it('reads what it does not know in the address as the default view', async () => {
    const odd = await page('en', '?sort=evil&sex=x&status=gone&sort=name');
    expect(odd.statusCode).toBe(200);
    expect(positions(odd.body)).toEqual(positions((await page('en')).body));
  });

  it('answers 404 for a party that does not stand in the election, and for an unknown election', async () => {
    for (const url of [
      `/en/elections/${E}/parties/NO-SUCH`,
      `/en/elections/no-such/parties/${encodeURIComponent(reg)}`,
      `/xx/elections/${E}/parties/${encodeURIComponent(reg)}`,
    ]) {
      expect((await get(url)).statusCode, url).toBe(404);
    }
  });
});
