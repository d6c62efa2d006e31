// Rows of the transparency log. Appending takes the next index inside the caller's transaction, and
// the database serialises appenders: PostgreSQL by a transaction-scoped advisory lock (held until the
// change and its leaf commit together, so no two servers take one index and none skips one), SQLite
// by allowing one writer at a time.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import { dialectOf } from '../platform/db/database.ts';
import { leafBytes, type Leaf } from './core/leaf.ts';
import { leafHash } from './core/merkle.ts';

interface LogEntryTable {
  idx: number | string | bigint;
  leaf: string;
  leaf_hash: string;
  kind: string;
  ref: string;
  at: string;
}
interface LogCheckpointTable {
  size: number | string | bigint;
  root: string;
  note: string;
  signed_at: string;
}
export interface LogTables {
  log_entries: LogEntryTable;
  log_checkpoints: LogCheckpointTable;
}

export interface LogEntry {
  index: number;
  leaf: Uint8Array;
  leafHash: Uint8Array;
  kind: string;
  ref: string;
  at: string;
}

export interface StoredCheckpoint {
  size: number;
  root: Uint8Array;
  note: string;
  signedAt: string;
}

// The log's tables are its own; the shared schema type does not need to know them.
const logDb = (db: Kysely<Database>): Kysely<LogTables> => db as unknown as Kysely<LogTables>;

/** A constant key for pg_advisory_xact_lock: "tlog" in ASCII. */
const APPEND_LOCK = 0x746c6f67;

const toEntry = (r: LogEntryTable): LogEntry => ({
  index: Number(r.idx),
  leaf: new TextEncoder().encode(r.leaf),
  leafHash: new Uint8Array(Buffer.from(r.leaf_hash, 'hex')),
  kind: r.kind,
  ref: r.ref,
  at: r.at,
});

/** Takes the log's append lock for the rest of the transaction (PostgreSQL; SQLite has one writer anyway). */
export async function lockLog(trx: Kysely<Database>): Promise<void> {
  if (dialectOf(trx) === 'postgres') await sql`select pg_advisory_xact_lock(${APPEND_LOCK})`.execute(trx);
}

/** Appends leaves in order; call inside the transaction that makes the change they record. Returns the first index. */
export async function appendLeaves(trx: Kysely<Database>, leaves: readonly Leaf[]): Promise<number> {
  const db = logDb(trx);
  await lockLog(trx);
  const last = await db
    .selectFrom('log_entries')
    .select((eb) => eb.fn.max('idx').as('m'))
    .executeTakeFirst();
  const first = last?.m === null || last?.m === undefined ? 0 : Number(last.m) + 1;
  const rows = leaves.map((leaf, i) => {
    const bytes = leafBytes(leaf);
    return {
      idx: first + i,
      leaf: new TextDecoder().decode(bytes),
      leaf_hash: Buffer.from(leafHash(bytes)).toString('hex'),
      kind: leaf.kind,
      ref: leaf.ref,
      at: leaf.at,
    };
  });
  // In slices: PostgreSQL takes at most 65535 parameters in one statement.
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('log_entries')
      .values(rows.slice(i, i + 500))
      .execute();
  return first;
}

/** Appends one leaf; call inside the transaction that makes the change it records. Returns its index. */
export const appendLeaf = (trx: Kysely<Database>, leaf: Leaf): Promise<number> => appendLeaves(trx, [leaf]);

export async function countEntries(db: Kysely<Database>): Promise<number> {
  const r = await logDb(db)
    .selectFrom('log_entries')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Entries with start <= index < end, in order. */
export async function listEntries(db: Kysely<Database>, start: number, end: number): Promise<LogEntry[]> {
  const rows = await logDb(db)
    .selectFrom('log_entries')
    .selectAll()
    .where('idx', '>=', start)
    .where('idx', '<', end)
    .orderBy('idx')
    .execute();
  return rows.map(toEntry);
}

/** The leaf hashes of entries start <= index < end, in order: what every root and proof is computed from. */
export async function leafHashes(db: Kysely<Database>, end?: number, start = 0): Promise<Uint8Array[]> {
  let q = logDb(db).selectFrom('log_entries').select(['idx', 'leaf_hash']).where('idx', '>=', start).orderBy('idx');
  if (end !== undefined) q = q.where('idx', '<', end);
  const rows = await q.execute();
  return rows.map((r) => new Uint8Array(Buffer.from(r.leaf_hash, 'hex')));
}

export async function entriesOfRef(db: Kysely<Database>, ref: string): Promise<LogEntry[]> {
  const rows = await logDb(db).selectFrom('log_entries').selectAll().where('ref', '=', ref).orderBy('idx').execute();
  return rows.map(toEntry);
}

export async function latestCheckpoint(db: Kysely<Database>): Promise<StoredCheckpoint | undefined> {
  const r = await logDb(db)
    .selectFrom('log_checkpoints')
    .selectAll()
    .orderBy('size', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r
    ? { size: Number(r.size), root: new Uint8Array(Buffer.from(r.root, 'hex')), note: r.note, signedAt: r.signed_at }
    : undefined;
}

/** Keeps a signed checkpoint; another server may have signed the same size first, and then that one stays. */
export async function saveCheckpoint(db: Kysely<Database>, c: StoredCheckpoint): Promise<void> {
  await logDb(db)
    .insertInto('log_checkpoints')
    .values({ size: c.size, root: Buffer.from(c.root).toString('hex'), note: c.note, signed_at: c.signedAt })
    .onConflict((oc) => oc.column('size').doNothing())
    .execute();
}
