// The API answers as its OpenAPI document says: the document is valid OpenAPI 3.1, and every
// operation in it — found by reading the document, not from a list kept here — answers with its
// documented status, media type and body schema, for valid, invalid and unknown parameters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { BIG, ELECTION, json, startApiTestServer, type ApiTestServer } from './api-test-server.ts';
import { invalidValueFor, operationsOf, responseValidators, urlOf, type Json, type Operation } from './openapi-helpers.ts';

let s: ApiTestServer;
let doc: Json;
let ops: Operation[];
let validatorFor: ReturnType<typeof responseValidators>;
let candidateId: number;

/** Valid values for every parameter the API has; a new parameter needs one here, or its test fails. */
const validValues = (): Record<string, string | number> => ({
  electionId: ELECTION.id,
  registrationNumber: BIG.registrationNumber,
  id: candidateId,
  q: 'Sydykova',
});
const unknownValues: Record<string, string | number> = {
  electionId: 'no-such-election',
  registrationNumber: 'NO-SUCH-PARTY',
  id: 99_999_999,
};

function requestValues(op: Operation, values: Record<string, string | number>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const p of op.parameters) {
    if (p.in === 'path' || p.required) {
      const v = values[p.name];
      if (v === undefined) throw new Error(`No test value for parameter "${p.name}" of ${op.operationId}: add one to validValues`);
      out[p.name] = v;
    }
  }
  return out;
}

function mediaTypeOf(contentType: unknown): string {
  return String(contentType ?? '').split(';')[0]!.trim();
}

function expectDocumented(op: Operation, status: string, res: { statusCode: number; headers: Record<string, unknown>; body: string; rawPayload: Buffer }) {
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
}

beforeAll(async () => {
  s = await startApiTestServer();
  const first = await s.ctx.db.selectFrom('candidates').select('id').orderBy('id').executeTakeFirstOrThrow();
  candidateId = Number(first.id);
  doc = json(await s.get('/api/openapi.json'));
  ops = operationsOf(doc);
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

  it('lists every public route of v1', () => {
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
      ].sort(),
    );
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
      for (const [status, r] of Object.entries(op.responses)) expect(r.description, `${op.operationId} ${status}`).toBeTruthy();
    }
    const undocumented: string[] = [];
    const walk = (schema: Json, where: string) => {
      for (const [name, prop] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) {
        // A reference is described by its component (checked below) unless it says more.
        if (!prop.description && !prop.$ref) undocumented.push(`${where}.${name}`);
        if (prop.properties) walk(prop, `${where}.${name}`);
      }
    };
    for (const [name, schema] of Object.entries(doc.components.schemas as Record<string, Json>)) {
      expect(schema.description, `component ${name}`).toBeTruthy();
      walk(schema, name);
    }
    expect(undocumented).toEqual([]);
  });

  it('never names a PIN field', () => {
    expect(JSON.stringify(doc)).not.toMatch(/"pin"/i);
  });
});

describe('every documented operation', () => {
  it('answers its documented success response for valid parameters', async () => {
    expect(ops.length).toBeGreaterThan(0);
    for (const op of ops) {
      const status = Object.keys(op.responses).find((x) => x.startsWith('2'));
      expect(status, `${op.operationId} documents no success response`).toBeDefined();
      const res = await s.get(urlOf(op, requestValues(op, validValues())));
      expectDocumented(op, status!, res);
    }
  });

  it('answers for every value of every enumerated query parameter', async () => {
    let calls = 0;
    for (const op of ops) {
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
    for (const op of ops.filter((o) => o.responses['404'])) {
      for (const p of op.parameters.filter((x) => x.in === 'path')) {
        const res = await s.get(urlOf(op, { ...requestValues(op, validValues()), [p.name]: unknownValues[p.name] }));
        expectDocumented(op, '404', res);
        expect(json(res).error.code).toBe('not_found');
      }
    }
  });

  it('answers 400 with every problem listed, where it documents 400', async () => {
    for (const op of ops.filter((o) => o.responses['400'])) {
      const invalid = op.parameters.map((p) => [p, invalidValueFor(p)] as const).filter(([, v]) => v !== undefined);
      const required = op.parameters.filter((p) => p.in === 'query' && p.required);
      expect(invalid.length + required.length, `${op.operationId} documents 400 but no parameter can be invalid`).toBeGreaterThan(0);
      for (const [p, bad] of invalid) {
        const res = await s.get(urlOf(op, { ...requestValues(op, validValues()), [p.name]: bad }));
        expectDocumented(op, '400', res);
        const body = json(res);
        expect(body.error.code).toBe('invalid_request');
        expect(body.error.details).toContainEqual(expect.objectContaining({ path: [p.name] }));
      }
      for (const p of required) {
        const values = requestValues(op, validValues());
        delete values[p.name];
        const res = await s.get(urlOf(op, values));
        expectDocumented(op, '400', res);
        expect(json(res).error.details).toContainEqual(expect.objectContaining({ path: [p.name], in: 'querystring' }));
      }
    }
  });
});

describe('the docs page', () => {
  it('is one self-contained, accessible HTML page describing every operation', async () => {
    const res = await s.get('/api/docs');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const html = res.body;
    expect(html).toMatch(/^<!doctype html><html lang="en">/);
    expect(html).not.toMatch(/<script|<link[^>]+stylesheet|src="https?:/i);
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

  it('does not let errors be cached, but lets any origin read them', async () => {
    const res = await s.get('/api/v1/elections/nope');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });

  it('answers CORS preflight', async () => {
    const res = await s.app.inject({ method: 'OPTIONS', url: '/api/v1/elections', headers: { origin: 'https://notebook.example', 'access-control-request-method': 'GET' } });
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
});
