// Voter services on the demo: the lookup page and API in three languages, its plain "not found", no
// PIN in any answer, the per-client limit, the stations and mobile group pages with their calendar, and
// an address-change request from the voter's form to the commission's approval to the lookup's answer.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openDemoApp } from '../../../test/support/demo-template.ts';
import { buildServer } from '../../server.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { activityFor } from '../../platform/activity-log.ts';
import { loginAs } from '../../accounts/test-support.ts';
import { KNOWN_DEMO_VOTERS } from '../core/synthetic.ts';
import { listStations } from '../stations.repository.ts';
import { STATIONS_PER_PAGE } from './public.routes.tsx';

const [ASANOVA, TOKTOGULOV, JUMABEKOVA] = KNOWN_DEMO_VOTERS as [
  (typeof KNOWN_DEMO_VOTERS)[number],
  (typeof KNOWN_DEMO_VOTERS)[number],
  (typeof KNOWN_DEMO_VOTERS)[number],
];

/** A public form's CSRF cookie and token, as a browser gets them from the form's page. */
async function formSession(app: FastifyInstance, url: string) {
  const res = await app.inject({ method: 'GET', url });
  const cookie = String(res.headers['set-cookie'] ?? '').split(';')[0] ?? '';
  const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1] ?? '';
  return { cookie, token };
}

async function post(app: FastifyInstance, url: string, fields: Record<string, string>, ip = '203.0.113.1') {
  const s = await formSession(app, url);
  return app.inject({
    method: 'POST',
    url,
    remoteAddress: ip,
    headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ ...fields, _csrf: s.token }).toString(),
  });
}

