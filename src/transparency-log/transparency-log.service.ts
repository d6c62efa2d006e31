// Use cases of the log: the current signed checkpoint (a new one at most every few seconds while
// entries arrive), entries, and the proofs between them. Leaves never change once committed, and an
// index becomes visible only after every smaller one (appends hold the lock until they commit), so each
// instance keeps the leaf hashes it has read and the subtree hashes it has computed, and reads only the
// entries added since: several servers on one database each keep their own, all equal.
import type { AppContext } from '../platform/app-context.ts';
import type { Capability } from '../platform/capability.ts';
import { formatCheckpoint, formatVerifierKey, signNote } from './core/note.ts';
import { consistencyProof, inclusionProof, rootOf, type Hash } from './core/merkle.ts';
import { leafOf, LEAF_KINDS, type Leaf, type LeafKind } from './core/leaf.ts';
import { verifyLog, type Checked, type VerifyOptions } from './core/verify.ts';
import { logKey } from './log-key.ts';
import * as repo from './transparency-log.repository.ts';

/** How long a checkpoint stays current while new entries arrive. */
export const CHECKPOINT_INTERVAL_MS = 3000;

export async function verifierKey(ctx: AppContext): Promise<string> {
  const key = await logKey(ctx);
  return formatVerifierKey(key.name, key.publicKey);
}

interface Tree {
  hashes: Hash[];
  /** Subtree hashes by leaf range: a range's hash depends only on its leaves, which never change. */
  subtrees: Map<string, Hash>;
}

/** The leaf hashes of the first `size` entries (all when absent), read from the database only once each. */
async function tree(ctx: AppContext, size?: number): Promise<Tree> {
  let t = ctx.memo.get<Tree>('transparency-log', 'tree');
  if (!t) {
    t = { hashes: [], subtrees: new Map() };
    ctx.memo.set('transparency-log', 'tree', t);
  }
  if (size === undefined || t.hashes.length < size) {
    const start = t.hashes.length;
    const more = await repo.leafHashes(ctx.db, size, start);
    // Another request may have read the same entries meanwhile.
    if (t.hashes.length === start) t.hashes.push(...more);
  }
  return t;
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
  const t = await tree(ctx, size);
  const root = rootOf(t.hashes.slice(0, size), t.subtrees);
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
  const t = await tree(ctx, size);
  if (t.hashes.length < size || index >= size) return undefined;
  return inclusionProof(t.hashes, index, size, t.subtrees);
}

export async function consistency(ctx: AppContext, first: number, second: number): Promise<Hash[] | undefined> {
  const t = await tree(ctx, second);
  if (t.hashes.length < second || first > second) return undefined;
  return consistencyProof(t.hashes, first, second, t.subtrees);
}

const isLeafKind = (k: string): k is LeafKind => (LEAF_KINDS as readonly string[]).includes(k);

/** The capability that logs records of `kind`, for reading one back. */
function recordReader(ctx: AppContext, capabilities: readonly Capability[]) {
  return (kind: string, ref: string): Promise<unknown> => {
    const owner = capabilities.find((c) => c.logged?.kinds.includes(kind));
    return owner?.logged ? owner.logged.recordOf(ctx.db, kind, ref) : Promise.resolve(undefined);
  };
}

/**
 * Enters the records stored before the log existed, oldest first, when the log is empty: a database
 * from before this version, on its first start. One transaction under the append lock, so two servers
 * starting at once enter them once. Returns how many were entered.
 */
export async function enterExistingRecords(ctx: AppContext, capabilities: readonly Capability[]): Promise<number> {
  if ((await repo.countEntries(ctx.db)) > 0) return 0;
  return ctx.db.transaction().execute(async (trx) => {
    await repo.lockLog(trx);
    if ((await repo.countEntries(trx)) > 0) return 0;
    const refs = [];
    for (const c of capabilities) if (c.logged) refs.push(...(await c.logged.existing(trx)));
    // A stable sort: records of one moment keep the order their capability gave.
    refs.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    const read = recordReader({ ...ctx, db: trx }, capabilities);
    const leaves: Leaf[] = [];
    for (const r of refs) {
      const record = await read(r.kind, r.ref);
      if (isLeafKind(r.kind) && record !== undefined) leaves.push(leafOf(r.kind, r.at, r.ref, record));
    }
    if (leaves.length > 0) await repo.appendLeaves(trx, leaves);
    return leaves.length;
  });
}

/** Checks this installation's own log against its database (the command without a server's address). */
export async function verifyLocalLog(
  ctx: AppContext,
  capabilities: readonly Capability[],
  opts: Pick<VerifyOptions, 'saved' | 'savedKey'> = {},
): Promise<Checked<string>> {
  const checkpoint = await currentCheckpoint(ctx, new Date(Date.now() + CHECKPOINT_INTERVAL_MS));
  return verifyLog(
    {
      checkpoint: checkpoint.note,
      verifierKey: await verifierKey(ctx),
      entries: async (size) =>
        (await repo.listEntries(ctx.db, 0, size)).map((e) => ({
          index: e.index,
          leaf: e.leaf,
          storedHash: e.leafHash,
        })),
    },
    { ...opts, recordOf: recordReader(ctx, capabilities) },
  );
}
