// The documentation's own examples work on a demo instance: every operation that reads, called with the
// example values its parameters carry in the OpenAPI document (the values the docs page puts in its curl
// lines), answers 200 with a body matching its schema, over the full demo dataset — candidates, finance
// reports and bank statements. And nothing the demo holds privately (candidates' PINs, donors' PINs and
// home addresses) comes out of those answers, nor out of any operation that reads for anything the demo
// has: every election, party, report version, listing page and download.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { startDemoServer, type DemoServer } from '../support/demo-server.ts';
import { secretFinder, textOf } from './api-test-server.ts';
import { isRead, operationsOf, responseValidators, urlOf, type Json, type Operation } from './openapi-helpers.ts';

let server: DemoServer;
let doc: Json;
let validatorFor: ReturnType<typeof responseValidators>;
let find: (text: string) => string[];

beforeAll(async () => {
  server = await startDemoServer();
  doc = JSON.parse((await server.app.inject('/api/openapi.json')).body);
  validatorFor = responseValidators(doc);
  const pins = (await server.ctx.db.selectFrom('candidates').select('pin').execute()).map((r) => r.pin);
  const donors = await server.ctx.db.selectFrom('receipts').select(['donor_pin', 'donor_address']).execute();
  const secrets = [
    ...new Set(
      [...pins, ...donors.flatMap((r) => [r.donor_pin, r.donor_address])].filter(
        (x): x is string => typeof x === 'string' && x.trim() !== '',
      ),
    ),
  ];
  // The demo's reports have individual donors with PINs and addresses, or this test would prove little.
  expect(donors.filter((r) => r.donor_pin !== null).length).toBeGreaterThan(10);
  expect(donors.filter((r) => r.donor_address !== null).length).toBeGreaterThan(10);
  find = secretFinder(secrets);
});
afterAll(async () => server?.close());

function expectValid(op: Operation, res: { statusCode: number; headers: Record<string, unknown>; body: string }) {
  expect(res.statusCode, `${op.operationId}: ${res.body.slice(0, 200)}`).toBe(200);
  const media = String(res.headers['content-type']).split(';')[0]!;
  if (media === 'application/json') {
    const validate = validatorFor(op, '200', media);
    validate(JSON.parse(res.body));
    expect(validate.errors ?? [], op.operationId).toEqual([]);
  }
  expect(find(res.body), `${op.operationId} leaks a PIN or an address`).toEqual([]);
}

it('answers every operation that reads for the example values of its documentation', async () => {
  const reads = operationsOf(doc).filter(isRead);
  expect(reads.map((o) => o.operationId)).toEqual(
    expect.arrayContaining(['getFiling', 'listPartyFilings', 'getFilingTemplate', 'getFilingSchema']),
  );
  const missing: string[] = [];
  for (const op of reads) {
    const values: Record<string, string | number> = {};
    for (const p of op.parameters.filter((x) => x.in === 'path' || x.required)) {
      if (p.example === undefined)
        missing.push(`${op.operationId}: parameter ${p.name} has no example for the docs page`);
      else values[p.name] = p.example as string | number;
    }
    if (op.parameters.some((p) => (p.in === 'path' || p.required) && p.example === undefined)) continue;
    const res = await server.app.inject(urlOf(op, values));
    expectValid(op, res);
    const body = String(res.headers['content-type']).startsWith('application/json') ? JSON.parse(res.body) : undefined;
    // The examples show something: a search that finds, a party that has filed reports.
    if (op.operationId === 'searchCandidates') expect(body.data.length).toBeGreaterThan(0);
    if (op.operationId === 'listPartyFilings')
      expect(body.data.length, 'the example party has no reports in the demo').toBeGreaterThan(0);
    if (op.operationId === 'getFiling') expect(body.data.document.receipts.length).toBeGreaterThan(0);
  }
  expect(missing).toEqual([]);
});

