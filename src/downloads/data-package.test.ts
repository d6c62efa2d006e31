// The election's data package on SQLite and PostgreSQL: a ZIP whose datapackage.json describes every
// CSV in it (names, columns, types, units), whose rows are those of the single downloads, with no PIN
// or address; built once per data version and built again when the data changes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../test/support/databases.ts';
import {
  DRAFT_DONOR,
  FIN_ELECTION,
  FIN_NOW,
  NAMED_DONORS,
  SUPERSEDED_DONOR,
  loadFinanceFixture,
} from '../../test/finance/finance-fixture.ts';
import { buildServer } from '../server.ts';
import { loadConfig } from '../platform/config.ts';
import { LocalBlobStore } from '../platform/blobs/local-blob-store.ts';
import { EventBus } from '../platform/event-bus.ts';
import { Memo } from '../platform/memo.ts';
import { recordActivity } from '../platform/activity-log.ts';
import type { AppContext } from '../platform/app-context.ts';

const E = FIN_ELECTION.id;
const TABLES = ['parties', 'candidates', 'receipts', 'expenditures', 'totals', 'filings'];

interface Descriptor {
  profile: string;
  created: string;
  'talapker:dataVersion': number;
  resources: { name: string; path: string; schema: { fields: { name: string; type: string; unit?: string }[] } }[];
}

/** Records of a CSV file whose cells hold no line breaks (true of the fixture), header first. */
const records = (csv: string) =>
  csv
    .replace(/^\ufeff/, '')
    .split('\r\n')
    .filter((line) => line !== '');

describeEachDatabase('election data package', (get) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let dir: string;
  const download = async (url = `/en/elections/${E}/data/package.zip`) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    return res;
  };

  beforeAll(async () => {
    const db = get().db;
    await loadFinanceFixture(db);
    dir = mkdtempSync(join(tmpdir(), 'talapker-package-'));
    ctx = {
      db,
      blobs: new LocalBlobStore(join(dir, 'blobs')),
      config: loadConfig({ TALAPKER_DATA_DIR: dir }),
      now: () => FIN_NOW,
      events: new EventBus(),
      memo: new Memo(),
    };
    app = await buildServer(ctx);
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('describes every CSV file it holds, column by column', async () => {
    const res = await download();
    expect(res.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const descriptor = JSON.parse(strFromU8(files['datapackage.json'] ?? new Uint8Array())) as Descriptor;
    expect(descriptor.profile).toBe('tabular-data-package');
    expect(descriptor.created).toBe(FIN_NOW.toISOString());
    expect(descriptor.resources.map((r) => r.name)).toEqual(TABLES);
    expect(Object.keys(files).sort()).toEqual([...TABLES.map((t) => `${t}.csv`), 'datapackage.json'].sort());
    for (const r of descriptor.resources) {
      const [header, ...rows] = records(strFromU8(files[r.path] ?? new Uint8Array()));
      expect(header, r.name).toBe(r.schema.fields.map((f) => f.name).join(','));
      for (const row of rows.slice(0, 50)) {
        // Only rows without quoted commas are split here: enough to check the typed columns.
        if (row.includes('"')) continue;
        const cells = row.split(',');
        r.schema.fields.forEach((f, i) => {
          const v = cells[i] ?? '';
          if (v === '') return;
          if (f.type === 'integer') expect(v, `${r.name}.${f.name}`).toMatch(/^-?\d+$/);
          if (f.type === 'number') expect(v, `${r.name}.${f.name}`).toMatch(/^-?\d+\.\d{2}$/);
          if (f.type === 'date') expect(v, `${r.name}.${f.name}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        });
      }
    }
    const amount = descriptor.resources
      .find((r) => r.name === 'receipts')
      ?.schema.fields.find((f) => f.name === 'amount_som');
    expect(amount).toMatchObject({ type: 'number', unit: 'KGS' });
  });

  it('holds the same lines as the single downloads, and no PIN, address, draft or superseded line', async () => {
    const files = unzipSync(new Uint8Array((await download()).rawPayload));
    const all = Object.values(files)
      .map((f) => strFromU8(f))
      .join('\n');
    for (const d of Object.values(NAMED_DONORS)) {
      if ('pin' in d && d.pin) expect(all).not.toContain(d.pin);
      if ('address' in d && d.address) expect(all).not.toContain(d.address);
    }
    expect(all).not.toContain(SUPERSEDED_DONOR);
    expect(all).not.toContain(DRAFT_DONOR);
    for (const table of ['receipts', 'expenditures'] as const) {
      const single = await app.inject({ method: 'GET', url: `/en/elections/${E}/${table}.csv` });
      const inPackage = records(strFromU8(files[`${table}.csv`] ?? new Uint8Array()));
      expect(inPackage.length, table).toBe(records(single.body).length);
      expect(inPackage.length, table).toBeGreaterThan(1);
      expect(new Set(inPackage.slice(1))).toEqual(new Set(records(single.body).slice(1)));
    }
  });

  it('is built once per data version, and again once the data changes', async () => {
    const first = await download();
    const again = await download();
    expect(again.headers.etag).toBe(first.headers.etag);
    await recordActivity(ctx.db, { actor: 'test', action: 'test.change', entityType: 'test', entityId: '1' }, FIN_NOW);
    const after = await download();
    expect(after.headers.etag).not.toBe(first.headers.etag);
    const version = (r: typeof first) =>
      (
        JSON.parse(
          strFromU8(unzipSync(new Uint8Array(r.rawPayload))['datapackage.json'] ?? new Uint8Array()),
        ) as Descriptor
      )['talapker:dataVersion'];
    expect(version(after)).toBeGreaterThan(version(first));
  });

  it('answers 404 for no such election', async () => {
    const res = await app.inject({ method: 'GET', url: '/en/elections/no-such/data/package.zip' });
    expect(res.statusCode).toBe(404);
  });
});
