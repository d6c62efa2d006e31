// The public finance pages, downloads and feeds on SQLite and PostgreSQL: pages show the totals, the
// charts with their tables, and late and missing reports against an injected clock; listings filter,
// sort and page through links; every table downloads as CSV, XLSX and JSON, streamed; the Atom feeds
// are well-formed with one entry per filed version; and no PIN, INN or address is in any response.
import { afterAll, beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { renderToString } from 'preact-render-to-string';
import { Fragment, h, type ComponentChildren } from 'preact';
import type { LightMyRequestResponse } from 'fastify';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import {
  ALA,
  BEK,
  CHUY,
  FIN_ELECTION,
  FIN_NOW,
  NAMED_DONORS,
  OTHER_ELECTION,
  latestOf,
  loadFinanceFixture,
  sumOf,
  type FinanceFixture,
} from '../../../test/finance/finance-fixture.ts';
import { startFinanceServer, type FinanceTestServer } from '../../../test/finance/finance-server.ts';
import { financeElectionSection, financePartySection } from './sections.tsx';
import { som } from '../../platform/web/numbers.ts';
import { tyiyn } from '../../domain/money.ts';
import { PAGE_TABLES } from '../core/download-tables.ts';

const E = FIN_ELECTION.id;
const enc = encodeURIComponent;
const partyPage = (l: string, reg: string) => `/${l}/elections/${E}/parties/${enc(reg)}/finance`;
const unescape = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
/** Visible text, roughly: enough to find a sentence across inline elements. */
const html = (x: ComponentChildren) => renderToString(h(Fragment, null, x));
const textOf = (html: string) => unescape(html.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ');
/** Money as the pages write it, with the no-break spaces of the locale read as plain ones. */
const money = (amount: number, l: 'ky' | 'ru' | 'en') => som(tyiyn(amount), l).replace(/\s+/g, ' ');

describeEachDatabase('finance pages, downloads and feeds', (get) => {
  let fx: FinanceFixture;
  let s: FinanceTestServer;
  const seen: LightMyRequestResponse[] = [];
  const fetch = async (url: string, headers: Record<string, string> = {}) => {
    const res = await s.app.inject({ method: 'GET', url, headers });
    seen.push(res);
    return res;
  };
  const page = async (url: string) => {
    const res = await fetch(url);
    expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    // Pages stay light for phones on slow networks.
    expect(res.rawPayload.length, url).toBeLessThan(100 * 1024);
    return res.body;
  };

  beforeAll(async () => {
    fx = await loadFinanceFixture(get().db);
    s = await startFinanceServer(get().db, () => FIN_NOW);
  });
  afterAll(async () => s?.close());

  it('shows a party’s totals, deadlines, charts with their tables, and its reports', async () => {
    const html = await page(partyPage('ru', ALA.registrationNumber));
    const text = textOf(html);
    const receipts = latestOf(fx.receipts, E, ALA.registrationNumber);
    expect(text).toContain(money(sumOf(receipts), 'ru'));
    expect(text).toContain(money(sumOf(latestOf(fx.expenditures, E, ALA.registrationNumber)), 'ru'));
    expect(html.match(/<svg role="img" aria-label="[^"]+"/g)).toHaveLength(3);
    expect((html.match(/<table/g) ?? []).length).toBeGreaterThanOrEqual(5);
    // On time (the amendment came after the deadline, the first version before it), and a countdown.
    expect(text).toContain('Подан 10 сентября 2030 г.');
    expect(text).toContain('Подан 20 сентября 2030 г.');
    expect(text).toContain('Осталось 15 дней');
    expect(text).toContain('заменён новой версией');
    expect(html).toContain('Демонстрационные данные');
  });

  it('flags late and missing reports by the injected clock, in every language', async () => {
    const bek = textOf(await page(partyPage('en', BEK.registrationNumber)));
    // Filed at 19:30 UTC on the due day: 01:30 the next day in Bishkek.
    expect(bek).toContain('Filed 1 day late (12 September 2030)');
    expect(bek).toContain('Missing: 5 days overdue');
    expect(bek).toContain('15 days left');
    const chuy = textOf(await page(partyPage('ru', CHUY.registrationNumber)));
    expect(chuy).toContain('Не подан: просрочен на 20 дней');
    expect(chuy).toContain('Не подан: просрочен на 5 дней');
    const ky = textOf(await page(partyPage('ky', CHUY.registrationNumber)));
    expect(ky).toContain('Тапшырылган эмес: мөөнөтү 20 күн мурун өттү');

    // A month earlier every deadline is still ahead, with its countdown.
    const early = await startFinanceServer(get().db, () => new Date('2030-09-01T06:00:00Z'));
    try {
      const res = await early.app.inject({ method: 'GET', url: partyPage('en', CHUY.registrationNumber) });
      const text = textOf(res.body);
      expect(text).toContain('10 days left');
      expect(text).not.toMatch(/overdue|late \(/);
    } finally {
      await early.close();
    }
  });

  it('compares every party of the election side by side, with flags', async () => {
    const html = await page(`/en/elections/${E}/finance`);
    const text = textOf(html);
    for (const p of [ALA, BEK, CHUY]) expect(text).toContain(p.shortName.en);
    expect(text).toContain(money(sumOf(latestOf(fx.receipts, E)), 'en'));
    expect(text).toContain('Late reports: 1; missing reports: 1.');
    expect(text).toContain('Late reports: 0; missing reports: 2.');
    expect(html.match(/<svg role="img"/g)!.length).toBe(4);
    // Sorted by money received, the richest fund first.
    const sorted = await page(`/en/elections/${E}/finance?sort=received`);
    const order = [ALA, BEK, CHUY].map((p) =>
      sorted.indexOf(`/en/elections/${E}/parties/${enc(p.registrationNumber)}/finance">${p.shortName.en}`),
    );
    expect(order.every((x) => x > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The other election is its own.
    const other = textOf(await page(`/ru/elections/${OTHER_ELECTION.id}/finance`));
    expect(other).toContain(money(sumOf(latestOf(fx.receipts, OTHER_ELECTION.id)), 'ru'));
  });

  it('renders the sections for the election and party pages', async () => {
    const election = html(await financeElectionSection(s.ctx, E, 'en'));
    expect(election).toContain('Campaign finance');
    expect(election).toContain('Late reports: 1; missing reports: 3.');
    expect(election).toContain('Next deadline: Final report');
    expect(election).toContain(`/en/elections/${E}/receipts`);
    const party = html(await financePartySection(s.ctx, E, CHUY.registrationNumber, 'ru'));
    expect(party).toContain('Не подан: просрочен на 20 дней');
    expect(party).toContain(`/ru/elections/${E}/parties/${enc(CHUY.registrationNumber)}/finance`);
    expect(html(await financeElectionSection(s.ctx, 'no-such', 'en'))).toBe('');
  });

  it('counts down to a party’s next report, not to one it has filed, and stops the clock once the election is over', async () => {
    // ALA has filed its initial and first reports (the fixture's rows are there whatever the clock says).
    const before = await startFinanceServer(get().db, () => new Date('2030-09-10T12:00:00Z'));
    try {
      const ala = html(await financePartySection(before.ctx, E, ALA.registrationNumber, 'en'));
      expect(ala).not.toContain('Next deadline: Initial report');
      expect(ala).toContain('Next deadline: Final report');
      const chuy = html(await financePartySection(before.ctx, E, CHUY.registrationNumber, 'en'));
      expect(chuy).toContain('Next deadline: Initial report');
      // Some party still owes its initial report: the election's countdown still points at it.
      expect(html(await financeElectionSection(before.ctx, E, 'en'))).toContain('Next deadline: Initial report');
    } finally {
      await before.close();
    }
    // Years later, once the election is closed: not filed, with no count of days, and no countdown.
    await get().db.updateTable('elections').set({ status: 'closed' }).where('id', '=', E).execute();
    const later = await startFinanceServer(get().db, () => new Date('2037-01-01T06:00:00Z'));
    try {
      const chuy = textOf(
        await later.app.inject({ method: 'GET', url: partyPage('en', CHUY.registrationNumber) }).then((r) => r.body),
      );
      expect(chuy).toContain('Not filed');
      expect(chuy).not.toMatch(/overdue|left/);
      const section = html(await financeElectionSection(later.ctx, E, 'en'));
      expect(section).not.toContain('Next deadline');
    } finally {
      await get().db.updateTable('elections').set({ status: 'campaign' }).where('id', '=', E).execute();
      await later.close();
    }
  });

  /** Follows rel="next" links from `url`; returns the body rows of every page. */
  async function walkPages(url: string): Promise<string[]> {
    const rows: string[] = [];
    let next: string | null = url;
    for (let pages = 0; next; pages++) {
      expect(pages).toBeLessThan(100);
      const html = await page(next);
      const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
      rows.push(...(body.match(/<tr>[\s\S]*?<\/tr>/g) ?? []));
      const m = /<a href="([^"]+)" rel="next">/.exec(html);
      next = m ? unescape(m[1]!) : null;
    }
    return rows;
  }

  it('lists receipts with filters, sort links and next-page links', async () => {
    const all = await walkPages(
      `/en/elections/${E}/receipts?party=${enc(ALA.registrationNumber)}&sort=amount&order=asc`,
    );
    expect(all).toHaveLength(latestOf(fx.receipts, E, ALA.registrationNumber).length);
    expect(new Set(all).size).toBeGreaterThan(all.length / 2);

    const found = await page(`/ru/elections/${E}/receipts?q=${enc('Zheenbekov')}`);
    expect((/<tbody>([\s\S]*?)<\/tbody>/.exec(found)?.[1]?.match(/<tr>/g) ?? []).length).toBe(4);
    expect(found).toContain('value="Zheenbekov"');
    // Sort links keep the filters and turn the order round.
    expect(found).toMatch(/href="\/ru\/elections\/fin-2030\/receipts\?q=Zheenbekov&amp;sort=amount"/);

    const markup = await page(`/en/elections/${E}/receipts?q=${enc('<script>')}`);
    expect(markup).not.toContain('<script>alert');
    expect(markup).toContain('&lt;script>alert');

    // A mangled cursor or filter starts again rather than failing.
    expect((await fetch(`/en/elections/${E}/receipts?cursor=nonsense&min=abc&from=yesterday`)).statusCode).toBe(200);
    const none = textOf(await page(`/en/elections/${E}/receipts?min=99999999`));
    expect(none).toContain('No lines match the filters.');
  });

  it('lists expenditures by CEC heading', async () => {
    const rows = await walkPages(`/ky/elections/${E}/expenditures?category=${enc('group:advertising')}`);
    const expected = latestOf(fx.expenditures, E).filter((x) => x.category.startsWith('advertising_'));
    expect(rows).toHaveLength(expected.length);
  });

  async function bodyText(res: LightMyRequestResponse): Promise<string> {
    if (String(res.headers['content-type']).includes('spreadsheetml')) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const cells: string[] = [];
      wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value)))));
      return cells.join('\n');
    }
    return res.body;
  }

  async function rowsOf(res: LightMyRequestResponse): Promise<number> {
    const type = String(res.headers['content-type']);
    if (type.startsWith('text/csv')) {
      expect(res.body.startsWith('\ufeff')).toBe(true);
      return res.body.split('\r\n').filter((x) => x !== '').length - 1;
    }
    if (type.startsWith('application/json')) return (JSON.parse(res.body) as unknown[]).length;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return wb.worksheets.reduce((n, ws) => n + ws.actualRowCount - 1, 0);
  }

  it('downloads the itemised lists, filters included, as CSV, XLSX and JSON, streamed', async () => {
    const cases: Array<[string, number]> = [
      [`/en/elections/${E}/receipts`, latestOf(fx.receipts, E).length],
      [
        `/ru/elections/${E}/receipts?party=${enc(BEK.registrationNumber)}&type=individual`,
        latestOf(fx.receipts, E, BEK.registrationNumber).filter((r) => r.donorType === 'individual').length,
      ],
      [`/ky/elections/${E}/expenditures`, latestOf(fx.expenditures, E).length],
      [
        `/en/elections/${E}/expenditures?category=transport`,
        latestOf(fx.expenditures, E).filter((x) => x.category === 'transport').length,
      ],
    ];
    for (const [url, n] of cases) {
      const [path, query] = url.split('?');
      for (const format of ['csv', 'xlsx', 'json']) {
        const res = await fetch(`${path}.${format}${query ? `?${query}` : ''}`);
        expect(res.statusCode, `${url} ${format}`).toBe(200);
        // A stream: sent in chunks, without a length known in advance.
        expect(res.headers['content-length']).toBeUndefined();
        expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="fin-2030/);
        expect(await rowsOf(res), `${url} ${format}`).toBe(n);
      }
    }
    const csv = (await fetch(`/en/elections/${E}/receipts.csv?party=${enc(ALA.registrationNumber)}`)).body;
    // A donor name that a spreadsheet would run as a formula is shown as text.
    expect(csv).toContain(`"'${NAMED_DONORS.formula.name.replace(/"/g, '""')}"`);
    expect(csv.split('\r\n')[0]).toBe(
      '\ufeffdate,party_registration_number,party_name,donor_name,donor_type,donor_type_label,channel,channel_label,amount_som,amount_tyiyn,line_id,filing_id',
    );
    const json = JSON.parse((await fetch(`/en/elections/${E}/receipts.json?q=Asanov`)).body);
    expect(json).toEqual([
      expect.objectContaining({
        donor_name: NAMED_DONORS.asanov.name,
        amount_som: '150000.00',
        amount_tyiyn: 15_000_000,
      }),
    ]);
  });

  it('downloads every table of the finance pages as CSV, XLSX and JSON', async () => {
    for (const base of [`/en/elections/${E}/finance`, partyPage('ru', BEK.registrationNumber)]) {
      for (const table of PAGE_TABLES) {
        for (const format of ['csv', 'xlsx', 'json']) {
          const res = await fetch(`${base}/${table}.${format}`);
          expect(res.statusCode, `${base}/${table}.${format}`).toBe(200);
          expect(await rowsOf(res)).toBeGreaterThan(0);
        }
      }
    }
    const totals = JSON.parse((await fetch(`/en/elections/${E}/finance/totals.json`)).body) as Array<
      Record<string, unknown>
    >;
    expect(totals.map((x) => x.party_registration_number)).toEqual([ALA, BEK, CHUY].map((p) => p.registrationNumber));
    expect(totals[0]!.received_tyiyn).toBe(sumOf(latestOf(fx.receipts, E, ALA.registrationNumber)));
    const deadlines = JSON.parse((await fetch(`${partyPage('en', BEK.registrationNumber)}/deadlines.json`)).body);
    expect(deadlines.map((x: { state: string }) => x.state)).toEqual(['late', 'missing', 'due']);
    expect((await fetch(`/en/elections/${E}/finance/nothing.csv`)).statusCode).toBe(404);
    expect((await fetch(`/en/elections/${E}/finance/totals.pdf`)).statusCode).toBe(404);
  });

  it('announces every filed version in a well-formed Atom feed per language and election', async () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
    const check = async (url: string, entries: number) => {
      const res = await fetch(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
      expect(XMLValidator.validate(res.body)).toBe(true);
      const feed = parser.parse(res.body).feed;
      expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
      expect(feed.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(feed.title['#text']).toBeTruthy();
      expect(feed.author.name).toBeTruthy();
      expect(Date.parse(feed.updated)).not.toBeNaN();
      const list = [feed.entry ?? []].flat();
      expect(list).toHaveLength(entries);
      expect(new Set(list.map((e: { id: string }) => e.id)).size).toBe(entries);
      for (const e of list) {
        expect(e.id).toMatch(/^urn:uuid:/);
        expect(Date.parse(e.updated)).not.toBeNaN();
        expect(e.link['@href']).toMatch(/^http:\/\/localhost(:\d+)?\/\w\w\/elections\/.+\/finance#filing-\d+$/);
      }
      return list;
    };
    const all = await check('/en/feeds/filings.atom', fx.filedVersions);
    expect(
      all.some(
        (e: { title: { '#text': string } }) => e.title['#text'] === 'Ala-Too: First report, version 2 (amendment)',
      ),
    ).toBe(true);
    await check('/ru/feeds/filings.atom', fx.filedVersions);
    await check(`/ky/elections/${E}/feeds/filings.atom`, fx.filedVersions - 1);
    await check(`/en/elections/${OTHER_ELECTION.id}/feeds/filings.atom`, 1);
    const redirect = await fetch('/feeds/filings.atom', { 'accept-language': 'ru-RU,ru;q=0.9' });
    expect(redirect.statusCode).toBe(302);
    expect(redirect.headers.location).toBe('/ru/feeds/filings.atom');
  });

  it('answers 404 for unknown elections and parties', async () => {
    for (const url of [
      `/en/elections/nope/finance`,
      partyPage('en', 'NOPE'),
      `/en/elections/nope/receipts`,
      `/en/elections/nope/receipts.csv`,
      '/xx/feeds/filings.atom',
    ]) {
      expect((await fetch(url)).statusCode, url).toBe(404);
    }
  });

  it('never lets a PIN, an INN or an address out', async () => {
    expect(seen.length).toBeGreaterThan(60);
    expect(fx.privateValues.length).toBeGreaterThan(150);
    for (const res of seen) {
      const text = `${JSON.stringify(res.headers)}\n${await bodyText(res)}`;
      for (const secret of fx.privateValues)
        expect(text.includes(secret), `${secret} in ${res.raw.req.url}`).toBe(false);
      expect(text).not.toMatch(/donor_pin|donor_address|donor_inn|payee_inn/);
    }
  });
});
