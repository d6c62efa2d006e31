// The served OpenAPI document passes Redocly's recommended rules (every public operation says
// `security: []`, the writing ones name the token scheme), and every operation refuses a query
// parameter it does not know with a 400 naming the ones it does, instead of answering unfiltered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIG, ELECTION, json, startApiTestServer, type ApiTestServer } from './api-test-server.ts';
import { operationsOf, type Json } from './openapi-helpers.ts';

const REDOCLY = new URL('../../node_modules/.bin/redocly', import.meta.url).pathname;

let s: ApiTestServer;
let doc: Json;
const dir = mkdtempSync(join(tmpdir(), 'talapker-openapi-lint-'));
beforeAll(async () => {
  s = await startApiTestServer('sqlite');
  doc = json(await s.get('/api/openapi.json'));
}, 120_000);
afterAll(async () => {
  await s?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: Array<{ pointer: string }>;
}

describe('the OpenAPI document', () => {
  it('has no error under redocly lint (recommended rules)', () => {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    const r = spawnSync(REDOCLY, ['lint', file, '--format=json'], { encoding: 'utf8', timeout: 60_000 });
    const out = r.stdout.slice(r.stdout.indexOf('{'));
    const problems = (JSON.parse(out) as { problems: LintProblem[] }).problems;
    const errors = problems
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
    expect(errors).toEqual([]);
  });

  it('marks public operations `security: []` and the writing ones with the token scheme', () => {
    const ops = operationsOf(doc);
    const writing = ops.filter((o) => o.method !== 'GET').map((o) => o.operationId);
    expect(writing).toEqual(['submitFiling', 'uploadFilingScan', 'submitAnnualReport']);
    for (const op of ops) expect(op.security, op.operationId).toEqual(op.method === 'GET' ? [] : [{ bearerToken: [] }]);
    expect(doc.components.securitySchemes).toEqual({ bearerToken: expect.objectContaining({ scheme: 'bearer' }) });
  });
});

describe('unknown query parameters', () => {
  const E = ELECTION.id;
  const REG = encodeURIComponent(BIG.registrationNumber);
  it.each([
    [`/api/v1/elections/${E}/receipts?amountFrom=1`, 'amountFrom'],
    [`/api/v1/elections/${E}/expenditures?payee=x`, 'payee'],
    [`/api/v1/elections?year=2021`, 'year'],
    [`/api/v1/elections/${E}/parties/${REG}/candidates?sort=name&colour=red`, 'colour'],
    [`/api/v1/elections/${E}/donors?amountFrom=1`, 'amountFrom'],
  ])('%s is a 400 naming "%s"', async (url, name) => {
    const res = await s.get(url);
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json() as { error: { code: string; message: string; details: Array<{ path: string[] }> } };
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toContain(`"${name}"`);
    expect(body.error.details.map((d) => d.path.join('.'))).toContain(name);
  });

  it('the same request without it answers', async () => {
    expect((await s.get(`/api/v1/elections/${E}/receipts`)).statusCode).toBe(200);
    expect((await s.get(`/api/v1/elections`)).statusCode).toBe(200);
  });
});
