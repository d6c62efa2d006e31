// The API answers as its OpenAPI document says, on every database: the document is valid OpenAPI 3.1,
// and every operation in it — found by reading the document, not from a list kept here — answers with
// its documented status, media type and body schema. Operations that read (GET) are called with valid,
// enumerated, unknown and invalid parameters; operations that write are called without credentials,
// with tokens that lack a scope or belong to another party, and with valid and invalid requests, until
// every status that any operation documents has been answered at least once.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { LightMyRequestResponse } from 'fastify';
import { availableDialects } from '../support/databases.ts';
import { bearerAs, loginAs } from '../../src/accounts/test-support.ts';
import type { Scope } from '../../src/accounts/index.ts';
import { FAKE_EXE, TINY_PNG, multipart } from '../../src/filings/filing.test-support.ts';
import {
  DONOR_ADDRESS,
  DONOR_PIN,
  annualDocument,
  donation,
} from '../../src/annual-reports/annual-reports.test-support.ts';
import {
  BIG,
  ELECTION,
  EMPTY,
  OTHER_ELECTION,
  SMALL,
  UPLOAD_LIMIT_MB,
  filingJson,
  json,
  startApiTestServer,
  testFiling,
  type ApiTestServer,
} from './api-test-server.ts';
import {
  headersOf,
  invalidValueFor,
  isRead,
  operationsOf,
  responseValidators,
  urlOf,
  type Json,
  type Operation,
} from './openapi-helpers.ts';

type Values = Record<string, string | number>;

function mediaTypeOf(contentType: unknown): string {
  return String(contentType ?? '')
    .split(';')[0]!
    .trim();
}

/** A request of a write operation: headers (other than credentials) and body. */
interface WriteRequest {
  headers: Record<string, string>;
  payload?: string | Buffer;
}

/**
 * How to call each operation that writes. The document says what they answer; this says what a valid
 * request is and who may make it. An operation that writes and has no entry here fails the suite.
 */
interface WriteCase {
  /** The scopes a token needs; a token lacking any one of them is refused. */
  scopes: Scope[];
  /** A request that is valid but for its credentials. */
  valid(): WriteRequest;
}

