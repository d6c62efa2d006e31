// No PIN and no home address leaves through the API, whatever is asked, on every database: every
// operation that reads, for every candidate, party, election and finance report there is, every page
// of every listing, every download and search, and the answers of the operations that write — each
// searched for every PIN (candidates' and donors') and every donor's address in the database. And
// every failure answers with the one error body: 400 for bad input, 404 for unknown things, 500
// without a stack trace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { availableDialects } from '../support/databases.ts';
import { bearerAs } from '../../src/accounts/test-support.ts';
import {
  BIG,
  DONORS,
  ELECTION,
  EMPTY,
  OTHER_ELECTION,
  SMALL,
  UNIQUE_PERSON,
  filingJson,
  json,
  secretFinder,
  startApiTestServer,
  testFiling,
  textOf,
  type ApiTestServer,
} from './api-test-server.ts';
import { isRead, operationsOf, urlOf, type Json, type Operation } from './openapi-helpers.ts';

function keysOf(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k.toLowerCase());
      keysOf(v, into);
    }
  }
  return into;
}

/** Field names that would carry a person's private data. */
const PRIVATE_KEYS = ['pin', 'donorpin', 'donoraddress', 'donor_pin', 'donor_address'];

for (const dialect of availableDialects()) {
  describe(`the API [${dialect}]`, () => {
    let s: ApiTestServer;

    beforeAll(async () => {
      s = await startApiTestServer(dialect);
    });
    afterAll(async () => s?.close());

    describe('personal identification numbers and home addresses', () => {
      it('appear in no response of any API route or download', async () => {
        const doc: Json = json(await s.get('/api/openapi.json'));
        await s.get('/api/docs');
        const ops = operationsOf(doc);

        // A report filed through the API first, so that what it carries is searched for as well, and
        // its answer too.
        const token = await bearerAs(s.ctx, 'party_treasurer', ['filings:write', 'filings:submit'], {
          party: SMALL.registrationNumber,
        });
        const report = testFiling({
          registrationNumber: SMALL.registrationNumber,
          reportKind: 'first',
          periodFrom: '2021-11-01',
          periodTo: '2021-11-01',
          donors: [3, 1],
        });
        const filed = await s.request({
          method: 'POST',
          url: '/api/v1/filings',
          headers: { ...token.headers, 'content-type': 'application/json', 'idempotency-key': `privacy-${dialect}` },
          payload: JSON.stringify(filingJson(report)),
        });
        expect(filed.statusCode, filed.body).toBe(201);

        const candidateIds = (await s.ctx.db.selectFrom('candidates').select('id').execute()).map((r) => Number(r.id));
        // Every version of every report, and the drafts (which must answer 404).
        const filings = await s.ctx.db.selectFrom('filings').select(['id', 'version']).execute();
        const parties = [
          [ELECTION.id, BIG.registrationNumber],
          [ELECTION.id, SMALL.registrationNumber],
          [ELECTION.id, EMPTY.registrationNumber],
          [OTHER_ELECTION.id, SMALL.registrationNumber],
        ] as const;
        const queries = [
          'Sydykova',
          UNIQUE_PERSON.nameKy,
          'Асанова',
          'Aigul',
          'Эрлан',
          '1',
          '2',
          ...DONORS.map((d) => d.name),
        ];
        // Every donor and payee of both elections, by the identifiers their lists give.
        const counterparts: Record<'donorId' | 'payeeId', Array<{ electionId: string; id: string }>> = {
          donorId: [],
          payeeId: [],
        };
        for (const [param, list] of [
          ['donorId', 'donors'],
          ['payeeId', 'payees'],
        ] as const)
          for (const electionId of [ELECTION.id, OTHER_ELECTION.id])
            for (const x of json(await s.get(`/api/v1/elections/${electionId}/${list}?limit=1000`)).data)
              counterparts[param].push({ electionId, id: x.counterpart.id });
        expect(counterparts.donorId.length).toBeGreaterThan(0);
        /** The calls of an operation: every thing it can name, with the largest pages. */
        const callsOf = (op: Operation): Array<{ values: Record<string, string | number>; status: number }> => {
          const names = new Set(op.parameters.map((p) => p.name));
          for (const param of ['donorId', 'payeeId'] as const)
            if (names.has(param))
              return counterparts[param].map((c) => ({
                values: { electionId: c.electionId, [param]: c.id },
                status: 200,
              }));
          if (names.has('id')) return candidateIds.map((id) => ({ values: { id }, status: 200 }));
          if (names.has('filingId'))
            return filings.map((f) => ({ values: { filingId: Number(f.id) }, status: f.version > 0 ? 200 : 404 }));
          // Parties side by side: the election's parties that filed, together.
          if (names.has('parties'))
            return [
              {
                values: { electionId: ELECTION.id, parties: `${BIG.registrationNumber},${SMALL.registrationNumber}` },
                status: 200,
              },
            ];
          if (names.has('registrationNumber'))
            return parties.map(([electionId, registrationNumber]) => ({
              values: { electionId, registrationNumber, limit: 500 },
              status: 200,
            }));
          if (names.has('electionId'))
            return [ELECTION.id, OTHER_ELECTION.id].map((electionId) => ({
              values: { electionId, limit: 500 },
              status: 200,
            }));
          if (names.has('q')) return queries.map((q) => ({ values: { q, limit: 200 }, status: 200 }));
          // The log: every leaf there is, and proofs of the first.
          if (names.has('start')) return [{ values: { start: 0, end: 1000 }, status: 200 }];
          if (names.has('treeSize')) return [{ values: { index: 0, treeSize: 1 }, status: 200 }];
          if (names.has('second')) return [{ values: { first: 1, second: 1 }, status: 200 }];
          // The voter lookup answers a voter with their own station, never anyone else's data.
          if (names.has('pin')) return [{ values: { pin: '11503199099001', surname: 'Аса' }, status: 200 }];
          const unknown = op.parameters.filter((p) => p.in === 'path' || p.required).map((p) => p.name);
          if (unknown.length > 0)
            throw new Error(`${op.operationId}: no values to crawl for ${unknown.join(', ')}: add them to callsOf`);
          return [{ values: {}, status: 200 }];
        };
        const reads = ops.filter(isRead);
        expect(reads.length).toBeGreaterThan(0);
        for (const op of reads) {
          const calls = callsOf(op);
          // Every value of every enumerated query parameter, once (languages of a template, sorts…).
          for (const p of op.parameters.filter((x) => x.in === 'query' && Array.isArray(x.schema?.enum))) {
            for (const value of p.schema!.enum as string[])
              calls.push({ values: { ...calls[0]!.values, [p.name]: value }, status: calls[0]!.status });
          }
          for (const { values, status } of calls) {
            const res = await s.get(urlOf(op, values));
            expect(res.statusCode, `${op.operationId} ${JSON.stringify(values)}: ${res.body.slice(0, 200)}`).toBe(
              status,
            );
          }
        }
        // Both candidate listings, every page, small pages.
        for (const url of [
          `/api/v1/elections/${ELECTION.id}/candidates?limit=13`,
          `/api/v1/elections/${OTHER_ELECTION.id}/candidates?limit=5`,
        ]) {
          let next: string | null = url;
          while (next) next = json(await s.get(next)).pagination.next;
        }
        // A search by a real PIN or address must not find its owner (the query itself may be echoed back):
        // every operation with a text query, in every election it takes.
        const searches = reads.filter((op) => op.parameters.some((p) => p.name === 'q' && p.in === 'query'));
        expect(searches.length).toBeGreaterThan(0);
        for (const op of searches) {
          for (const q of [s.pins[0]!, ...DONORS.flatMap((d) => [d.pin, d.address])]) {
            for (const electionId of op.parameters.some((p) => p.name === 'electionId')
              ? [ELECTION.id, OTHER_ELECTION.id]
              : [undefined]) {
              const res = await s.get(urlOf(op, { electionId, q }));
              expect(res.statusCode, `${op.operationId} ${q}: ${res.body.slice(0, 200)}`).toBe(200);
              expect(json(res).data, `${op.operationId} found someone by ${q}`).toEqual([]);
            }
          }
        }

        const secrets = await s.secrets();
        // Candidates' PINs, and each donor's PIN and address.
        expect(secrets.length).toBeGreaterThanOrEqual(s.pins.length + 2 * DONORS.length);
        for (const d of DONORS) expect(secrets).toEqual(expect.arrayContaining([d.pin, d.address]));
        expect(s.seen.length).toBeGreaterThan(250);
        const find = secretFinder(secrets);
        // The finder finds what it must: a PIN inside a longer run of digits, an address inside text.
        expect(find(`ref 9${DONORS[0].pin}7, sent to ${DONORS[1].address}.`).sort()).toEqual(
          [DONORS[0].pin, DONORS[1].address].sort(),
        );
        expect(find(`${s.pins[0]!.slice(0, 13)} ${s.pins[0]!.slice(1)}`)).toEqual([]);
        const leaks: string[] = [];
        for (const res of s.seen) {
          const text = await textOf(res);
          const url = String(res.raw.req.url);
          // A secret the request's URL itself carried may be echoed back; any other is a leak.
          const asked = new URL(url, 'http://api.invalid');
          const sent = [decodeURIComponent(asked.pathname), ...asked.searchParams.values()].join('\n');
          for (const secret of find(text))
            if (!sent.includes(secret)) leaks.push(`${secret} in ${res.raw.req.method} ${url}`);
          if (String(res.headers['content-type']).includes('json') && res.body) {
            const body = JSON.parse(res.body);
            // The JSON Schema of the filing format names the fields a filer sends, private ones included;
            // any other answer is data, where such a field would be a leak.
            const keys = keysOf(typeof body.$schema === 'string' ? {} : body, new Set());
            for (const k of PRIVATE_KEYS) if (keys.has(k)) leaks.push(`field ${k} in ${url}`);
          }
          if (String(res.headers['content-type']).includes('csv'))
            expect(res.body.split('\r\n')[0]).not.toMatch(/\bpin\b/);
        }
        expect(leaks).toEqual([]);
      });
    });

    describe('errors', () => {
      it('answers 404 with the error body for unknown things', async () => {
        for (const url of [
          '/api/v1/elections/no-such-election',
          `/api/v1/elections/${ELECTION.id}/parties/NO-SUCH`,
          // A party that stands in another election only.
          `/api/v1/elections/${OTHER_ELECTION.id}/parties/${BIG.registrationNumber}`,
          `/api/v1/elections/${OTHER_ELECTION.id}/parties/${BIG.registrationNumber}/candidates`,
          `/api/v1/elections/${OTHER_ELECTION.id}/parties/${BIG.registrationNumber}/filings`,
          `/api/v1/elections/no-such-election/parties/${BIG.registrationNumber}/filings`,
          '/api/v1/candidates/987654321',
          '/api/v1/filings/987654321',
          // A report that is still a draft is nobody's business but its party's.
          `/api/v1/filings/${s.filings.draft}`,
          '/api/v1/no-such-resource',
          '/api/v2/elections',
          '/api/v1/filings',
        ]) {
          const res = await s.get(url);
          expect(res.statusCode, url).toBe(404);
          expect(res.headers['content-type']).toMatch(/^application\/json/);
          const body = json(res);
          expect(Object.keys(body)).toEqual(['error']);
          expect(body.error.code).toBe('not_found');
          expect(typeof body.error.message).toBe('string');
        }
      });

      it('answers 400 with the zod issues and their paths', async () => {
        const res = await s.get('/api/v1/candidates/abc');
        expect(res.statusCode).toBe(400);
        expect(json(res)).toEqual({
          error: {
            code: 'invalid_request',
            message: expect.stringContaining('id'),
            details: [
              expect.objectContaining({
                in: 'params',
                path: ['id'],
                code: expect.any(String),
                message: expect.any(String),
              }),
            ],
          },
        });
        const search = await s.get('/api/v1/search?q=%20%20&limit=999');
        expect(search.statusCode).toBe(400);
        expect(
          json(search)
            .error.details.map((d: { path: string[] }) => d.path[0])
            .sort(),
        ).toEqual(['limit', 'q']);
        for (const url of ['/api/v1/filings/abc', '/api/v1/filings/0', '/api/v1/filings/-3', '/api/v1/filings/1.5']) {
          const filing = await s.get(url);
          expect(filing.statusCode, url).toBe(400);
          expect(json(filing), url).toEqual({
            error: {
              code: 'invalid_request',
              message: expect.stringContaining('filingId'),
              details: [
                expect.objectContaining({
                  in: 'params',
                  path: ['filingId'],
                  code: expect.any(String),
                  message: expect.any(String),
                }),
              ],
            },
          });
        }
        const template = await s.get('/api/v1/filings/template.xlsx?locale=de');
        expect(template.statusCode).toBe(400);
        expect(json(template).error.details).toEqual([
          expect.objectContaining({ in: 'querystring', path: ['locale'] }),
        ]);
      });

      it('answers an unexpected failure with 500 and no internals', async () => {
        const broken = await startApiTestServer(dialect);
        try {
          // Losing the database is the kind of failure that is a bug or an outage, not a client error.
          await broken.ctx.db.destroy();
          for (const url of [
            '/api/v1/elections',
            `/api/v1/filings/${broken.filings.bigV1}`,
            `/api/v1/elections/${ELECTION.id}/parties/${BIG.registrationNumber}/filings`,
          ]) {
            const res = await broken.get(url);
            expect(res.statusCode, url).toBe(500);
            const body = json(res);
            expect(body).toEqual({ error: { code: 'internal_error', message: expect.any(String) } });
            expect(res.body).not.toMatch(/\bat \S+ \(|node_modules|kysely|sqlite|postgres|\.ts:/i);
            expect(res.headers['cache-control']).toBe('no-store');
          }
        } finally {
          await broken.close();
        }
      });
    });

    describe('search', () => {
      it('finds a person across scripts and filters by election', async () => {
        for (const q of [UNIQUE_PERSON.nameLatin, UNIQUE_PERSON.nameRu, 'Sydykova']) {
          const body = json(await s.get(`/api/v1/search?q=${encodeURIComponent(q)}`));
          expect(body.query).toBe(q);
          expect(body.data[0]?.candidate.nameKy, q).toBe(UNIQUE_PERSON.nameKy);
          expect(body.data[0]?.partyName.en).toBe(SMALL.name.en);
          expect(body.data[0]?.electionName.en).toBe(ELECTION.name.en);
        }
        // The same name stands in both elections; the filter keeps one.
        const both = json(await s.get('/api/v1/search?q=Sydykova')).data.filter(
          (h: { candidate: { nameKy: string } }) => h.candidate.nameKy === UNIQUE_PERSON.nameKy,
        );
        expect(both.map((h: { candidate: { electionId: string } }) => h.candidate.electionId).sort()).toEqual(
          [OTHER_ELECTION.id, ELECTION.id].sort(),
        );
        const other = json(await s.get(`/api/v1/search?q=Sydykova&election=${OTHER_ELECTION.id}`));
        expect(other.data.length).toBeGreaterThan(0);
        expect(
          other.data.every((h: { candidate: { electionId: string } }) => h.candidate.electionId === OTHER_ELECTION.id),
        ).toBe(true);
        const limited = json(await s.get('/api/v1/search?q=Asanova&limit=3'));
        expect(limited.data.length).toBeLessThanOrEqual(3);
      });
    });

    describe('parties and candidates', () => {
      it('lists the ballot with counts and rule results, and a party with its programme', async () => {
        const ballot = json(await s.get(`/api/v1/elections/${ELECTION.id}/parties`)).data;
        expect(ballot.map((b: { party: { registrationNumber: string } }) => b.party.registrationNumber)).toEqual([
          BIG.registrationNumber,
          SMALL.registrationNumber,
          EMPTY.registrationNumber,
        ]);
        expect(ballot[0]).toMatchObject({
          participation: { ballotNumber: 1, status: 'registered' },
          candidateCount: 195,
          womenCount: 97,
        });
        expect(ballot[2].participation.ballotNumber).toBeNull();
        // An empty list does not satisfy the list-size rule.
        expect(ballot[2].listRulesPassed).toBe(false);

        const party = json(await s.get(`/api/v1/elections/${ELECTION.id}/parties/${BIG.registrationNumber}`));
        expect(party.candidateCount).toBe(195);
        expect(party.programme.text.en).toBe('Programme');
        expect(party.programme.pdfUrl).toMatch(/^\/blobs\/[0-9a-f]{64}$/);
        expect((await s.get(party.programme.pdfUrl)).statusCode).toBe(200);
        expect(party.listRules.map((r: { rule: string }) => r.rule)).toContain('list-size');
        expect(ballot[0].listRulesPassed).toBe(party.listRules.every((r: { passed: boolean }) => r.passed));
      });

      it('gives one candidate with party and election', async () => {
        const first = json(
          await s.get(
            `/api/v1/elections/${ELECTION.id}/parties/${encodeURIComponent(SMALL.registrationNumber)}/candidates?limit=1`,
          ),
        ).data[0];
        const detail = json(await s.get(`/api/v1/candidates/${first.id}`));
        expect(detail.candidate).toEqual(first);
        expect(detail.party.registrationNumber).toBe(SMALL.registrationNumber);
        expect(detail.election).toEqual({ id: ELECTION.id, name: ELECTION.name, synthetic: true });
      });
    });

    describe('finance reports', () => {
      it("lists a party's reports with every version, the latest marked, and publishes each version itemised", async () => {
        const listing = json(
          await s.get(`/api/v1/elections/${ELECTION.id}/parties/${BIG.registrationNumber}/filings`),
        ).data;
        const chain = listing.find((c: { versions: Array<{ id: number }> }) =>
          c.versions.some((v) => v.id === s.filings.bigV2),
        );
        expect(chain).toMatchObject({
          reportKind: 'initial',
          periodFrom: ELECTION.campaignStart,
          periodTo: '2021-10-31',
        });
        expect(
          chain.versions.map((v: { id: number; version: number; status: string; isLatest: boolean }) => [
            v.id,
            v.version,
            v.status,
            v.isLatest,
          ]),
        ).toEqual([
          [s.filings.bigV1, 1, 'returned', false],
          [s.filings.bigV2, 2, 'filed', true],
        ]);
        // No draft is listed.
        expect(listing.flatMap((c: { versions: Array<{ id: number }> }) => c.versions.map((v) => v.id))).not.toContain(
          s.filings.draft,
        );

        const v1 = json(await s.get(`/api/v1/filings/${s.filings.bigV1}`)).data;
        const v2 = json(await s.get(`/api/v1/filings/${s.filings.bigV2}`)).data;
        expect(v1).toMatchObject({ id: s.filings.bigV1, version: 1, isLatest: false, status: 'returned' });
        expect(v2).toMatchObject({ id: s.filings.bigV2, chainId: v1.chainId, version: 2, isLatest: true });
        expect(v1.versions).toEqual(v2.versions);
        // Donors are named; a company keeps its INN, a person's number and address are not there.
        const donors = v2.document.receipts.filter((r: { donorType: string }) => r.donorType === 'individual');
        expect(donors.map((r: { donorName: string }) => r.donorName)).toEqual([
          DONORS[0].name,
          DONORS[1].name,
          DONORS[3].name,
        ]);
        for (const r of donors)
          expect(Object.keys(r).sort()).toEqual([
            'amount',
            'bankReference',
            'channel',
            'date',
            'donorName',
            'donorType',
            'lineId',
          ]);
        expect(v2.document.receipts.find((r: { donorType: string }) => r.donorType === 'legal_entity')?.donorInn).toBe(
          '02504200910123',
        );
        expect(v2.document.header.totals.receipts).toBe(v2.versions[1].totalReceipts);
      });

      it('serves the filing format as JSON Schema and the template as a workbook in each language', async () => {
        const schema = json(await s.get('/api/schemas/filing-v1.json'));
        expect(schema.$schema).toMatch(/2020-12/);
        const filing = filingJson(testFiling());
        // The schema describes what the API takes: a valid report's top-level fields are all in it.
        expect(Object.keys(schema.properties ?? {})).toEqual(expect.arrayContaining(Object.keys(filing)));
        for (const locale of ['ky', 'ru', 'en']) {
          const res = await s.get(`/api/v1/filings/template.xlsx?locale=${locale}`);
          expect(res.statusCode).toBe(200);
          expect(String(res.headers['content-disposition'])).toContain(`talapker-filing-template-${locale}.xlsx`);
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
          expect(wb.worksheets.length).toBeGreaterThanOrEqual(3);
        }
      });
    });
  });
}
