// The documentation's own examples work on a demo instance: every operation, called with the
// example values its parameters carry in the OpenAPI document (the values the docs page puts in
// its curl lines), answers 200 with a body matching its schema, over the full demo dataset.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/platform/config.ts';
import { openApp } from '../../src/platform/bootstrap.ts';
import { buildServer } from '../../src/server.ts';
import { loadDemo } from '../../src/demo/demo-loader.service.ts';
import type { AppContext } from '../../src/platform/app-context.ts';
import { operationsOf, responseValidators, urlOf, type Json } from './openapi-helpers.ts';

let dir: string;
let ctx: AppContext;
let app: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'talapker-api-demo-'));
  ctx = await openApp(loadConfig({ TALAPKER_DATA_DIR: dir }));
  await loadDemo(ctx);
  app = await buildServer(ctx);
});
afterAll(async () => {
  await app?.close();
  await ctx?.db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

it('answers every operation for the example values of its documentation', async () => {
  const doc: Json = JSON.parse((await app.inject('/api/openapi.json')).body);
  const validatorFor = responseValidators(doc);
  const pins = new Set((await ctx.db.selectFrom('candidates').select('pin').execute()).map((r) => r.pin));
  for (const op of operationsOf(doc)) {
    const values: Record<string, string | number> = {};
    for (const p of op.parameters.filter((x) => x.in === 'path' || x.required)) {
      expect(p.example, `${op.operationId}: parameter ${p.name} has no example for the docs page`).toBeDefined();
      values[p.name] = p.example as string | number;
    }
    const res = await app.inject(urlOf(op, values));
    expect(res.statusCode, `${op.operationId}: ${res.body.slice(0, 200)}`).toBe(200);
    const media = String(res.headers['content-type']).split(';')[0]!;
    if (media === 'application/json') {
      const body = JSON.parse(res.body);
      const validate = validatorFor(op, '200', media);
      validate(body);
      expect(validate.errors ?? [], op.operationId).toEqual([]);
      if (op.operationId === 'searchCandidates') expect(body.data.length).toBeGreaterThan(0);
    }
    // Demo PINs are 14 digits; none may appear in any answer.
    for (const run of res.body.match(/\d{14}/g) ?? []) expect(pins.has(run), `${op.operationId} leaks a PIN`).toBe(false);
  }
});
