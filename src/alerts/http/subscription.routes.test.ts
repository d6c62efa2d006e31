// E-mail notices with double opt-in, against a local SMTP server: asking mails a confirmation link and
// nothing else; a pending address hears nothing of a filed report; the confirmed one hears of its party's
// reports only, each message with an unsubscribe link that ends them; a confirmation link works once.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { bodyText } from '../../../test/support/mail-text.ts';
import {
  asInput,
  filingTestContext,
  FILING_ELECTION,
  PARTY_A,
  PARTY_B,
  setupFilingElection,
  validFiling,
  type FilingTestContext,
} from '../../filings/filing.test-support.ts';
import { submitFiling } from '../../filings/index.ts';
import { buildServer } from '../../server.ts';
import { drainMail } from '../index.ts';
import { REQUESTS_PER_DAY } from '../subscription.service.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const csrfFrom = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

interface Received {
  to: string;
  raw: string;
}

describeEachDatabase('e-mail notices with double opt-in', (get) => {
  const inbox: Received[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({
          to: session.envelope.rcptTo.map((r) => r.address).join(','),
          raw: Buffer.concat(chunks).toString('latin1'),
        });
        done();
      });
    },
  });
  let t: FilingTestContext;
  let app: FastifyInstance;
  let filed = 0;
  const file = async (party: string) => {
    const r = await submitFiling(t.ctx, asInput(validFiling(party)), {
      actor: 'treasurer',
      idempotencyKey: `mail-${(filed += 1)}`,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value.filingId;
  };
  /** An anonymous form: GET the page for its CSRF cookie and field, then POST. */
  async function anonymousPost(pageUrl: string, action: string, fields: Record<string, string>) {
    const page = await app.inject({ method: 'GET', url: pageUrl });
    const anon = page.cookies.find((c) => c.name === 'talapker_csrf')?.value ?? '';
    return app.inject({
      method: 'POST',
      url: action,
      headers: FORM,
      cookies: { talapker_csrf: anon },
      payload: new URLSearchParams({ _csrf: csrfFrom(page.body), ...fields }).toString(),
    });
  }
  const E = FILING_ELECTION.id;
  const A = PARTY_A.registrationNumber;

  beforeAll(async () => {
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    t = filingTestContext(get().db, {
      TALAPKER_PUBLIC_URL: 'http://talapker.test',
      TALAPKER_SMTP_HOST: '127.0.0.1',
      TALAPKER_SMTP_PORT: String(port),
      TALAPKER_SMTP_FROM: 'Talapker <no-reply@talapker.test>',
    });
    await setupFilingElection(t.ctx);
    app = await buildServer(t.ctx);
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await new Promise<void>((resolve) => smtp.close(resolve));
    t.close();
  });

  it('confirms by the mailed link, then mails each report of the party until unsubscribed', async () => {
    const form = `/en/elections/${E}/alerts?party=${encodeURIComponent(A)}`;
    expect((await app.inject({ method: 'GET', url: form })).statusCode).toBe(200);
    const asked = await anonymousPost(form, `/en/elections/${E}/alerts`, { email: 'desk@news.test', party: A });
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('a message with a confirmation link is on its way');
    expect(inbox).toHaveLength(1);
    expect(inbox[0]?.to).toBe('desk@news.test');
    const confirmLink = /http:\/\/talapker\.test(\/en\/alerts\/confirm\?token=[\w-]+)/.exec(
      bodyText(inbox[0]?.raw ?? ''),
    )?.[1];
    expect(confirmLink).toBeDefined();

    // Not confirmed yet: a filed report is mailed to nobody.
    await file(A);
    expect(await drainMail(t.ctx)).toBe(0);
    expect(inbox).toHaveLength(1);

    // Opening the link changes nothing by itself; the button does, once.
    const page = await app.inject({ method: 'GET', url: confirmLink ?? '' });
    expect(page.statusCode).toBe(200);
    const token = new URL(`http://x${confirmLink}`).searchParams.get('token') ?? '';
    expect(page.body).toContain(`value="${token}"`);
    const confirmed = await anonymousPost(confirmLink ?? '', '/en/alerts/confirm', { token });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('Subscription confirmed.');
    expect((await anonymousPost(confirmLink ?? '', '/en/alerts/confirm', { token })).statusCode).toBe(404);

    const filingId = await file(A);
    await file(PARTY_B.registrationNumber);
    expect(await drainMail(t.ctx)).toBe(1);
    expect(inbox).toHaveLength(2);
    const text = bodyText(inbox[1]?.raw ?? '');
    expect(text).toMatch(/filed a finance report in .+ \(version \d+\)/);
    expect(text).toContain(
      `http://talapker.test/en/elections/${E}/parties/${encodeURIComponent(A)}/finance#filing-${filingId}`,
    );
    const unsubscribeLink = /http:\/\/talapker\.test(\/en\/alerts\/unsubscribe\?token=[\w-]+)/.exec(text)?.[1];
    expect(unsubscribeLink).toBeDefined();

    const off = await anonymousPost(unsubscribeLink ?? '', '/en/alerts/unsubscribe', {
      token: new URL(`http://x${unsubscribeLink}`).searchParams.get('token') ?? '',
    });
    expect(off.statusCode).toBe(200);
    expect(off.body).toContain('You are unsubscribed.');
    await file(A);
    expect(await drainMail(t.ctx)).toBe(0);
    expect(inbox).toHaveLength(2);
  });

  it('refuses an address that is not one, and answers 404 for a party not in the election', async () => {
    const form = `/en/elections/${E}/alerts`;
    const bad = await anonymousPost(form, form, { email: 'not an address' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Check the e-mail address.');
    expect((await app.inject({ method: 'GET', url: `${form}?party=NO-SUCH` })).statusCode).toBe(404);
    expect((await anonymousPost(form, form, { email: 'a@b.test', party: 'NO-SUCH' })).statusCode).toBe(404);
  });

  it('mails at most a few confirmation requests a day to one address, answering the same', async () => {
    const form = `/en/elections/${E}/alerts`;
    const before = inbox.length;
    for (let i = 0; i < REQUESTS_PER_DAY + 2; i += 1) {
      const r = await anonymousPost(form, form, { email: 'target@news.test' });
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain('a message with a confirmation link is on its way');
    }
    expect(inbox.length - before).toBe(REQUESTS_PER_DAY);
  });
});
