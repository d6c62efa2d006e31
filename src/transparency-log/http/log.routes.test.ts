// The log's public files on both databases: the checkpoint verifies with the key served beside it, its
// root is the one recomputed from the stored leaves, and the key is kept across restarts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { buildServer } from '../../server.ts';
import { loadConfig } from '../../platform/config.ts';
import { LocalBlobStore } from '../../platform/blobs/local-blob-store.ts';
import { EventBus } from '../../platform/event-bus.ts';
import { Memo } from '../../platform/memo.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { appendToLog } from '../index.ts';
import { openNote, parseCheckpoint, parseVerifierKey } from '../core/note.ts';
import { rootOf, verifyInclusion } from '../core/merkle.ts';
import { leafHashes } from '../transparency-log.repository.ts';
import { inclusion } from '../transparency-log.service.ts';

describeEachDatabase('log checkpoint and key', (get) => {
  let app: FastifyInstance;
  let dir: string;
  let ctx: AppContext;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'talapker-log-'));
    ctx = {
      db: get().db,
      blobs: new LocalBlobStore(join(dir, 'blobs')),
      config: loadConfig({ TALAPKER_DATA_DIR: dir }),
      now: () => new Date(),
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

  it('serves a checkpoint that verifies with the served key and matches the stored leaves', async () => {
    for (let i = 0; i < 5; i++) {
      await ctx.db.transaction().execute((trx) =>
        appendToLog(trx, {
          kind: 'filing.version',
          at: `2026-01-0${i + 1}T00:00:00Z`,
          ref: `F-${i}`,
          publicRecord: { i },
        }),
      );
    }
    const key = (await app.inject({ url: '/log/key' })).body.trim();
    const vkey = parseVerifierKey(key);
    expect(vkey.ok).toBe(true);
    if (!vkey.ok) return;
    expect(vkey.value.name).toBe('talapker.local/log');
    const res = await app.inject({ url: '/log/checkpoint' });
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const opened = openNote(res.body, [vkey.value]);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const cp = parseCheckpoint(opened.value.text);
    expect(cp.ok).toBe(true);
    if (!cp.ok) return;
    expect(cp.value.size).toBe(5);
    const hashes = await leafHashes(ctx.db);
    expect(Buffer.from(cp.value.root)).toEqual(Buffer.from(rootOf(hashes)));
    for (const i of [0, 2, 4]) {
      const proof = await inclusion(ctx, i, 5);
      expect(verifyInclusion(i, 5, hashes[i] as Uint8Array, proof ?? [], cp.value.root)).toBe(true);
    }
    // A tampered note does not verify.
    expect(openNote(res.body.replace('\n5\n', '\n6\n'), [vkey.value]).ok).toBe(false);
  });
});
