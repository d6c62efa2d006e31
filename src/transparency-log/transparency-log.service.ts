// Use cases of the log: the current signed checkpoint (a new one at most every few seconds while
// entries arrive), entries, and the proofs between them, all computed from the stored leaves.
import type { AppContext } from '../platform/app-context.ts';
import { formatCheckpoint, formatVerifierKey, signNote } from './core/note.ts';
import { consistencyProof, inclusionProof, rootOf, type Hash } from './core/merkle.ts';
import { logKey } from './log-key.ts';
import * as repo from './transparency-log.repository.ts';

/** How long a checkpoint stays current while new entries arrive. */
export const CHECKPOINT_INTERVAL_MS = 3000;

export async function verifierKey(ctx: AppContext): Promise<string> {
  const key = await logKey(ctx);
  return formatVerifierKey(key.name, key.publicKey);
}

/**
 * The newest checkpoint, signing a new one when entries arrived since and the last is older than the
 * interval (or there is none). Servers racing to sign the same size keep the first one stored.
 */
export async function currentCheckpoint(ctx: AppContext, now: Date = new Date()): Promise<repo.StoredCheckpoint> {
  const [last, size] = await Promise.all([repo.latestCheckpoint(ctx.db), repo.countEntries(ctx.db)]);
  const fresh = last && now.getTime() - Date.parse(last.signedAt) < CHECKPOINT_INTERVAL_MS;
  if (last && (last.size === size || fresh)) return last;
  const key = await logKey(ctx);
  const hashes = await repo.leafHashes(ctx.db, size);
  const root = rootOf(hashes);
  const signed = signNote(formatCheckpoint({ origin: key.name, size, root }), key);
  if (!signed.ok) throw new Error(signed.error[0]?.message);
  await repo.saveCheckpoint(ctx.db, { size, root, note: signed.value, signedAt: now.toISOString() });
  return (await repo.latestCheckpoint(ctx.db)) ?? { size, root, note: signed.value, signedAt: now.toISOString() };
}

export const treeSize = (ctx: AppContext): Promise<number> => repo.countEntries(ctx.db);
export const entries = (ctx: AppContext, start: number, end: number): Promise<repo.LogEntry[]> =>
  repo.listEntries(ctx.db, start, end);
export const entriesOfRef = (ctx: AppContext, ref: string): Promise<repo.LogEntry[]> => repo.entriesOfRef(ctx.db, ref);

/** The inclusion proof of `index` in the tree of `size`, or undefined when the log is not that big. */
export async function inclusion(ctx: AppContext, index: number, size: number): Promise<Hash[] | undefined> {
  const hashes = await repo.leafHashes(ctx.db, size);
  if (hashes.length < size || index >= size) return undefined;
  return inclusionProof(hashes, index, size);
}

export async function consistency(ctx: AppContext, first: number, second: number): Promise<Hash[] | undefined> {
  const hashes = await repo.leafHashes(ctx.db, second);
  if (hashes.length < second || first > second) return undefined;
  return consistencyProof(hashes, first, second);
}