describe('voter services', () => {
  let app: FastifyInstance;
  let limited: FastifyInstance;
  let ctx: AppContext;
  let dir: string;
  beforeAll(async () => {
    ({ ctx, dir } = await openDemoApp());
    const withLimit = (lookupLimitPerMinute: number): AppContext => ({
      ...ctx,
      config: { ...ctx.config, voters: { ...ctx.config.voters, lookupLimitPerMinute } },
    });
    app = await buildServer(withLimit(1000));
    limited = await buildServer(withLimit(3));
  }, 600_000);
  afterAll(async () => {
    await app?.close();
    await limited?.close();
    await ctx?.db.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['ky', 'Аса', 'Сиздин шайлоо участкаңыз'],
    ['ru', 'asa', 'Ваш избирательный участок'],
    ['en', 'ASAN', 'Your polling station'],
  ])(
    'finds a demo voter’s station in %s by PIN and surname letters, without echoing the PIN',
    async (l, letters, heading) => {
      const res = await post(app, `/${l}/voters/lookup`, { pin: ASANOVA.pin, surname: letters });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(heading);
      expect(res.body).toContain('1001');
      expect(res.body).not.toContain(ASANOVA.pin);
      expect(res.headers['cache-control']).toContain('no-store');
    },
  );

  it('tells a voter without biometric data where to register abroad', async () => {
    const res = await post(app, '/en/voters/lookup', { pin: TOKTOGULOV.pin, surname: 'Tokt' });
    expect(res.body).toContain('not registered');
    expect(res.body).toContain('Moscow');
  });

  it('says plainly that nothing was found for a wrong surname, and shows nothing else', async () => {
    const res = await post(app, '/ru/voters/lookup', { pin: ASANOVA.pin, surname: 'Ива' });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('По этому ПИН и фамилии избиратель не найден');
    expect(res.body).not.toContain('Школа №1');
    expect(res.body).not.toContain(ASANOVA.pin);
    const short = await post(app, '/en/voters/lookup', { pin: ASANOVA.pin, surname: 'As' });
    expect(short.statusCode).toBe(422);
    expect(short.body).toContain('at least the first three letters');
  });

  it('answers the API with the station, 404 for a mismatch and 400 for a malformed PIN, never cached', async () => {
    const ok = await app.inject({ method: 'GET', url: `/api/v1/voters/lookup?pin=${TOKTOGULOV.pin}&surname=Токт` });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      station: { number: '9501', country: 'RU', city: 'Moscow' },
      biometricRegistered: false,
    });
    expect(ok.headers['cache-control']).toBe('no-store');
    expect(ok.body).not.toContain(TOKTOGULOV.pin);
    const miss = await app.inject({ method: 'GET', url: `/api/v1/voters/lookup?pin=${TOKTOGULOV.pin}&surname=Asa` });
    expect(miss.statusCode).toBe(404);
    expect(miss.body).not.toContain('9501');
    const absent = await app.inject({ method: 'GET', url: '/api/v1/voters/lookup?pin=29999199999999&surname=Asa' });
    expect(absent.statusCode).toBe(404);
    expect(absent.json()).toEqual(miss.json());
    expect((await app.inject({ method: 'GET', url: '/api/v1/voters/lookup?pin=123&surname=Asa' })).statusCode).toBe(
      400,
    );
  });

  it('limits lookups per client, with clear wording, and counts each client apart', async () => {
    for (let i = 0; i < 3; i++)
      expect(
        (await post(limited, '/ky/voters/lookup', { pin: ASANOVA.pin, surname: 'Аса' }, '198.51.100.7')).statusCode,
      ).toBe(200);
    const refused = await post(limited, '/ky/voters/lookup', { pin: ASANOVA.pin, surname: 'Аса' }, '198.51.100.7');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(refused.body).toContain('Бул даректен өтө көп суроо келди');
    expect(refused.body).not.toContain('1001');
    expect(
      (await post(limited, '/ky/voters/lookup', { pin: ASANOVA.pin, surname: 'Аса' }, '198.51.100.8')).statusCode,
    ).toBe(200);
    const api = (ip: string) =>
      limited.inject({ method: 'GET', url: `/api/v1/voters/lookup?pin=${ASANOVA.pin}&surname=Asa`, remoteAddress: ip });
    for (let i = 0; i < 3; i++) expect((await api('198.51.100.9')).statusCode).toBe(200);
    const apiRefused = await api('198.51.100.9');
    expect(apiRefused.statusCode).toBe(429);
    expect(apiRefused.json()).toMatchObject({ error: { code: 'rate_limited' } });
  });

  it('lists stations abroad by country, filters by region, and serves the mobile groups with a calendar', async () => {
    const all = await app.inject({ method: 'GET', url: '/en/voters/stations' });
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('Stations abroad');
    expect(all.body).toContain('Türkiye');
    const region = await app.inject({ method: 'GET', url: '/ru/voters/stations?region=Naryn' });
    expect(region.body).toContain('Нарын');
    expect(region.body).not.toContain('Бишкек,');
    const groups = await app.inject({ method: 'GET', url: '/ru/voters/mobile-groups' });
    expect(groups.body).toContain('Мобильные группы за рубежом');
    const ics = await app.inject({ method: 'GET', url: '/en/voters/mobile-groups/1/calendar.ics' });
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('BEGIN:VEVENT');
    expect((await app.inject({ method: 'GET', url: '/en/voters/mobile-groups/999/calendar.ics' })).statusCode).toBe(
      404,
    );
  });

  it('pages a region’s stations with plain links, every station once', async () => {
    const numbers = (body: string) => [...body.matchAll(/<th scope="row">([^<]+)</g)].map((m) => m[1] ?? '');
    const next = (body: string) => /<a href="([^"]+)" rel="next">/.exec(body)?.[1]?.replace(/&amp;/g, '&');
    const expected = (await listStations(ctx.db, { region: 'Bishkek' })).map((s) => s.number);
    expect(expected.length).toBeGreaterThan(2 * STATIONS_PER_PAGE);

    const seen: string[] = [];
    let url: string | undefined = '/ru/voters/stations?region=Bishkek';
    let pages = 0;
    while (url) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      const onPage = numbers(res.body);
      expect(onPage.length).toBeLessThanOrEqual(STATIONS_PER_PAGE);
      if (pages > 0) expect(res.body).toContain('href="/ru/voters/stations?region=Bishkek"');
      seen.push(...onPage);
      url = next(res.body);
      pages += 1;
    }
    expect(pages).toBe(Math.ceil(expected.length / STATIONS_PER_PAGE));
    expect(seen).toEqual(expected);

    // An address nobody was given starts the list again.
    const odd = await app.inject({ method: 'GET', url: '/ru/voters/stations?region=Bishkek&after=not-a-page' });
    expect(numbers(odd.body)).toEqual(expected.slice(0, STATIONS_PER_PAGE));
  });

  it('takes an address-change request to the commission’s approval and the lookup’s new answer', async () => {
    const filed = await post(app, '/en/voters/address-change', {
      pin: JUMABEKOVA.pin,
      surname: JUMABEKOVA.surname,
      givenName: JUMABEKOVA.givenName,
      patronymic: JUMABEKOVA.patronymic,
      toStation: '9511',
      reason: 'work',
      contact: '+996 555 000 111',
    });
    expect(filed.statusCode).toBe(200);
    const number = /AC-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(filed.body)?.[0] ?? '';
    expect(number).not.toBe('');
    expect(filed.body).not.toContain(JUMABEKOVA.pin);

    const pending = await post(app, '/en/voters/address-change/status', { number, surname: 'Jum' });
    expect(pending.body).toContain('being considered');
    expect(pending.body).not.toContain(JUMABEKOVA.givenName);
    expect((await post(app, '/en/voters/address-change/status', { number, surname: 'Asa' })).statusCode).toBe(404);

    const analyst = await loginAs(app, ctx, 'commission_analyst');
    expect(
      (await app.inject({ method: 'GET', url: '/en/commission/voters/requests', headers: { cookie: analyst.cookie } }))
        .statusCode,
    ).toBe(403);
    const admin = await loginAs(app, ctx, 'commission_admin');
    const screen = await app.inject({
      method: 'GET',
      url: '/en/commission/voters/requests?station=9511',
      headers: { cookie: admin.cookie },
    });
    expect(screen.body).toContain(number);
    expect(screen.body).toContain('in the list: passed');
    const decided = await app.inject({
      method: 'POST',
      url: `/en/commission/voters/requests/${number}/decision`,
      headers: { ...admin.headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'decision=approve',
    });
    expect(decided.statusCode).toBe(303);

    const after = await post(app, '/en/voters/lookup', { pin: JUMABEKOVA.pin, surname: 'Жум' });
    expect(after.body).toContain('9511');
    expect(after.body).toContain('was approved');
    expect((await post(app, '/en/voters/address-change/status', { number, surname: 'Жумаб' })).body).toContain(
      'approved',
    );
    const log = await activityFor(ctx.db, 'address_change_request', number);
    expect(log.map((x) => [x.action, x.actor])).toEqual([
      ['address_change.submitted', 'voter'],
      ['address_change.approved', `user:${admin.user.login}`],
    ]);
    expect(JSON.stringify(log)).not.toContain(JUMABEKOVA.pin);
  });
});
