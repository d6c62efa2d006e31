// The commission's page of a filed report: the report as filed, with the donors' PINs and addresses that
// the public page of the same version never shows, what the filing validation says of it in the page's
// language, and the way to the compliance findings; refused to a treasurer and to an anonymous visitor.
// The public page shows the lines' dates in words of its language.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { buildAuthTestApp, loginAs, type SignedIn } from '../../accounts/test-support.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { som } from '../../domain/money.ts';
import { buildFiling } from '../core/filing-build.ts';
import { submitFiling } from '../submission.service.ts';
import { filingRoutes } from './site.ts';
import {
  FILING_ELECTION,
  filingTestContext,
  PARTY_A,
  SECRET_ADDRESS,
  SECRET_PIN,
  setupFilingElection,
  validFiling,
  type FilingTestContext,
} from '../filing.test-support.ts';

const A = PARTY_A.registrationNumber;

/** Text of an HTML body without tags, entities decoded where tests compare words. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describeEachDatabase('the commission’s page of a filed report', (get) => {
  let t: FilingTestContext;
  let ctx: AppContext;
  let app: FastifyInstance;
  let filingId = 0;

  beforeAll(async () => {
    t = filingTestContext(get().db);
    ctx = t.ctx;
    await setupFilingElection(ctx);
    app = await buildAuthTestApp(ctx, (a) => filingRoutes(a, ctx));
    const base = validFiling(A);
    // A gift from a person whose PIN the report does not give: filed, with a warning.
    const doc = buildFiling({
      header: base.header,
      receipts: [
        ...base.receipts,
        {
          lineId: 'R-3',
          date: '2030-09-23',
          donorType: 'individual',
          donorName: 'Беспиновый Донор (synthetic)',
          amount: som(1_000),
          channel: 'bank_transfer',
        },
      ],
      expenditures: base.expenditures,
    });
    const filed = await submitFiling(ctx, JSON.parse(JSON.stringify(doc)), { actor: 'test', idempotencyKey: null });
    if (!filed.ok) throw new Error(JSON.stringify(filed.error));
    filingId = filed.value.filingId;
  });
  afterAll(async () => {
    await app?.close();
    t?.close();
  });

  const getAs = (url: string, who?: SignedIn) =>
    app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });

  it('shows the commission the report as filed, PIN and address included, which the public page never shows', async () => {
    for (const role of ['commission_analyst', 'commission_admin'] as const) {
      const staff = await loginAs(app, ctx, role);
      const res = await getAs(`/en/commission/reports/${filingId}`, staff);
      expect(res.statusCode, role).toBe(200);
      expect(res.headers['cache-control'], role).toBe('no-store');
      const page = text(res.body);
      expect(page).toContain('The report as filed');
      expect(page).toContain(SECRET_PIN);
      expect(page).toContain(SECRET_ADDRESS);
      expect(page).toContain('Donor PIN');
      // Every line of every section, with its anchor, and the status form kept.
      for (const id of ['receipt-R-1', 'receipt-R-2', 'receipt-R-3', 'expenditure-E-1'])
        expect(res.body).toContain(`id="${id}"`);
      expect(res.body).toContain(`action="/en/commission/reports/${filingId}/status"`);
      expect(res.body).toContain(
        `href="/en/commission/findings?election=${encodeURIComponent(FILING_ELECTION.id)}&amp;party=${A}"`,
      );
      expect(res.body).toContain(`href="/en/reports/${filingId}"`);
    }
    for (const locale of ['ky', 'ru', 'en']) {
      const pub = await getAs(`/${locale}/reports/${filingId}`);
      expect(pub.statusCode).toBe(200);
      expect(pub.body).not.toContain(SECRET_PIN);
      expect(pub.body).not.toContain(SECRET_ADDRESS);
    }
  });

  it('shows what the filing validation says of it, by line and field, in the page’s language', async () => {
    const analyst = await loginAs(app, ctx, 'commission_analyst');
    const en = text((await getAs(`/en/commission/reports/${filingId}`, analyst)).body);
    expect(en).toContain('Validation results');
    expect(en).toMatch(/\d+ warnings?/);
    expect(en).toMatch(/Receipts, line 3 \(R-3\): [^(]+\(Donor PIN\)/);
    const res = await getAs(`/ru/commission/reports/${filingId}`, analyst);
    expect(res.body).toContain('href="#receipt-R-3"');
    const ru = text(res.body);
    expect(ru).toContain('Результаты проверки');
    expect(ru).toMatch(/Предупреждений: \d+/);
    expect(ru).toContain('(ПИН жертвователя)');
    expect(ru).toContain('Отчёт в поданном виде');
  });

  it('refuses the page to a treasurer of the party and to an anonymous visitor', async () => {
    const treasurer = await loginAs(app, ctx, 'party_treasurer', { party: A });
    for (const who of [treasurer, undefined]) {
      const res = await getAs(`/en/commission/reports/${filingId}`, who);
      expect(res.statusCode).not.toBe(200);
      expect(res.statusCode).toBeGreaterThanOrEqual(300);
      expect(res.body).not.toContain(SECRET_PIN);
      expect(res.body).not.toContain(SECRET_ADDRESS);
    }
  });

  it('shows the lines’ dates on the public report page in words of its language, not as ISO dates', async () => {
    const ru = text((await getAs(`/ru/reports/${filingId}`)).body);
    expect(ru).toContain('20 сентября 2030 г.');
    const en = text((await getAs(`/en/reports/${filingId}`)).body);
    expect(en).toContain('20 September 2030');
    for (const page of [ru, en]) expect(page).not.toContain('2030-09-20');
  });
});
