import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { loadConfig } from '../../platform/config.ts';
import { bearerAs, buildAuthTestApp, loginAs, TEST_PASSWORD } from '../test-support.ts';
import multipart from '@fastify/multipart';
import { requirePermission } from './auth.plugin.ts';
import { EventBus } from '../../platform/event-bus.ts';
import { Memo } from '../../platform/memo.ts';

/** A route parameter of the dummy routes, read as every route reads its parameters: with zod. */
const paramOf = (req: FastifyRequest, name: string): string =>
  z.record(z.string(), z.string()).parse(req.params)[name] ?? '';

const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});
const csrfFrom = (html: string): string => {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF field in page');
  return m[1]!;
};

/** Dummy capability routes, guarded the way the filing and statement routes will be. */
async function dummyRoutes(app: FastifyInstance) {
  await app.register(multipart);
  app.post(
    '/test/upload/:bank',
    { preHandler: requirePermission('statement.upload', (req) => ({ bank: paramOf(req, 'bank') })) },
    async (req) => {
      const file = await req.file();
      return { name: file?.filename, size: file ? (await file.toBuffer()).length : 0 };
    },
  );
  const party = (req: FastifyRequest) => ({ partyRegistrationNumber: paramOf(req, 'party') });
  app.get('/test/drafts/:party', { preHandler: requirePermission('filing.draft.read', party) }, async () => ({
    ok: true,
  }));
  app.post('/test/drafts/:party', { preHandler: requirePermission('filing.draft.write', party) }, async () => ({
    saved: true,
  }));
  app.post(
    '/api/test/statements/:bank',
    { preHandler: requirePermission('statement.upload', (req) => ({ bank: paramOf(req, 'bank') })) },
    async () => ({
      uploaded: true,
    }),
  );
  app.get('/test/missing', { preHandler: requirePermission('filing.read', () => null) }, async () => ({ never: true }));
  app.get('/test/public', async () => ({ public: true }));
}

