// The log over the demo: every published record of the demo is in it (entered by the services, in the
// transaction of each change), the API's leaves give the checkpoint's root, inclusion proofs verify with
// the RFC 9162 algorithm written again here from the RFC text, a list change adds its leaf, and
// `talapker log verify` passes until a published row is changed in the database, then names it.
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { openDemoApp } from '../../test/support/demo-template.ts';
import { buildServer } from '../server.ts';
import type { AppContext } from '../platform/app-context.ts';
import { CAPABILITIES } from '../capabilities.ts';
import { withdrawCandidate } from '../candidates/index.ts';
import { logCommand, remoteLog } from './log.command.ts';
import { verifyLog } from './core/verify.ts';
import { formatCheckpoint, signNote } from './core/note.ts';
import { logKey } from './log-key.ts';
import { enterExistingRecords } from './index.ts';
import type { LogTables } from './transparency-log.repository.ts';

const sha = (...parts: Uint8Array[]): Buffer => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

/** RFC 9162 2.1.3.2, from the RFC's text: the root an audit path leads to. */
function rfcRootFromPath(index: number, size: number, leaf: Uint8Array, path: Buffer[]): Buffer | undefined {
  if (index >= size) return undefined;
  let fn = index;
  let sn = size - 1;
  let r = sha(Buffer.of(0), leaf);
  for (const p of path) {
    if (sn === 0) return undefined;
    if (fn % 2 === 1 || fn === sn) {
      r = sha(Buffer.of(1), p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      r = sha(Buffer.of(1), r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 ? r : undefined;
}

/** RFC 9162 2.1.1 MTH over leaf hashes. */
function rfcRoot(hashes: Buffer[]): Buffer {
  if (hashes.length === 0) return sha();
  if (hashes.length === 1) return hashes[0] as Buffer;
  let k = 1;
  while (k * 2 < hashes.length) k *= 2;
  return sha(Buffer.of(1), rfcRoot(hashes.slice(0, k)), rfcRoot(hashes.slice(k)));
}

interface ApiEntry {
  index: number;
  leaf: string;
  kind: string;
  ref: string;
}

describe('the transparency log over the demo', () => {
  let ctx: AppContext;
  let dir: string;
  let app: FastifyInstance;
  const logDb = () => ctx.db as unknown as Kysely<LogTables>;

  beforeAll(async () => {
    ({ ctx, dir } = await openDemoApp());
    app = await buildServer(ctx);
    await app.ready();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await ctx?.db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const checkpoint = async () => {
    const note = (await app.inject({ url: '/log/checkpoint' })).body;
    const [, size = '', root = ''] = note.split('\n');
    return { size: Number(size), root: Buffer.from(root, 'base64') };
  };

  const allEntries = async (size: number): Promise<ApiEntry[]> => {
    const out: ApiEntry[] = [];
    while (out.length < size) {
      const res = await app.inject({ url: `/api/v1/log/entries?start=${out.length}&end=${size}` });
      expect(res.statusCode).toBe(200);
      out.push(...(res.json() as { entries: ApiEntry[] }).entries);
    }
    return out;
  };

  it('holds every published record of the demo, each kind in the order it happened', async () => {
    const { size } = await checkpoint();
    const entries = await allEntries(size);
    const kinds = new Set(entries.map((e) => e.kind));
    for (const k of ['candidates.list', 'programme.attached', 'lottery.step', 'filing.version', 'bank.statement'])
      expect(kinds).toContain(k);
    const filed = await ctx.db.selectFrom('filings').select('id').where('version', '>', 0).execute();
    const versionRefs = entries.filter((e) => e.kind === 'filing.version').map((e) => e.ref);
    expect(versionRefs.sort()).toEqual(filed.map((f) => `filing/${f.id}`).sort());
    const draws = await ctx.db.selectFrom('lottery_draws').select(['id', 'seed_parts_json']).execute();
    for (const d of draws) {
      const steps = entries.filter((e) => e.ref === `lottery/draw/${d.id}`);
      // Freeze, each roll, the draw.
      expect(steps.length).toBe(2 + (JSON.parse(d.seed_parts_json) as unknown[]).length);
    }
    // No leaf carries anything but the four fields.
    for (const e of entries.slice(0, 50))
      expect(Object.keys(JSON.parse(Buffer.from(e.leaf, 'base64').toString('utf8'))).sort()).toEqual([
        'at',
        'kind',
        'ref',
        'sha256',
      ]);
  });

  it('the root recomputed from the API entries is the checkpoint root; proofs of first, last and random leaves verify', async () => {
    const { size, root } = await checkpoint();
    const entries = await allEntries(size);
    expect(entries.map((e) => e.index)).toEqual([...Array(size).keys()]);
    const leaves = entries.map((e) => Buffer.from(e.leaf, 'base64'));
    expect(rfcRoot(leaves.map((l) => sha(Buffer.of(0), l))).equals(root)).toBe(true);
    const picks = [0, size - 1, ...Array.from({ length: 8 }, () => Math.floor(Math.random() * size))];
    for (const i of picks) {
      const res = await app.inject({ url: `/api/v1/log/proof/inclusion?index=${i}&treeSize=${size}` });
      const path = (res.json() as { hashes: string[] }).hashes.map((h) => Buffer.from(h, 'base64'));
      expect(rfcRootFromPath(i, size, leaves[i] as Buffer, path)?.equals(root)).toBe(true);
      const wrong = Buffer.from(leaves[i] as Buffer);
      wrong[5] = (wrong[5] ?? 0) ^ 1;
      expect(rfcRootFromPath(i, size, wrong, path)?.equals(root)).toBe(false);
    }
    const beyond = await app.inject({ url: `/api/v1/log/proof/inclusion?index=0&treeSize=${size + 10}` });
    expect(beyond.statusCode).toBe(400);
  });

  it('a withdrawal adds a leaf for its list, and the verify page shows it', async () => {
    const c = await ctx.db
      .selectFrom('candidates')
      .select(['id', 'election_id', 'party_registration_number'])
      .where('status', '=', 'registered')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const ref = `candidates/${c.election_id}/${c.party_registration_number}`;
    const before = await logDb().selectFrom('log_entries').select(['idx', 'leaf']).where('ref', '=', ref).execute();
    const r = await withdrawCandidate(ctx, { candidateId: Number(c.id), date: '2026-11-01', actor: 'test' });
    expect(r.ok).toBe(true);
    const after = await logDb().selectFrom('log_entries').select(['idx', 'leaf']).where('ref', '=', ref).execute();
    expect(after.length).toBe(before.length + 1);
    const newest = JSON.parse(after.at(-1)?.leaf ?? '{}') as { kind: string; sha256: string };
    expect(newest.kind).toBe('candidates.list');
    expect(newest.sha256).not.toBe((JSON.parse(before.at(-1)?.leaf ?? '{}') as { sha256: string }).sha256);
    const page = await app.inject({ url: `/en/log/verify?ref=${encodeURIComponent(ref)}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(newest.sha256);
    expect(page.body).toContain('/log/verify.js');
    for (const l of ['ky', 'ru', 'en']) {
      const about = await app.inject({ url: `/${l}/log` });
      expect(about.statusCode).toBe(200);
      expect(about.body).toContain('sha256sum');
    }
    const script = await app.inject({ url: '/log/verify.js' });
    expect(script.headers['content-type']).toMatch(/javascript/);
  });

  it('read through its public files and API, the log verifies and extends a checkpoint saved earlier; a forged history does not', async () => {
    const fetcher = async (url: string) => {
      const res = await app.inject({ url: url.replace('http://portal.test', '') });
      return { ok: res.statusCode === 200, status: res.statusCode, text: async () => res.body };
    };
    const saved = (await app.inject({ url: '/log/checkpoint' })).body;
    const savedSize = Number(saved.split('\n')[1]);
    const copy = await remoteLog('http://portal.test/', undefined, fetcher);
    const r = await verifyLog(copy, { saved });
    expect(r).toMatchObject({ ok: true });
    // A checkpoint of the same size with another root, signed with the log's own key: a rewritten history.
    const key = await logKey(ctx);
    const forged = signNote(formatCheckpoint({ origin: key.name, size: savedSize, root: new Uint8Array(32) }), key);
    if (!forged.ok) throw new Error('cannot sign');
    const bad = await verifyLog(copy, { saved: forged.value });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.failure).toContain('the log was rewritten');
  });

  const verify = async () => {
    const out: string[] = [];
    const io = { stdout: (s: string) => out.push(s), stderr: (s: string) => out.push(s) };
    return { code: await logCommand(['verify'], io, ctx, CAPABILITIES), text: out.join('') };
  };

  it('log verify passes, then fails naming the filed version whose document was changed in the database', async () => {
    const ok = await verify();
    expect(ok.text).toContain('records match the database');
    expect(ok.code).toBe(0);
    const f = await ctx.db
      .selectFrom('filings')
      .select(['id', 'body_json'])
      .where('version', '>', 0)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const body = JSON.parse(f.body_json) as { header: { closingBalance: number } };
    body.header.closingBalance += 100;
    await ctx.db
      .updateTable('filings')
      .set({ body_json: JSON.stringify(body) })
      .where('id', '=', f.id)
      .execute();
    const bad = await verify();
    expect(bad.code).toBe(1);
    expect(bad.text).toContain(`filing.version filing/${f.id} was changed`);
    await ctx.db.updateTable('filings').set({ body_json: f.body_json }).where('id', '=', f.id).execute();
  });

  it('log verify names the lottery draw whose published result was changed', async () => {
    const d = await ctx.db
      .selectFrom('lottery_draws')
      .select(['id', 'record_json'])
      .where('record_json', 'is not', null)
      .executeTakeFirstOrThrow();
    const record = JSON.parse(d.record_json ?? '{}') as { seed: string };
    record.seed = `${record.seed}0`;
    await ctx.db
      .updateTable('lottery_draws')
      .set({ record_json: JSON.stringify(record) })
      .where('id', '=', d.id)
      .execute();
    const bad = await verify();
    expect(bad.code).toBe(1);
    expect(bad.text).toContain(`lottery.step lottery/draw/${d.id} was changed`);
    await ctx.db.updateTable('lottery_draws').set({ record_json: d.record_json }).where('id', '=', d.id).execute();
    expect((await verify()).code).toBe(0);
  });

  it('a rewritten leaf breaks the tree, and a database without a log is entered in the order things happened', async () => {
    const first = await logDb()
      .selectFrom('log_entries')
      .select(['idx', 'leaf'])
      .where('idx', '=', 3)
      .executeTakeFirstOrThrow();
    await logDb()
      .updateTable('log_entries')
      .set({ leaf: first.leaf.replace('"at":"2', '"at":"1') })
      .where('idx', '=', 3)
      .execute();
    const bad = await verify();
    expect(bad.code).toBe(1);
    expect(bad.text).toContain('entry 3');
    const records = async () =>
      new Set(
        (await logDb().selectFrom('log_entries').select(['kind', 'ref']).execute()).map((r) => `${r.kind} ${r.ref}`),
      );
    const logged = await records();
    await sql`delete from log_entries`.execute(ctx.db);
    await sql`delete from log_checkpoints`.execute(ctx.db);
    ctx.memo.set('transparency-log', 'tree', undefined);
    expect(await enterExistingRecords(ctx, CAPABILITIES)).toBeGreaterThanOrEqual(logged.size);
    expect(await records()).toEqual(logged);
    const ats = (await logDb().selectFrom('log_entries').select('at').orderBy('idx').execute()).map((r) => r.at);
    expect([...ats].sort()).toEqual(ats);
    expect((await verify()).code).toBe(0);
    // Entered once: a second start finds the log full.
    expect(await enterExistingRecords(ctx, CAPABILITIES)).toBe(0);
  });
});
