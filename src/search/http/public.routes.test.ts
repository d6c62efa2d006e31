// The public search page over HTTP on the demo: the empty form, a name found across scripts with links
// to the candidates, nothing found, a query that is not one piece of text, an unknown language, and
// every kind of thing found from the one box, grouped by kind: a party by its name in another script,
// a company among donors and payees whatever its legal form, people by name, a programme by a phrase.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../../test/support/demo-server.ts';
import { LOCALES } from '../../domain/election.ts';
import { tyiyn } from '../../domain/money.ts';
import { som } from '../../platform/web/index.ts';
import { t } from '../search.messages.ts';
import { searchCandidates } from '../search.service.ts';
import { KINDS } from '../views/kind-sections.tsx';
import { SEARCH_PAGE_SIZE } from './public.routes.tsx';

/** The section of one kind on a results page; undefined when the page has none. */
function section(html: string, kind: string): string | undefined {
  const at = html.indexOf(`<section aria-labelledby="${kind}">`);
  return at < 0 ? undefined : html.slice(at, html.indexOf('</section>', at));
}
/** The kinds of the sections on a page, in the page's order. */
const sectionsOf = (html: string) => [...html.matchAll(/<section aria-labelledby="([a-z]+)">/g)].map((m) => m[1]);
const hrefs = (html: string | undefined) =>
  [...(html ?? '').matchAll(/href="([^"]+)"/g)].map((m) => (m[1] ?? '').replaceAll('&amp;', '&'));
