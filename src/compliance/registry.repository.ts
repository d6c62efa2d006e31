// Registry snapshots in the database: creating and finishing a snapshot, writing its rows in batches (each
// batch in one transaction with the snapshot's last committed line, so an interrupted import resumes
// exactly), and finding the newest complete snapshot of each kind.
//
// SQLite batches go through prepared statements on the raw better-sqlite3 handle and PostgreSQL batches
// as one `insert … select from unnest(arrays)` per batch: a handful of parameters whatever the batch size,
// which is as close to COPY as the pg driver gets without another dependency. Conflicts are looked for
// only in a batch that has one (see writeBatchPostgres).
import { sql, type Kysely } from 'kysely';
import type { Statement } from 'better-sqlite3';
import type { Database } from '../platform/db/schema.ts';
import type { RegistrySnapshotRow } from '../platform/db/tables/compliance.tables.ts';
import { dialectOf, sqliteHandleOf } from '../platform/db/database.ts';
import { isUniqueViolation } from '../platform/db/unique-violation.ts';
import type { RegistryKind } from './core/registry.ts';
import type { Cell } from './registry-rows.ts';

type RegistryTable = 'registry_persons' | 'registry_entities' | 'registry_arrears' | 'registry_state_bodies';

interface TableSpec {
  table: RegistryTable;
  /** The columns the row's cells fill, in order, with their PostgreSQL array type. */
  columns: ReadonlyArray<readonly [string, string]>;
  /** Whether the key (PIN/INN) is unique in a snapshot; arrears are keyed by line instead. */
  uniqueKey: boolean;
}

export const REGISTRY_TABLES: Record<RegistryKind, TableSpec> = {
  persons: {
    table: 'registry_persons',
    columns: [
      ['pin', 'text'],
      ['surname', 'text'],
      ['given_name', 'text'],
      ['patronymic', 'text'],
      ['birth_date', 'text'],
      ['citizenship', 'text'],
      ['death_date', 'text'],
    ],
    uniqueKey: true,
  },
  entities: {
    table: 'registry_entities',
    columns: [
      ['inn', 'text'],
      ['name', 'text'],
      ['legal_form', 'text'],
      ['registered_on', 'text'],
      ['liquidated_on', 'text'],
      ['foreign_share_pct', 'float8'],
      ['state_share_pct', 'float8'],
      ['has_tax_preferences', 'int4'],
      ['registered_capital', 'int8'],
    ],
    uniqueKey: true,
  },
  arrears: {
    table: 'registry_arrears',
    columns: [
      ['identifier', 'text'],
      ['kind', 'text'],
      ['amount', 'int8'],
      ['as_of', 'text'],
    ],
    uniqueKey: false,
  },
  'state-bodies': {
    table: 'registry_state_bodies',
    columns: [
      ['inn', 'text'],
      ['name', 'text'],
      ['kind', 'text'],
    ],
    uniqueKey: true,
  },
};

/** Rows of one batch: the file line each came from, its key (PIN/INN) and its cells. */
export interface RowBatch {
  lines: number[];
  keys: string[];
  cells: Cell[][];
}

/** What a batch changes on its snapshot, committed with the rows. */
export interface BatchProgress {
  lastLine: number;
  /** Rows rejected by the mapping since the previous batch (duplicates are counted here). */
  rejected: number;
}

export interface NewSnapshot {
  kind: RegistryKind;
  asOf: string;
  sourceFile: string;
  sourceKey: string;
  actor: string;
  at: string;
}