it('publishes nothing private of the demo through any operation that reads, over all its data', async () => {
  const reads = operationsOf(doc).filter(isRead);
  const elections = (await server.ctx.db.selectFrom('elections').select('id').execute()).map((r) => r.id);
  const participations = await server.ctx.db
    .selectFrom('participations')
    .select(['election_id', 'party_registration_number'])
    .execute();
  const parties = (await server.ctx.db.selectFrom('parties').select('registration_number').execute()).map(
    (r) => r.registration_number,
  );
  const filings = await server.ctx.db.selectFrom('filings').select(['id', 'version']).execute();
  expect(filings.filter((f) => f.version > 0).length).toBeGreaterThan(20);
  const candidates = (await server.ctx.db.selectFrom('candidates').select('id').orderBy('id').limit(25).execute()).map(
    (r) => Number(r.id),
  );
  // Every donor and payee of every election, by the identifiers their lists give.
  const counterparts: Record<string, Array<{ electionId: string; id: string }>> = { donorId: [], payeeId: [] };
  for (const electionId of elections)
    for (const [name, list] of [
      ['donorId', 'donors'],
      ['payeeId', 'payees'],
    ] as const)
      for (const x of JSON.parse((await server.app.inject(`/api/v1/elections/${electionId}/${list}?limit=1000`)).body)
        .data as Array<{ counterpart: { id: string } }>)
        counterparts[name]!.push({ electionId, id: x.counterpart.id });
  /** Every thing each operation can name in the demo; the largest pages. */
  const callsOf = (op: Operation): Array<{ values: Record<string, string | number>; status: number }> => {
    const path = op.parameters
      .filter((p) => p.in === 'path')
      .map((p) => p.name)
      .sort()
      .join(',');
    const limit: Record<string, number> = op.parameters.some((p) => p.name === 'limit') ? { limit: 500 } : {};
    switch (path) {
      case '':
        return [
          {
            values: Object.fromEntries(
              op.parameters.filter((p) => p.required).map((p) => [p.name, p.example as string]),
            ),
            status: 200,
          },
        ];
      case 'electionId':
        // A comparison names its parties: those of the documented example, in the election they stand in.
        if (op.parameters.some((p) => p.name === 'parties'))
          return [
            {
              values: Object.fromEntries(op.parameters.map((p) => [p.name, p.example as string])),
              status: 200,
            },
          ];
        return elections.map((electionId) => ({ values: { electionId, ...limit }, status: 200 }));
      case 'electionId,registrationNumber':
        return participations.map((p) => ({
          values: { electionId: p.election_id, registrationNumber: p.party_registration_number, ...limit },
          status: 200,
        }));
      case 'registrationNumber':
        // A party's own routes (its annual reports): every party of the demo.
        return parties.map((registrationNumber) => ({ values: { registrationNumber }, status: 200 }));
      case 'filingId':
        // Drafts are not public.
        return filings.map((f) => ({ values: { filingId: Number(f.id) }, status: f.version > 0 ? 200 : 404 }));
      case 'id':
        return candidates.map((id) => ({ values: { id }, status: 200 }));
      case 'donorId,electionId':
      case 'electionId,payeeId': {
        const name = path.startsWith('donorId') ? 'donorId' : 'payeeId';
        return (counterparts[name] ?? []).map((c) => ({
          values: { electionId: c.electionId, [name]: c.id },
          status: 200,
        }));
      }
      default:
        throw new Error(`${op.operationId}: no demo values for the path parameters ${path}: add them here`);
    }
  };
  let responses = 0;
  for (const op of reads) {
    for (const { values, status } of callsOf(op)) {
      let url: string | null = urlOf(op, values);
      // Listings are walked to their end.
      while (url) {
        const res: LightMyRequestResponse = await server.app.inject(url);
        responses++;
        if (status !== 200) {
          expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(status);
          break;
        }
        expectValid(op, res);
        expect(find(await textOf(res)), `${url} leaks a PIN or an address`).toEqual([]);
        const body: { pagination?: { next?: string | null } } | undefined = String(
          res.headers['content-type'],
        ).startsWith('application/json')
          ? JSON.parse(res.body)
          : undefined;
        url = body?.pagination?.next ?? null;
      }
    }
  }
  expect(responses).toBeGreaterThan(200);
});
