// No PIN leaves through the API, whatever is asked: every operation of the document, every page of
// every listing, every download and search. And every failure answers with the one error body:
// 400 for bad input, 404 for unknown things, 500 without a stack trace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { BIG, ELECTION, OTHER_ELECTION, SMALL, UNIQUE_PERSON, json, startApiTestServer, type ApiTestServer } from './api-test-server.ts';
import { operationsOf, urlOf, type Json } from './openapi-helpers.ts';

let s: ApiTestServer;

beforeAll(async () => {
  s = await startApiTestServer();
});
afterAll(async () => s?.close());

/** All text a response carries: headers, and the body (cells of a workbook, since XLSX is zipped). */
async function textOf(res: LightMyRequestResponse): Promise<string> {
  const headers = JSON.stringify(res.headers);
  if (String(res.headers['content-type']).includes('spreadsheetml')) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value)))));
    return `${headers}\n${cells.join('\n')}`;
  }
  return `${headers}\n${res.body}`;
}

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

describe('personal identification numbers', () => {
  it('appear in no response of any API route or download', async () => {
    const doc: Json = json(await s.get('/api/openapi.json'));
    await s.get('/api/docs');
    const candidateIds = (await s.ctx.db.selectFrom('candidates').select('id').execute()).map((r) => Number(r.id));
    const parties = [
      [ELECTION.id, BIG.registrationNumber],
      [ELECTION.id, SMALL.registrationNumber],
      [OTHER_ELECTION.id, SMALL.registrationNumber],
    ] as const;
    for (const op of operationsOf(doc)) {
      const byParty = op.parameters.some((p) => p.name === 'registrationNumber');
      const byElection = op.parameters.some((p) => p.name === 'electionId');
      const calls: Array<Record<string, string | number>> = op.parameters.some((p) => p.name === 'id')
        ? candidateIds.map((id) => ({ id }))
        : byParty
          ? parties.map(([electionId, registrationNumber]) => ({ electionId, registrationNumber, limit: 500 }))
          : byElection
            ? [ELECTION.id, OTHER_ELECTION.id].map((electionId) => ({ electionId, limit: 500 }))
            : op.parameters.some((p) => p.name === 'q')
              ? ['Sydykova', UNIQUE_PERSON.nameKy, 'Асанова', 'Aigul', 'Эрлан', '1', '2'].map((q) => ({ q, limit: 200 }))
              : [{}];
      for (const values of calls) {
        const res = await s.get(urlOf(op, values));
        expect(res.statusCode, `${op.operationId} ${JSON.stringify(values)}`).toBe(200);
      }
    }
    // Both candidate listings, every page, small pages.
    for (const url of [`/api/v1/elections/${ELECTION.id}/candidates?limit=13`, `/api/v1/elections/${OTHER_ELECTION.id}/candidates?limit=5`]) {
      let next: string | null = url;
      while (next) next = json(await s.get(next)).pagination.next;
    }
    // A search by the digits of a real PIN must not find its owner (the query itself is echoed back).
    const byPin = json(await s.get(`/api/v1/search?q=${s.pins[0]}`));
    expect(byPin.data).toEqual([]);

    expect(s.pins.length).toBeGreaterThan(200);
    expect(s.seen.length).toBeGreaterThan(250);
    for (const res of s.seen) {
      const text = await textOf(res);
      const url = String(res.raw.req.url);
      // A PIN the request itself carried may be echoed back; any other is a leak.
      for (const pin of s.pins) if (!url.includes(pin)) expect(text.includes(pin), `PIN found in ${url}`).toBe(false);
      if (String(res.headers['content-type']).includes('json') && res.body) {
        expect(keysOf(JSON.parse(res.body), new Set()).has('pin'), String(res.raw.req.url)).toBe(false);
      }
      if (String(res.headers['content-type']).includes('csv')) expect(res.body.split('\r\n')[0]).not.toMatch(/\bpin\b/);
    }
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
      '/api/v1/candidates/987654321',
      '/api/v1/no-such-resource',
      '/api/v2/elections',
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
        details: [expect.objectContaining({ in: 'params', path: ['id'], code: expect.any(String), message: expect.any(String) })],
      },
    });
    const search = await s.get('/api/v1/search?q=%20%20&limit=999');
    expect(search.statusCode).toBe(400);
    expect(json(search).error.details.map((d: { path: string[] }) => d.path[0]).sort()).toEqual(['limit', 'q']);
  });

  it('answers an unexpected failure with 500 and no internals', async () => {
    const broken = await startApiTestServer();
    try {
      // Losing the database is the kind of failure that is a bug or an outage, not a client error.
      await broken.ctx.db.destroy();
      const res = await broken.get('/api/v1/elections');
      expect(res.statusCode).toBe(500);
      const body = json(res);
      expect(body).toEqual({ error: { code: 'internal_error', message: expect.any(String) } });
      expect(res.body).not.toMatch(/\bat \S+ \(|node_modules|kysely|sqlite|\.ts:/i);
      expect(res.headers['cache-control']).toBe('no-store');
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
    const both = json(await s.get('/api/v1/search?q=Sydykova')).data.filter((h: { candidate: { nameKy: string } }) => h.candidate.nameKy === UNIQUE_PERSON.nameKy);
    expect(both.map((h: { candidate: { electionId: string } }) => h.candidate.electionId).sort()).toEqual([OTHER_ELECTION.id, ELECTION.id].sort());
    const other = json(await s.get(`/api/v1/search?q=Sydykova&election=${OTHER_ELECTION.id}`));
    expect(other.data.length).toBeGreaterThan(0);
    expect(other.data.every((h: { candidate: { electionId: string } }) => h.candidate.electionId === OTHER_ELECTION.id)).toBe(true);
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
      '10003-3301-PP',
    ]);
    expect(ballot[0]).toMatchObject({ participation: { ballotNumber: 1, status: 'registered' }, candidateCount: 195, womenCount: 97 });
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
    const first = json(await s.get(`/api/v1/elections/${ELECTION.id}/parties/${encodeURIComponent(SMALL.registrationNumber)}/candidates?limit=1`)).data[0];
    const detail = json(await s.get(`/api/v1/candidates/${first.id}`));
    expect(detail.candidate).toEqual(first);
    expect(detail.party.registrationNumber).toBe(SMALL.registrationNumber);
    expect(detail.election).toEqual({ id: ELECTION.id, name: ELECTION.name, synthetic: true });
  });
});
