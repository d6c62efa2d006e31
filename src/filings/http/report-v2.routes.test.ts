// A report filed in the v2 format on its public page, in its JSON and in its CSV files: the gifts in kind
// and the loans are there (the loan with what is still owed), in every language, with PIN-shaped numbers
// typed into free text masked, and no donor's or lender's PIN or address anywhere. A v1 report's public
// document stays exactly what it was.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { GIFT, LENDER, v2Report } from '../../../test/finance/v2-report.ts';
import { bearerAs, buildAuthTestApp } from '../../accounts/test-support.ts';
import { LOCALES } from '../../domain/election.ts';
import { filingSchema } from '../core/filing.ts';
import { toPublicFiling } from '../core/public-filing.ts';
import {
  asInput,
  filingTestContext,
  mountFilingApi,
  PARTY_A,
  SECRET_ADDRESS,
  SECRET_PIN,
  SECRET_PIN_2,
  setupFilingElection,
  validFiling,
  type FilingTestContext,
} from '../filing.test-support.ts';
import type { FilingV2Input } from '../index.ts';
import { filingRoutes } from './site.ts';

/** A PIN typed into the free text of a gift's description and a loan's lender name: masked when published. */
const TYPED_PIN = '22512197700456';
/** What a PIN typed without spaces becomes. */
const MASKED = '•'.repeat(14);
const LEGAL_LENDER = 'Микрокредит ОсОО (synthetic)';
const LEGAL_INN = '01234567890123';

/** The registers' v2 report with a second gift and a legal entity's loan, both with a PIN in their text. */
function report(): FilingV2Input {
  const doc = v2Report();
  doc.inKind.push({
    lineId: 'K-2',
    date: '2030-09-16',
    donorType: 'individual',
    donorName: 'Бекова Айгуль (synthetic)',
    donorPin: SECRET_PIN_2,
    donorAddress: SECRET_ADDRESS,
    estimatedValue: 1_000_000,
    valuation: 'invoice',
    description: `Posters printed, paid by ${TYPED_PIN}`,
  });
  doc.loans.push({
    lineId: 'L-2',
    date: '2030-09-12',
    lenderType: 'legal_entity',
    lenderName: `${LEGAL_LENDER} ${TYPED_PIN}`,
    lenderInn: LEGAL_INN,
    amount: 10_000_000,
    annualRatePercent: 0,
    termMonths: 12,
    repayments: [],
    status: 'outstanding',
  });
  return doc;
}

