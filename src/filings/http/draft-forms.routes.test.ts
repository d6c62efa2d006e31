// Forms of a draft that must not lose work: a refused line comes back with everything typed and every
// problem at once, the draft's period can be corrected, and an impossible period is refused at once.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { buildAuthTestApp, loginAs, type SignedIn } from '../../accounts/test-support.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { filingRoutes } from './site.ts';
import {
  FILING_ELECTION,
  filingTestContext,
  PARTY_A,
  setupFilingElection,
  type FilingTestContext,
} from '../filing.test-support.ts';

const A = PARTY_A.registrationNumber;
const E = FILING_ELECTION.id;

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describeEachDatabase('draft forms that keep what was typed', (get) => {
  let t: FilingTestContext;
  let ctx: AppContext;
  let app: FastifyInstance;
  let treasurer: SignedIn;

  beforeAll(async () => {
    t = filingTestContext(get().db);
    ctx = t.ctx;
    await setupFilingElection(ctx);
    app = await buildAuthTestApp(ctx, async (a) => {
      await filingRoutes(a, ctx);
    });
    treasurer = await loginAs(app, ctx, 'party_treasurer', { party: A });
  });
  afterAll(async () => {
    await app?.close();
    t?.close();
  });

  const post = (url: string, fields: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url,
      payload: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...treasurer.headers },
    });
  const draftIdOf = (res: LightMyRequestResponse) =>
    Number(/\/treasurer\/drafts\/(\d+)/.exec(String(res.headers.location))?.[1]);
  const newDraft = (periodFrom: string, periodTo: string, reportKind = 'first') =>
    post('/en/treasurer/drafts', { electionId: E, party: A, reportKind, periodFrom, periodTo });

  it('refuses impossible periods when the draft is created, all problems at once, keeping the values', async () => {
    // The test clock stands at 20 October 2030; the election was called on 1 December 2029.
    const future = await newDraft('2030-10-01', '2030-11-30');
    expect(future.statusCode).toBe(422);
    expect(text(future.body)).toContain('2030-11-30');
    expect(future.body).toMatch(/href="#f-new-periodTo"/);
    const before = await newDraft('2029-11-01', '2030-09-10', 'initial');
    expect(before.statusCode).toBe(422);
    expect(before.body).toMatch(/href="#f-new-periodFrom"/);
    expect(before.body).toContain('value="2029-11-01"');
    expect(text(before.body)).toContain('before the election was called (2029-12-01)');
    const reversed = await newDraft('2030-09-20', '2030-09-10');
    expect(reversed.statusCode).toBe(422);
    expect(reversed.body).toMatch(/href="#f-new-periodTo"/);
    // Everything wrong at once is named at once.
    const all = await post('/en/treasurer/drafts', {
      electionId: E,
      party: '',
      reportKind: 'first',
      periodFrom: '2030-12-01',
      periodTo: '2030-11-01',
    });
    expect(all.statusCode).toBe(422);
    for (const field of ['party', 'periodFrom', 'periodTo'])
      expect(all.body, field).toContain(`href="#f-new-${field}"`);
    expect(text(all.body)).toContain('starts (2030-12-01) after it ends (2030-11-01)');
    expect(await ctx.db.selectFrom('filing_chains').select('id').execute()).toEqual([]);
  });

  it('keeps every value of a refused line and names every problem in one answer', async () => {
    const created = await newDraft('2030-09-05', '2030-09-25');
    expect(created.statusCode).toBe(303);
    const base = `/en/treasurer/drafts/${draftIdOf(created)}`;
    const typed = {
      date: '2030-13-45',
      donorType: 'individual',
      donorName: 'Асанова Айгуль (synthetic)',
      donorPin: '12345',
      donorAddress: 'Бишкек, ул. Токтогула, 1',
      amount: 'lots',
      channel: 'bank_transfer',
      bankReference: 'PP-77',
    };
    const bad = await post(`${base}/lines/receipts`, typed);
    expect(bad.statusCode).toBe(422);
    for (const field of ['date', 'donorPin', 'amount'])
      expect(bad.body, field).toContain(`href="#f-receipts-${field}"`);
    for (const value of ['2030-13-45', 'Асанова Айгуль (synthetic)', '12345', 'lots', 'PP-77'])
      expect(bad.body, value).toContain(`value="${value}"`);

    // The same on the page that edits a line.
    expect(
      (
        await post(`${base}/lines/receipts`, {
          ...typed,
          date: '2030-09-10',
          donorPin: '21503198500123',
          amount: '100',
        })
      ).statusCode,
    ).toBe(303);
    const edit = await post(`${base}/lines/receipts/0`, { ...typed, lineId: 'R-1', expectedLineId: 'R-1' });
    expect(edit.statusCode).toBe(422);
    for (const field of ['date', 'donorPin', 'amount']) expect(edit.body, field).toContain(`href="#f-line-${field}"`);
    for (const value of ['2030-13-45', '12345', 'lots', 'PP-77'])
      expect(edit.body, value).toContain(`value="${value}"`);
  });

  it('lets the treasurer correct the period of a draft, refusing an impossible one', async () => {
    const created = await newDraft('2030-09-06', '2030-09-25');
    const id = draftIdOf(created);
    const base = `/en/treasurer/drafts/${id}`;
    const page = await app.inject({ method: 'GET', url: base, headers: { cookie: treasurer.cookie } });
    expect(page.body).toMatch(/name="periodFrom"/);
    const header = {
      periodFrom: '2030-09-07',
      periodTo: '2030-09-24',
      bank: 'Айыл Банк',
      accountNumber: '1240001',
      openingBalance: '0',
      closingBalance: '0',
      signerName: 'Сыноов Бакыт',
      signerPosition: 'Казначей',
    };
    const future = await post(`${base}/header`, { ...header, periodTo: '2030-12-01' });
    expect(future.statusCode).toBe(422);
    expect(future.body).toContain('value="2030-12-01"');
    const early = await post(`${base}/header`, { ...header, periodFrom: '2029-11-30' });
    expect(early.statusCode).toBe(422);
    expect(early.body).toMatch(/href="#f-header-periodFrom"/);
    // The report of the test before already starts on 5 September.
    const taken = await post(`${base}/header`, { ...header, periodFrom: '2030-09-05' });
    expect(taken.statusCode).toBe(422);
    expect(text(taken.body)).toContain('Another report of this kind already starts on 2030-09-05');
    expect((await post(`${base}/header`, header)).statusCode).toBe(303);
    const chain = await ctx.db
      .selectFrom('filing_chains')
      .selectAll()
      .where('party_registration_number', '=', A)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect([chain.period_from, chain.period_to]).toEqual(['2030-09-07', '2030-09-24']);
    const after = await app.inject({ method: 'GET', url: base, headers: { cookie: treasurer.cookie } });
    expect(after.body).toContain('value="2030-09-07"');
    const log = await ctx.db
      .selectFrom('activity_log')
      .select('action')
      .where('action', '=', 'filing.draft.header.update')
      .execute();
    expect(log.length).toBeGreaterThanOrEqual(1);
  });
});
