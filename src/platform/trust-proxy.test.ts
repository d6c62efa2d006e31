// Whose address a request comes from. X-Forwarded-For is anyone's to write, so by default it is ignored:
// the per-address sign-in limit counts the socket's address and the audit log records it. Only when the
// configuration names the proxies in front of the portal (TALAPKER_TRUST_PROXY: a number of hops, or a
// list of addresses and CIDR ranges) is the header believed, and then only from those proxies.
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

describe('TALAPKER_TRUST_PROXY', () => {
  const parse = (v: string | undefined) => loadConfig(v === undefined ? {} : { TALAPKER_TRUST_PROXY: v }).trustProxy;

  it('trusts no proxy unless told: unset, empty or 0', () => {
    expect(parse(undefined)).toBe(false);
    expect(parse('')).toBe(false);
    expect(parse(' ')).toBe(false);
    expect(parse('0')).toBe(false);
  });

  it('takes a number of hops, or a list of addresses and CIDR ranges', () => {
    expect(parse('1')).toBe(1);
    expect(parse('2')).toBe(2);
    expect(parse('10.0.0.0/8, 192.168.1.7 ,::1,fd00::/8')).toEqual(['10.0.0.0/8', '192.168.1.7', '::1', 'fd00::/8']);
    expect(parse('127.0.0.1')).toEqual(['127.0.0.1']);
  });

  it('refuses anything else, "trust everyone" included', () => {
    for (const v of [
      'true',
      'yes',
      '*',
      '-1',
      '1.5',
      '10.0.0.0/33',
      '300.1.1.1',
      '10.0.0.1/abc',
      '::1/129',
      'proxy.example.org',
      '10.0.0.1,,10.0.0.2',
    ]) {
      expect(() => parse(v), v).toThrow(/TALAPKER_TRUST_PROXY/);
    }
  });
});

describe('the client address behind proxies', () => {
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

  /** Signs in through the form, from `remoteAddress`, with the given forwarding header. */
  async function signIn(
    a: FastifyInstance,
    login: string,
    password: string,
    remoteAddress: string,
    forwarded?: string,
  ) {
    const page = await a.inject({ method: 'GET', url: '/en/account/login', remoteAddress });
    const csrf = page.cookies.find((c) => c.name === 'talapker_csrf')?.value ?? '';
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    return a.inject({
      method: 'POST',
      url: '/en/account/login',
      remoteAddress,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(forwarded ? { 'x-forwarded-for': forwarded } : {}),
      },
      cookies: { talapker_csrf: csrf },
      payload: new URLSearchParams({ _csrf: token, login, password }).toString(),
    });
  }

  /** The address the audit log recorded for the latest sign-in. */
  async function loggedAddress(): Promise<string | undefined> {
    const row = await ctx.db
      .selectFrom('activity_log')
      .select('after_json')
      .where('action', '=', 'user.login')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return row?.after_json ? (JSON.parse(row.after_json) as { ip?: string }).ip : undefined;
  }

  /** The socket's address has used up its sign-in attempts for the window. */
  async function exhaust(address: string) {
    await ctx.db.deleteFrom('login_attempts').where('key', '=', `ip:${address}`).execute();
    await ctx.db
      .insertInto('login_attempts')
      .values({ key: `ip:${address}`, window_start: new Date().toISOString(), attempts: 100 })
      .execute();
  }

  const rateLimited = (body: string) => body.includes('Too many attempts.');

  it('by default ignores X-Forwarded-For: the per-address limit holds, and the log has the socket address', async () => {
    const a = await start({});
    const user = await ensureUser(ctx, 'commission_analyst');
    expect((await signIn(a, user.login, TEST_PASSWORD, '127.0.0.1', '203.0.113.7')).statusCode).toBe(303);
    expect(await loggedAddress()).toBe('127.0.0.1');

    await exhaust('127.0.0.1');
    // A forged header does not make a fresh address.
    const res = await signIn(a, 'nobody-here', 'wrong password!', '127.0.0.1', '198.51.100.23');
    expect(rateLimited(res.body), res.body.slice(0, 300)).toBe(true);
  });

  it('with a proxy list, believes the header from those proxies only', async () => {
    const a = await start({ TALAPKER_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' });
    const user = await ensureUser(ctx, 'commission_analyst');
    expect((await signIn(a, user.login, TEST_PASSWORD, '127.0.0.1', '203.0.113.7')).statusCode).toBe(303);
    expect(await loggedAddress()).toBe('203.0.113.7');
    expect((await signIn(a, user.login, TEST_PASSWORD, '10.1.2.3', '203.0.113.8')).statusCode).toBe(303);
    expect(await loggedAddress()).toBe('203.0.113.8');
    // From anywhere else the header is the client's own claim.
    expect((await signIn(a, user.login, TEST_PASSWORD, '192.0.2.5', '203.0.113.9')).statusCode).toBe(303);
    expect(await loggedAddress()).toBe('192.0.2.5');

    // Behind the proxy, clients are counted apart.
    await exhaust('127.0.0.1');
    const res = await signIn(a, 'nobody-here', 'wrong password!', '127.0.0.1', '198.51.100.23');
    expect(rateLimited(res.body)).toBe(false);
  });

  it('with a number of hops, takes the address the last trusted proxy saw', async () => {
    const a = await start({ TALAPKER_TRUST_PROXY: '1' });
    const user = await ensureUser(ctx, 'commission_analyst');
    // The client wrote the first entry itself; the proxy appended the address it saw.
    expect((await signIn(a, user.login, TEST_PASSWORD, '10.0.0.2', '6.6.6.6, 203.0.113.7')).statusCode).toBe(303);
    expect(await loggedAddress()).toBe('203.0.113.7');
  });
});
