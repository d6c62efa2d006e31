// Voter services: polling stations, the voter list as dated snapshots, mobile groups abroad, and the
// requests to change the voting address with their status history.
//
// The voter list is replaced whole: a new list is written under a new snapshot id while the lookup keeps
// answering from the current one, then one transaction moves the single-row pointer to it. The lookup
// reads one row by (snapshot, PIN), the primary key, so it costs the same on 3.5 million rows as on ten.
// The surname is kept with its folded key (Cyrillic and Latin spellings fold alike) for the letters check.
import { sql, type Kysely } from 'kysely';
import { idColumn } from '../migration-helpers.ts';
import { dialectOf } from '../database.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('polling_stations')
    .addColumn('number', 'text', (c) => c.primaryKey())
    .addColumn('name_ky', 'text', (c) => c.notNull())
    .addColumn('name_ru', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('address_ky', 'text', (c) => c.notNull())
    .addColumn('address_ru', 'text', (c) => c.notNull())
    .addColumn('address_en', 'text', (c) => c.notNull())
    /** ISO 3166-1 alpha-2; KG inside the country. */
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('hours', 'text', (c) => c.notNull())
    /** 0/1, null when unknown. */
    .addColumn('accessible', 'integer')
    .addColumn('district_commission', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('polling_stations_place_idx')
    .on('polling_stations')
    .columns(['country', 'city'])
    .execute();

  await idColumn(db, db.schema.createTable('voter_snapshots'))
    .addColumn('as_of', 'text', (c) => c.notNull())
    /** loading | complete | failed */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('rejected_count', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();

  // One row (`list` = 'current'): which snapshot the lookup reads.
  await db.schema
    .createTable('voter_list_pointer')
    .addColumn('list', 'text', (c) => c.primaryKey())
    .addColumn('snapshot_id', 'bigint', (c) => c.notNull())
    .addColumn('switched_at', 'text', (c) => c.notNull())
    .execute();

  let entries = db.schema
    .createTable('voter_list_entries')
    .addColumn('snapshot_id', 'bigint', (c) => c.notNull())
    .addColumn('pin', 'text', (c) => c.notNull())
    .addColumn('surname', 'text', (c) => c.notNull())
    .addColumn('surname_key', 'text', (c) => c.notNull())
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('patronymic', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('death_date', 'text')
    .addColumn('station_number', 'text', (c) => c.notNull())
    .addColumn('biometric_registered', 'integer', (c) => c.notNull())
    /** The approved address-change request that moved this voter, if any. */
    .addColumn('moved_by_request', 'text')
    .addPrimaryKeyConstraint('voter_list_entries_pk', ['snapshot_id', 'pin']);
  // The row lives in its primary key's B-tree: one lookup, no second read through a rowid.
  if (dialectOf(db) === 'sqlite') entries = entries.modifyEnd(sql`without rowid`);
  await entries.execute();

  await idColumn(db, db.schema.createTable('mobile_groups'))
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('address_ky', 'text', (c) => c.notNull())
    .addColumn('address_ru', 'text', (c) => c.notNull())
    .addColumn('address_en', 'text', (c) => c.notNull())
    /** Comma-separated: biometrics, address-change. */
    .addColumn('services', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await idColumn(db, db.schema.createTable('mobile_group_visits'))
    .addColumn('group_id', 'bigint', (c) => c.notNull().references('mobile_groups.id'))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('hours', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mobile_group_visits_day_idx').on('mobile_group_visits').columns(['ends_on']).execute();

  await idColumn(db, db.schema.createTable('address_change_requests'))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('election_id', 'text', (c) => c.notNull())
    .addColumn('pin', 'text', (c) => c.notNull())
    .addColumn('surname', 'text', (c) => c.notNull())
    .addColumn('surname_key', 'text', (c) => c.notNull())
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('patronymic', 'text', (c) => c.notNull())
    .addColumn('from_station', 'text')
    .addColumn('to_station', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull())
    /** submitted | approved | refused */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decision_reason', 'text')
    .addColumn('filed_on', 'text', (c) => c.notNull())
    .addColumn('filed_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .execute();
  await db.schema
    .createIndex('address_change_requests_station_idx')
    .on('address_change_requests')
    .columns(['to_station', 'filed_on'])
    .execute();
  await db.schema
    .createIndex('address_change_requests_pin_idx')
    .on('address_change_requests')
    .columns(['pin'])
    .execute();

  await idColumn(db, db.schema.createTable('address_change_events'))
    .addColumn('request_id', 'bigint', (c) => c.notNull().references('address_change_requests.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .execute();
  await db.schema
    .createIndex('address_change_events_request_idx')
    .on('address_change_events')
    .columns(['request_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'address_change_events',
    'address_change_requests',
    'mobile_group_visits',
    'mobile_groups',
    'voter_list_entries',
    'voter_list_pointer',
    'voter_snapshots',
    'polling_stations',
  ])
    await db.schema.dropTable(t).execute();
}
