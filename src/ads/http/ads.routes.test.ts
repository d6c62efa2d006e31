// The demo's political advertising through the server: the election page links the ad page; the page,
// in every language, shows each party's platform spend beside its declaration, the timeline with its
// table and the source files; the planted overspending is a finding with its difference in som and the
// rate used, alike in the page, the JSON download and the API; the CSV and the original files download;
// the commission's screen is not public.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it, describe } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openDemoApp } from '../../../test/support/demo-template.ts';
import { buildServer } from '../../server.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { som } from '../../platform/web/index.ts';
import { tyiyn } from '../../domain/money.ts';
import { ELECTION_2020 } from '../../demo/elections.ts';
import { findingsOfElection } from '../ads.service.ts';
import { loginAs } from '../../accounts/test-support.ts';
import { multipart } from '../../filings/filing.test-support.ts';
import { activityFor } from '../../platform/activity-log.ts';
import type { AdsResource } from '../ads-export.ts';

const E = ELECTION_2020.id;

describe('the demo’s ad page, downloads and API', () => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let dir: string;
  const get = async (url: string, status = 200) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(status);
    return res;
  };
  beforeAll(async () => {
    ({ ctx, dir } = await openDemoApp());
    app = await buildServer(ctx);
    await app.ready();
  }, 600_000);
  afterAll(async () => {
    await app?.close();
    await ctx?.db.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('plants one overspending party, found with its difference and the rate', async () => {
    const open = (await findingsOfElection(ctx.db, E)).filter((f) => f.status === 'open');
    const undeclared = open.filter((f) => f.rule === 'ads.undeclared_spend');
    expect(undeclared).toHaveLength(1);
    const f = undeclared[0]!;
    const ev = f.evidence as {
      declared: number;
      platformMin: number;
      rates: { currency: string; date: string; rate: string }[];
    };
    expect(f.excess).toBe(ev.platformMin - ev.declared);
    expect(f.excess).toBeGreaterThan(0);
    expect(ev.rates).toEqual([
      { currency: 'USD', date: ELECTION_2020.campaignEnd, rate: expect.stringMatching(/^\d+\.\d{4}$/) },
    ]);
    expect(open.filter((x) => x.rule === 'ads.third_party_spend')).toHaveLength(1);
    expect(open.filter((x) => x.rule === 'ads.unlinked_advertiser')).toHaveLength(1);

    const api = JSON.parse((await get(`/api/v1/elections/${E}/ads`)).body) as AdsResource;
    const party = api.parties.find((p) => p.partyRegistrationNumber === f.party)!;
    expect(party.aboveDeclaration).toBe((f.excess! / 100).toFixed(2));
    expect(api.findings.find((x) => x.rule === 'ads.undeclared_spend')).toMatchObject({
      partyRegistrationNumber: f.party,
      difference: (f.excess! / 100).toFixed(2),
      rates: ev.rates,
    });
    // Every other party with pages stays within what it declared.
    for (const p of api.parties) if (p.partyRegistrationNumber !== f.party) expect(p.aboveDeclaration).toBeNull();
    const json = JSON.parse((await get(`/ru/elections/${E}/ads.json`)).body) as AdsResource;
    expect(json.findings).toEqual(api.findings);

    for (const l of ['ky', 'ru', 'en'] as const) {
      const page = (await get(`/${l}/elections/${E}/ads`)).body;
      expect(page).toContain(som(tyiyn(f.excess!), l));
      expect(page).toContain(som(tyiyn(ev.declared), l));
      expect(page).toContain(ev.rates[0]!.rate);
      expect(page).toContain('role="img"');
      expect(page).toContain('FacebookAdLibraryReport_2020-10-03_KG_lifetime_advertisers.csv');
      expect(page).toContain('≤100');
      expect((await get(`/${l}/elections/${E}`)).body).toContain(`href="/${l}/elections/${E}/ads"`);
    }
  });

  it('downloads the CSV and the source files, and keeps the commission screen private', async () => {
    const csv = (await get(`/en/elections/${E}/ads.csv`)).body;
    expect(csv.split('\n')[0]).toContain('som_min');
    expect(csv).toContain('колдоочулары');
    const api = JSON.parse((await get(`/api/v1/elections/${E}/ads`)).body) as AdsResource;
    const report = api.reports[0]!;
    const file = await get(`/en${report.href}`);
    expect(file.body.startsWith('\ufeffPage ID')).toBe(true);
    await get(`/en/elections/${E}/ads/files/999999`, 404);
    await get(`/en/elections/no-such/ads`, 404);
    const staff = await app.inject({ method: 'GET', url: '/en/commission/ads' });
    expect([302, 303, 401]).toContain(staff.statusCode);
  });

  it('lets the commission link an unlinked page and upload reports and rates; auditors only read', async () => {
    const analyst = await loginAs(app, ctx, 'commission_analyst');
    const auditor = await loginAs(app, ctx, 'auditor');
    const screen = await app.inject({ url: `/ru/commission/ads?election=${E}`, headers: { cookie: analyst.cookie } });
    expect(screen.statusCode).toBe(200);
    expect(screen.body).toContain('Шайлоо жаңылыктары');
    const key = 'meta:id:109900005678771';
    const party = (await findingsOfElection(ctx.db, E)).find((f) => f.rule === 'ads.undeclared_spend')!.party;
    const form = (who: typeof analyst) => ({
      method: 'POST' as const,
      url: '/ru/commission/ads/links',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: who.cookie },
      payload: new URLSearchParams({
        _csrf: who.csrfToken,
        election: E,
        key,
        party,
        kind: 'supporter',
        status: 'confirmed',
      }).toString(),
    });
    expect((await app.inject(form(auditor))).statusCode).toBe(403);
    expect((await app.inject(form(analyst))).statusCode).toBe(303);
    const log = await activityFor(ctx.db, 'ad_link', `${E}/${key}/${party}`);
    expect(log.map((x) => [x.action, x.actor])).toEqual([['ads.link_confirmed', `user:${analyst.user.login}`]]);
    const open = (await findingsOfElection(ctx.db, E)).filter((f) => f.status === 'open');
    expect(open.filter((f) => f.rule === 'ads.unlinked_advertiser')).toEqual([]);
    expect(open.filter((f) => f.rule === 'ads.third_party_spend').map((f) => f.party)).toContain(party);

    const upload = multipart(
      [
        ['_csrf', analyst.csrfToken],
        ['election', E],
        ['period', '2020-09-20..2020-09-26'],
      ],
      {
        field: 'file',
        name: 'weekly.csv',
        type: 'text/csv',
        bytes: Buffer.from(
          'Page ID,Page name,Disclaimer,Amount spent (USD),Number of ads in Library\n5,Жаңы бет,Жаңы бет,≤100,1\n',
        ),
      },
    );
    const up = await app.inject({
      method: 'POST',
      url: '/ru/commission/ads/reports',
      ...upload,
      headers: { ...upload.headers, cookie: analyst.cookie },
    });
    expect(up.statusCode, up.body.slice(0, 300)).toBe(303);
    expect((await get(`/ru/elections/${E}/ads`)).body).toContain('weekly.csv');

    const rates = multipart(
      [
        ['_csrf', analyst.csrfToken],
        ['election', E],
      ],
      {
        field: 'file',
        name: 'rates.csv',
        type: 'text/csv',
        bytes: Buffer.from('date,currency,rate\n2020-10-05,USD,81.0000\n2020-10-06,USD,oops\n'),
      },
    );
    const r = await app.inject({
      method: 'POST',
      url: '/ru/commission/ads/rates',
      ...rates,
      headers: { ...rates.headers, cookie: analyst.cookie },
    });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('oops');
    expect(r.body).toContain('role="alert"');
  });

  it('says the problems of an upload in the page’s language', async () => {
    const analyst = await loginAs(app, ctx, 'commission_analyst');
    const send = async (what: 'reports' | 'rates', name: string, text: string) => {
      const body = multipart(
        [
          ['_csrf', analyst.csrfToken],
          ['election', E],
        ],
        { field: 'file', name, type: 'text/csv', bytes: Buffer.from(text) },
      );
      const res = await app.inject({
        method: 'POST',
        url: `/ru/commission/ads/${what}`,
        ...body,
        headers: { ...body.headers, cookie: analyst.cookie },
      });
      const alert = /<div class="error-summary" role="alert">([\s\S]*?)<\/div>/.exec(res.body)?.[1] ?? '';
      return { status: res.statusCode, alert: alert.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'") };
    };

    const unknown = await send('reports', 'other.csv', 'a,b,c\n1,2,3\n');
    expect(unknown.status).toBe(422);
    expect(unknown.alert).toContain('Строка 1: Файл не является ни отчётом Meta Ad Library Report');
    expect(unknown.alert).not.toContain('The file is neither');

    const rates = await send('rates', 'rates.csv', 'date,currency,rate\n2020-10-05,USD,81.0000\n2020-10-06,USD,oops\n');
    expect(rates.alert).toContain('Строка 3: «oops» — не положительный курс');
    expect(rates.alert).not.toContain('is not a positive rate');
  });
});
