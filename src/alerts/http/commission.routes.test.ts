// The commission's webhook screen on the demo: administrators only; a created webhook's secret is shown
// on the answer and never again; an address that is not http(s) is refused with the form kept; removal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO,
  expectOnlyAdminPosts,
  form,
  startCommissionServer,
  text,
  type CommissionServer,
} from '../../../test/portal/commission-support.ts';

const URL_ = '/en/commission/webhooks';

describe('commission webhooks screen', () => {
  let s: CommissionServer;
  beforeAll(async () => {
    s = await startCommissionServer();
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  it('opens to commission administrators only', async () => {
    const r = await s.inject({ url: URL_, headers: { cookie: s.admin.cookie } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    for (const role of ['commission_analyst', 'auditor', 'party_treasurer', 'bank_officer'] as const) {
      expect((await s.inject({ url: URL_, headers: { cookie: s.who[role].cookie } })).statusCode, role).toBe(403);
    }
    expect((await s.inject(URL_)).statusCode).toBe(401);
    await expectOnlyAdminPosts(s, [
      { url: URL_, body: (who) => form({ electionId: DEMO, url: 'https://news.example/hook' }, who) },
    ]);
  });

  it('shows the secret once, lists the webhook, and removes it', async () => {
    const created = await s.inject({
      method: 'POST',
      url: URL_,
      ...form({ electionId: DEMO, party: s.demoParty, url: 'https://news.example/hook' }, s.admin),
    });
    expect(created.statusCode).toBe(201);
    const secret = /<code id="webhook-secret">([0-9a-f]{64})<\/code>/.exec(created.body)?.[1];
    expect(secret).toBeDefined();
    const list = await s.inject({ url: URL_, headers: { cookie: s.admin.cookie } });
    expect(text(list.body)).toContain('https://news.example/hook');
    expect(list.body).not.toContain(secret ?? 'no secret');
    const action = new RegExp(`action="(${URL_}/(\\d+)/remove)"`).exec(list.body)?.[1];
    expect(action).toBeDefined();
    const removed = await s.inject({ method: 'POST', url: action ?? '', ...form({}, s.admin) });
    expect(removed.statusCode).toBe(303);
    const after = await s.inject({ url: removed.headers.location as string, headers: { cookie: s.admin.cookie } });
    expect(text(after.body)).toContain('Webhook removed.');
    expect(text(after.body)).not.toContain('https://news.example/hook');
  });

  it('refuses an address that is not http or https and keeps what was typed', async () => {
    const r = await s.inject({
      method: 'POST',
      url: URL_,
      ...form({ electionId: DEMO, url: 'ftp://news.example/drop' }, s.admin),
    });
    expect(r.statusCode).toBe(422);
    expect(text(r.body)).toContain('The address must be an http or https URL.');
    expect(r.body).toContain('value="ftp://news.example/drop"');
    expect(r.body).not.toContain('webhook-secret');
  });
});
