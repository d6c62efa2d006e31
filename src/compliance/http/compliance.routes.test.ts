// The findings over HTTP, in the application as the server builds it: who may read and review them,
// the confirmation step, the treasurer's answer for their own party only, and the public side, which
// shows nothing before the commission publishes and never an individual's PIN after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { openTestDatabase } from '../../../test/support/databases.ts';
import { buildServer } from '../../server.ts';
import { CAPABILITIES } from '../../capabilities.ts';
import { loginAs, type SignedIn } from '../../accounts/test-support.ts';
import type { AppContext } from '../../platform/app-context.ts';
import {
  insertFindings,
  REVIEW_ELECTION,
  REVIEW_PARTY_A,
  REVIEW_PARTY_B,
  reviewTestContext,
  sampleFinding,
  SECRET_DONOR_PIN,
  setupReviewElection,
} from '../test-support.ts';

const E = REVIEW_ELECTION.id;
const A = REVIEW_PARTY_A.registrationNumber;
const B = REVIEW_PARTY_B.registrationNumber;

const form = (who: SignedIn, fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: who.cookie },
  payload: new URLSearchParams({ _csrf: who.csrfToken, ...fields }).toString(),
});

describe('findings over HTTP', () => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let close: () => Promise<void>;
  const who = {} as Record<'admin' | 'analyst' | 'auditor' | 'treasurerA' | 'treasurerB' | 'bank', SignedIn>;
  const toConfirm = sampleFinding();
  const toDismiss = sampleFinding({ rule: 'donor.name_mismatch', severity: 'warning' });
  const toAsk = sampleFinding({ rule: 'prohibited.religious' });
  const ofB = sampleFinding({ party: B, rule: 'cap.individual' });

  const get = (url: string, w?: SignedIn) => app.inject({ url, headers: w ? { cookie: w.cookie } : {} });
  const post = (url: string, w: SignedIn, fields: Record<string, string>) =>
    app.inject({ method: 'POST', url, ...form(w, fields) } as InjectOptions);

  beforeAll(async () => {
    const t = await openTestDatabase('sqlite');
    ctx = reviewTestContext(t.db);
    await setupReviewElection(ctx);
    await insertFindings(ctx.db, [toConfirm, toDismiss, toAsk, ofB]);
    app = await buildServer(ctx, { capabilities: CAPABILITIES });
    await app.ready();
    who.admin = await loginAs(app, ctx, 'commission_admin');
    who.analyst = await loginAs(app, ctx, 'commission_analyst');
    who.auditor = await loginAs(app, ctx, 'auditor');
    who.treasurerA = await loginAs(app, ctx, 'party_treasurer', { party: A });
    who.treasurerB = await loginAs(app, ctx, 'party_treasurer', { party: B });
    who.bank = await loginAs(app, ctx, 'bank_officer');
    close = async () => {
      await app.close();
      await t.close();
    };
  }, 60_000);
  afterAll(async () => {
    await close?.();
  });

  it('lets commission staff and auditors read the findings, and refuses everyone else', async () => {
    for (const url of ['/en/commission/findings', `/en/commission/findings/${toConfirm.id}`]) {
      for (const w of [who.admin, who.analyst, who.auditor]) {
        const r = await get(url, w);
        expect(r.statusCode, url).toBe(200);
        expect(r.headers['cache-control']).toBe('no-store');
      }
      for (const w of [who.treasurerA, who.bank]) expect((await get(url, w)).statusCode, url).toBe(403);
      expect((await get(url)).statusCode).toBe(401);
    }
    expect((await get('/en/commission/findings/f-none', who.analyst)).statusCode).toBe(404);
  });

  it('filters, counts per rule, and shows the commission the donor’s PIN and the evidence', async () => {
    const list = await get(`/en/commission/findings?election=${E}&party=${B}`, who.analyst);
    expect(list.body).toContain(ofB.id);
    expect(list.body).not.toContain(toConfirm.id);
    expect(list.body).toContain('By rule');
    const page = await get(`/en/commission/findings/${toConfirm.id}`, who.analyst);
    expect(page.body).toContain(SECRET_DONOR_PIN);
    expect(page.body).toContain('Registry record (as of');
    expect(page.body).toContain('Art. 41(3)');
    expect(page.body).toContain('method="post"');
    expect((await get(`/en/commission/findings/${toConfirm.id}`, who.auditor)).body).not.toContain('method="post"');
  });

  it('confirms after a confirmation step; auditors and treasurers may not', async () => {
    const url = `/en/commission/findings/${toConfirm.id}/review`;
    expect((await post(url, who.auditor, { action: 'confirm' })).statusCode).toBe(403);
    expect((await post(url, who.treasurerA, { action: 'confirm' })).statusCode).toBe(403);
    const ask = await post(url, who.analyst, { action: 'confirm' });
    expect(ask.statusCode).toBe(200);
    expect(ask.body).toContain('name="confirmed" value="1"');
    const done = await post(url, who.analyst, { action: 'confirm', confirmed: '1' });
    expect(done.statusCode).toBe(303);
    const page = await get(`/en/commission/findings/${toConfirm.id}?done=confirm`, who.analyst);
    expect(page.body).toContain('Confirmed.');
    expect(page.body).toContain(`(user:${who.analyst.user.login})`);
  });

  it('refuses a dismissal without a reason with the form’s errors, and writes nothing', async () => {
    const r = await post(`/en/commission/findings/${toDismiss.id}/review`, who.analyst, { action: 'dismiss' });
    expect(r.statusCode).toBe(422);
    expect(r.body).toContain('error-summary');
    expect(r.body).toContain('Give a reason.');
    const none = await ctx.db
      .selectFrom('finding_review_events')
      .selectAll()
      .where('finding_id', '=', toDismiss.id)
      .execute();
    expect(none).toEqual([]);
  });

  it('asks the party; only its own treasurer sees the request and answers it', async () => {
    const asked = await post(`/en/commission/findings/${toAsk.id}/review`, who.analyst, {
      action: 'request_explanation',
      question: 'Which church is this?',
      deadline: '2030-12-01',
    });
    expect(asked.statusCode).toBe(303);
    const mine = await get('/en/treasurer/findings', who.treasurerA);
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain('Which church is this?');
    expect(mine.body).not.toContain(SECRET_DONOR_PIN);
    expect((await get('/en/treasurer/findings', who.treasurerB)).body).not.toContain('Which church');
    expect((await get('/en/treasurer/findings', who.bank)).statusCode).toBe(403);
    const url = `/en/treasurer/findings/${toAsk.id}/answer`;
    expect((await post(url, who.treasurerB, { answer: 'Not ours' })).statusCode).toBe(403);
    expect((await post(url, who.analyst, { answer: 'Analysts do not answer' })).statusCode).toBe(403);
    expect((await post(url, who.treasurerA, { answer: '' })).statusCode).toBe(422);
    const answered = await post(url, who.treasurerA, { answer: 'A mistake: it was returned on 2030-09-21.' });
    expect(answered.statusCode).toBe(303);
    expect((await get('/en/treasurer/findings', who.treasurerA)).body).not.toContain('Which church is this?');
    const page = await get(`/en/commission/findings/${toAsk.id}`, who.analyst);
    expect(page.body).toContain('A mistake: it was returned on 2030-09-21.');
  });

  describe('publication', () => {
    const register = `/en/elections/${E}/findings`;
    const partyPage = `/en/elections/${E}/parties/${A}`;
    const api = `/api/v1/elections/${E}/findings`;

    it('shows nothing before the commission publishes', async () => {
      expect((await get(register)).statusCode).toBe(404);
      const party = await get(partyPage);
      expect(party.statusCode).toBe(200);
      expect(party.body).not.toContain('compliance-findings');
      const r = await get(api);
      expect(r.statusCode).toBe(200);
      expect(r.json()).toEqual({ findings: [] });
      expect((await get('/api/v1/elections/no-such/findings')).statusCode).toBe(404);
    });

    it('is decided by administrators only, after a confirmation step', async () => {
      const url = `/en/commission/elections/${E}/findings/publication`;
      const fields = { publishFindings: '1', publishStatistics: '1' };
      expect((await post(url, who.analyst, fields)).statusCode).toBe(403);
      expect((await post(url, who.treasurerA, fields)).statusCode).toBe(403);
      expect((await post(`/en/commission/elections/no-such/findings/publication`, who.admin, fields)).statusCode).toBe(
        404,
      );
      const ask = await post(url, who.admin, fields);
      expect(ask.statusCode).toBe(200);
      expect(ask.body).toContain('name="confirmed" value="1"');
      expect((await get(register)).statusCode).toBe(404);
      expect((await post(url, who.admin, { ...fields, confirmed: '1' })).statusCode).toBe(303);
    });

    it('then shows the confirmed finding on the register, the party page and the API, never the PIN', async () => {
      const page = await get(register);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(toConfirm.id);
      expect(page.body).toContain('Statistics per rule');
      for (const open of [toDismiss.id, toAsk.id, ofB.id]) expect(page.body).not.toContain(open);
      const party = await get(partyPage);
      expect(party.body).toContain('compliance-findings');
      expect(party.body).toContain(toConfirm.id);
      const r = await get(api);
      const body = r.json() as { findings: Array<{ id: string; amount: number; donor: { name: string } }> };
      expect(body.findings.map((f) => f.id)).toEqual([toConfirm.id]);
      expect(body.findings[0]?.amount).toBe(5_000_000);
      for (const html of [page.body, party.body, r.body]) expect(html).not.toContain(SECRET_DONOR_PIN);
      const doc = (await get('/api/openapi.json')).json() as { paths: Record<string, unknown> };
      expect(Object.keys(doc.paths)).toContain('/api/v1/elections/{electionId}/findings');
    });
  });

  it('puts the findings screen in the staff navigation of who may read them, the requests in treasurers’', async () => {
    expect((await get('/en/account', who.analyst)).body).toContain('/en/commission/findings');
    const t = await get('/en/account', who.treasurerA);
    expect(t.body).toContain('/en/treasurer/findings');
    expect(t.body).not.toContain('/en/commission/findings');
  });
});
