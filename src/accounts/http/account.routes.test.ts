import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { loadConfig } from '../../platform/config.ts';
import { activityFor } from '../../platform/activity-log.ts';
import { buildAuthTestApp, ensureParty, ensureUser, loginAs, TEST_PASSWORD } from '../test-support.ts';
import { requirePermission } from './auth.plugin.ts';
import { accountMessages } from '../accounts.messages.ts';
import { totpCodeAt } from '../core/totp.ts';
import { getUserByLogin } from '../user.service.ts';
import { EventBus } from '../../platform/event-bus.ts';
import { Memo } from '../../platform/memo.ts';

/** A route parameter of the dummy routes, read as every route reads its parameters: with zod. */
const paramOf = (req: FastifyRequest, name: string): string =>
  z.record(z.string(), z.string()).parse(req.params)[name] ?? '';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const body = (fields: Record<string, string | string[]>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  return p.toString();
};
const csrfFrom = (html: string): string => {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF field in page');
  return m[1]!;
};
const sessionCookie = (res: { cookies: Array<{ name: string; value: string }> }) =>
  res.cookies.find((c) => c.name === 'talapker_session')?.value;

describe('account messages', () => {
  it('has every label in Kyrgyz, Russian and English', () => {
    for (const [key, entry] of Object.entries(accountMessages)) {
      for (const l of ['ky', 'ru', 'en'] as const) expect(entry[l], `${key} ${l}`).toMatch(/\S/);
    }
  });
});

