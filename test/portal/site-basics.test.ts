// What every site is expected to answer besides its pages: the language roots without their slash, an
// icon, robots.txt and a sitemap; moments that say which time zone they are in; and English pages
// that say when a programme is shown in another language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server.ts';
import { openDemoApp } from '../support/demo-template.ts';
import type { AppContext } from '../../src/platform/app-context.ts';
import { LOCALES, type Locale, type Programme } from '../../src/domain/election.ts';
import { When, moment } from '../../src/platform/web/index.ts';
import { getElections } from '../../src/elections/index.ts';
import { getBallot } from '../../src/parties/index.ts';
import { attachProgramme, ProgrammeLanguageNote, programmeLanguage } from '../../src/programmes/index.ts';
import { formatDateTime } from '../../src/platform/i18n/i18n.ts';

let app: FastifyInstance;
let ctx: AppContext;
beforeAll(async () => {
  ({ ctx } = await openDemoApp());
  app = await buildServer(ctx);
}, 180_000);
afterAll(async () => {
  await app?.close();
  await ctx?.db.destroy();
});

const get = (url: string) => app.inject({ method: 'GET', url });

describe('language roots', () => {
  for (const l of LOCALES) {
    it(`/${l} redirects permanently to /${l}/`, async () => {
      const res = await get(`/${l}`);
      expect(res.statusCode).toBe(301);
      expect(res.headers.location).toBe(`/${l}/`);
      expect((await get(`/${l}/`)).statusCode).toBe(200);
    });
  }

  it('keeps the query and leaves other single segments alone', async () => {
    expect((await get('/en?utm_source=x')).headers.location).toBe('/en/?utm_source=x');
    expect((await get('/de')).statusCode).toBe(404);
    expect((await get('/api')).statusCode).toBe(404);
  });
});

describe('icon, robots.txt and sitemap', () => {
  it('serves an SVG icon, also at /favicon.ico, and links it from every page', async () => {
    const icon = await get('/favicon.svg');
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toContain('image/svg+xml');
    expect(icon.headers['cache-control']).toContain('public');
    expect(icon.body).toContain('<svg');
    const ico = await get('/favicon.ico');
    expect(ico.statusCode).toBe(200);
    expect(ico.headers['content-type']).toContain('image/svg+xml');
    expect(ico.body).toBe(icon.body);
    for (const l of LOCALES) expect((await get(`/${l}/`)).body).toContain('<link rel="icon" href="/favicon.svg"');
  });

  it('robots.txt allows the public pages, keeps crawlers off staff screens and names the sitemap', async () => {
    const res = await get('/robots.txt');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const lines = res.body.split('\n');
    expect(lines).toContain('User-agent: *');
    expect(lines).toContain('Allow: /');
    for (const l of LOCALES)
      for (const section of ['commission', 'treasurer', 'bank', 'account'])
        expect(lines).toContain(`Disallow: /${l}/${section}`);
    expect(lines.filter((x) => x.startsWith('Disallow:')).some((x) => x.includes('/elections'))).toBe(false);
    expect(res.body).toMatch(/^Sitemap: https?:\/\/[^/\s]+\/sitemap\.xml$/m);
  });

  it('the sitemap lists every election and every party of its ballot in the three languages', async () => {
    const res = await get('/sitemap.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/xml');
    expect(res.headers['cache-control']).toContain('public');
    expect(res.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    const locs = [...res.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(locs.filter((x) => x.includes('commission') || x.includes('treasurer'))).toEqual([]);
    const elections = await getElections(ctx);
    expect(elections.length).toBeGreaterThan(0);
    for (const l of LOCALES) {
      expect(locs).toContain(`/${l}/`);
      for (const e of elections) {
        expect(locs).toContain(`/${l}/elections/${encodeURIComponent(e.id)}`);
        for (const { party } of await getBallot(ctx, e.id))
          expect(locs).toContain(
            `/${l}/elections/${encodeURIComponent(e.id)}/parties/${encodeURIComponent(party.registrationNumber)}`,
          );
      }
    }
    expect(new Set(locs).size).toBe(locs.length);
    // The addresses are pages: a sample of them answers.
    for (const path of [locs[0]!, locs.find((x) => x.includes('/parties/'))!, locs.at(-1)!])
      expect((await get(path)).statusCode).toBe(200);
  });
});

describe('moments say their time zone', () => {
  const iso = '2026-12-05T08:05:00Z';
  for (const l of LOCALES) {
    it(`in ${l}: Bishkek time, UTC+6`, () => {
      const html = renderToString(h(When, { iso, locale: l }));
      expect(html).toContain(`datetime="${iso}"`);
      expect(html).toContain('14:05');
      expect(html).toContain('UTC+6');
      expect(moment(iso, l)).toMatch(l === 'en' ? /Bishkek/ : /Бишкек/);
    });
  }

  it('the same words from the catalogues’ formatter as from the kit’s', () => {
    for (const l of LOCALES) expect(formatDateTime(l, iso)).toBe(moment(iso, l));
  });

  it('on a public page with times (the lottery of an election)', async () => {
    const res = await get('/en/elections/kg-2020-parliament/lottery');
    expect(res.statusCode).toBe(200);
    const times = [...res.body.matchAll(/<time[^>]*>([^<]+)<\/time>/g)].map((m) => m[1]!);
    expect(times.length).toBeGreaterThan(0);
    for (const x of times) expect(x).toMatch(/\d{2}:\d{2} \(UTC\+6, Bishkek\)$/);
  });
});

describe('a programme shown in another language says so', () => {
  const programme = (text: Partial<Record<Locale, string>>): Programme =>
    ({ text: { ky: '', ru: '', en: '', ...text }, pdfBlobKey: null }) as unknown as Programme;
  const note = (p: Programme | undefined, locale: Locale) =>
    renderToString(h(ProgrammeLanguageNote, { programme: p, locale }));

  it('English page, programme in Kyrgyz and Russian only: shown in Russian, and the page says so', () => {
    const p = programme({ ky: 'Кыргызча', ru: 'По-русски' });
    expect(programmeLanguage(p, 'en')).toBe('ru');
    expect(note(p, 'en')).toContain('The programme is not available in English; shown in Russian.');
  });

  it('English page, programme in Kyrgyz only: shown in Kyrgyz', () => {
    expect(note(programme({ ky: 'Кыргызча' }), 'en')).toContain('not available in English; shown in Kyrgyz.');
  });

  it('on the party page: a programme in Russian only is shown on the English page with the note', async () => {
    const [election] = await getElections(ctx);
    const [party] = (await getBallot(ctx, election!.id))!;
    const reg = party!.party.registrationNumber;
    const text = { ky: '', ru: 'Программа только на русском.', en: '' };
    expect(
      (await attachProgramme(ctx, { electionId: election!.id, partyRegistrationNumber: reg, text }, 'test')).ok,
    ).toBe(true);
    const en = await get(`/en/elections/${election!.id}/parties/${reg}`);
    expect(en.body).toContain('Программа только на русском.');
    expect(en.body).toContain('The programme is not available in English; shown in Russian.');
    const ru = await get(`/ru/elections/${election!.id}/parties/${reg}`);
    expect(ru.body).not.toContain('not available');
    expect(ru.body).not.toContain('shownIn');
  });

  it('no note when the page’s own language is there, or there is no programme', () => {
    const all = programme({ ky: 'a', ru: 'b', en: 'c' });
    for (const l of LOCALES) expect(note(all, l)).toBe('');
    expect(note(undefined, 'en')).toBe('');
    expect(note(programme({ ru: 'b' }), 'ru')).toBe('');
  });
});
