// The public pages and the OpenAPI document are the project's contract with voters, journalists and
// software: their snapshots (test/snapshots/) must not change unless a change is intended. Rewrite them
// with UPDATE_PUBLIC_SNAPSHOTS=1 and review the diff.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server.ts';
import { openDemoApp } from '../support/demo-template.ts';
import { comparablePage, discoverPublicPages, SNAPSHOT_CLOCK } from '../support/public-snapshot.ts';
import type { FastifyInstance } from 'fastify';

const DIR = join(import.meta.dirname, '..', 'snapshots');
const MANIFEST = join(DIR, 'public-pages.json');
const update = process.env.UPDATE_PUBLIC_SNAPSHOTS === '1';

let app: FastifyInstance;
let close: () => Promise<void>;
beforeAll(async () => {
  const { ctx } = await openDemoApp();
  ctx.now = () => new Date(SNAPSHOT_CLOCK);
  app = await buildServer(ctx);
  close = async () => {
    await app.close();
    await ctx.db.destroy();
  };
}, 180_000);
afterAll(async () => close?.());

const fileOf = (url: string) =>
  join(DIR, 'pages', `${url.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '') || 'root'}.html`);

describe('public snapshots', () => {
  it('the OpenAPI document is unchanged', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = `${JSON.stringify(res.json(), null, 1)}\n`;
    const file = join(DIR, 'openapi.json');
    if (update || !existsSync(file)) writeFileSync(file, doc);
    expect(doc).toBe(readFileSync(file, 'utf8'));
  });

  it('every snapshotted public page renders as recorded', async () => {
    if (update || !existsSync(MANIFEST)) {
      mkdirSync(join(DIR, 'pages'), { recursive: true });
      writeFileSync(MANIFEST, `${JSON.stringify(await discoverPublicPages(app), null, 1)}\n`);
    }
    const urls = JSON.parse(readFileSync(MANIFEST, 'utf8')) as string[];
    expect(urls.length).toBeGreaterThan(50);
    const changed: string[] = [];
    for (const url of urls) {
      const res = await app.inject({ method: 'GET', url });
      const body = `<!-- ${res.statusCode} -->\n${comparablePage(res.body).replace(/></g, '>\n<')}\n`;
      const file = fileOf(url);
      if (update || !existsSync(file)) writeFileSync(file, body);
      if (readFileSync(file, 'utf8') !== body) changed.push(url);
    }
    expect(changed).toEqual([]);
  }, 300_000);
});
