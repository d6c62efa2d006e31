// The X-Road client and registry adapter against a local server that speaks the REST protocol: it checks
// the URL and the X-Road headers, answers JSON, and can be told to stall or fail. The answer cache and the
// adapter are tested on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { xroadConfigSchema, type XRoadConfig } from './xroad-config.ts';
import { XRoadClient } from './xroad-client.ts';
import { XRoadRegistry, XRoadUnavailable } from './xroad-registry.ts';
import { RoutedRegistry } from '../registry-routing.ts';
import type { RegistryAnswers, RegistryPort } from '../core/registry.ts';

const PERSON = {
  pin: '21001198000001',
  surname: 'Асанов',
  givenName: 'Бакыт',
  patronymic: 'Асанович',
  birthDate: '1980-01-10',
  citizenship: 'KGZ',
  deathDate: null,
};
const ENTITY = {
  inn: '01234567890123',
  name: 'ОсОО «Кут»',
  legalForm: 'commercial',
  registeredOn: '2015-01-01',
  liquidatedOn: null,
  foreignSharePct: 0,
  stateSharePct: 0,
  hasTaxPreferences: false,
  registeredCapital: 1_000_000,
};

interface Seen {
  url: string;
  headers: IncomingMessage['headers'];
}
const seen: Seen[] = [];
/** Per identity number: how many 503s to send first, or a delay. */
const failFirst = new Map<string, number>();
const stall = new Map<string, number>();
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (
      req.headers['x-road-client'] !== 'KG/GOV/70000001/talapker' ||
      !req.headers['x-road-id'] ||
      !req.headers['x-road-userid']
    ) {
      return send(
        400,
        { type: 'Client.BadRequest', message: 'missing X-Road headers' },
        { 'x-road-error': 'Client.BadRequest' },
      );
    }
    const m = /^\/r1\/KG\/GOV\/(\d+)\/([a-z-]+)\/([a-z.0-9]+)\/(?:person|entity|debtor)\/(\d+)$/.exec(req.url ?? '');
    if (!m)
      return send(
        404,
        { type: 'Server.ServerProxy.ServiceNotFound' },
        { 'x-road-error': 'Server.ServerProxy.ServiceNotFound' },
      );
    const id = m[4] ?? '';
    const left = failFirst.get(id) ?? 0;
    if (left > 0) {
      failFirst.set(id, left - 1);
      return send(503, { type: 'Server.ServiceFailed' }, { 'x-road-error': 'Server.ServiceFailed' });
    }
    const reply = () => {
      if (m[3] === 'persons.v1') return id === PERSON.pin ? send(200, PERSON) : send(404, {});
      if (m[3] === 'entities.v1') return id === ENTITY.inn ? send(200, ENTITY) : send(404, {});
      if (id === ENTITY.inn)
        return send(200, { identifier: id, arrears: [{ kind: 'tax', amount: 5000, asOf: '2020-08-01' }] });
      return send(200, { identifier: id, arrears: [] });
    };
    const delay = stall.get(id);
    if (delay) setTimeout(reply, delay);
    else reply();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

function config(over: Partial<XRoadConfig> = {}): XRoadConfig {
  return xroadConfigSchema.parse({
    securityServer: base,
    client: { instance: 'KG', memberClass: 'GOV', memberCode: '70000001', subsystem: 'talapker' },
    userId: 'KG-cec-analyst',
    timeoutMs: 300,
    retries: 2,
    backoffMs: 5,
    services: {
      persons: {
        instance: 'KG',
        memberClass: 'GOV',
        memberCode: '70000002',
        subsystem: 'civil-registry',
        serviceCode: 'persons.v1',
        path: '/person/{id}',
      },
      entities: {
        instance: 'KG',
        memberClass: 'GOV',
        memberCode: '70000003',
        subsystem: 'justice',
        serviceCode: 'entities.v1',
        path: '/entity/{id}',
      },
      arrears: {
        instance: 'KG',
        memberClass: 'GOV',
        memberCode: '70000004',
        subsystem: 'tax',
        serviceCode: 'arrears.v1',
        path: '/debtor/{id}',
        retries: 0,
      },
    },
    ...over,
  });
}

