// The registers of gifts in kind and of loans, end to end: a v2 report filed through the API shows its
// gift and its loan on both pages and in their downloads, an amendment replaces them rather than adding
// to them, and the donor's and lender's PIN and address appear in none of it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { bearerAs, buildAuthTestApp } from '../../accounts/test-support.ts';
import {
  asInput,
  FILING_ELECTION,
  filingTestContext,
  mountFilingApi,
  PARTY_A,
  SECRET_ADDRESS,
  SECRET_PIN,
  SECRET_PIN_2,
  setupFilingElection,
  validFiling,
  type FilingTestContext,
} from '../../filings/filing.test-support.ts';
import type { FilingV2Input } from '../../filings/index.ts';
import { amendFiling } from '../../filings/draft.service.ts';
import { financeRoutes } from './public.routes.tsx';
import { GIFT, LENDER, v2Report } from '../../../test/finance/v2-report.ts';

const E = FILING_ELECTION.id;
const A = PARTY_A.registrationNumber;
describeEachDatabase('registers of gifts in kind and loans', (get) => {
  let t: FilingTestContext;
  let app: FastifyInstance;
  let token: { headers: { authorization: string } };
  const seen: LightMyRequestResponse[] = [];

  beforeAll(async () => {
    t = filingTestContext(get().db);
    await setupFilingElection(t.ctx);
    app = await buildAuthTestApp(t.ctx, async (a) => {
      await financeRoutes(a, t.ctx);
      await mountFilingApi(a, t.ctx);
    });
    token = await bearerAs(t.ctx, 'party_treasurer', ['filings:write', 'filings:submit'], { party: A });
  });
  afterAll(async () => {
    await app?.close();
    t?.close();
  });

  const file = (doc: FilingV2Input, key: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/filings',
      payload: doc,
      headers: { ...token.headers, 'idempotency-key': key },
    });
  const get200 = async (url: string) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    seen.push(res);
    return res;
  };

  it('files a v2 report through the API and stores it as filed', async () => {
    // Before any report a register says there is nothing yet, not that a filter hid it.
    for (const register of ['in-kind', 'loans']) {
      const empty = (await get200(`/en/elections/${E}/${register}`)).body;
      expect(empty).toContain('No lines have been reported yet.');
      expect(empty).not.toContain('No lines match the filters.');
    }
    const res = await file(v2Report(), 'v2-first');
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().data.id as number;
    const row = await t.ctx.db.selectFrom('filings').select('body_json').where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.parse(row.body_json)).toMatchObject({ format: 'talapker-filing-v2', inKind: [{ lineId: 'K-1' }] });
    // The public JSON of the report reads it (its v1 part), and the web form does not open it for amending.
    expect((await app.inject({ method: 'GET', url: `/api/v1/filings/${id}` })).statusCode).toBe(200);
    const amend = await amendFiling(t.ctx, id, 'user:test');
    expect(!amend.ok && amend.error[0]?.code).toBe('amend.v2_by_api');
    // The same request again is the same report.
    expect((await file(v2Report(), 'v2-first')).statusCode).toBe(200);
    // A v2 report's own rules refuse it: repayments of more than the loan.
    const bad = v2Report();
    bad.loans[0]!.repayments = [{ date: '2030-09-20', amount: 60_000_000 }];
    const refused = await file(bad, 'v2-bad');
    expect(refused.statusCode).toBe(422);
    expect(JSON.stringify(refused.json())).toContain('loan.repayments_exceed_amount');
    // A party's registration number is a party's fund: a header saying "a candidate's" is refused.
    const candidate = v2Report();
    candidate.header.filer = { kind: 'candidate', candidateId: 1 };
    const notHere = await file(candidate, 'v2-candidate');
    expect(notHere.statusCode).toBe(422);
    expect(JSON.stringify(notHere.json())).toContain('submit.filer_kind');
  });

  it('shows the gift on the in-kind register and in its CSV, in every language', async () => {
    for (const l of ['ky', 'ru', 'en'] as const) {
      const page = await get200(`/${l}/elections/${E}/in-kind`);
      expect(page.body).toContain(GIFT);
      expect(page.body).toContain('Асанов Асан (synthetic)');
    }
    const en = (await get200(`/en/elections/${E}/in-kind`)).body;
    expect(en).toContain('Market price');
    expect(en).toMatch(/123[\s\u00a0,]*456/);
    const csv = await get200(`/en/elections/${E}/in-kind.csv`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body).toContain('estimated_value_som');
    expect(csv.body).toContain(GIFT);
    expect(csv.body).toContain('123456.00');
    expect(csv.body).toContain('12345600');
  });

  it('shows the loan with its repayments and balance on the loans register and in its CSV', async () => {
    const en = (await get200(`/en/elections/${E}/loans`)).body;
    expect(en).toContain(LENDER);
    expect(en).toContain('12.5%');
    expect(en).toContain('6 months');
    expect(en).toContain('Forgiven');
    for (const l of ['ky', 'ru'] as const) expect((await get200(`/${l}/elections/${E}/loans`)).body).toContain(LENDER);
    const csv = (await get200(`/en/elections/${E}/loans.csv`)).body;
    expect(csv).toContain(LENDER);
    expect(csv).toMatch(/500000\.00,50000000,12\.5,6,200000\.00,20000000,300000\.00,30000000,forgiven/);
  });

  it('an amendment replaces the gift and the loan instead of adding to them', async () => {
    const amended = v2Report({ giftValue: 100_000, gift: 'Leaflets printed free (synthetic)' });
    const res = await file(amended, 'v2-amended');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().data.version).toBe(2);
    const page = (await get200(`/en/elections/${E}/in-kind`)).body;
    expect(page).toContain('Leaflets printed free');
    expect(page).not.toContain(GIFT);
    const latest = await t.ctx.db.selectFrom('loans').select('id').where('is_latest', '=', 1).execute();
    expect(latest).toHaveLength(1);
    const all = await t.ctx.db.selectFrom('in_kind_receipts').select('id').execute();
    expect(all).toHaveLength(2);
  });

  it('v1 reports still file, and have nothing on either register', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/filings',
      payload: asInput(validFiling(PARTY_A.registrationNumber, { periodFrom: '2030-09-06' })),
      headers: { ...token.headers, 'idempotency-key': 'v1-still' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await get200(`/en/elections/${E}/loans`)).body).toContain(LENDER);
  });

  it('answers 404 for an unknown election', async () => {
    expect((await app.inject({ method: 'GET', url: '/en/elections/nope/in-kind' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/en/elections/nope/loans.csv' })).statusCode).toBe(404);
  });

  it('never shows the PIN or the address of a donor or a lender', async () => {
    for (const f of ['json', 'xlsx'] as const) {
      await get200(`/en/elections/${E}/in-kind.${f}`);
      await get200(`/en/elections/${E}/loans.${f}`);
    }
    expect(seen.length).toBeGreaterThan(10);
    for (const res of seen) {
      const text = `${JSON.stringify(res.headers)}\n${res.body}`;
      for (const secret of [SECRET_PIN, SECRET_PIN_2, SECRET_ADDRESS, 'Секретная']) {
        expect(text, res.raw.req.url).not.toContain(secret);
      }
    }
  });
});
