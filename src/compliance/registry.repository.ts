// Registry snapshots in the database: creating and finishing a snapshot, staging its rows in batches
// (each batch in one transaction with the snapshot's last committed line, so an interrupted import resumes
// exactly), moving them into the keyed table once the file is read, and finding the newest complete
// snapshot of each kind.
//
// SQLite batches go through prepared statements on the raw better-sqlite3 handle, PostgreSQL batches
// through COPY (pg-copy-in.ts) on a connection of the import's own.
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from '../platform/db/schema.ts';
import type { RegistrySnapshotRow } from '../platform/db/tables/compliance.tables.ts';
import { dialectOf, pgConnectionOf, sqliteHandleOf } from '../platform/db/database.ts';
import { isUniqueViolation } from '../platform/db/unique-violation.ts';
import type { RegistryKind } from './core/registry.ts';
import type { Cell } from './registry-rows.ts';
import { copyIn, copyText } from './pg-copy-in.ts';

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

/** Rows of one batch: the file line each came from and its cells (the key, PIN/INN, first). */
export interface RowBatch {
  lines: number[];
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

// ---- staging: the rows of a snapshot being imported ----
//
// A registry file comes in the order its registry keeps, not in number order: written straight into the
// keyed table, every row lands somewhere random in its B-tree, and once the tree outgrows the page cache
// each insert reads and rewrites a page (SQLite fell from 100,000 to 13,000 rows/s at 2 million persons).
// So the rows first go, in file order, into a staging table of the snapshot's own, without any key or
// index: appending is all it costs. When the file is read, one statement moves them into the keyed table
// in number order, which only ever appends to the B-tree's right edge, drops the staging table and marks
// the snapshot complete, in one transaction: an interruption before or during that step leaves the
// staged rows and the snapshot's last line as they were, and running the file again finishes it.
//
// Duplicates of a number are found in that same step (the first row in file order is kept), so they are
// reported once the whole file is read rather than batch by batch.

/** The staging table of one snapshot; the name is made of constants and the snapshot's numeric id. */
function stagingTable(kind: RegistryKind, snapshotId: number): string {
  return `${REGISTRY_TABLES[kind].table}_import_${Math.trunc(Number(snapshotId))}`;
}

/** The staging table's columns: the file line, then the table's own columns. */
const stagingColumns = (kind: RegistryKind): string[] => ['line', ...REGISTRY_TABLES[kind].columns.map(([c]) => c)];

function sqliteHandle(db: Kysely<Database>) {
  const handle = sqliteHandleOf(db);
  if (!handle) throw new Error('registry import on SQLite needs the instance openDatabase returned');
  if (!tunedHandles.has(handle)) {
    tunedHandles.add(handle);
    // The move into the keyed table sorts the staged rows: with 64 MB the sort works in large runs and
    // the keyed table's inner pages stay in memory, well within the memory budget. Temporary files stay
    // on disk: a national registry's sort held in memory would not.
    handle.pragma('cache_size = -65536');
  }
  return handle;
}
const tunedHandles = new WeakSet<object>();

/**
 * Makes sure the snapshot's staging table exists and holds every row the snapshot says it committed.
 * When it does not (PostgreSQL empties an unlogged table when the server itself crashes, and a snapshot
 * begun before staging existed has its rows elsewhere), the import starts again from the first line.
 * Returns the snapshot as it then stands.
 */
export async function openStaging(db: Kysely<Database>, snapshot: RegistrySnapshotRow): Promise<RegistrySnapshotRow> {
  const kind = snapshot.kind as RegistryKind;
  const spec = REGISTRY_TABLES[kind];
  const table = stagingTable(kind, snapshot.id);
  const postgres = dialectOf(db) === 'postgres';
  const columns = [['line', 'int4'] as const, ...spec.columns].map(([c, type]) => `${c} ${type}`).join(', ');
  // Unlogged on PostgreSQL: the staged rows are written once, not twice (table and WAL).
  await sql.raw(`create ${postgres ? 'unlogged ' : ''}table if not exists ${table} (${columns})`).execute(db);
  if (snapshot.last_line === 0 && Number(snapshot.row_count) === 0) return snapshot;
  const staged = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  if (Number(staged.rows[0]?.n ?? 0) === Number(snapshot.row_count)) return snapshot;
  return db.transaction().execute(async (trx) => {
    await sql`delete from ${sql.table(table)}`.execute(trx);
    await sql`delete from ${sql.table(spec.table)} where snapshot_id = ${snapshot.id}`.execute(trx);
    return trx
      .updateTable('registry_snapshots')
      .set({ last_line: 0, row_count: 0, rejected_count: 0 })
      .where('id', '=', snapshot.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

/** Stages a snapshot's rows, a batch at a time. */
export interface RegistryWriter {
  /**
   * Stages one batch and moves the snapshot's last committed line, in one transaction: the rows of a
   * batch and the line after which the file is read again commit together.
   */
  write(batch: RowBatch, progress: BatchProgress): Promise<void>;
  close(): Promise<void>;
}

/** Rows per staging insert on SQLite: 50 rows of at most 10 values stay far below its 32,766 parameters. */
const ROWS_PER_INSERT = 50;

const MOVE_LAST_LINE =
  'update registry_snapshots set last_line = $1, row_count = row_count + $2, rejected_count = rejected_count + $3 where id = $4';

/** A writer into the snapshot's staging table (see openStaging); close it when the file is read. */
export async function openRegistryWriter(
  db: Kysely<Database>,
  snapshotId: number,
  kind: RegistryKind,
): Promise<RegistryWriter> {
  const table = stagingTable(kind, snapshotId);
  const columns = stagingColumns(kind);
  if (dialectOf(db) === 'postgres') return postgresWriter(db, snapshotId, table, columns);
  const handle = sqliteHandle(db);
  const row = `(${columns.map(() => '?').join(', ')})`;
  const into = `insert into ${table} (${columns.join(', ')}) values `;
  const insertOne = handle.prepare(`${into}${row}`);
  // Several rows per statement: each call into SQLite costs about as much as binding a whole row.
  const insertMany = handle.prepare(`${into}${Array.from({ length: ROWS_PER_INSERT }, () => row).join(', ')}`);
  const update = handle.prepare(MOVE_LAST_LINE.replace(/\$\d/g, '?'));
  const stage = handle.transaction((batch: RowBatch, progress: BatchProgress) => {
    const n = batch.cells.length;
    const values: Cell[] = [];
    let i = 0;
    for (; i + ROWS_PER_INSERT <= n; i += ROWS_PER_INSERT) {
      values.length = 0;
      for (let j = i; j < i + ROWS_PER_INSERT; j++) values.push(batch.lines[j] ?? 0, ...(batch.cells[j] ?? []));
      insertMany.run(values);
    }
    for (; i < n; i++) insertOne.run(batch.lines[i], ...(batch.cells[i] ?? []));
    update.run(progress.lastLine, n, progress.rejected, snapshotId);
  });
  return {
    write: async (batch, progress) => stage(batch, progress),
    close: async () => undefined,
  };
}

/**
 * On PostgreSQL the batches go through COPY on a connection of the import's own (Kysely's pool hands out
 * no driver connection to send COPY data on), each in a transaction with the snapshot's last line.
 */
async function postgresWriter(
  db: Kysely<Database>,
  snapshotId: number,
  table: string,
  columns: readonly string[],
): Promise<RegistryWriter> {
  const config = pgConnectionOf(db);
  if (!config) throw new Error('registry import on PostgreSQL needs the instance openDatabase returned');
  const client = new pg.Client(config);
  await client.connect();
  const copy = `copy ${table} (${columns.join(', ')}) from stdin`;
  return {
    async write(batch, progress) {
      let text = '';
      for (let i = 0; i < batch.cells.length; i++) {
        text += String(batch.lines[i]);
        for (const v of batch.cells[i] ?? []) text += `\t${copyText(v)}`;
        text += '\n';
      }
      // A lost batch is read again on resume (its rows and its last line commit together), so the import
      // need not wait for each commit to reach the disk.
      await client.query('begin; set local synchronous_commit = off');
      try {
        await copyIn(client, copy, Buffer.from(text));
        await client.query(MOVE_LAST_LINE, [progress.lastLine, batch.cells.length, progress.rejected, snapshotId]);
        await client.query('commit');
      } catch (e) {
        await client.query('rollback').catch(() => undefined);
        throw e;
      }
    },
    close: () => client.end(),
  };
}

export interface FinishedSnapshot {
  snapshot: RegistrySnapshotRow;
  /** The lines of rows not kept because an earlier line of the file has the same number, in file order. */
  duplicateLines: number[];
}

/**
 * Moves the staged rows into the keyed table in number order, drops the staging table and marks the
 * snapshot complete, in one transaction; duplicates of a number are left out (the first line is kept)
 * and counted as rejected.
 */
export async function completeSnapshot(
  db: Kysely<Database>,
  snapshot: RegistrySnapshotRow,
  at: string,
): Promise<FinishedSnapshot> {
  const kind = snapshot.kind as RegistryKind;
  const spec = REGISTRY_TABLES[kind];
  const staging = stagingTable(kind, snapshot.id);
  const key = spec.columns[0]?.[0] ?? 'inn';
  const own = spec.columns.map(([c]) => c);
  const target = ['snapshot_id', ...own, ...(spec.uniqueKey ? [] : ['line'])].join(', ');
  const source = [String(Math.trunc(Number(snapshot.id))), ...own, ...(spec.uniqueKey ? [] : ['line'])].join(', ');
  const postgres = dialectOf(db) === 'postgres';
  // Byte order on PostgreSQL: for numbers of digits it is the keyed table's order too, and it spares the
  // sort the database collation's comparisons (SQLite compares bytes anyway).
  const order = `${key}${postgres ? ' collate "C"' : ''}, line`;
  const move = `insert into ${spec.table} (${target}) select ${source} from ${staging} order by ${order}`;
  // Found only when the move shows there are any: a national registry has none, or hardly any.
  const duplicatesSql = `select line from (select line, row_number() over (partition by ${key} order by line) as nth
    from ${staging}) d where nth > 1 order by line`;
  const dropSql = `drop table ${staging}`;
  const finish = (trx: Kysely<Database>, duplicates: number) =>
    trx
      .updateTable('registry_snapshots')
      .set((eb) => ({
        status: 'complete',
        completed_at: at,
        row_count: eb('row_count', '-', duplicates),
        rejected_count: eb('rejected_count', '+', duplicates),
      }))
      .where('id', '=', snapshot.id)
      .returningAll()
      .executeTakeFirstOrThrow();

  if (!postgres) {
    const handle = sqliteHandle(db);
    let duplicateLines: number[] = [];
    handle.transaction(() => {
      const moved = handle.prepare(move.replace('insert into', 'insert or ignore into')).run().changes;
      const staged = handle.prepare(`select count(*) from ${staging}`).pluck().get() as number;
      if (moved < staged) duplicateLines = handle.prepare(duplicatesSql).pluck().all() as number[];
      handle.prepare(dropSql).run();
      handle
        .prepare(
          `update registry_snapshots set status = 'complete', completed_at = ?, row_count = row_count - ?,
            rejected_count = rejected_count + ? where id = ?`,
        )
        .run(at, duplicateLines.length, duplicateLines.length, snapshot.id);
    })();
    const done = await getSnapshot(db, snapshot.id);
    if (!done) throw new Error(`registry snapshot ${snapshot.id} is gone`);
    return { snapshot: done, duplicateLines };
  }
  const result = await db.transaction().execute(async (trx) => {
    await sql`set local synchronous_commit = off`.execute(trx);
    // The sort of the move in memory rather than in temporary files, for a registry of millions of rows.
    await sql`set local work_mem = '256MB'`.execute(trx);
    let duplicateLines: number[] = [];
    await sql`savepoint registry_move`.execute(trx);
    try {
      await sql.raw(move).execute(trx);
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      await sql`rollback to savepoint registry_move`.execute(trx);
      await sql.raw(`${move} on conflict do nothing`).execute(trx);
      const rows = await sql.raw<{ line: number }>(duplicatesSql).execute(trx);
      duplicateLines = rows.rows.map((r) => Number(r.line));
    }
    await sql.raw(dropSql).execute(trx);
    return { snapshot: await finish(trx, duplicateLines.length), duplicateLines };
  });
  // Millions of new rows leave PostgreSQL's statistics of the table behind until autovacuum comes round:
  // planned on them, the lookups by number can scan the whole table. The analysis samples, in a second.
  await sql`analyze ${sql.table(spec.table)}`.execute(db);
  return result;
}
