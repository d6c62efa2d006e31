// Annual reports over HTTP on SQLite: a party files through the API for 2023, a year with no election;
// its report is public in every language with the preliminary check's finding on a prohibited
// donation; no PIN or address reaches the page, the API or the downloads; an amendment replaces the
// public figures and keeps the first version readable; one donor of two years links to one donor page;
// a treasurer files through the web form; a token may not file for another party.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../../test/support/databases.ts';
import { LOCALES } from '../../domain/election.ts';
import { buildServer } from '../../server.ts';
import { bearerAs, loginAs } from '../../accounts/test-support.ts';
import { multipart } from '../../filings/filing.test-support.ts';
import { ruleInfo } from '../../compliance/index.ts';
import {
  ANNUAL_PARTY,
  annualDocument,
  annualTestContext,
  donation,
  DONOR_ADDRESS,
  DONOR_PIN,
  setupAnnualParty,
} from '../annual-reports.test-support.ts';
import { t } from '../annual-reports.messages.ts';
import { render } from 'preact-render-to-string';
import { annualPartySection } from './party-section.tsx';

const OTHER_PARTY = 'AR-0002';
/** An anonymous gift: a prohibited source (Art. 41(3), item 13) whatever the registries say. */
const anonymousGift = donation('D-2', '2023-08-08', { donorName: 'Аноним', donorPin: undefined, amount: 700_000 });