describeEachDatabase('a v2 report on its public page, in its JSON and CSV', (get) => {
  let t: FilingTestContext;
  let app: FastifyInstance;
  let v2Id: number;
  let v1Id: number;
  let v1Body: string;
  const seen: LightMyRequestResponse[] = [];

  beforeAll(async () => {
    t = filingTestContext(get().db);
    await setupFilingElection(t.ctx);
    app = await buildAuthTestApp(t.ctx, async (a) => {
      await filingRoutes(a, t.ctx);
      await mountFilingApi(a, t.ctx);
    });
    const token = await bearerAs(t.ctx, 'party_treasurer', ['filings:write', 'filings:submit'], {
      party: PARTY_A.registrationNumber,
    });
    const file = async (payload: unknown, key: string) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/filings',
        payload: payload as Record<string, unknown>,
        headers: { ...token.headers, 'idempotency-key': key },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().data.id as number;
    };
    v2Id = await file(report(), 'report-v2');
    v1Id = await file(asInput(validFiling(PARTY_A.registrationNumber, { periodFrom: '2030-09-06' })), 'report-v1');
    const row = await t.ctx.db
      .selectFrom('filings')
      .select('body_json')
      .where('id', '=', v1Id)
      .executeTakeFirstOrThrow();
    v1Body = row.body_json;
  });
  afterAll(async () => {
    await app?.close();
    t?.close();
  });

  const get200 = async (url: string) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    seen.push(res);
    return res;
  };
  /** The page's text with tags taken out and spaces of any kind made one. */
  const textOf = (html: string) =>
    html
      .replace(/<[^>]+>/g, ' ')
      .replace(/[\s\u00a0\u202f]+/g, ' ')
      .replace(/&#x27;|&#39;/g, "'");

  it('shows the gifts in kind and the loans, with the balance outstanding, in every language', async () => {
    const words = {
      ky: ['Натуралай берилген кайрымдуулуктар (2)', 'Алынган карыздар (2)', 'Калган карыз', 'Кечирилди'],
      ru: ['Пожертвования в натуральной форме (2)', 'Полученные займы (2)', 'Остаток долга', 'Прощён', '12,5 %'],
      en: ['Gifts in kind (2)', 'Loans (2)', 'Balance outstanding', 'Forgiven', '12.5%', '6 months', 'Market price'],
    } as const;
    for (const l of LOCALES) {
      const html = (await get200(`/${l}/reports/${v2Id}`)).body;
      const text = textOf(html);
      for (const w of [...words[l], GIFT, LENDER, 'Асанов Асан (synthetic)', LEGAL_LENDER])
        expect(text, l).toContain(w);
      // The loan of 500 000 som repaid 200 000: 300 000 still owed; the estimated value of the gift.
      expect(text, l).toMatch(/300[ ,.]?000/);
      expect(text, l).toMatch(/123[ ,.]?456/);
      // A legal entity's INN is public; the typed PIN is masked.
      expect(text).toContain(LEGAL_INN);
      expect(text).toContain(`Posters printed, paid by ${MASKED}`);
      expect(html).toContain('id="in-kind-K-1"');
      expect(html).toContain('id="loan-L-1"');
      expect(html).toContain(`href="/reports/${v2Id}/in-kind.csv"`);
      expect(html).toContain(`href="/reports/${v2Id}/loans.csv"`);
      // Cards, not a table wider than a phone.
      expect(html).toContain('<ul class="cards">');
    }
  });

  it('publishes them in the JSON of the version, as public lines', async () => {
    const doc = (await get200(`/api/v1/filings/${v2Id}`)).json().data.document;
    expect(doc.format).toBe('talapker-filing-v2');
    expect(doc.receipts).toHaveLength(2);
    expect(doc.inKind).toEqual([
      {
        lineId: 'K-1',
        date: '2030-09-15',
        donorType: 'individual',
        donorName: 'Асанов Асан (synthetic)',
        estimatedValue: 12_345_600,
        valuation: 'market_price',
        description: GIFT,
      },
      {
        lineId: 'K-2',
        date: '2030-09-16',
        donorType: 'individual',
        donorName: 'Бекова Айгуль (synthetic)',
        estimatedValue: 1_000_000,
        valuation: 'invoice',
        description: `Posters printed, paid by ${MASKED}`,
      },
    ]);
    expect(doc.loans).toEqual([
      {
        lineId: 'L-1',
        date: '2030-09-10',
        lenderType: 'individual',
        lenderName: LENDER,
        amount: 50_000_000,
        annualRatePercent: 12.5,
        termMonths: 6,
        repayments: [{ date: '2030-09-20', amount: 20_000_000 }],
        status: 'forgiven',
      },
      {
        lineId: 'L-2',
        date: '2030-09-12',
        lenderType: 'legal_entity',
        lenderName: `${LEGAL_LENDER} ${MASKED}`,
        lenderInn: LEGAL_INN,
        amount: 10_000_000,
        annualRatePercent: 0,
        termMonths: 12,
        repayments: [],
        status: 'outstanding',
      },
    ]);
  });

  it('has them in CSV files beside the v1 sections', async () => {
    const inKind = await get200(`/reports/${v2Id}/in-kind.csv`);
    expect(inKind.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(inKind.body.startsWith('\ufefflineId,date,donorType,donorName,donorInn,estimatedValue_som,valuation')).toBe(
      true,
    );
    expect(inKind.body).toContain(`K-1,2030-09-15,individual,Асанов Асан (synthetic),,123456.00,market_price,${GIFT}`);
    const loans = (await get200(`/reports/${v2Id}/loans.csv`)).body;
    expect(loans).toContain(`L-1,2030-09-10,individual,${LENDER},,500000.00,12.5,6,200000.00,300000.00,forgiven`);
    expect(loans).toContain(`,${LEGAL_INN},100000.00,0,12,0.00,100000.00,outstanding`);
    for (const s of ['receipts', 'expenditures', 'refunds']) await get200(`/reports/${v2Id}/${s}.csv`);
    // A v1 version has neither section, so neither file.
    for (const f of ['in-kind', 'loans'])
      expect((await app.inject({ method: 'GET', url: `/reports/${v1Id}/${f}.csv` })).statusCode).toBe(404);
  });

  it('keeps a v1 version’s public JSON and page as they were', async () => {
    const doc = (await get200(`/api/v1/filings/${v1Id}`)).json().data.document;
    expect(doc).toEqual(JSON.parse(JSON.stringify(toPublicFiling(filingSchema.parse(JSON.parse(v1Body))))));
    expect(Object.keys(doc)).toEqual(['format', 'header', 'receipts', 'expenditures', 'refunds', 'attachments']);
    const html = (await get200(`/en/reports/${v1Id}`)).body;
    expect(html).not.toContain('Gifts in kind');
    expect(html).not.toContain('in-kind.csv');
    expect(html).not.toContain('id="loans"');
  });

  it('shows no donor’s or lender’s PIN or address on the page, in the JSON or in any CSV', async () => {
    for (const l of LOCALES) await get200(`/${l}/reports/${v2Id}`);
    for (const f of ['in-kind', 'loans', 'receipts']) await get200(`/reports/${v2Id}/${f}.csv`);
    await get200(`/api/v1/filings/${v2Id}`);
    expect(seen.length).toBeGreaterThan(15);
    for (const res of seen) {
      const text = `${JSON.stringify(res.headers)}\n${res.body}`;
      for (const secret of [SECRET_PIN, SECRET_PIN_2, SECRET_ADDRESS, 'Секретная', TYPED_PIN, 'donorPin', 'lenderPin'])
        expect(text, res.raw.req.url).not.toContain(secret);
    }
  });
});
