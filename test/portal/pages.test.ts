// The public pages over the demo: ballot order, party pages in three languages, search across
// scripts, page weight and cache headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../support/demo-server.ts';
import { PARTIES_2020 } from '../../src/demo/parties-2020.ts';
import { LOCALES } from '../../src/domain/election.ts';
import { portalMessages, t } from '../../src/platform/i18n/portal.messages.ts';
import { elections } from '../../src/elections/index.ts';
import { parties } from '../../src/parties/index.ts';
import { candidates } from '../../src/candidates/index.ts';
import { programmes } from '../../src/programmes/index.ts';
import { search } from '../../src/search/index.ts';
import { downloads } from '../../src/downloads/index.ts';
import { activity } from '../../src/activity/index.ts';

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer();
}, 120_000);
afterAll(async () => {
  await server?.close();
});

const get = (url: string) => server.app.inject({ method: 'GET', url });
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[^;]+;/g, ' ')
    .replace(/\s+/g, ' ');

describe('2020 election page', () => {
  for (const locale of LOCALES) {
    it(`lists the 16 parties in the real ballot order, then "Against all" (${locale})`, async () => {
      const res = await get(`/${locale}/elections/kg-2020-parliament`);
      expect(res.statusCode).toBe(200);
      const rows = res.body.split('id="ballot"')[1]!.split('<tbody>')[1]!.split('</tbody>')[0]!.split('<tr').slice(1);
      expect(rows).toHaveLength(17);
      PARTIES_2020.forEach((p, i) => {
        expect(rows[i]).toContain(`>${i + 1}<`);
        expect(rows[i]).toContain(`/parties/${encodeURIComponent(p.registrationNumber)}"`);
      });
      expect(text(rows[16]!)).toContain({ ky: 'Баарына каршы', ru: 'Против всех', en: 'Against all' }[locale]);
      expect(Buffer.byteLength(res.body)).toBeLessThan(100_000);
      expect(res.headers['cache-control']).toMatch(/public/);
    });
  }
});

describe('party pages', () => {
  it('every 2020 party page shows its list, programme and list-rule results in ky, ru and en', async () => {
    for (const p of PARTIES_2020) {
      for (const locale of LOCALES) {
        const res = await get(
          `/${locale}/elections/kg-2020-parliament/parties/${encodeURIComponent(p.registrationNumber)}`,
        );
        expect(res.statusCode).toBe(200);
        const body = text(res.body);
        expect(body).toContain(t(locale, 'party.list'));
        expect(body).toContain(t(locale, 'party.programme'));
        expect(body).toContain(t(locale, 'rule.max-share-one-sex'));
        expect(body).not.toContain(t(locale, 'party.noProgramme'));
        expect(res.body.match(/href="\/[a-z]{2}\/candidates\/\d+"/g)!.length).toBeGreaterThanOrEqual(120);
        expect(Buffer.byteLength(res.body)).toBeLessThan(100_000);
      }
    }
  });

  it('shows the drifted list of Chon Kazat as breaking the rules', async () => {
    const p = PARTIES_2020[15]!;
    const res = await get(`/en/elections/kg-2020-parliament/parties/${encodeURIComponent(p.registrationNumber)}`);
    expect(text(res.body)).toMatch(/2 rules broken/);
  });

  it('filters and sorts the list without JavaScript', async () => {
    const p = PARTIES_2020[0]!;
    const base = `/ru/elections/kg-2020-parliament/parties/${encodeURIComponent(p.registrationNumber)}`;
    const women = await get(`${base}?sex=female`);
    const tableText = text(women.body.split('<tbody>').at(-1)!.split('</tbody>')[0]!);
    expect(tableText).toMatch(/ Женский /);
    expect(tableText).not.toMatch(/ Мужской /);
    const byName = await get(`${base}?sort=name`);
    expect(byName.statusCode).toBe(200);
  });
});

describe('search across scripts', () => {
  for (const q of ['Shayldabekova', 'Shaildabekova', 'Шайлдабекова', 'Shaildabekva', 'Шайлдабекоа']) {
    it(`finds Шайлдабекова for "${q}"`, async () => {
      const res = await get(`/ru/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Шайлдабекова Айгуль');
      const ids = [...res.body.matchAll(/href="\/ru\/candidates\/(\d+)"/g)].map((m) => m[1]);
      expect(ids.length).toBeGreaterThan(0);
    });
  }
  it('does not find an unrelated name', async () => {
    const res = await get(`/ru/search?q=${encodeURIComponent('Zxqwertyuiop')}`);
    expect(res.body).toContain(t('ru', 'search.none'));
  });
});

describe('translations', () => {
  it('every label of the portal and of its capabilities exists in ky, ru and en', () => {
    const catalogues = [
      portalMessages,
      ...[elections, parties, candidates, programmes, search, downloads, activity].flatMap((c) => c.messages ?? []),
    ];
    expect(catalogues.length).toBeGreaterThan(5);
    for (const catalogue of catalogues) {
      for (const [key, entry] of Object.entries(catalogue)) {
        for (const l of LOCALES) expect(entry[l], `${key}.${l}`).toBeTruthy();
      }
    }
  });
  it('answers unknown pages with 404 in the visitor language', async () => {
    const res = await get('/ky/elections/nope');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain(t('ky', 'error.notFound'));
  });
});