for (const dialect of availableDialects()) {
  describe(`the API and its OpenAPI document [${dialect}]`, () => {
    let s: ApiTestServer;
    let doc: Json;
    let ops: Operation[];
    let reads: Operation[];
    let writes: Operation[];
    let validatorFor: ReturnType<typeof responseValidators>;
    let candidateId: number;
    let donorId: string;
    let payeeId: string;
    /** Statuses each operation was seen to answer as documented. */
    const answered = new Map<string, Set<string>>();
    let keySerial = 0;
    const newKey = () => `contract-${dialect}-${++keySerial}`;

    /** Valid values for every parameter the API has; a new parameter needs one here, or its test fails. */
    const validValues = (): Values => ({
      electionId: ELECTION.id,
      registrationNumber: BIG.registrationNumber,
      id: candidateId,
      q: 'Sydykova',
      filingId: s.filings.bigV2,
      donorId,
      payeeId,
      parties: `${BIG.registrationNumber},${SMALL.registrationNumber}`,
      pin: '11503199099001',
      surname: 'Аса',
      start: 0,
      end: 1,
      index: 0,
      treeSize: 1,
      first: 1,
      second: 1,
    });
    /** Values of path parameters that name nothing: each must answer 404 where 404 is documented. */
    const unknownValues = (): Record<string, Array<string | number>> => ({
      electionId: ['no-such-election'],
      registrationNumber: ['NO-SUCH-PARTY'],
      id: [99_999_999],
      // A version that does not exist, and a report that is still a draft: neither is public.
      filingId: [99_999_999, s.filings.draft],
      donorId: ['0'.repeat(24)],
      payeeId: ['0'.repeat(24)],
    });

    /** A new report of the big party, not filed yet: each call a different one. */
    let reportSerial = 0;
    const newReport = () =>
      filingJson(
        testFiling({
          reportKind: 'first',
          periodFrom: '2021-11-01',
          periodTo: '2021-11-01',
          donors: [1, 2],
          extraSom: ++reportSerial,
        }),
      );

    /**
     * A new annual report of the big party for 2020, a year over by the test clock: each call a
     * different document (its membership dues differ), so each one filed is a new version.
     */
    let annualSerial = 0;
    const newAnnualReport = () =>
      annualDocument({
        party: BIG.registrationNumber,
        year: 2020,
        dues: 12_000_000 + ++annualSerial,
        donations: [donation('D-1', '2020-03-15')],
      });

    const writeCases: Record<string, WriteCase> = {
      submitFiling: {
        scopes: ['filings:write', 'filings:submit'],
        valid: () => ({
          headers: { 'content-type': 'application/json', 'idempotency-key': newKey() },
          payload: JSON.stringify(newReport()),
        }),
      },
      submitAnnualReport: {
        scopes: ['filings:write', 'filings:submit'],
        valid: () => ({
          headers: { 'content-type': 'application/json', 'idempotency-key': newKey() },
          payload: JSON.stringify(newAnnualReport()),
        }),
      },
      uploadFilingScan: {
        scopes: ['filings:write'],
        valid: () => {
          const form = multipart([], { field: 'file', name: 'receipt.png', type: 'image/png', bytes: TINY_PNG });
          return { headers: form.headers, payload: form.payload };
        },
      },
    };

    function requestValues(op: Operation, values: Values): Values {
      const out: Values = {};
      for (const p of op.parameters) {
        if (p.in === 'path' || p.required) {
          const v = values[p.name];
          if (v === undefined)
            throw new Error(`No test value for parameter "${p.name}" of ${op.operationId}: add one to validValues`);
          out[p.name] = v;
        }
      }
      return out;
    }

    function expectDocumented(op: Operation, status: string, res: LightMyRequestResponse) {
      expect(String(res.statusCode), `${op.operationId}: ${res.body.slice(0, 300)}`).toBe(status);
      const media = mediaTypeOf(res.headers['content-type']);
      const documented = Object.keys(op.responses[status]?.content ?? {});
      expect(documented, `${op.operationId} ${status} answered ${media}`).toContain(media);
      if (media === 'application/json') {
        const validate = validatorFor(op, status, media);
        const ok = validate(JSON.parse(res.body));
        expect(validate.errors ?? [], `${op.operationId} ${status} body does not match its schema`).toEqual([]);
        expect(ok).toBe(true);
      } else if (media === 'text/csv') {
        expect(res.body.startsWith('\ufeff')).toBe(true);
      } else {
        // XLSX is a zip file.
        expect(res.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
      }
      if (!answered.has(op.operationId)) answered.set(op.operationId, new Set());
      answered.get(op.operationId)!.add(status);
    }

    /** The one error body, with the code the status stands for. */
    function expectError(res: LightMyRequestResponse, code: string) {
      const body = json(res);
      expect(Object.keys(body), res.body).toEqual(['error']);
      expect(body.error.code, res.body).toBe(code);
      expect(typeof body.error.message).toBe('string');
    }

    const opById = (id: string): Operation => {
      const op = ops.find((o) => o.operationId === id);
      if (!op) throw new Error(`the document has no operation ${id}`);
      return op;
    };

    function send(
      op: Operation,
      req: WriteRequest,
      credentials: Record<string, string> = {},
    ): Promise<LightMyRequestResponse> {
      return s.request({
        method: op.method as 'POST',
        url: urlOf(op, {}),
        headers: { ...req.headers, ...credentials },
        payload: req.payload,
      });
    }

    const filingCount = async () =>
      Number(
        (
          await s.ctx.db
            .selectFrom('filings')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const annualReportCount = async () =>
      Number(
        (
          await s.ctx.db
            .selectFrom('annual_reports')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    /** Everything an operation that writes can store: a refused request changes none of it. */
    const storedCount = async () => (await filingCount()) + (await annualReportCount());

    beforeAll(async () => {
      s = await startApiTestServer(dialect);
      const first = await s.ctx.db.selectFrom('candidates').select('id').orderBy('id').executeTakeFirstOrThrow();
      candidateId = Number(first.id);
      // The largest donor and payee of the election, by the identifiers their lists give.
      donorId = json(await s.get(`/api/v1/elections/${ELECTION.id}/donors?limit=1`)).data[0].counterpart.id;
      payeeId = json(await s.get(`/api/v1/elections/${ELECTION.id}/payees?limit=1`)).data[0].counterpart.id;
      doc = json(await s.get('/api/openapi.json'));
      ops = operationsOf(doc);
      reads = ops.filter(isRead);
      writes = ops.filter((o) => !isRead(o));
      validatorFor = responseValidators(doc);
    });
    afterAll(async () => s?.close());

    describe('the OpenAPI document', () => {
      it('is valid OpenAPI 3.1', async () => {
        const validator = new Validator();
        const result = await validator.validate(doc);
        expect(result.errors).toBeUndefined();
        expect(result.valid).toBe(true);
        expect(validator.version).toBe('3.1');
      });

      it('lists every public route', () => {
        expect(ops.map((o) => `${o.method} ${o.path}`).sort()).toEqual(
          [
            'GET /api/v1/elections',
            'GET /api/v1/elections/{electionId}',
            'GET /api/v1/elections/{electionId}/parties',
            'GET /api/v1/elections/{electionId}/parties/{registrationNumber}',
            'GET /api/v1/elections/{electionId}/parties/{registrationNumber}/candidates',
            'GET /api/v1/elections/{electionId}/candidates',
            'GET /api/v1/candidates/{id}',
            'GET /api/v1/search',
            'GET /api/v1/elections/{electionId}/parties/{registrationNumber}/candidates.csv',
            'GET /api/v1/elections/{electionId}/parties/{registrationNumber}/candidates.xlsx',
            'GET /api/v1/elections/{electionId}/parties/{registrationNumber}/candidates.json',
            'GET /api/v1/elections/{electionId}/popolo.json',
            // Finance reports (the Filings extension).
            'GET /api/schemas/filing-v1.json',
            'GET /api/schemas/filing-v2.json',
            'GET /api/v1/filings/template.xlsx',
            'GET /api/v1/filings/{filingId}',
            'GET /api/v1/elections/{electionId}/parties/{registrationNumber}/filings',
            'POST /api/v1/filings',
            'POST /api/v1/filings/scans',
            // Annual reports of parties, outside election campaigns.
            'GET /api/schemas/annual-report-v1.json',
            'GET /api/v1/parties/{registrationNumber}/annual-reports',
            'POST /api/v1/annual-reports',
            // Campaign finance (the Finance extension).
            'GET /api/v1/elections/{electionId}/finance/totals',
            'GET /api/v1/elections/{electionId}/finance/timeline',
            'GET /api/v1/elections/{electionId}/finance/reports',
            'GET /api/v1/elections/{electionId}/receipts',
            'GET /api/v1/elections/{electionId}/expenditures',
            // Findings of the compliance checks, once published.
            'GET /api/v1/elections/{electionId}/findings',
            // Donors and payees merged by identity.
            'GET /api/v1/elections/{electionId}/donors',
            'GET /api/v1/elections/{electionId}/donors/{donorId}',
            'GET /api/v1/elections/{electionId}/payees',
            'GET /api/v1/elections/{electionId}/payees/{payeeId}',
            'GET /api/v1/elections/{electionId}/breakdown',
            'GET /api/v1/elections/{electionId}/comparison',
            // Political advertising against the declarations.
            'GET /api/v1/elections/{electionId}/ads',
            // The transparency log: its leaves and the proofs between them.
            'GET /api/v1/log/entries',
            'GET /api/v1/log/proof/inclusion',
            'GET /api/v1/log/proof/consistency',
            // Where a voter votes.
            'GET /api/v1/voters/lookup',
          ].sort(),
        );
      });

      it('has a tag for every operation and describes every tag', () => {
        const tags = new Map(
          (doc.tags as Array<{ name: string; description?: string }>).map((t) => [t.name, t.description]),
        );
        for (const [name, description] of tags) expect(description, `tag ${name}`).toBeTruthy();
        for (const op of ops)
          for (const t of op.tags ?? [])
            expect(tags.has(t), `${op.operationId} has the undeclared tag ${t}`).toBe(true);
        expect([...tags.keys()]).toEqual(expect.arrayContaining(['Filings', 'Finance', 'Annual reports']));
      });

      it('documents every operation, parameter and field (field docs live in the schemas)', () => {
        const ids = new Set<string>();
        for (const op of ops) {
          expect(op.operationId, op.path).toBeTruthy();
          expect(ids.has(op.operationId), `duplicate operationId ${op.operationId}`).toBe(false);
          ids.add(op.operationId);
          expect(op.summary, op.operationId).toBeTruthy();
          expect(op.tags?.length, op.operationId).toBeGreaterThan(0);
          for (const p of op.parameters) expect(p.description, `${op.operationId} parameter ${p.name}`).toBeTruthy();
          for (const [status, r] of Object.entries(op.responses))
            expect(r.description, `${op.operationId} ${status}`).toBeTruthy();
        }
        const undocumented: string[] = [];
        const walk = (schema: Json, where: string) => {
          for (const [name, prop] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) {
            // A reference is described by its component (checked below) unless it says more.
            if (!prop.description && !prop.$ref) undocumented.push(`${where}.${name}`);
            if (prop.properties) walk(prop, `${where}.${name}`);
            if (prop.items?.properties) walk(prop.items, `${where}.${name}[]`);
          }
        };
        for (const [name, schema] of Object.entries(doc.components.schemas as Record<string, Json>)) {
          expect(schema.description, `component ${name}`).toBeTruthy();
          walk(schema, name);
        }
        expect(undocumented).toEqual([]);
      });

      it('never names a PIN or an address of a person', () => {
        // The one PIN the API takes is the voter's own, asked for their polling station; none is answered.
        const pinParameters = ops.filter((op) => op.parameters.some((p) => /^pin$/i.test(p.name)));
        expect(pinParameters.map((op) => op.operationId)).toEqual(['lookupVoter']);
        const text = JSON.stringify({ ...doc, paths: Object.keys(doc.paths as Json) });
        expect(text).not.toMatch(/"pin"/i);
        expect(JSON.stringify(ops.map((op) => op.responses))).not.toMatch(/"pin"/i);
        expect(text).not.toMatch(/"donorPin"|"donorAddress"/i);
      });

      it('says what a write needs: a token (401, 403) and what it takes', () => {
        expect(writes.length).toBeGreaterThan(0);
        for (const op of writes) {
          expect(Object.keys(op.responses), op.operationId).toEqual(expect.arrayContaining(['401', '403']));
          expect(op.responses['401']?.content?.['application/json'], op.operationId).toBeDefined();
        }
      });
    });

    describe('every operation that reads', () => {
      it('answers its documented success response for valid parameters', async () => {
        expect(reads.length).toBeGreaterThan(0);
        for (const op of reads) {
          const status = Object.keys(op.responses).find((x) => x.startsWith('2'));
          expect(status, `${op.operationId} documents no success response`).toBeDefined();
          const res = await s.get(urlOf(op, requestValues(op, validValues())));
          expectDocumented(op, status!, res);
        }
      });

      it('answers for every value of every enumerated query parameter', async () => {
        let calls = 0;
        for (const op of reads) {
          for (const p of op.parameters.filter((x) => x.in === 'query' && Array.isArray(x.schema?.enum))) {
            for (const value of p.schema!.enum as string[]) {
              const res = await s.get(urlOf(op, { ...requestValues(op, validValues()), [p.name]: value }));
              expectDocumented(op, '200', res);
              calls++;
            }
          }
        }
        expect(calls).toBeGreaterThan(10);
      });

      it('answers 404 with the error body for unknown ids, where it documents 404', async () => {
        for (const op of reads.filter((o) => o.responses['404'])) {
          for (const p of op.parameters.filter((x) => x.in === 'path')) {
            const unknown = unknownValues()[p.name];
            if (!unknown)
              throw new Error(
                `No unknown value for path parameter "${p.name}" of ${op.operationId}: add one to unknownValues`,
              );
            for (const value of unknown) {
              const res = await s.get(urlOf(op, { ...requestValues(op, validValues()), [p.name]: value }));
              expectDocumented(op, '404', res);
              expectError(res, 'not_found');
            }
          }
        }
      });

      it('answers 404 for a party that stands in another election only', async () => {
        for (const op of reads.filter(
          (o) =>
            o.responses['404'] &&
            o.parameters.some((p) => p.name === 'registrationNumber') &&
            // Only a route per election can refuse a party of another election; a party's own routes
            // (its annual reports) name no election.
            o.path.includes('{electionId}'),
        )) {
          const res = await s.get(
            urlOf(op, {
              ...requestValues(op, validValues()),
              electionId: OTHER_ELECTION.id,
              registrationNumber: BIG.registrationNumber,
            }),
          );
          expectDocumented(op, '404', res);
          expectError(res, 'not_found');
        }
      });

      it('answers 400 with every problem listed, where it documents 400', async () => {
        for (const op of reads.filter((o) => o.responses['400'])) {
          const invalid = op.parameters.map((p) => [p, invalidValueFor(p)] as const).filter(([, v]) => v !== undefined);
          const required = op.parameters.filter((p) => p.in === 'query' && p.required);
          // A filter the operation does not know is refused too, never ignored.
          const valid = urlOf(op, requestValues(op, validValues()));
          const unknown = await s.get(`${valid}${valid.includes('?') ? '&' : '?'}noSuchFilter=1`);
          expectDocumented(op, '400', unknown);
          expect(json(unknown).error.details ?? [], unknown.body).toContainEqual(
            expect.objectContaining({ path: ['noSuchFilter'], in: 'querystring' }),
          );
          for (const [p, bad] of invalid) {
            const res = await s.get(urlOf(op, { ...requestValues(op, validValues()), [p.name]: bad }));
            expectDocumented(op, '400', res);
            const body = json(res);
            expect(body.error.code).toBe('invalid_request');
            expect
              .soft(body.error.details ?? [], `${op.operationId}: ${res.body}`)
              .toContainEqual(expect.objectContaining({ path: [p.name] }));
          }
          for (const p of required) {
            const values = requestValues(op, validValues());
            delete values[p.name];
            const res = await s.get(urlOf(op, values));
            expectDocumented(op, '400', res);
            expect
              .soft(json(res).error.details ?? [], res.body)
              .toContainEqual(expect.objectContaining({ path: [p.name], in: 'querystring' }));
          }
        }
      });

      it('documents the 400 it answers for an invalid or unknown parameter', () => {
        const undocumented = reads.filter((op) => !op.responses['400']).map((op) => op.operationId);
        expect(undocumented).toEqual([]);
      });
    });

    describe('every operation that writes', () => {
      it('has a test case here', () => {
        expect(writes.map((o) => o.operationId).sort()).toEqual(Object.keys(writeCases).sort());
      });

      it('refuses a caller without a valid token with the documented 401, before judging anything else', async () => {
        for (const op of writes) {
          const valid = writeCases[op.operationId]!.valid();
          const calls: Array<[string, WriteRequest, Record<string, string>]> = [
            ['no credentials', valid, {}],
            ['an unknown token', valid, { authorization: 'Bearer not-a-token' }],
            ['a malformed Authorization header', valid, { authorization: 'Basic dXNlcjpwYXNz' }],
            // Credentials are judged before the request: nobody learns what a valid request is without a token.
            [
              'no credentials and no headers',
              {
                headers: { 'content-type': valid.headers['content-type'] ?? 'application/json' },
                payload: valid.payload,
              },
              {},
            ],
          ];
          for (const [what, req, credentials] of calls) {
            const before = await storedCount();
            const res = await send(op, req, credentials);
            expect(res.statusCode, `${op.operationId} with ${what}: ${res.body}`).toBe(401);
            expectDocumented(op, '401', res);
            expectError(res, 'unauthorized');
            expect(res.headers['www-authenticate']).toBe('Bearer');
            expect(res.headers['cache-control']).toBe('no-store');
            expect(res.headers['access-control-allow-origin']).toBe('*');
            expect(await storedCount()).toBe(before);
          }
        }
      });

      it('refuses with the documented 403 a token that lacks a scope the operation needs', async () => {
        for (const op of writes) {
          const c = writeCases[op.operationId]!;
          // Each needed scope missing in turn (the others granted), and a token with only the read scope.
          const readOnly: Scope[] = ['filings:read'];
          const lacking = [...c.scopes.map((missing) => c.scopes.filter((x) => x !== missing)), readOnly].filter(
            (x) => x.length > 0,
          );
          for (const scopes of lacking) {
            const token = await bearerAs(s.ctx, 'party_treasurer', scopes, { party: BIG.registrationNumber });
            const res = await send(op, c.valid(), token.headers);
            expect(res.statusCode, `${op.operationId} with ${scopes.join(' ')}: ${res.body}`).toBe(403);
            expectDocumented(op, '403', res);
            expectError(res, 'forbidden');
          }
          // A role that does not file reports, whatever its token says.
          const bank = await bearerAs(s.ctx, 'bank_officer', ['statements:write']);
          const res = await send(op, c.valid(), bank.headers);
          expectDocumented(op, '403', res);
          expectError(res, 'forbidden');
        }
      });

      it('refuses a browser session that sends no CSRF token, with the consistent 403', async () => {
        const session = await loginAs(s.app, s.ctx, 'party_treasurer', { party: BIG.registrationNumber });
        for (const op of writes) {
          const before = await storedCount();
          const res = await send(op, writeCases[op.operationId]!.valid(), { cookie: session.cookie });
          expectDocumented(op, '403', res);
          expectError(res, 'forbidden');
          expect(await storedCount()).toBe(before);
        }
      });

      it('files a report: 201 with the documented body, the same Idempotency-Key again 200, another report under it 409', async () => {
        const op = opById('submitFiling');
        const token = await bearerAs(s.ctx, 'party_treasurer', writeCases.submitFiling!.scopes, {
          party: BIG.registrationNumber,
        });
        const req = writeCases.submitFiling!.valid();
        const filed = await send(op, req, token.headers);
        expectDocumented(op, '201', filed);
        const created = json(filed).data;
        expect(created).toMatchObject({ version: 1, replayed: false });
        expect(filed.headers.location).toBe(`/api/v1/filings/${created.id}`);

        // The filed version is public at once, itemised without its donors' PINs and addresses.
        const detail = await s.get(String(filed.headers.location));
        expectDocumented(opById('getFiling'), '200', detail);
        const sent = JSON.parse(String(req.payload));
        const published = json(detail).data;
        expect(published).toMatchObject({
          id: created.id,
          chainId: created.chainId,
          version: 1,
          status: 'filed',
          isLatest: true,
        });
        expect(published.document.receipts.map((r: { lineId: string }) => r.lineId)).toEqual(
          sent.receipts.map((r: { lineId: string }) => r.lineId),
        );
        expect(detail.body).not.toMatch(/donorPin|donorAddress/);
        const listing = json(
          await s.get(`/api/v1/elections/${ELECTION.id}/parties/${BIG.registrationNumber}/filings`),
        ).data;
        expect(
          listing
            .find((c: { chainId: number }) => c.chainId === created.chainId)
            ?.versions.map((v: { id: number }) => v.id),
        ).toEqual([created.id]);

        const count = await filingCount();
        const replay = await send(op, req, token.headers);
        expectDocumented(op, '200', replay);
        expect(json(replay).data).toEqual({ ...created, replayed: true });
        expect(replay.headers.location).toBe(filed.headers.location);

        const reused = await send(op, { headers: req.headers, payload: JSON.stringify(newReport()) }, token.headers);
        expectDocumented(op, '409', reused);
        expect(json(reused).error.code).toBe('idempotency_key_reused');
        expect(await filingCount()).toBe(count);
      });

      it('files an amendment as the next version of the report', async () => {
        const op = opById('submitFiling');
        const token = await bearerAs(s.ctx, 'party_treasurer', writeCases.submitFiling!.scopes, {
          party: SMALL.registrationNumber,
        });
        // The small party's initial report is in the fixture; the same kind and first day amends it.
        const amended = filingJson(testFiling({ registrationNumber: SMALL.registrationNumber, donors: [2, 3] }));
        const res = await send(
          op,
          {
            headers: { 'content-type': 'application/json', 'idempotency-key': newKey() },
            payload: JSON.stringify(amended),
          },
          token.headers,
        );
        expectDocumented(op, '201', res);
        const created = json(res).data;
        expect(created.version).toBe(2);
        const versions = json(await s.get(`/api/v1/filings/${created.id}`)).data.versions;
        expect(versions.map((v: { version: number; isLatest: boolean }) => [v.version, v.isLatest])).toEqual([
          [1, false],
          [2, true],
        ]);
      });

      it("refuses with the documented 403 a treasurer's token for another party's report", async () => {
        const op = opById('submitFiling');
        const token = await bearerAs(s.ctx, 'party_treasurer', writeCases.submitFiling!.scopes, {
          party: SMALL.registrationNumber,
        });
        const before = await filingCount();
        const res = await send(op, writeCases.submitFiling!.valid(), token.headers);
        expectDocumented(op, '403', res);
        expectError(res, 'forbidden');
        expect(await filingCount()).toBe(before);
      });

      it('refuses a report with errors with the documented 422, naming line and field, and stores nothing', async () => {
        const op = opById('submitFiling');
        const token = await bearerAs(s.ctx, 'party_treasurer', writeCases.submitFiling!.scopes, {
          party: BIG.registrationNumber,
        });
        const report = newReport() as { receipts: Array<{ date: string }> };
        report.receipts[0]!.date = '2021-10-01';
        const before = await filingCount();
        const res = await send(
          op,
          {
            headers: { 'content-type': 'application/json', 'idempotency-key': newKey() },
            payload: JSON.stringify(report),
          },
          token.headers,
        );
        expectDocumented(op, '422', res);
        const body = json(res);
        expect(body.error.code).toBe('filing_invalid');
        expect(body.error.problems).toContainEqual(
          expect.objectContaining({ severity: 'error', field: 'receipts[0].date', row: 1 }),
        );
        expect(await filingCount()).toBe(before);
      });

      it('refuses a malformed request with the documented 400 and every problem listed', async () => {
        const op = opById('submitFiling');
        const token = await bearerAs(s.ctx, 'party_treasurer', writeCases.submitFiling!.scopes, {
          party: BIG.registrationNumber,
        });
        const valid = writeCases.submitFiling!.valid();
        const noKey = await send(
          op,
          { headers: { 'content-type': 'application/json' }, payload: valid.payload },
          token.headers,
        );
        expectDocumented(op, '400', noKey);
        expect(json(noKey).error.code).toBe('invalid_request');
        expect(json(noKey).error.details ?? [], noKey.body).toContainEqual(
          expect.objectContaining({ in: 'headers', path: ['idempotency-key'] }),
        );
        // Every header parameter with a bound: one over it is refused the same way.
        for (const p of op.parameters.filter((x) => x.in === 'header')) {
          const bad = invalidValueFor(p);
          if (bad === undefined) continue;
          const res = await send(
            op,
            { headers: { ...valid.headers, ...headersOf(op, { [p.name]: bad }) }, payload: valid.payload },
            token.headers,
          );
          expectDocumented(op, '400', res);
          expect(json(res).error.details ?? [], res.body).toContainEqual(
            expect.objectContaining({ in: 'headers', path: [p.name] }),
          );
        }
        const notAnObject = await send(op, { headers: valid.headers, payload: '[1, 2]' }, token.headers);
        expectDocumented(op, '400', notAnObject);
        expect(json(notAnObject).error.details ?? [], notAnObject.body).toContainEqual(
          expect.objectContaining({ in: 'body' }),
        );
      });

      it('files an annual report: 201 with the documented body, the same Idempotency-Key again 200, another report under it 409', async () => {
        const op = opById('submitAnnualReport');
        const token = await bearerAs(s.ctx, 'party_treasurer', writeCases.submitAnnualReport!.scopes, {
          party: BIG.registrationNumber,
        });
        const req = writeCases.submitAnnualReport!.valid();
        const before = await annualReportCount();
        const filed = await send(op, req, token.headers);
        expectDocumented(op, '201', filed);
        const created = json(filed).data;
        expect(created).toMatchObject({ party: BIG.registrationNumber, year: 2020, replayed: false });
        expect(await annualReportCount()).toBe(before + 1);
        const location = `/api/v1/parties/${encodeURIComponent(BIG.registrationNumber)}/annual-reports`;
        expect(filed.headers.location).toBe(location);

        // The filed version is public at once, without its donors' PINs and addresses.
        const listing = await s.get(location);
        expectDocumented(opById('listPartyAnnualReports'), '200', listing);
        const year = json(listing).data.find((y: { year: number }) => y.year === 2020);
        expect(year).toMatchObject({ party: BIG.registrationNumber, version: created.version });
        expect(year.versions.at(-1)).toMatchObject({ version: created.version, isLatest: true });
        expect(listing.body).not.toContain(DONOR_PIN);
        expect(listing.body).not.toContain(DONOR_ADDRESS);

        const count = await annualReportCount();
        const replay = await send(op, req, token.headers);
        expectDocumented(op, '200', replay);
        // The first answer again; its warnings were told then (a replay, as for finance reports, repeats none).
        expect(json(replay).data).toEqual({ ...created, replayed: true, warnings: expect.any(Array) });
        expect(replay.headers.location).toBe(location);

        const reused = await send(
          op,
          { headers: req.headers, payload: JSON.stringify(newAnnualReport()) },
          token.headers,
        );
        expectDocumented(op, '409', reused);
        expect(json(reused).error.code).toBe('idempotency_key_reused');
        expect(await annualReportCount()).toBe(count);
      });

      it("refuses with the documented 403 a treasurer's token for another party's annual report", async () => {
        const op = opById('submitAnnualReport');
        const token = await bearerAs(s.ctx, 'party_treasurer', writeCases.submitAnnualReport!.scopes, {
          party: SMALL.registrationNumber,
        });
        const before = await annualReportCount();
        const res = await send(op, writeCases.submitAnnualReport!.valid(), token.headers);
        expectDocumented(op, '403', res);
        expectError(res, 'forbidden');
        expect(await annualReportCount()).toBe(before);
      });

      it('refuses an annual report with errors with the documented 422, naming the field, and stores nothing', async () => {
        const op = opById('submitAnnualReport');
        const token = await bearerAs(s.ctx, 'party_treasurer', writeCases.submitAnnualReport!.scopes, {
          party: BIG.registrationNumber,
        });
        const report = newAnnualReport();
        report.cash.closing += 5;
        const before = await annualReportCount();
        const res = await send(
          op,
          {
            headers: { 'content-type': 'application/json', 'idempotency-key': newKey() },
            payload: JSON.stringify(report),
          },
          token.headers,
        );
        expectDocumented(op, '422', res);
        const body = json(res);
        expect(body.error.code).toBe('annual_report_invalid');
        expect(body.error.problems).toContainEqual(
          expect.objectContaining({ severity: 'error', field: 'cash.closing' }),
        );
        expect(await annualReportCount()).toBe(before);
      });

      it('refuses a malformed annual report request with the documented 400 and every problem listed', async () => {
        const op = opById('submitAnnualReport');
        const token = await bearerAs(s.ctx, 'party_treasurer', writeCases.submitAnnualReport!.scopes, {
          party: BIG.registrationNumber,
        });
        const valid = writeCases.submitAnnualReport!.valid();
        const before = await annualReportCount();
        const noKey = await send(
          op,
          { headers: { 'content-type': 'application/json' }, payload: valid.payload },
          token.headers,
        );
        expectDocumented(op, '400', noKey);
        expect(json(noKey).error.code).toBe('invalid_request');
        expect(json(noKey).error.details ?? [], noKey.body).toContainEqual(
          expect.objectContaining({ in: 'headers', path: ['idempotency-key'] }),
        );
        // Every header parameter with a bound: one over it is refused the same way.
        for (const p of op.parameters.filter((x) => x.in === 'header')) {
          const bad = invalidValueFor(p);
          if (bad === undefined) continue;
          const res = await send(
            op,
            { headers: { ...valid.headers, ...headersOf(op, { [p.name]: bad }) }, payload: valid.payload },
            token.headers,
          );
          expectDocumented(op, '400', res);
          expect(json(res).error.details ?? [], res.body).toContainEqual(
            expect.objectContaining({ in: 'headers', path: [p.name] }),
          );
        }
        const notAnObject = await send(op, { headers: valid.headers, payload: '[1, 2]' }, token.headers);
        expectDocumented(op, '400', notAnObject);
        expect(json(notAnObject).error.details ?? [], notAnObject.body).toContainEqual(
          expect.objectContaining({ in: 'body' }),
        );
        expect(await annualReportCount()).toBe(before);
      });

      it('stores a scan (201 as documented) that a report then names by its SHA-256', async () => {
        const op = opById('uploadFilingScan');
        const token = await bearerAs(s.ctx, 'party_treasurer', writeCases.uploadFilingScan!.scopes, {
          party: BIG.registrationNumber,
        });
        const res = await send(op, writeCases.uploadFilingScan!.valid(), token.headers);
        expectDocumented(op, '201', res);
        const scan = json(res).data;
        expect(scan).toEqual({
          sha256: createHash('sha256').update(TINY_PNG).digest('hex'),
          fileName: 'receipt.png',
          mediaType: 'image/png',
          size: TINY_PNG.length,
        });

        const report = newReport();
        report.attachments = [
          { sha256: scan.sha256, fileName: scan.fileName, mediaType: scan.mediaType, size: scan.size },
        ];
        const submit = opById('submitFiling');
        const submitter = await bearerAs(s.ctx, 'party_treasurer', writeCases.submitFiling!.scopes, {
          party: BIG.registrationNumber,
        });
        const filed = await send(
          submit,
          {
            headers: { 'content-type': 'application/json', 'idempotency-key': newKey() },
            payload: JSON.stringify(report),
          },
          submitter.headers,
        );
        expectDocumented(submit, '201', filed);
        const detail = json(await s.get(String(filed.headers.location))).data;
        expect(detail.document.attachments).toEqual([
          { sha256: scan.sha256, fileName: 'receipt.png', mediaType: 'image/png', size: TINY_PNG.length },
        ]);
      });

      it('refuses what is not a scan with the documented 422, and a file over the limit with the documented 413', async () => {
        const op = opById('uploadFilingScan');
        const token = await bearerAs(s.ctx, 'party_treasurer', writeCases.uploadFilingScan!.scopes, {
          party: BIG.registrationNumber,
        });
        const exe = multipart([], { field: 'file', name: 'statement.pdf', type: 'application/pdf', bytes: FAKE_EXE });
        const refused = await send(op, exe, token.headers);
        expectDocumented(op, '422', refused);
        expect(json(refused).error.problems.length).toBeGreaterThan(0);
        const empty = multipart([['note', 'no file']]);
        expectDocumented(op, '422', await send(op, empty, token.headers));
        const big = multipart([], {
          field: 'file',
          name: 'big.png',
          type: 'image/png',
          bytes: Buffer.concat([TINY_PNG, Buffer.alloc(Math.ceil(UPLOAD_LIMIT_MB * 1024 * 1024))]),
        });
        const tooLarge = await send(op, big, token.headers);
        expectDocumented(op, '413', tooLarge);
        expect(json(tooLarge).error.code).toBe('payload_too_large');
      });
    });

    describe('the voter lookup', () => {
      const lookup = () => ops.find((o) => o.operationId === 'lookupVoter') as Operation;
      it('finds nothing for a wrong surname and says so, without a word about the voter', async () => {
        const res = await s.get(urlOf(lookup(), { ...requestValues(lookup(), validValues()), surname: 'Бек' }));
        expectDocumented(lookup(), '404', res);
        expect(res.body).not.toContain('11503199099001');
      });
      it('stops one address that asks too often, with the time to wait', async () => {
        const url = urlOf(lookup(), requestValues(lookup(), validValues()));
        let res: LightMyRequestResponse | undefined;
        for (let i = 0; i < 200 && res?.statusCode !== 429; i++)
          res = await s.request({ method: 'GET', url, remoteAddress: '198.51.100.7' });
        expect(res?.statusCode).toBe(429);
        expectDocumented(lookup(), '429', res as LightMyRequestResponse);
        expect(res?.headers['retry-after']).toBeDefined();
      });
    });

    describe('the whole document', () => {
      it('has had every status of every operation answered as documented', () => {
        const missing: string[] = [];
        for (const op of ops) {
          for (const status of Object.keys(op.responses)) {
            if (!answered.get(op.operationId)?.has(status)) missing.push(`${op.operationId} ${status}`);
          }
        }
        expect(missing).toEqual([]);
      });
    });

    describe('the docs page', () => {
      it('is one accessible HTML page describing every operation, with the site’s stylesheet and no script', async () => {
        const res = await s.get('/api/docs');
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        const html = res.body;
        expect(html).toMatch(/^<!doctype html><html lang="en">/);
        expect(html).not.toMatch(/<script|<style|src="https?:/i);
        expect([...html.matchAll(/<link[^>]+stylesheet[^>]*>/g)].map((m) => m[0])).toEqual([
          expect.stringMatching(/href="\/static\/site\.[0-9a-f]+\.css"/),
        ]);
        expect(html).toContain('href="/api/openapi.json"');
        expect(html).toContain('<th scope="col">');
        expect(html.match(/<h1[ >]/g)).toHaveLength(1);
        for (const op of ops) {
          expect(html, op.operationId).toContain(`id="${op.operationId}"`);
          expect(html, op.operationId).toContain(op.path);
          for (const p of op.parameters) expect(html).toContain(`<code>${p.name}</code>`);
        }
        // A working example with the demo's ids, and the fields of a response.
        expect(html).toContain("curl 'http://localhost:80/api/v1/elections/kg-2021-parliament/parties/10021-3301-PP'");
        expect(html).toContain('data[].nameLatin');
      });

      it('shows an example of each operation that writes with its method and token', async () => {
        const html = (await s.get('/api/docs')).body;
        for (const op of writes) {
          const section = html.slice(html.indexOf(`id="${op.operationId}"`));
          const example = /<h4>Example<\/h4><pre><code>([^<]*)<\/code>/.exec(section)?.[1] ?? '';
          expect(example, op.operationId).toMatch(new RegExp(`^curl -X ${op.method} `));
          // One option a line: the example fits the page.
          for (const line of example.split('\n'))
            expect(line.length, `${op.operationId}: ${line}`).toBeLessThanOrEqual(80);
          expect(example, op.operationId).toContain('Authorization: Bearer $TOKEN');
          for (const p of op.parameters.filter((x) => x.in === 'header' && x.required))
            expect(example, op.operationId).toContain(`-H '${p.name}: `);
        }
      });
    });

    describe('HTTP conduct', () => {
      it('sends public cache headers, CORS and an ETag, and 304 when the ETag matches', async () => {
        const url = `/api/v1/elections/${ELECTION.id}/parties`;
        const first = await s.get(url);
        expect(first.headers['cache-control']).toBe('public, max-age=60, s-maxage=300, stale-while-revalidate=600');
        expect(first.headers['access-control-allow-origin']).toBe('*');
        const etag = String(first.headers.etag);
        expect(etag).toMatch(/^W\/"[\w-]+"$/);
        const again = await s.get(url, { 'if-none-match': etag });
        expect(again.statusCode).toBe(304);
        expect(again.body).toBe('');
        expect(again.headers.etag).toBe(etag);
        const other = await s.get(url, { 'if-none-match': 'W/"something-else"' });
        expect(other.statusCode).toBe(200);
      });

      it('lets every successful read be cached publicly, with an ETag that answers 304', async () => {
        for (const op of reads) {
          const url = urlOf(op, requestValues(op, validValues()));
          const res = await s.get(url);
          expect(res.statusCode, op.operationId).toBe(200);
          // A voter's own polling station is theirs alone: never kept by a cache.
          if (op.operationId === 'lookupVoter') {
            expect(res.headers['cache-control'], op.operationId).toBe('no-store');
            continue;
          }
          expect(String(res.headers['cache-control']), op.operationId).toMatch(/^public\b/);
          expect(res.headers['access-control-allow-origin'], op.operationId).toBe('*');
          const etag = res.headers.etag;
          expect(etag, op.operationId).toBeDefined();
          expect((await s.get(url, { 'if-none-match': String(etag) })).statusCode, op.operationId).toBe(304);
        }
      });

      it('does not let errors be cached, but lets any origin read them', async () => {
        for (const url of [
          '/api/v1/elections/nope',
          '/api/v1/filings/99999999',
          `/api/v1/elections/nope/parties/${BIG.registrationNumber}/filings`,
          '/api/v1/filings/abc',
        ]) {
          const res = await s.get(url);
          expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
          expect(res.headers['cache-control'], url).toBe('no-store');
          expect(res.headers['access-control-allow-origin'], url).toBe('*');
        }
      });

      it('answers CORS preflight', async () => {
        const res = await s.app.inject({
          method: 'OPTIONS',
          url: '/api/v1/elections',
          headers: { origin: 'https://notebook.example', 'access-control-request-method': 'GET' },
        });
        expect(res.statusCode).toBe(204);
        expect(res.headers['access-control-allow-origin']).toBe('*');
        expect(String(res.headers['access-control-allow-methods'])).toContain('GET');
      });

      it('leaves the HTML pages outside /api as they were', async () => {
        const page = await s.get('/en/');
        expect(page.statusCode).toBe(200);
        expect(page.headers['content-type']).toMatch(/^text\/html/);
        expect(page.headers['access-control-allow-origin']).toBeUndefined();
        const missing = await s.get('/en/no-such-page');
        expect(missing.statusCode).toBe(404);
        expect(missing.headers['content-type']).toMatch(/^text\/html/);
      });

      it('lists a party without reports with an empty list', async () => {
        const res = await s.get(`/api/v1/elections/${ELECTION.id}/parties/${EMPTY.registrationNumber}/filings`);
        expectDocumented(opById('listPartyFilings'), '200', res);
        expect(json(res).data).toEqual([]);
      });
    });
  });
}
