import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import {
  appendLeaf,
  countEntries,
  leafHashes,
  listEntries,
  latestCheckpoint,
  saveCheckpoint,
} from './transparency-log.repository.ts';
import { leafBytes, leafOf, parseLeaf } from './core/leaf.ts';
import { leafHash, rootOf } from './core/merkle.ts';

describeEachDatabase('transparency log storage', (get) => {
  it('keeps the exact leaf bytes and their hashes, in order', async () => {
    const { db } = get();
    const leaves = [0, 1, 2].map((i) => leafOf('filing.version', `2026-01-0${i + 1}T00:00:00Z`, `F-${i}`, { i }));
    for (const l of leaves) await db.transaction().execute((trx) => appendLeaf(trx, l));
    const stored = await listEntries(db, 0, 10);
    expect(stored.map((e) => e.index)).toEqual([0, 1, 2]);
    expect(stored.map((e) => parseLeaf(e.leaf))).toEqual(leaves);
    expect(rootOf(await leafHashes(db))).toEqual(rootOf(leaves.map((l) => leafHash(leafBytes(l)))));
  });

  it('a rolled-back change leaves no leaf behind', async () => {
    const { db } = get();
    const before = await countEntries(db);
    await expect(
      db.transaction().execute(async (trx) => {
        await appendLeaf(trx, leafOf('lottery.step', '2026-01-01T00:00:00Z', 'x', {}));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await countEntries(db)).toBe(before);
  });

  it('concurrent appends leave no gap and no duplicate index', async () => {
    const { db } = get();
    const before = await countEntries(db);
    const n = 24;
    const indices = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        db.transaction().execute(async (trx) => {
          const idx = await appendLeaf(trx, leafOf('bank.statement', new Date().toISOString(), `S-${i}`, { i }));
          // Keep the transaction open a moment, so that the others really wait for it.
          await new Promise((r) => setTimeout(r, 2));
          return idx;
        }),
      ),
    );
    expect([...indices].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => before + i));
    const all = await listEntries(db, 0, before + n + 10);
    expect(all.map((e) => e.index)).toEqual(Array.from({ length: before + n }, (_, i) => i));
  });

  it('keeps the first checkpoint signed for a size', async () => {
    const { db } = get();
    const root = new Uint8Array(32).fill(1);
    await saveCheckpoint(db, { size: 3, root, note: 'first', signedAt: '2026-01-01T00:00:00Z' });
    await saveCheckpoint(db, { size: 3, root, note: 'second', signedAt: '2026-01-01T00:00:01Z' });
    expect((await latestCheckpoint(db))?.note).toBe('first');
  });
});