describeEachDatabase('auth plugin over HTTP', (get) => {
  const clock = new Date('2030-09-10T10:00:00Z');
  const ctx = (): AppContext => ({
    db: get().db,
    blobs: null as never,
    config: loadConfig({}),
    now: () => clock,
    events: new EventBus(),
    memo: new Memo(),
  });
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await buildAuthTestApp(ctx(), dummyRoutes);
  });
  afterAll(async () => {
    await app.close();
  });

  it('signs in through the form: the session cookie is HttpOnly, SameSite=Lax, Path=/', async () => {
    await loginAs(app, ctx(), 'party_treasurer', { login: 'form-treasurer', party: 'PARTY-A' });
    const page = await app.inject({ method: 'GET', url: '/en/account/login' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    const anon = page.cookies.find((c) => c.name === 'talapker_csrf');
    expect(anon?.httpOnly).toBe(true);
    const res = await app.inject({
      method: 'POST',
      url: '/en/account/login',
      ...form({
        _csrf: csrfFrom(page.body),
        login: 'form-treasurer',
        password: TEST_PASSWORD,
        next: '/test/drafts/PARTY-A',
      }),
      cookies: { talapker_csrf: anon!.value },
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/test/drafts/PARTY-A');
    const session = res.cookies.find((c) => c.name === 'talapker_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(session?.secure).toBeFalsy(); // plain http under the default `auto` setting
    const drafts = await app.inject({
      method: 'GET',
      url: '/test/drafts/PARTY-A',
      cookies: { talapker_session: session!.value },
    });
    expect(drafts.statusCode).toBe(200);
  });

  it('refuses the sign-in form without its CSRF token', async () => {
    const page = await app.inject({ method: 'GET', url: '/en/account/login' });
    const anon = page.cookies.find((c) => c.name === 'talapker_csrf')!;
    const res = await app.inject({
      method: 'POST',
      url: '/en/account/login',
      ...form({ login: 'form-treasurer', password: TEST_PASSWORD }),
      cookies: { talapker_csrf: anon.value },
    });
    expect(res.statusCode).toBe(403);
    expect(res.cookies.find((c) => c.name === 'talapker_session')).toBeUndefined();
  });

  it('refuses a state change without the CSRF token and accepts it with the token', async () => {
    const me = await loginAs(app, ctx(), 'party_treasurer', { party: 'PARTY-A' });
    const without = await app.inject({
      method: 'POST',
      url: '/test/drafts/PARTY-A',
      headers: { cookie: me.cookie },
      payload: { x: 1 },
    });
    expect(without.statusCode).toBe(403);
    const wrong = await app.inject({
      method: 'POST',
      url: '/test/drafts/PARTY-A',
      headers: { cookie: me.cookie, 'x-csrf-token': 'forged-token' },
      payload: { x: 1 },
    });
    expect(wrong.statusCode).toBe(403);
    const withHeader = await app.inject({
      method: 'POST',
      url: '/test/drafts/PARTY-A',
      headers: me.headers,
      payload: { x: 1 },
    });
    expect(withHeader.statusCode).toBe(200);
    expect(withHeader.json()).toEqual({ saved: true });
    const withField = await app.inject({
      method: 'POST',
      url: '/test/drafts/PARTY-A',
      ...form({ _csrf: me.csrfToken }),
      cookies: { talapker_session: me.cookie.split('=')[1]! },
    });
    expect(withField.statusCode).toBe(200);
  });

  it('binds CSRF tokens to the session: another session’s token is refused', async () => {
    const a = await loginAs(app, ctx(), 'party_treasurer', { party: 'PARTY-A' });
    const b = await loginAs(app, ctx(), 'party_treasurer', { party: 'PARTY-A' });
    const res = await app.inject({
      method: 'POST',
      url: '/test/drafts/PARTY-A',
      headers: { cookie: a.cookie, 'x-csrf-token': b.csrfToken },
      payload: {},
    });
    expect(res.statusCode).toBe(403);
  });

  it('never lets a treasurer of party A see or change party B’s drafts', async () => {
    const a = await loginAs(app, ctx(), 'party_treasurer', { party: 'PARTY-A' });
    expect(
      (await app.inject({ method: 'GET', url: '/test/drafts/PARTY-A', headers: { cookie: a.cookie } })).statusCode,
    ).toBe(200);
    expect(
      (await app.inject({ method: 'GET', url: '/test/drafts/PARTY-B', headers: { cookie: a.cookie } })).statusCode,
    ).toBe(403);
    const write = await app.inject({ method: 'POST', url: '/test/drafts/PARTY-B', headers: a.headers, payload: {} });
    expect(write.statusCode).toBe(403);
    expect(write.json()).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
  });

  it('answers 401 to an anonymous API call and sends a browser to the sign-in page', async () => {
    const api = await app.inject({ method: 'GET', url: '/test/drafts/PARTY-A' });
    expect(api.statusCode).toBe(401);
    expect(api.json().error.code).toBe('unauthorized');
    const html = await app.inject({ method: 'GET', url: '/test/drafts/PARTY-A', headers: { accept: 'text/html,*/*' } });
    expect(html.statusCode).toBe(303);
    expect(html.headers.location).toBe(`/ky/account/login?next=${encodeURIComponent('/test/drafts/PARTY-A')}`);
  });

  it('shows a 403 page, not a redirect, to a signed-in browser that may not', async () => {
    const a = await loginAs(app, ctx(), 'party_treasurer', { party: 'PARTY-A' });
    const res = await app.inject({
      method: 'GET',
      url: '/test/drafts/PARTY-B',
      headers: { cookie: a.cookie, accept: 'text/html' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('authorises Bearer tokens by scope, without CSRF, and ignores cookies alongside them', async () => {
    const upload = { method: 'POST' as const, url: '/api/test/statements/BANK-1', payload: { rows: [] } };
    const readOnly = await bearerAs(ctx(), 'bank_officer', ['statements:read'], { bank: 'BANK-1' });
    expect((await app.inject({ ...upload, headers: readOnly.headers })).statusCode).toBe(403);
    const writer = await bearerAs(ctx(), 'bank_officer', ['statements:write'], { bank: 'BANK-1' });
    expect((await app.inject({ ...upload, headers: writer.headers })).statusCode).toBe(200);
    expect(
      (await app.inject({ ...upload, url: '/api/test/statements/BANK-2', headers: writer.headers })).statusCode,
    ).toBe(403);
    const bogus = await app.inject({ ...upload, headers: { authorization: 'Bearer tlk_bogus' } });
    expect(bogus.statusCode).toBe(401);
    // A valid session cookie next to a bogus token does not sign the request in.
    const admin = await loginAs(app, ctx(), 'commission_admin');
    expect(
      (await app.inject({ ...upload, headers: { authorization: 'Bearer tlk_bogus', cookie: admin.cookie } }))
        .statusCode,
    ).toBe(401);
  });

  it('answers 404 when the resource function finds nothing, and leaves public routes alone', async () => {
    const admin = await loginAs(app, ctx(), 'commission_admin');
    expect(
      (await app.inject({ method: 'GET', url: '/test/missing', headers: { cookie: admin.cookie } })).statusCode,
    ).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/test/public' })).statusCode).toBe(200);
  });

  it('never takes a CSRF token from the query string, multipart or not; the header still works', async () => {
    const officer = await loginAs(app, ctx(), 'bank_officer', { bank: 'BANK-1' });
    const boundary = '----talapker';
    const payload = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="statement"; filename="s.xml"',
      'Content-Type: text/xml',
      '',
      '<x/>',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const headers = { cookie: officer.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` };
    const without = await app.inject({ method: 'POST', url: '/test/upload/BANK-1', headers, payload });
    expect(without.statusCode).toBe(403);
    const inQuery = await app.inject({
      method: 'POST',
      url: `/test/upload/BANK-1?_csrf=${encodeURIComponent(officer.csrfToken)}`,
      headers,
      payload,
    });
    expect(inQuery.statusCode).toBe(403);
    const inQueryForm = await app.inject({
      method: 'POST',
      url: `/test/drafts/PARTY-A?_csrf=${encodeURIComponent(officer.csrfToken)}`,
      headers: { cookie: officer.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'x=1',
    });
    expect(inQueryForm.statusCode).toBe(403);
    const withHeader = await app.inject({
      method: 'POST',
      url: '/test/upload/BANK-1',
      headers: { ...headers, 'x-csrf-token': officer.csrfToken },
      payload,
    });
    expect(withHeader.statusCode).toBe(200);
    expect(withHeader.json()).toEqual({ name: 's.xml', size: 4 });
  });

  it('sends a browser whose session ended back to sign in when it posts a form', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/en/account/password',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      cookies: { talapker_session: 'expired-session-token' },
      payload: '_csrf=whatever&currentPassword=x&newPassword=y',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/en/account/login');
  });

  it('clears a stale session cookie', async () => {
    const res = await app.inject({ method: 'GET', url: '/test/public', cookies: { talapker_session: 'stale' } });
    const cleared = res.cookies.find((c) => c.name === 'talapker_session');
    expect(cleared?.value).toBe('');
  });

  it('marks cookies Secure when configured to (as in production)', async () => {
    const strict = await buildAuthTestApp(ctx(), undefined, { secureCookies: 'always' });
    const page = await strict.inject({ method: 'GET', url: '/en/account/login' });
    expect(page.cookies.find((c) => c.name === 'talapker_csrf')?.secure).toBe(true);
    await strict.close();
  });
});