describeEachDatabase('account pages', (get) => {
  let clock = new Date('2030-09-10T10:00:00Z');
  const ctx = (): AppContext => ({
    db: get().db,
    blobs: null as never,
    config: loadConfig({}),
    now: () => clock,
    events: new EventBus(),
    memo: new Memo(),
  });
  let app: FastifyInstance;

  /** Signs in through the real form, as a browser would. */
  async function formLogin(login: string, password: string, locale = 'en') {
    const page = await app.inject({ method: 'GET', url: `/${locale}/account/login` });
    const anon = page.cookies.find((c) => c.name === 'talapker_csrf')!.value;
    return app.inject({
      method: 'POST',
      url: `/${locale}/account/login`,
      headers: FORM,
      cookies: { talapker_csrf: anon },
      payload: body({ _csrf: csrfFrom(page.body), login, password }),
    });
  }

  /** GET a page with the session, then POST its form with the page's CSRF token. */
  async function submit(cookie: string, pageUrl: string, action: string, fields: Record<string, string | string[]>) {
    const page = await app.inject({ method: 'GET', url: pageUrl, headers: { cookie } });
    return app.inject({
      method: 'POST',
      url: action,
      headers: { ...FORM, cookie },
      payload: body({ _csrf: csrfFrom(page.body), ...fields }),
    });
  }

  beforeAll(async () => {
    app = await buildAuthTestApp(ctx(), (a) => {
      a.get(
        '/test/drafts/:party',
        {
          preHandler: requirePermission('filing.draft.read', (req) => ({
            partyRegistrationNumber: paramOf(req, 'party'),
          })),
        },
        async () => ({
          ok: true,
        }),
      );
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it('renders the sign-in page in ky, ru and en with labelled fields and a CSRF field', async () => {
    for (const [locale, title] of [
      ['ky', 'Кирүү'],
      ['ru', 'Вход'],
      ['en', 'Sign in'],
    ] as const) {
      const res = await app.inject({ method: 'GET', url: `/${locale}/account/login` });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`<html lang="${locale}"`);
      expect(res.body).toContain(title);
      expect(res.body).toContain('<label for="f-login">');
      expect(res.body).toContain('autocomplete="current-password"');
      expect(res.body).toMatch(/name="_csrf" value="[^"]+"/);
    }
    expect((await app.inject({ method: 'GET', url: '/xx/account/login' })).statusCode).toBe(404);
  });

  it('shows a failed sign-in with an error summary and never follows `next` off-site', async () => {
    await ensureUser(ctx(), 'auditor', { login: 'page-auditor' });
    const bad = await formLogin('page-auditor', 'not the password');
    expect(bad.statusCode).toBe(401);
    expect(bad.body).toContain('class="error-summary"');
    expect(bad.body).toContain('href="#f-login"');
    expect(bad.body).toContain('value="page-auditor"');
    expect(bad.body).not.toContain('not the password');

    const page = await app.inject({ method: 'GET', url: '/en/account/login' });
    const anon = page.cookies.find((c) => c.name === 'talapker_csrf')!.value;
    const res = await app.inject({
      method: 'POST',
      url: '/en/account/login',
      headers: FORM,
      cookies: { talapker_csrf: anon },
      payload: body({
        _csrf: csrfFrom(page.body),
        login: 'page-auditor',
        password: TEST_PASSWORD,
        next: '//evil.example/',
      }),
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/en/account');
  });

  it('asks to wait after repeated failures, in the reader’s language, and lets the owner in after it', async () => {
    await ensureUser(ctx(), 'auditor', { login: 'page-locky' });
    let last = await formLogin('page-locky', 'wrong wrong wrong');
    for (let i = 0; i < 4; i++) last = await formLogin('page-locky', 'wrong wrong wrong');
    expect(last.statusCode).toBe(401);
    const right = await formLogin('page-locky', TEST_PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(right.headers['retry-after']).toBe('1');
    expect(right.body).toContain('Try again in 1 second.');
    const ru = await formLogin('page-locky', TEST_PASSWORD, 'ru');
    expect(ru.body).toContain('Повторите через 1 секунду.');
    clock = new Date(clock.getTime() + 1000);
    expect((await formLogin('page-locky', TEST_PASSWORD)).statusCode).toBe(303);
  });

  it('lets an administrator create, disable and reset users; an analyst may only look', async () => {
    await ensureParty(ctx(), 'PARTY-A');
    const admin = await loginAs(app, ctx(), 'commission_admin', { login: 'page-admin' });
    const created = await submit(admin.cookie, '/en/account/users', '/en/account/users', {
      login: 'new-treasurer',
      displayName: 'Нурлан',
      role: 'party_treasurer',
      partyRegistrationNumber: 'PARTY-A',
      bank: '',
    });
    expect(created.statusCode).toBe(200);
    expect(created.headers['cache-control']).toBe('no-store');
    const password = /<code class="once">([^<]+)<\/code>/.exec(created.body)?.[1];
    expect(password).toBeTruthy();
    expect((await formLogin('new-treasurer', password!)).statusCode).toBe(303);

    const invalid = await submit(admin.cookie, '/en/account/users', '/en/account/users', {
      login: 'x',
      role: 'bank_officer',
      bank: '',
      partyRegistrationNumber: 'PARTY-A',
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('href="#f-login"');
    expect(invalid.body).toContain('href="#f-bank"');
    expect(invalid.body).toContain('href="#f-partyRegistrationNumber"');
    expect(invalid.body).toMatch(/id="f-bank"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-bank"/);

    const target = (await getUserByLogin(ctx(), 'new-treasurer'))!;
    // Disabling asks first, on a page of its own that needs no JavaScript; nothing changes until it is confirmed.
    const asked = await submit(admin.cookie, '/en/account/users', `/en/account/users/${target.id}/disable`, {});
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('Disable new-treasurer?');
    expect(asked.body).toContain(`action="/en/account/users/${target.id}/disable"`);
    expect(asked.body).toContain('name="confirmed" value="1"');
    expect((await getUserByLogin(ctx(), 'new-treasurer'))!.disabled).toBe(false);
    expect((await formLogin('new-treasurer', password!)).statusCode).toBe(303);
    const disabled = await app.inject({
      method: 'POST',
      url: `/en/account/users/${target.id}/disable`,
      headers: { ...FORM, cookie: admin.cookie },
      payload: body({ _csrf: csrfFrom(asked.body), confirmed: '1' }),
    });
    expect(disabled.statusCode).toBe(303);
    expect((await formLogin('new-treasurer', password!)).statusCode).toBe(401);
    await submit(admin.cookie, '/en/account/users', `/en/account/users/${target.id}/enable`, {});
    const askReset = await submit(admin.cookie, '/en/account/users', `/en/account/users/${target.id}/reset`, {
      clearTotp: '1',
    });
    expect(askReset.body).toContain('Reset the password of new-treasurer?');
    expect(askReset.body).toContain('name="clearTotp" value="1"');
    const reset = await app.inject({
      method: 'POST',
      url: `/en/account/users/${target.id}/reset`,
      headers: { ...FORM, cookie: admin.cookie },
      payload: body({ _csrf: csrfFrom(askReset.body), clearTotp: '1', confirmed: '1' }),
    });
    const newPassword = /<code class="once">([^<]+)<\/code>/.exec(reset.body)?.[1];
    expect(newPassword).toBeTruthy();
    expect(newPassword).not.toBe(password);
    expect((await formLogin('new-treasurer', newPassword!)).statusCode).toBe(303);
    const actions = (await activityFor(get().db, 'user', String(target.id))).map((x) => x.action);
    expect(actions).toEqual(
      expect.arrayContaining(['user.create', 'user.disable', 'user.enable', 'user.password_reset']),
    );
    expect((await activityFor(get().db, 'user', String(target.id)))[0]!.actor).toBe('user:page-admin');

    const analyst = await loginAs(app, ctx(), 'commission_analyst');
    const list = await app.inject({ method: 'GET', url: '/en/account/users', headers: { cookie: analyst.cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('new-treasurer');
    expect(list.body).not.toContain('/en/account/users/');
    const attempt = await app.inject({
      method: 'POST',
      url: '/en/account/users',
      headers: { ...FORM, cookie: analyst.cookie },
      payload: body({ _csrf: analyst.csrfToken, login: 'sneaky', role: 'commission_admin' }),
    });
    expect(attempt.statusCode).toBe(403);
    expect(await getUserByLogin(ctx(), 'sneaky')).toBeUndefined();

    const treasurer = await loginAs(app, ctx(), 'party_treasurer', { party: 'PARTY-A' });
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/en/account/users',
          headers: { cookie: treasurer.cookie, accept: 'text/html' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('changes the password through the form', async () => {
    const me = await loginAs(app, ctx(), 'auditor', { login: 'page-changer' });
    const wrong = await submit(me.cookie, '/en/account/password', '/en/account/password', {
      currentPassword: 'nope',
      newPassword: 'short',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('href="#f-currentPassword"');
    expect(wrong.body).toContain('href="#f-newPassword"');
    const ok = await submit(me.cookie, '/en/account/password', '/en/account/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'another long passphrase',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/en/account?done=password');
    expect(
      (await app.inject({ method: 'GET', url: '/en/account?done=password', headers: { cookie: me.cookie } })).body,
    ).toContain('Your password has been changed.');
  });

  it('enrols TOTP and then signs in in two steps, with a fresh cookie after the code', async () => {
    const me = await loginAs(app, ctx(), 'commission_analyst', { login: 'page-two-step' });
    expect((await submit(me.cookie, '/en/account/totp', '/en/account/totp/start', {})).statusCode).toBe(303);
    const enrolling = await app.inject({ method: 'GET', url: '/en/account/totp', headers: { cookie: me.cookie } });
    const uri = /otpauth:\/\/totp\/[^<"]+/.exec(enrolling.body)?.[0];
    expect(uri).toBeTruthy();
    const secret = new URL(uri!.replace(/&amp;/g, '&')).searchParams.get('secret')!;
    const confirm = await submit(me.cookie, '/en/account/totp', '/en/account/totp/confirm', {
      code: await totpCodeAt(secret, clock),
    });
    expect(confirm.statusCode).toBe(303);

    clock = new Date(clock.getTime() + 60_000);
    const step1 = await formLogin('page-two-step', TEST_PASSWORD);
    expect(step1.statusCode).toBe(303);
    expect(step1.headers.location).toMatch(/^\/en\/account\/login\/code/);
    const pending = sessionCookie(step1)!;
    // The waiting session grants nothing yet.
    const early = await app.inject({
      method: 'GET',
      url: '/en/account',
      headers: { cookie: `talapker_session=${pending}`, accept: 'text/html' },
    });
    expect(early.statusCode).toBe(303);
    const codePage = await app.inject({
      method: 'GET',
      url: '/en/account/login/code',
      headers: { cookie: `talapker_session=${pending}` },
    });
    expect(codePage.body).toContain('autocomplete="one-time-code"');
    const wrong = await app.inject({
      method: 'POST',
      url: '/en/account/login/code',
      headers: { ...FORM, cookie: `talapker_session=${pending}` },
      payload: body({ _csrf: csrfFrom(codePage.body), code: '000000' }),
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('href="#f-code"');
    const step2 = await app.inject({
      method: 'POST',
      url: '/en/account/login/code',
      headers: { ...FORM, cookie: `talapker_session=${pending}` },
      payload: body({ _csrf: csrfFrom(wrong.body), code: await totpCodeAt(secret, clock) }),
    });
    expect(step2.statusCode).toBe(303);
    const full = sessionCookie(step2)!;
    expect(full).not.toBe(pending);
    expect(
      (await app.inject({ method: 'GET', url: '/en/account', headers: { cookie: `talapker_session=${full}` } }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/en/account',
          headers: { cookie: `talapker_session=${pending}`, accept: 'text/html' },
        })
      ).statusCode,
    ).toBe(303);
  });

  it('creates an API token shown once, which then works as a Bearer token until revoked', async () => {
    const me = await loginAs(app, ctx(), 'party_treasurer', { party: 'PARTY-A' });
    const page = await app.inject({ method: 'GET', url: '/en/account/tokens', headers: { cookie: me.cookie } });
    expect(page.body).toContain('value="filings:write"');
    expect(page.body).not.toContain('value="statements:write"');
    const refused = await submit(me.cookie, '/en/account/tokens', '/en/account/tokens', {
      label: 'x',
      scopes: ['statements:write'],
      expiresInDays: '30',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#f-scopes"');
    const created = await submit(me.cookie, '/en/account/tokens', '/en/account/tokens', {
      label: 'Bookkeeping',
      scopes: ['filings:read'],
      expiresInDays: '30',
    });
    expect(created.statusCode).toBe(200);
    const token = /<code class="once">(tlk_[^<]+)<\/code>/.exec(created.body)?.[1];
    expect(token).toBeTruthy();
    const again = await app.inject({ method: 'GET', url: '/en/account/tokens', headers: { cookie: me.cookie } });
    expect(again.body).not.toContain(token!);

    const auth = { authorization: `Bearer ${token}` };
    expect((await app.inject({ method: 'GET', url: '/test/drafts/PARTY-A', headers: auth })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/test/drafts/PARTY-B', headers: auth })).statusCode).toBe(403);
    // A token cannot manage tokens or reach account pages.
    expect((await app.inject({ method: 'GET', url: '/en/account/tokens', headers: auth })).statusCode).toBe(403);

    const id = /\/en\/account\/tokens\/(\d+)\/revoke/.exec(again.body)?.[1];
    const revoked = await submit(me.cookie, '/en/account/tokens', `/en/account/tokens/${id}/revoke`, {});
    expect(revoked.statusCode).toBe(303);
    expect((await app.inject({ method: 'GET', url: '/test/drafts/PARTY-A', headers: auth })).statusCode).toBe(401);
  });

  it('signs out: the session row goes and the cookie is cleared', async () => {
    const me = await loginAs(app, ctx(), 'auditor', { login: 'page-leaver' });
    const out = await app.inject({
      method: 'POST',
      url: '/en/account/logout',
      headers: { ...FORM, cookie: me.cookie },
      payload: body({ _csrf: me.csrfToken }),
    });
    expect(out.statusCode).toBe(303);
    expect(sessionCookie(out)).toBe('');
    const after = await app.inject({
      method: 'GET',
      url: '/en/account',
      headers: { cookie: me.cookie, accept: 'text/html' },
    });
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toMatch(/^\/en\/account\/login/);
  });

  it('sends commission staff without TOTP to enrolment when the setting requires it', async () => {
    const strict = await buildAuthTestApp(ctx(), undefined, { requireTotpForCommissionStaff: true });
    try {
      const admin = await loginAs(strict, ctx(), 'commission_admin', { login: 'strict-admin' });
      const users = await strict.inject({
        method: 'GET',
        url: '/en/account/users',
        headers: { cookie: admin.cookie, accept: 'text/html' },
      });
      expect(users.statusCode).toBe(303);
      expect(users.headers.location).toBe('/en/account/totp');
      const totp = await strict.inject({ method: 'GET', url: '/en/account/totp', headers: { cookie: admin.cookie } });
      expect(totp.statusCode).toBe(200);
      expect(totp.body).toContain('Commission staff must turn on two-step sign-in');
      // Treasurers are not staff: nothing changes for them.
      const treasurer = await loginAs(strict, ctx(), 'party_treasurer', { party: 'PARTY-A' });
      expect(
        (await strict.inject({ method: 'GET', url: '/en/account/tokens', headers: { cookie: treasurer.cookie } }))
          .statusCode,
      ).toBe(200);
    } finally {
      await strict.close();
    }
  });
});
