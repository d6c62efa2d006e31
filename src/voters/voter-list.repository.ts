// The voter list in the database: snapshots written in batches while the lookup keeps reading the
// current one, the switch of the current pointer in one transaction, and the one-row lookup by PIN.
//
// SQLite batches go through one prepared statement on the raw better-sqlite3 handle inside one
// transaction; PostgreSQL batches are one `insert … select from unnest(arrays)`, a handful of parameters
// whatever the batch size. Both reach the import's target of 100,000 rows a second.
import { sql, type Kysely } from 'kysely';
import type { Statement } from 'better-sqlite3';
import type { Database } from '../platform/db/schema.ts';
import { dialectOf, sqliteHandleOf } from '../platform/db/database.ts';
import type { VoterEntry } from './core/voter-rows.ts';
import { votersDb, type VotersTables } from './voters.tables.ts';

export type SnapshotRow = Omit<VotersTables['voter_snapshots'], 'id'> & { id: number };

const CURRENT = 'current';

export async function createVoterSnapshot(
  db: Kysely<Database>,
  s: { asOf: string; source: string; actor: string; at: string },
): Promise<number> {
  const { id } = await votersDb(db)
    .insertInto('voter_snapshots')
    .values({
      as_of: s.asOf,
      status: 'loading',
      source: s.source,
      row_count: 0,
      rejected_count: 0,
      created_by: s.actor,
      created_at: s.at,
      completed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

const COLUMNS = [
  'snapshot_id',
  'pin',
  'surname',
  'surname_key',
  'given_name',
  'patronymic',
  'birth_date',
  'death_date',
  'station_number',
  'biometric_registered',
] as const;

const statements = new WeakMap<object, Statement>();

function sqliteInsert(db: Kysely<Database>): Statement {
  const handle = sqliteHandleOf(db);
  if (!handle) throw new Error('the voter list import on SQLite needs the instance openDatabase returned');
  let stmt = statements.get(handle);
  if (!stmt) {
    // The PIN index of a national list outgrows the default page cache at once.
    handle.pragma('cache_size = -131072');
    stmt = handle.prepare(
      `insert or ignore into voter_list_entries (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`,
    );
    statements.set(handle, stmt);
  }
  return stmt;
}

/** Writes one batch of a loading snapshot; returns the PINs already in it (duplicates, not written). */
export async function writeVoterBatch(
  db: Kysely<Database>,
  snapshotId: number,
  batch: readonly VoterEntry[],
): Promise<string[]> {
  if (batch.length === 0) return [];
  if (dialectOf(db) === 'sqlite') {
    const insert = sqliteInsert(db);
    const handle = sqliteHandleOf(db);
    if (!handle) throw new Error('no SQLite handle');
    const duplicates: string[] = [];
    handle.transaction(() => {
      for (const v of batch) {
        const r = insert.run(
          snapshotId,
          v.pin,
          v.surname,
          v.surnameKey,
          v.givenName,
          v.patronymic,
          v.birthDate,
          v.deathDate,
          v.stationNumber,
          v.biometricRegistered ? 1 : 0,
        );
        if (r.changes === 0) duplicates.push(v.pin);
      }
      handle
        .prepare('update voter_snapshots set row_count = row_count + ? where id = ?')
        .run(batch.length - duplicates.length, snapshotId);
    })();
    return duplicates;
  }
  const col = <T>(f: (v: VoterEntry) => T) => batch.map(f);
  return votersDb(db)
    .transaction()
    .execute(async (trx) => {
      const inserted = await sql<{ pin: string }>`
        insert into voter_list_entries (${sql.join(COLUMNS.map((c) => sql.ref(c)))})
        select ${snapshotId}::int8, u.* from unnest(
          ${col((v) => v.pin)}::text[], ${col((v) => v.surname)}::text[], ${col((v) => v.surnameKey)}::text[],
          ${col((v) => v.givenName)}::text[], ${col((v) => v.patronymic)}::text[], ${col((v) => v.birthDate)}::text[],
          ${col((v) => v.deathDate)}::text[], ${col((v) => v.stationNumber)}::text[],
          ${col((v) => (v.biometricRegistered ? 1 : 0))}::int4[]
        ) as u
        on conflict do nothing
        returning pin`.execute(trx);
      const fresh = new Set(inserted.rows.map((r) => r.pin));
      const duplicates: string[] = [];
      for (const v of batch)
        if (fresh.has(v.pin)) fresh.delete(v.pin);
        else duplicates.push(v.pin);
      await trx
        .updateTable('voter_snapshots')
        .set((eb) => ({ row_count: eb('row_count', '+', inserted.rows.length) }))
        .where('id', '=', snapshotId)
        .execute();
      return duplicates;
    });
}

/**
 * Makes a loaded snapshot the current list, in one transaction: marks it complete, moves the voters that
 * approved address-change requests moved (so a new list does not undo a decision), and points the lookup
 * at it. Returns the snapshot it replaced.
 */
export async function switchToSnapshot(
  db: Kysely<Database>,
  snapshotId: number,
  rejected: number,
  at: string,
): Promise<number | undefined> {
  return votersDb(db)
    .transaction()
    .execute(async (trx) => {
      const before = await trx
        .selectFrom('voter_list_pointer')
        .select('snapshot_id')
        .where('list', '=', CURRENT)
        .executeTakeFirst();
      await trx
        .updateTable('voter_snapshots')
        .set({ status: 'complete', completed_at: at, rejected_count: rejected })
        .where('id', '=', snapshotId)
        .execute();
      const approved = await trx
        .selectFrom('address_change_requests')
        .select(['number', 'pin', 'to_station'])
        .where('status', '=', 'approved')
        .execute();
      for (const r of approved)
        await trx
          .updateTable('voter_list_entries')
          .set({ station_number: r.to_station, moved_by_request: r.number })
          .where('snapshot_id', '=', snapshotId)
          .where('pin', '=', r.pin)
          .execute();
      if (before)
        await trx
          .updateTable('voter_list_pointer')
          .set({ snapshot_id: snapshotId, switched_at: at })
          .where('list', '=', CURRENT)
          .execute();
      else
        await trx
          .insertInto('voter_list_pointer')
          .values({ list: CURRENT, snapshot_id: snapshotId, switched_at: at })
          .execute();
      return before ? Number(before.snapshot_id) : undefined;
    });
}

export async function markSnapshotFailed(db: Kysely<Database>, snapshotId: number): Promise<void> {
  await votersDb(db).updateTable('voter_snapshots').set({ status: 'failed' }).where('id', '=', snapshotId).execute();
}

/** Removes a replaced (or failed) snapshot's rows in slices, so that readers are never held for long. */
export async function dropSnapshotRows(db: Kysely<Database>, snapshotId: number, slice = 50_000): Promise<void> {
  const v = votersDb(db);
  for (;;) {
    const r = await v
      .deleteFrom('voter_list_entries')
      .where('snapshot_id', '=', snapshotId)
      .where('pin', 'in', (eb) =>
        eb.selectFrom('voter_list_entries').select('pin').where('snapshot_id', '=', snapshotId).limit(slice),
      )
      .executeTakeFirst();
    if (Number(r.numDeletedRows) === 0) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export async function currentSnapshot(db: Kysely<Database>): Promise<SnapshotRow | undefined> {
  const r = await votersDb(db)
    .selectFrom('voter_list_pointer as p')
    .innerJoin('voter_snapshots as s', 's.id', 'p.snapshot_id')
    .selectAll('s')
    .where('p.list', '=', CURRENT)
    .executeTakeFirst();
  return r ? { ...r, id: Number(r.id) } : undefined;
}

export type ListedVoter = VotersTables['voter_list_entries'];

/** The current list's row of a PIN, if any. Only the lookup and the commission's checks call this. */
export async function findVoterByPin(db: Kysely<Database>, pin: string): Promise<ListedVoter | undefined> {
  return votersDb(db)
    .selectFrom('voter_list_pointer as p')
    .innerJoin('voter_list_entries as e', (j) => j.onRef('e.snapshot_id', '=', 'p.snapshot_id').on('e.pin', '=', pin))
    .selectAll('e')
    .where('p.list', '=', CURRENT)
    .executeTakeFirst();
}

/**
 * The lookup's one query: the current list's row of a PIN with its station's row (`s_`-prefixed), so that
 * election-eve load costs one primary-key read per request.
 */
export async function findVoterWithStation(db: Kysely<Database>, pin: string) {
  return votersDb(db)
    .selectFrom('voter_list_pointer as p')
    .innerJoin('voter_list_entries as e', (j) => j.onRef('e.snapshot_id', '=', 'p.snapshot_id').on('e.pin', '=', pin))
    .innerJoin('polling_stations as s', 's.number', 'e.station_number')
    .select([
      'e.surname',
      'e.surname_key',
      'e.biometric_registered',
      'e.moved_by_request',
      's.number as s_number',
      's.name_ky as s_name_ky',
      's.name_ru as s_name_ru',
      's.name_en as s_name_en',
      's.address_ky as s_address_ky',
      's.address_ru as s_address_ru',
      's.address_en as s_address_en',
      's.country as s_country',
      's.city as s_city',
      's.lat as s_lat',
      's.lon as s_lon',
      's.hours as s_hours',
      's.accessible as s_accessible',
      's.district_commission as s_district_commission',
      's.updated_at as s_updated_at',
    ])
    .where('p.list', '=', CURRENT)
    .executeTakeFirst();
}

/** Moves a voter of the current list to another station, as an approved request decides. */
export async function moveVoter(
  db: Kysely<Database>,
  pin: string,
  toStation: string,
  requestNumber: string,
): Promise<boolean> {
  const current = await votersDb(db)
    .selectFrom('voter_list_pointer')
    .select('snapshot_id')
    .where('list', '=', CURRENT)
    .executeTakeFirst();
  if (!current) return false;
  const r = await votersDb(db)
    .updateTable('voter_list_entries')
    .set({ station_number: toStation, moved_by_request: requestNumber })
    .where('snapshot_id', '=', current.snapshot_id)
    .where('pin', '=', pin)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Whether a snapshot is being loaded now (an import or the demo's list in the background). */
export async function loadingSnapshot(db: Kysely<Database>): Promise<SnapshotRow | undefined> {
  const r = await votersDb(db)
    .selectFrom('voter_snapshots')
    .selectAll()
    .where('status', '=', 'loading')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return r ? { ...r, id: Number(r.id) } : undefined;
}