const q = (text: string) => encodeURIComponent(text);

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
      expect(res.body).toContain(t('en', 'search.kind.candidates', { n: ranking.length }));
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

  it('finds a party by its name in another script and links to its page in the latest election it stands in', async () => {
    const birimdik = await server.ctx.db
      .selectFrom('participations')
      .innerJoin('elections', 'elections.id', 'participations.election_id')
      .select('participations.election_id')
      .where('participations.party_registration_number', '=', '10472-3301-PP')
      .orderBy('elections.election_day', 'desc')
      .executeTakeFirstOrThrow();
    const page = `/en/elections/${birimdik.election_id}/parties/10472-3301-PP`;
    for (const text of ['Birimdik', 'Биримдик', 'БИРИМДИК', 'Birimdk']) {
      const res = await get(`/en/search?q=${q(text)}`);
      expect(res.statusCode).toBe(200);
      const parties = section(res.body, 'parties');
      expect(parties, text).toContain(t('en', 'search.kind.parties', { n: hrefs(parties).length }));
      // The party of that name first; others only hold the word ("Bir Bol": "…мамлекеттик биримдик…").
      expect(hrefs(parties)[0], text).toBe(page);
    }
    const party = await get(page);
    expect(party.statusCode).toBe(200);
    expect(party.body).toContain('Birimdik');
  });

  it('shows the kinds found in a fixed order, each under its heading, only on the first page', async () => {
    const birimdik = (await get('/en/search?q=Birimdik')).body;
    expect(sectionsOf(birimdik)).toEqual(['parties', 'donors', 'documents', 'programmes']);
    const asanov = (await get('/en/search?q=Asanov')).body;
    expect(sectionsOf(asanov)).toEqual(['candidates', 'donors']);
    for (const html of [birimdik, asanov]) {
      const shown = sectionsOf(html);
      expect(shown).toEqual(KINDS.filter((k) => shown.includes(k)));
      // The summary links to each section found, and to no other.
      const summary = /<p aria-live="polite">(.*?)<\/p>/s.exec(html)?.[1];
      expect(hrefs(summary)).toEqual(shown.map((k) => `#${k}`));
    }
    expect(sectionsOf((await get('/en/search?q=Asanov&page=2')).body)).toEqual(['candidates']);
    expect((await get('/en/search?q=Zxqwertyuiop')).body).not.toContain('<section');
  });

  it('finds a donor company whatever its legal form and quotes, one entry per donor with its total and page', async () => {
    const name = 'ОсОО «Нур-Сервис» (синтетическое)';
    const given = await server.ctx.db
      .selectFrom('receipts')
      .select(['election_id', (e) => e.fn.sum<number>('amount').as('total')])
      .where('is_latest', '=', 1)
      .where('donor_name', '=', name)
      .groupBy(['election_id', 'donor_inn'])
      .execute();
    expect(given.length).toBeGreaterThan(0);
    for (const text of ['Нур-Сервис', 'ООО "Нур-Сервис"', 'NurServis', 'nur servis LLC', 'Нур Сервс']) {
      const donors = section((await get(`/ru/search?q=${q(text)}`)).body, 'donors');
      expect(donors, text).toContain(t('ru', 'search.kind.donors', { n: given.length }));
      expect(donors, text).not.toContain('Нур-Агро');
      for (const g of given) expect(donors, text).toContain(som(tyiyn(Number(g.total)), 'ru'));
      const pages = hrefs(donors);
      expect(pages.map((h) => h.split('/')[3]).sort()).toEqual(given.map((g) => g.election_id).sort());
      for (const h of pages) expect(h).toMatch(/^\/ru\/elections\/[^/]+\/donors\/[0-9a-f]{24}$/);
    }
    const res = await get(`/ru/search?q=${q('Нур-Сервис')}`);
    for (const h of hrefs(section(res.body, 'donors'))) {
      const donor = await get(h);
      expect(donor.statusCode).toBe(200);
      expect(donor.body).toContain('Нур-Сервис');
    }
    // The same company paid by parties: among the payees, each with its page.
    const payees = hrefs(section(res.body, 'payees'));
    expect(payees.length).toBeGreaterThan(0);
    for (const h of payees) expect((await get(h)).body).toContain('Нур-Сервис');
  });

  it('finds the candidates and the donors named Асанов for “Asanov”', async () => {
    const res = await get('/en/search?q=Asanov');
    const ranking = await searchCandidates(server.ctx, 'Asanov', { limit: SEARCH_PAGE_SIZE });
    expect(ranking[0]?.candidate.nameRu).toMatch(/^Асанов/);
    const shown = hrefs(section(res.body, 'candidates')).filter((h) => h.startsWith('/en/candidates/'));
    expect(shown).toEqual(ranking.map((h) => `/en/candidates/${h.candidate.id}`));
    const donors = section(res.body, 'donors') ?? '';
    const names = [...donors.matchAll(/<strong>([^<]+)<\/strong>/g)].map((m) => m[1] ?? '');
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n).toMatch(/Асанов/);
    // The best match first: a donor whose name has the word itself.
    expect(names[0]).toMatch(/^Асанов /);
  });

  it('finds a programme by a phrase from its text, whatever its case, linked in the language of that text', async () => {
    const programmes = await server.ctx.db
      .selectFrom('programmes')
      .select(['election_id', 'party_registration_number', 'text_ru', 'text_en'])
      .execute();
    const own = programmes.find((p) => p.party_registration_number === '10472-3301-PP');
    const line = own?.text_ru.split('\n').find((x) => x.includes('«Биримдик»') && x.includes(':')) ?? '';
    const phrase = line.split(':')[0] ?? '';
    expect(phrase.length).toBeGreaterThan(20);
    const holding = programmes.filter((p) => p.text_ru.toLowerCase().includes(phrase.toLowerCase()));
    expect(holding.map((p) => p.party_registration_number)).toContain('10472-3301-PP');
    for (const text of [phrase, phrase.toUpperCase()]) {
      const found = section((await get(`/ru/search?q=${q(text)}`)).body, 'programmes');
      expect(found, text).toContain(t('ru', 'search.kind.programmes', { n: holding.length }));
      expect(hrefs(found).sort()).toEqual(
        holding.map((p) => `/ru/elections/${p.election_id}/parties/${p.party_registration_number}#programme`).sort(),
      );
      expect(found).toContain(`<mark>${phrase}</mark>`);
    }
    // An English phrase on the Russian page: the programme's English text, and the page that shows it.
    const english =
      own?.text_en
        .split('\n')
        .find((x) => x.includes('Birimdik:'))
        ?.split(':')[0] ?? '';
    expect(english.length).toBeGreaterThan(20);
    const en = section((await get(`/ru/search?q=${q(english)}`)).body, 'programmes');
    expect(hrefs(en)).toContain(`/en/elections/${own?.election_id}/parties/10472-3301-PP#programme`);
    expect(en).toContain(t('ru', 'search.inLanguage.en'));
  });

  it('shows no PIN of a donor or a candidate, whatever is found', async () => {
    const pins = new Set<string>();
    for (const r of await server.ctx.db.selectFrom('receipts').select('donor_pin').execute())
      if (r.donor_pin) pins.add(r.donor_pin);
    for (const r of await server.ctx.db.selectFrom('candidates').select('pin').execute()) pins.add(r.pin);
    expect(pins.size).toBeGreaterThan(100);
    for (const text of ['Asanov', 'Нур-Сервис', 'Birimdik', 'ова', 'Bakyt']) {
      const body = (await get(`/en/search?q=${q(text)}`)).body;
      const digits = body.match(/\d{14}/g) ?? [];
      expect(
        digits.filter((d) => pins.has(d)),
        text,
      ).toEqual([]);
    }
  });
});
