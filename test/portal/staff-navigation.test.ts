// Staff find their screens from the navigation alone: after signing in, every page carries links to
// the screens their role may use, and each link answers. Anonymous pages carry none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../support/demo-server.ts';
import { loginAs } from '../../src/accounts/test-support.ts';
import type { Role } from '../../src/accounts/index.ts';

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer({ TALAPKER_LOG_LEVEL: 'error' });
}, 180_000);
afterAll(async () => server?.close());

const staffLinks = (html: string): string[] => {
  const nav = html.split('<nav class="staff"')[1]?.split('</nav>')[0] ?? '';
  return [...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? '');
};

/** Screens each role must reach from the page it lands on after sign-in (its account page). */
const EXPECTED: Record<Exclude<Role, 'auditor'>, string[]> = {
  party_treasurer: ['/en/treasurer', '/en/account'],
  commission_analyst: ['/en/commission/reports', '/en/commission/reconciliation', '/en/account'],
  commission_admin: [
    '/en/commission/reports',
    '/en/commission/reconciliation',
    '/en/lottery',
    '/en/account/users',
    '/en/account',
  ],
  bank_officer: ['/en/account'],
};

describe('staff navigation', () => {
  it('is absent on anonymous pages', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/en/' });
    expect(staffLinks(res.body)).toEqual([]);
  });

  for (const [role, expected] of Object.entries(EXPECTED) as Array<[Role, string[]]>) {
    it(`takes a ${role} to every screen of the role, each of which answers`, async () => {
      const who = await loginAs(
        server.app,
        server.ctx,
        role,
        role === 'party_treasurer' ? { party: '10021-3301-PP' } : role === 'bank_officer' ? { bank: 'KICB' } : {},
      );
      const landing = await server.app.inject({ method: 'GET', url: '/en/account', headers: { cookie: who.cookie } });
      expect(landing.statusCode).toBe(200);
      const links = staffLinks(landing.body);
      for (const href of expected) expect(links).toContain(href);
      for (const href of links) {
        const res = await server.app.inject({ method: 'GET', url: href, headers: { cookie: who.cookie } });
        expect(res.statusCode, `${href}: ${res.statusCode === 200 ? '' : res.body.slice(0, 1500)}`).toBe(200);
      }
    });
  }
});