describe('annual reports over HTTP', () => {
  let app: FastifyInstance;
  let closeDb: () => Promise<void>;
  let closeCtx: () => void;
  let ctx: ReturnType<typeof annualTestContext>['ctx'];
  let token: { authorization: string };
  let keys = 0;
  const get = (url: string) => app.inject({ method: 'GET', url });
  const fileByApi = (doc: unknown, headers: Record<string, string> = token) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/annual-reports',
      headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': `key-${++keys}` },
      payload: JSON.stringify(doc),
    });
  const expectNoPersonalData = (text: string) => {
    expect(text).not.toContain(DONOR_PIN);
    expect(text).not.toContain(DONOR_ADDRESS);
  };

  beforeAll(async () => {
    const db = await openTestDatabase('sqlite');
    closeDb = db.close;
    const tc = annualTestContext(db.db, { TALAPKER_PAGE_CACHE_REFRESH_MS: '100' });
    ctx = tc.ctx;
    closeCtx = tc.close;
    await setupAnnualParty(ctx);
    await setupAnnualParty(ctx, OTHER_PARTY);
    app = await buildServer(ctx);
    token = (await bearerAs(ctx, 'party_treasurer', ['filings:write', 'filings:submit'], { party: ANNUAL_PARTY }))
      .headers;
  });
  afterAll(async () => {
    await app?.close();
    closeCtx();
    await closeDb();
  });

  it('files a report for 2023 through the API and publishes it with the check’s finding', async () => {
    const doc = annualDocument({ donations: [donation('D-1', '2023-03-15'), anonymousGift] });
    const res = await fileByApi(doc);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().data).toMatchObject({ party: ANNUAL_PARTY, year: 2023, version: 1, findings: 1 });

    for (const l of LOCALES) {
      const page = await get(`/${l}/parties/${ANNUAL_PARTY}/annual-reports/2023`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(t(l, 'annual.report.noElection'));
      expect(page.body).toContain(t(l, 'annual.findings.title'));
      expect(page.body).toContain(ruleInfo('prohibited.anonymous')!.title[l]);
      expect(page.body).toContain('Асанов Бакыт Маратович');
      expectNoPersonalData(page.body);
      const list = await get(`/${l}/parties/${ANNUAL_PARTY}/annual-reports`);
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain(`href="/${l}/parties/${ANNUAL_PARTY}/annual-reports/2023"`);
    }
  });

  it('publishes no PIN or address through the API or the downloads', async () => {
    const api = await get(`/api/v1/parties/${ANNUAL_PARTY}/annual-reports`);
    expect(api.statusCode).toBe(200);
    expect(api.json().data[0]).toMatchObject({ year: 2023, version: 1 });
    expect(api.json().data[0].findings[0]).toMatchObject({ rule: 'prohibited.anonymous' });
    expectNoPersonalData(api.body);
    const json = await get(`/parties/${ANNUAL_PARTY}/annual-reports/2023/report.json`);
    expect(json.statusCode).toBe(200);
    expectNoPersonalData(json.body);
    const csv = await get(`/parties/${ANNUAL_PARTY}/annual-reports/2023/donations.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Асанов Бакыт Маратович');
    expectNoPersonalData(csv.body);
    const schema = await get('/api/schemas/annual-report-v1.json');
    expect(schema.json()).toMatchObject({ title: 'Talapker annual report v1' });
  });

  it('refuses a report with errors, and a token of another party', async () => {
    const wrong = annualDocument({ year: 2021 });
    wrong.cash.closing += 5;
    const res = await fileByApi(wrong);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.problems.map((p: { field: string }) => p.field)).toContain('cash.closing');
    const other = await fileByApi(annualDocument({ party: OTHER_PARTY, year: 2021 }));
    expect(other.statusCode).toBe(403);
    expect((await get(`/en/parties/${OTHER_PARTY}/annual-reports/2021`)).statusCode).toBe(404);
    expect((await get(`/en/parties/${ANNUAL_PARTY}/annual-reports/2021`)).statusCode).toBe(404);
  });

  it('replaces the public figures with an amendment and keeps the first version', async () => {
    const amended = annualDocument({ dues: 33_300_000, donations: [donation('D-1', '2023-03-15')] });
    const res = await fileByApi(amended);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().data).toMatchObject({ version: 2, findings: 0 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const latest = await get(`/en/parties/${ANNUAL_PARTY}/annual-reports/2023`);
    expect(latest.body).toContain('333,000.00');
    expect(latest.body).toContain(t('en', 'annual.findings.none'));
    const first = await get(`/en/parties/${ANNUAL_PARTY}/annual-reports/2023?version=1`);
    expect(first.body).toContain('120,000.00');
    expect(first.body).toContain(t('en', 'annual.report.olderVersion', { version: 1, latest: 2 }));
    expect(first.body).toContain(ruleInfo('prohibited.anonymous')!.title.en);
    const json = await get(`/parties/${ANNUAL_PARTY}/annual-reports/2023/report.json`);
    expect(json.json()).toMatchObject({ version: 2, versions: [{ version: 1 }, { version: 2 }] });
  });

  it('links one donor of two years to one donor page', async () => {
    const res = await fileByApi(
      annualDocument({ year: 2022, donations: [donation('D-7', '2022-10-10', { donorName: 'Asanov B.' })] }),
    );
    expect(res.statusCode, res.body).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const donorLink = (html: string) => /href="\/en\/annual-reports\/donors\/([0-9a-f]{24})"/.exec(html)?.[1];
    const in2022 = donorLink((await get(`/en/parties/${ANNUAL_PARTY}/annual-reports/2022`)).body);
    const in2023 = donorLink((await get(`/en/parties/${ANNUAL_PARTY}/annual-reports/2023`)).body);
    expect(in2022).toBeDefined();
    expect(in2022).toBe(in2023);
    const donor = await get(`/en/annual-reports/donors/${in2022}`);
    expect(donor.statusCode).toBe(200);
    expect(donor.body).toContain('Asanov B.');
    expect(donor.body).toContain('Асанов Бакыт Маратович');
    expectNoPersonalData(donor.body);
  });

  it('lets a treasurer file through the web form, and refuses a document for another party', async () => {
    const signedIn = await loginAs(app, ctx, 'party_treasurer', { party: ANNUAL_PARTY, login: 'annual-web' });
    const page = await app.inject({
      method: 'GET',
      url: '/en/treasurer/annual-reports?amend=2023',
      headers: { cookie: signedIn.cookie },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('talapker-annual-report-v1');
    const post = (doc: unknown) => {
      const form = multipart([
        ['_csrf', signedIn.csrfToken],
        ['idempotencyKey', crypto.randomUUID()],
        ['document', JSON.stringify(doc)],
      ]);
      return app.inject({
        method: 'POST',
        url: '/en/treasurer/annual-reports',
        headers: { ...form.headers, cookie: signedIn.cookie },
        payload: form.payload,
      });
    };
    const filed = await post(annualDocument({ year: 2021 }));
    // 2021's report is past its deadline: the warning is shown with the confirmation.
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.body).toContain(t('en', 'annual.treasurer.filed', { version: 1, year: 2021 }));
    const refused = await post(annualDocument({ party: OTHER_PARTY, year: 2021 }));
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain(t('en', 'annual.treasurer.refused'));
  });

  it('leads from the party’s page in an election to its annual reports, and shows nothing for a party with none', async () => {
    const section = async (reg: string) => render(<>{await annualPartySection(ctx, 'any-election', reg, 'en')}</>);
    const html = await section(ANNUAL_PARTY);
    expect(html).toContain(`href="/en/parties/${ANNUAL_PARTY}/annual-reports/2023"`);
    expect(html).toContain(`href="/en/parties/${ANNUAL_PARTY}/annual-reports"`);
    expect(await section('NO-SUCH-PARTY')).toBe('');
  });
});