describe('X-Road client', () => {
  it('asks the service through the security server with the X-Road headers', async () => {
    seen.length = 0;
    const r = await new XRoadClient(config(), { requestId: () => 'req-1' }).get('persons', PERSON.pin);
    expect(r).toEqual({ ok: true, value: { outcome: 'found', body: PERSON, requestId: 'req-1' } });
    expect(seen[0]?.url).toBe(`/r1/KG/GOV/70000002/civil-registry/persons.v1/person/${PERSON.pin}`);
    expect(seen[0]?.headers['x-road-client']).toBe('KG/GOV/70000001/talapker');
    expect(seen[0]?.headers['x-road-id']).toBe('req-1');
    expect(seen[0]?.headers['x-road-userid']).toBe('KG-cec-analyst');
  });

  it('reads a 404 as no record, and an X-Road error as a refusal', async () => {
    const client = new XRoadClient(config());
    const r = await client.get('persons', '29999999999999');
    expect(r.ok && r.value.outcome).toBe('not_found');
    const bad = await new XRoadClient(
      config({ client: { instance: 'KG', memberClass: 'GOV', memberCode: '1', subsystem: 'x' } }),
    ).get('persons', PERSON.pin);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error[0]?.message).toContain('Client.BadRequest');
    const unknown = await client.get('cadastre', '1');
    expect(!unknown.ok && unknown.error[0]?.code).toBe('xroad.service_unknown');
  });

  it('retries server errors with a new request id each time, and gives up after its retries', async () => {
    const ids: string[] = [];
    let n = 0;
    const client = new XRoadClient(config(), { requestId: () => `r${++n}` });
    failFirst.set(PERSON.pin, 2);
    seen.length = 0;
    const r = await client.get('persons', PERSON.pin);
    for (const s of seen) ids.push(String(s.headers['x-road-id']));
    expect(r.ok).toBe(true);
    expect(ids).toEqual(['r1', 'r2', 'r3']);
    failFirst.set(PERSON.pin, 5);
    const down = await client.get('persons', PERSON.pin);
    expect(!down.ok && down.error[0]?.code).toBe('xroad.unavailable');
    expect(!down.ok && down.error[0]?.message).toContain('Server.ServiceFailed');
    failFirst.delete(PERSON.pin);
  });

  it('times a stalled service out and retries it', async () => {
    stall.set(PERSON.pin, 1000);
    const started = Date.now();
    const r = await new XRoadClient(config({ retries: 1 })).get('persons', PERSON.pin);
    expect(!r.ok && r.error[0]?.message).toContain('timed out after 300 ms');
    expect(Date.now() - started).toBeLessThan(900);
    stall.delete(PERSON.pin);
  });
});

describeEachDatabase('X-Road registry', (get) => {
  const day = new Date('2020-09-15T06:00:00Z');
  const registry = () =>
    new XRoadRegistry(
      get().db,
      new XRoadClient(config()),
      { persons: 'persons', entities: 'entities', arrears: 'arrears' },
      () => day,
    );

  it('answers persons, entities and arrears, and names the dated answer it used', async () => {
    const a = await registry().lookup({ pins: [PERSON.pin, '29999999999999'], inns: [ENTITY.inn] });
    expect(a.persons.get(PERSON.pin)?.record).toEqual(PERSON);
    expect(a.persons.get(PERSON.pin)?.snapshot).toEqual({
      kind: 'persons',
      id: 'x-road:persons:2020-09-15',
      source: 'x-road',
      asOf: '2020-09-15',
    });
    expect(a.persons.has('29999999999999')).toBe(false);
    expect(a.entities.get(ENTITY.inn)?.record.registeredCapital).toBe(1_000_000);
    expect(a.arrears.get(ENTITY.inn)?.map((x) => x.record)).toEqual([
      { identifier: ENTITY.inn, kind: 'tax', amount: 5000, asOf: '2020-08-01' },
    ]);
    expect(a.arrears.has(PERSON.pin)).toBe(false);
    expect(a.consulted.map((s) => s.kind)).toEqual(['persons', 'entities', 'arrears']);
  });

  it('takes the same day’s answers from the cache, including "no such record"', async () => {
    seen.length = 0;
    const a = await registry().lookup({ pins: [PERSON.pin, '29999999999999'], inns: [ENTITY.inn] });
    expect(seen).toEqual([]);
    expect(a.persons.size).toBe(1);
    const rows = await get().db.selectFrom('xroad_answers').select(['service', 'outcome']).execute();
    expect(rows.length).toBe(6);
  });

  it('fails the lookup rather than reading an outage as unknown donors', async () => {
    failFirst.set('01111111111111', 3);
    await expect(registry().lookup({ pins: [], inns: ['01111111111111'] })).rejects.toBeInstanceOf(XRoadUnavailable);
    failFirst.delete('01111111111111');
  });

  it('routes each kind to its adapter', async () => {
    const fixed: RegistryPort = {
      lookup: async (): Promise<RegistryAnswers> => ({
        persons: new Map(),
        entities: new Map(),
        arrears: new Map(),
        stateBodies: new Map([
          [
            '09999999999999',
            {
              record: { inn: '09999999999999', name: 'Суд', kind: 'court' },
              snapshot: { kind: 'state-bodies', id: '7', source: 'snapshot', asOf: '2020-09-01' },
            },
          ],
        ]),
        consulted: [{ kind: 'state-bodies', id: '7', source: 'snapshot', asOf: '2020-09-01' }],
      }),
    };
    const x = registry();
    const routed = new RoutedRegistry({ persons: x, entities: x, arrears: x, 'state-bodies': fixed });
    const a = await routed.lookup({ pins: [PERSON.pin], inns: ['09999999999999'] });
    expect(a.persons.size).toBe(1);
    expect(a.stateBodies.get('09999999999999')?.record.kind).toBe('court');
    expect(a.consulted.map((s) => `${s.kind}:${s.source}`).sort()).toEqual([
      'arrears:x-road',
      'entities:x-road',
      'persons:x-road',
      'state-bodies:snapshot',
    ]);
  });
});