export async function createSnapshot(db: Kysely<Database>, s: NewSnapshot): Promise<RegistrySnapshotRow> {
  return db
    .insertInto('registry_snapshots')
    .values({
      kind: s.kind,
      as_of: s.asOf,
      imported_at: s.at,
      imported_by: s.actor,
      source_file: s.sourceFile,
      source_key: s.sourceKey,
      status: 'importing',
      completed_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The unfinished import of the same file, if there is one: running the file again continues it. */
export async function findUnfinishedSnapshot(
  db: Kysely<Database>,
  kind: RegistryKind,
  sourceKey: string,
): Promise<RegistrySnapshotRow | undefined> {
  return db
    .selectFrom('registry_snapshots')
    .selectAll()
    .where('kind', '=', kind)
    .where('source_key', '=', sourceKey)
    .where('status', '=', 'importing')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function completeSnapshot(db: Kysely<Database>, id: number, at: string): Promise<RegistrySnapshotRow> {
  const row = await db
    .updateTable('registry_snapshots')
    .set({ status: 'complete', completed_at: at })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  // Millions of new rows leave PostgreSQL's statistics of the table behind until autovacuum comes round:
  // planned on them, the lookups by number can scan the whole table. The analysis samples, in a second.
  if (dialectOf(db) === 'postgres') {
    const spec = REGISTRY_TABLES[row.kind as RegistryKind] as TableSpec | undefined;
    if (spec) await sql`analyze ${sql.table(spec.table)}`.execute(db);
  }
  return row;
}

export async function getSnapshot(db: Kysely<Database>, id: number): Promise<RegistrySnapshotRow | undefined> {
  return db.selectFrom('registry_snapshots').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The newest complete snapshot of each kind (by the day it is as of, then by import order). */
export async function newestCompleteSnapshots(
  db: Kysely<Database>,
): Promise<Partial<Record<RegistryKind, RegistrySnapshotRow>>> {
  const rows = await db
    .selectFrom('registry_snapshots')
    .selectAll()
    .where('status', '=', 'complete')
    .orderBy('as_of', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const out: Partial<Record<RegistryKind, RegistrySnapshotRow>> = {};
  for (const r of rows) {
    const kind = r.kind as RegistryKind;
    out[kind] ??= r;
  }
  return out;
}

/** Writes one batch of a snapshot's rows; returns the indexes of the batch's duplicate rows. */
type BatchWriter = (
  db: Kysely<Database>,
  snapshotId: number,
  kind: RegistryKind,
  batch: RowBatch,
  progress: BatchProgress,
) => Promise<number[]>;

/**
 * Writes one batch and moves the snapshot's last committed line, in one transaction. Returns the
 * indexes (into the batch) of rows not written because their key was already in the snapshot.
 */
export const writeRegistryBatch: BatchWriter = (db, ...rest) =>
  (dialectOf(db) === 'postgres' ? writeBatchPostgres : writeBatchSqlite)(db, ...rest);

const sqliteStatements = new WeakMap<object, Map<string, Statement>>();

function sqliteStatement(db: Kysely<Database>, text: string): Statement {
  const handle = sqliteHandleOf(db);
  if (!handle) throw new Error('registry import on SQLite needs the instance openDatabase returned');
  let cache = sqliteStatements.get(handle);
  if (!cache) {
    sqliteStatements.set(handle, (cache = new Map()));
    // A national registry's key index outgrows the default 2 MB page cache at once; 64 MB keeps the
    // B-tree's inner pages in memory for the rest of the import, well within the memory budget.
    handle.pragma('cache_size = -65536');
  }
  let stmt = cache.get(text);
  if (!stmt) cache.set(text, (stmt = handle.prepare(text)));
  return stmt;
}

function insertColumns(kind: RegistryKind): string[] {
  const spec = REGISTRY_TABLES[kind];
  return ['snapshot_id', ...spec.columns.map(([c]) => c), ...(spec.uniqueKey ? [] : ['line'])];
}

const writeBatchSqlite: BatchWriter = async (db, snapshotId, kind, batch, progress) => {
  const spec = REGISTRY_TABLES[kind];
  const columns = insertColumns(kind);
  const insert = sqliteStatement(
    db,
    `insert or ignore into ${spec.table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
  );
  const update = sqliteStatement(
    db,
    'update registry_snapshots set last_line = ?, row_count = row_count + ?, rejected_count = rejected_count + ? where id = ?',
  );
  const handle = sqliteHandleOf(db);
  if (!handle) throw new Error('no SQLite handle');
  const duplicates: number[] = [];
  handle.transaction(() => {
    for (let i = 0; i < batch.cells.length; i++) {
      const cells = batch.cells[i] ?? [];
      const r = spec.uniqueKey ? insert.run(snapshotId, ...cells) : insert.run(snapshotId, ...cells, batch.lines[i]);
      if (r.changes === 0) duplicates.push(i);
    }
    const written = batch.cells.length - duplicates.length;
    update.run(progress.lastLine, written, progress.rejected + duplicates.length, snapshotId);
  })();
  return duplicates;
};

const writeBatchPostgres: BatchWriter = async (db, snapshotId, kind, batch, progress) => {
  const spec = REGISTRY_TABLES[kind];
  const arrays = spec.columns.map((_, c) => batch.cells.map((row) => row[c] ?? null));
  const parts = spec.columns.map(([, type], c) => sql`${arrays[c]}::${sql.raw(type)}[]`);
  if (!spec.uniqueKey) parts.push(sql`${batch.lines}::int4[]`);
  const keyColumn = spec.columns[0]?.[0] ?? 'inn';
  const insert = sql`insert into ${sql.table(spec.table)} (${sql.join(insertColumns(kind).map((c) => sql.ref(c)))})
    select ${snapshotId}::int8, u.* from unnest(${sql.join(parts)}) as u`;
  return db.transaction().execute(async (trx) => {
    // A lost batch is re-read on resume (its rows and its last line commit together), so the import
    // need not wait for each commit to reach the disk.
    await sql`set local synchronous_commit = off`.execute(trx);
    let duplicates: number[] = [];
    // A plain insert first: checking each row for a conflict and returning every key costs the server
    // more than the rows themselves, and a national registry has no duplicates, or hardly any.
    await sql`savepoint registry_batch`.execute(trx);
    try {
      await insert.execute(trx);
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      await sql`rollback to savepoint registry_batch`.execute(trx);
      const inserted = await sql<{ key: string }>`${insert} on conflict do nothing
        returning ${sql.ref(keyColumn)} as key`.execute(trx);
      duplicates = spec.uniqueKey ? duplicatesOf(batch.keys, inserted.rows) : [];
    }
    await trx
      .updateTable('registry_snapshots')
      .set((eb) => ({
        last_line: progress.lastLine,
        row_count: eb('row_count', '+', batch.cells.length - duplicates.length),
        rejected_count: eb('rejected_count', '+', progress.rejected + duplicates.length),
      }))
      .where('id', '=', snapshotId)
      .execute();
    return duplicates;
  });
};

/** The first occurrence of each inserted key was written; every other row of the batch was a duplicate. */
function duplicatesOf(keys: readonly string[], inserted: ReadonlyArray<{ key: string }>): number[] {
  const fresh = new Set(inserted.map((r) => r.key));
  const out: number[] = [];
  keys.forEach((k, i) => {
    if (fresh.has(k)) fresh.delete(k);
    else out.push(i);
  });
  return out;
}
