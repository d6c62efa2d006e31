// Behind https the session cookie is Secure without being told, and responses carry HSTS; over plain http
// (a laptop demo, the tests) neither, unless the configuration says so.
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { loadConfig } from './config.ts';
import type { AppContext } from './app-context.ts';
import { buildServer } from '../server.ts';
import { ensureUser, TEST_PASSWORD } from '../accounts/test-support.ts';
import { EventBus } from './event-bus.ts';
import { Memo } from './memo.ts';

describe('cookie Secure flag and HSTS', () => {
  let app: FastifyInstance | undefined;
  let ctx: AppContext;
  afterEach(async () => {
    await app?.close();
    await ctx?.db.destroy();
    app = undefined;
  });

  async function start(env: Record<string, string>): Promise<FastifyInstance> {
    const db = openDatabase({ url: ':memory:' });
    await migrateToLatest(db);
    ctx = {
      db,
      blobs: null as never,
      config: loadConfig(env),
      now: () => new Date(),
      events: new EventBus(),
      memo: new Memo(),
    };
    app = await buildServer(ctx);
    return app;
  }

  async function signIn(a: FastifyInstance, headers: Record<string, string> = {}) {
    const user = await ensureUser(ctx, 'commission_analyst');
    const page = await a.inject({ method: 'GET', url: '/en/account/login', headers });
    const csrf = page.cookies.find((c) => c.name === 'talapker_csrf')?.value ?? '';
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    return a.inject({
      method: 'POST',
      url: '/en/account/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      cookies: { talapker_csrf: csrf },
      payload: new URLSearchParams({ _csrf: token, login: user.login, password: TEST_PASSWORD }).toString(),
    });
  }
  const sessionCookie = (res: Awaited<ReturnType<typeof signIn>>) =>
    res.cookies.find((c) => c.name === 'talapker_session');

  it('marks the session cookie Secure by default when the public address is https', async () => {
    const a = await start({ TALAPKER_PUBLIC_URL: 'https://talapker.example' });
    const res = await signIn(a);
    expect(res.statusCode).toBe(303);
    expect(sessionCookie(res)?.secure).toBe(true);
  });

  it('can be told otherwise, and follows the protocol over plain http', async () => {
    expect(
      loadConfig({ TALAPKER_PUBLIC_URL: 'https://x.example', TALAPKER_COOKIE_SECURE: 'auto' }).accounts.cookieSecure,
    ).toBe('auto');
    expect(loadConfig({}).accounts.cookieSecure).toBe('auto');
    const a = await start({});
    expect(sessionCookie(await signIn(a))?.secure).toBeFalsy();
  });

  it('sends HSTS on https responses from a trusted proxy, and not over plain http', async () => {
    const a = await start({ TALAPKER_TRUST_PROXY: '127.0.0.1' });
    const plain = await a.inject({ method: 'GET', url: '/healthz' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const tls = await a.inject({ method: 'GET', url: '/healthz', headers: { 'x-forwarded-proto': 'https' } });
    expect(tls.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(sessionCookie(await signIn(a, { 'x-forwarded-proto': 'https' }))?.secure).toBe(true);
  });

  it('leaves HSTS out when its max-age is 0', async () => {
    const a = await start({ TALAPKER_TRUST_PROXY: '127.0.0.1', TALAPKER_HSTS_MAX_AGE: '0' });
    const tls = await a.inject({ method: 'GET', url: '/healthz', headers: { 'x-forwarded-proto': 'https' } });
    expect(tls.headers['strict-transport-security']).toBeUndefined();
  });
});
