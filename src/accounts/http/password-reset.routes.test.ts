import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { bodyText } from '../../../test/support/mail-text.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { loadConfig } from '../../platform/config.ts';
import { activityFor } from '../../platform/activity-log.ts';
import { EventBus } from '../../platform/event-bus.ts';
import { Memo } from '../../platform/memo.ts';
import { buildAuthTestApp, ensureUser, loginAs } from '../test-support.ts';
import { getUserByLogin, setEmail } from '../user.service.ts';
import { lookupSession } from '../session.service.ts';
import { SESSION_COOKIE } from './auth.plugin.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const csrfFrom = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

interface Received {
  to: string;
  text: string;
}

describeEachDatabase('password reset by mail', (get) => {
  let clock = new Date('2030-09-10T10:00:00Z');
  const inbox: Received[] = [];
  let waiting: Array<() => void> = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address).join(',');
        inbox.push({ to, text: bodyText(Buffer.concat(chunks).toString('latin1')) });
        for (const w of waiting) w();
        waiting = [];
        done();
      });
    },
  });
  const nextMail = (count: number) =>
    new Promise<Received>((resolve) => {
      const check = () => (inbox.length >= count ? resolve(inbox[count - 1] as Received) : waiting.push(check));
      check();
    });
  let port = 0;
  const ctx = (withMail = true): AppContext => ({
    db: get().db,
    blobs: null as never,
    config: {
      ...loadConfig({}),
      publicUrl: 'http://talapker.test',
      smtp: withMail
        ? { url: undefined, host: '127.0.0.1', port, from: 'Talapker <no-reply@talapker.test>' }
        : undefined,
    },
    now: () => clock,
    events: new EventBus(),
    memo: new Memo(),
  });
  let app: FastifyInstance;
  let noMail: FastifyInstance;

  /** An anonymous form: GET the page for its CSRF cookie and field, then POST. */
  async function anonymousPost(a: FastifyInstance, pageUrl: string, action: string, fields: Record<string, string>) {
    const page = await a.inject({ method: 'GET', url: pageUrl });
    const anon = page.cookies.find((c) => c.name === 'talapker_csrf')?.value ?? '';
    return a.inject({
      method: 'POST',
      url: action,
      headers: FORM,
      cookies: { talapker_csrf: anon },
      payload: new URLSearchParams({ _csrf: csrfFrom(page.body), ...fields }).toString(),
    });
  }
  const withoutCsrf = (html: string) => html.replace(/value="[^"]+"/g, '');

  beforeAll(async () => {
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    port = (smtp.server.address() as AddressInfo).port;
    app = await buildAuthTestApp(ctx());
    noMail = await buildAuthTestApp(ctx(false));
  });
  afterAll(async () => {
    await app.close();
    await noMail.close();
    await new Promise<void>((resolve) => smtp.close(resolve));
  });

  it('mails a one-time link that sets a new password, ends sessions, and cannot be used twice', async () => {
    const user = await ensureUser(ctx(), 'auditor', { login: 'forgetful-page' });
    expect((await setEmail(ctx(), user.id, 'Forgetful@Example.test', 'test')).ok).toBe(true);
    const before = await loginAs(app, ctx(), 'auditor', { login: 'forgetful-page' });

    const login = await app.inject({ method: 'GET', url: '/en/account/login' });
    expect(login.body).toContain('href="/en/account/password-reset"');

    const asked = await anonymousPost(app, '/en/account/password-reset', '/en/account/password-reset', {
      loginOrEmail: 'forgetful@example.test',
    });
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('If such an account has an e-mail address, a link has been sent to it.');
    const mail = await nextMail(1);
    expect(mail.to).toBe('forgetful@example.test');
    const link = /http:\/\/talapker\.test(\/en\/account\/password-reset\/[A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    expect(link).toBeTruthy();
    if (!link) return;
    // The database keeps only the link's hash.
    const rows = await get().db.selectFrom('password_resets').select('token_hash').execute();
    expect(rows.some((r) => link.endsWith(r.token_hash))).toBe(false);

    // No such account: the same answer, and nothing is sent.
    const nobody = await anonymousPost(app, '/en/account/password-reset', '/en/account/password-reset', {
      loginOrEmail: 'no-such-person',
    });
    expect(withoutCsrf(nobody.body)).toBe(withoutCsrf(asked.body));

    const form = await app.inject({ method: 'GET', url: link });
    expect(form.statusCode).toBe(200);
    expect(form.headers['referrer-policy']).toBe('no-referrer');
    const short = await anonymousPost(app, link, link, { newPassword: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('href="#f-newPassword"');
    const done = await anonymousPost(app, link, link, { newPassword: 'a brand new long passphrase' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/en/account/login?done=passwordReset');
    const token = before.cookie.slice(SESSION_COOKIE.length + 1);
    expect(await lookupSession(ctx(), token, app.accountSettings)).toBeNull();

    const again = await app.inject({ method: 'GET', url: link });
    expect(again.statusCode).toBe(404);
    expect(again.body).toContain('This link is not valid, has been used or has expired.');
    const reuse = await anonymousPost(app, '/en/account/password-reset', link, {
      newPassword: 'yet another long passphrase',
    });
    expect(reuse.statusCode).toBe(404);
    expect(inbox).toHaveLength(1);

    const page = await app.inject({ method: 'GET', url: '/en/account/login' });
    const anon = page.cookies.find((c) => c.name === 'talapker_csrf')?.value ?? '';
    const signIn = await app.inject({
      method: 'POST',
      url: '/en/account/login',
      headers: FORM,
      cookies: { talapker_csrf: anon },
      payload: new URLSearchParams({
        _csrf: csrfFrom(page.body),
        login: 'forgetful-page',
        password: 'a brand new long passphrase',
      }).toString(),
    });
    expect(signIn.statusCode).toBe(303);
    const actions = (await activityFor(get().db, 'user', String(user.id))).map((x) => x.action);
    expect(actions).toEqual(expect.arrayContaining(['user.password_reset_requested', 'user.password_reset_by_link']));
  });

  it('lets a link expire', async () => {
    const user = await ensureUser(ctx(), 'auditor', { login: 'slow-reader' });
    await setEmail(ctx(), user.id, 'slow@example.test', 'test');
    const count = inbox.length;
    await anonymousPost(app, '/ru/account/password-reset', '/ru/account/password-reset', {
      loginOrEmail: 'slow-reader',
    });
    const mail = await nextMail(count + 1);
    const link = /http:\/\/talapker\.test(\/ru\/account\/password-reset\/[A-Za-z0-9_-]+)/.exec(mail.text)?.[1] ?? '';
    expect((await app.inject({ method: 'GET', url: link })).statusCode).toBe(200);
    clock = new Date(clock.getTime() + 31 * 60_000);
    expect((await app.inject({ method: 'GET', url: link })).statusCode).toBe(404);
  });

  it('mails the owner once when sign-in attempts start to be delayed', async () => {
    const user = await ensureUser(ctx(), 'auditor', { login: 'targeted' });
    await setEmail(ctx(), user.id, 'targeted@example.test', 'test');
    const count = inbox.length;
    for (let i = 0; i < 5; i++) {
      clock = new Date(clock.getTime() + 60_000);
      await anonymousPost(app, '/en/account/login', '/en/account/login', { login: 'targeted', password: 'wrong!' });
    }
    const mail = await nextMail(count + 1);
    expect(mail.to).toBe('targeted@example.test');
    expect(mail.text).toContain('Wrong passwords were entered 5 times in a row for the account targeted');
    const log = await activityFor(get().db, 'user', String(user.id));
    const notice = log.filter((x) => x.action === 'user.login_delayed');
    expect(notice).toHaveLength(1);
    expect(notice[0]?.after_json).toContain('"mailed":true');
  });

  it('lets a user set their own e-mail address on the account page, checked, and an administrator set it on creation', async () => {
    const me = await loginAs(app, ctx(), 'auditor', { login: 'mail-owner' });
    const post = async (email: string) => {
      const page = await app.inject({ method: 'GET', url: '/en/account', headers: { cookie: me.cookie } });
      return app.inject({
        method: 'POST',
        url: '/en/account/email',
        headers: { ...FORM, cookie: me.cookie },
        payload: new URLSearchParams({ _csrf: csrfFrom(page.body), email }).toString(),
      });
    };
    const bad = await post('not an address');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('This is not a valid e-mail address.');
    const good = await post(' Owner@Example.TEST ');
    expect(good.statusCode).toBe(303);
    expect(good.headers.location).toBe('/en/account?done=email');
    const shown = await app.inject({ method: 'GET', url: '/en/account', headers: { cookie: me.cookie } });
    expect(shown.body).toContain('value="owner@example.test"');
    expect((await getUserByLogin(ctx(), 'mail-owner'))?.email).toBe('owner@example.test');
    expect((await post('')).statusCode).toBe(303);
    expect((await getUserByLogin(ctx(), 'mail-owner'))?.email).toBeNull();

    const admin = await loginAs(app, ctx(), 'commission_admin', { login: 'mail-admin' });
    const users = await app.inject({ method: 'GET', url: '/en/account/users', headers: { cookie: admin.cookie } });
    expect(users.body).toContain('name="email"');
    const created = await app.inject({
      method: 'POST',
      url: '/en/account/users',
      headers: { ...FORM, cookie: admin.cookie },
      payload: new URLSearchParams({
        _csrf: csrfFrom(users.body),
        login: 'mailed-auditor',
        role: 'auditor',
        email: 'Auditor@Example.test',
      }).toString(),
    });
    expect(created.statusCode).toBe(200);
    expect((await getUserByLogin(ctx(), 'mailed-auditor'))?.email).toBe('auditor@example.test');
  });

  it('says to ask an administrator when the portal sends no mail', async () => {
    const page = await noMail.inject({ method: 'GET', url: '/en/account/password-reset' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ask a commission administrator to reset your password.');
    expect(page.body).not.toContain('name="loginOrEmail"');
  });
});
