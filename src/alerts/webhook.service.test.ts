// A webhook subscribed to a party receives a signed POST when that party files, through the real filing
// service, the event bus and the job queue; a receiver's failure is tried again after the schedule's
// wait, and after the last attempt the subscription is marked failing; another party's report sends nothing.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import {
  asInput,
  filingTestContext,
  FILING_ELECTION,
  PARTY_A,
  PARTY_B,
  setupFilingElection,
  validFiling,
  type FilingTestContext,
} from '../filings/filing.test-support.ts';
import { submitFiling } from '../filings/index.ts';
import { alerts, createWebhook, drainDeliveries, removeWebhook, verifySignature } from './index.ts';
import { findWebhook, listDeliveries } from './alerts.repository.ts';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS } from './core/webhook.ts';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on a local port that answers with the next status of `answers` (200 once they run out). */
async function receiver(): Promise<{ url: string; got: Received[]; answers: number[]; server: Server }> {
  const got: Received[] = [];
  const answers: number[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      got.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = answers.shift() ?? 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, got, answers, server };
}

describeEachDatabase('webhooks on filing', (getDb) => {
  let t: FilingTestContext;
  let r: Awaited<ReturnType<typeof receiver>>;
  let filed = 0;
  const file = async (party: string) => {
    const res = await submitFiling(t.ctx, asInput(validFiling(party)), {
      actor: 'treasurer',
      idempotencyKey: `k-${party}-${(filed += 1)}`,
    });
    if (!res.ok) throw new Error(JSON.stringify(res.error));
    return res.value;
  };
  const subscribe = async (party: string | null) => {
    const res = await createWebhook(t.ctx, { electionId: FILING_ELECTION.id, party, url: r.url }, 'user:admin');
    if (!res.ok) throw new Error(JSON.stringify(res.error));
    return res.value;
  };

  beforeAll(async () => {
    t = filingTestContext(getDb().db, {
      TALAPKER_PUBLIC_URL: 'https://talapker.example',
      TALAPKER_TOTP_KEY: 'ab'.repeat(32),
    });
    await setupFilingElection(t.ctx);
    alerts.subscribe?.(t.ctx.events, t.ctx);
    r = await receiver();
  });
  afterAll(async () => {
    await new Promise((resolve) => r.server.close(resolve));
    t.close();
  });
  beforeEach(() => {
    r.got.length = 0;
    r.answers.length = 0;
  });

  it('POSTs a notice signed with the subscription secret when the subscribed party files', async () => {
    const hook = await subscribe(PARTY_A.registrationNumber);
    const outcome = await file(PARTY_A.registrationNumber);
    expect(await drainDeliveries(t.ctx)).toBe(1);
    expect(r.got).toHaveLength(1);
    const [got] = r.got;
    const body = JSON.parse(got?.body ?? '{}') as Record<string, unknown>;
    expect(body).toEqual({
      event: 'filing.filed',
      electionId: FILING_ELECTION.id,
      party: PARTY_A.registrationNumber,
      filingId: outcome.filingId,
      version: outcome.version,
      url: `https://talapker.example/ky/elections/${FILING_ELECTION.id}/parties/${encodeURIComponent(PARTY_A.registrationNumber)}/finance#filing-${outcome.filingId}`,
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(verifySignature(hook.secret, got?.body ?? '', got?.headers['x-talapker-signature'] as string)).toBe(true);
    expect(verifySignature('another secret', got?.body ?? '', got?.headers['x-talapker-signature'] as string)).toBe(
      false,
    );
    expect(got?.headers['x-talapker-event']).toBe('filing.filed');
    expect(got?.headers['x-talapker-delivery']).toMatch(/^[0-9a-f-]{36}$/);
    expect(got?.headers['content-type']).toBe('application/json');
    // Nothing private: no PIN or address of a donor, nothing beyond the public fields above.
    expect(got?.body).not.toMatch(/\d{14}/);
    // The secret signs the notice, is never sent, and is kept sealed.
    expect(got?.body).not.toContain(hook.secret);
    const stored = (await findWebhook(getDb().db, hook.id))?.storedSecret ?? '';
    expect(stored.startsWith('sealed:')).toBe(true);
    expect(stored).not.toContain(hook.secret);
    expect(await drainDeliveries(t.ctx)).toBe(0);
    await removeWebhook(t.ctx, hook.id);
  });

  it('sends nothing to a party subscription when another party files', async () => {
    const hook = await subscribe(PARTY_A.registrationNumber);
    await file(PARTY_B.registrationNumber);
    expect(await drainDeliveries(t.ctx)).toBe(0);
    expect(r.got).toHaveLength(0);
    expect(await listDeliveries(getDb().db, hook.id)).toEqual([]);
    await removeWebhook(t.ctx, hook.id);
  });

  it('tries again after the wait when the receiver answers 500, and delivers on the 200', async () => {
    const hook = await subscribe(null);
    r.answers.push(500);
    t.clock.set('2030-10-21T06:00:00Z');
    await file(PARTY_B.registrationNumber);
    expect(await drainDeliveries(t.ctx)).toBe(1);
    expect(r.got).toHaveLength(1);
    const [first] = await listDeliveries(getDb().db, hook.id);
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 500 });
    // Not before the wait is over.
    t.clock.set(new Date(Date.parse('2030-10-21T06:00:00Z') + RETRY_DELAYS_MS[0]! - 5_000).toISOString());
    expect(await drainDeliveries(t.ctx)).toBe(0);
    t.clock.set(new Date(Date.parse('2030-10-21T06:00:00Z') + RETRY_DELAYS_MS[0]! + 1_000).toISOString());
    expect(await drainDeliveries(t.ctx)).toBe(1);
    expect(r.got).toHaveLength(2);
    // The same delivery, the same bytes, the same signature.
    expect(r.got[1]?.headers['x-talapker-delivery']).toBe(r.got[0]?.headers['x-talapker-delivery']);
    expect(r.got[1]?.body).toBe(r.got[0]?.body);
    expect(
      verifySignature(hook.secret, r.got[1]?.body ?? '', r.got[1]?.headers['x-talapker-signature'] as string),
    ).toBe(true);
    const [after] = await listDeliveries(getDb().db, hook.id);
    expect(after).toMatchObject({ status: 'delivered', attempts: 2, lastStatus: 200 });
    expect((await findWebhook(getDb().db, hook.id))?.status).toBe('active');
    await removeWebhook(t.ctx, hook.id);
  });

  it('gives up after the last attempt and marks the subscription failing', async () => {
    const hook = await subscribe(PARTY_A.registrationNumber);
    r.answers.push(...Array.from({ length: MAX_ATTEMPTS }, () => 503));
    let at = Date.parse('2030-10-23T06:00:00Z');
    t.clock.set(new Date(at).toISOString());
    await file(PARTY_A.registrationNumber);
    for (const wait of [0, ...RETRY_DELAYS_MS]) {
      at += wait + 1_000;
      t.clock.set(new Date(at).toISOString());
      expect(await drainDeliveries(t.ctx)).toBe(1);
    }
    expect(r.got).toHaveLength(MAX_ATTEMPTS);
    const [d] = await listDeliveries(getDb().db, hook.id);
    expect(d).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lastStatus: 503 });
    expect((await findWebhook(getDb().db, hook.id))?.status).toBe('failing');
    t.clock.set(new Date(at + 30 * 86_400_000).toISOString());
    expect(await drainDeliveries(t.ctx)).toBe(0);
    await removeWebhook(t.ctx, hook.id);
  });

  it('refuses addresses that are not http or https, and parties not in the election', async () => {
    const bad = await createWebhook(
      t.ctx,
      { electionId: FILING_ELECTION.id, party: null, url: 'file:///etc/passwd' },
      'x',
    );
    expect(bad.ok).toBe(false);
    const noParty = await createWebhook(t.ctx, { electionId: FILING_ELECTION.id, party: 'ZZ-999', url: r.url }, 'x');
    expect(noParty.ok).toBe(false);
    const noElection = await createWebhook(t.ctx, { electionId: 'no-such', party: null, url: r.url }, 'x');
    expect(noElection.ok).toBe(false);
  });
});
