// Races: the districts of an election (single-mandate constituencies and municipalities) as data, each
// with its seats, and the candidates who stand in a district on their own or for a party.
//
// A district is known by its code within its election, so the pair is the key; a district file replaces
// the election's districts whole. Candidates refer to their district by that code, not by a row id, so
// that a corrected district file does not orphan them.
import type { Kysely } from 'kysely';
import { idColumn } from '../migration-helpers.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('districts')
    .addColumn('election_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name_ky', 'text', (c) => c.notNull())
    .addColumn('name_ru', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    // constituency | municipality
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_region', 'text', (c) => c.notNull())
    .addColumn('seats', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('districts_pk', ['election_id', 'code'])
    .execute();
  await db.schema
    .createIndex('districts_region')
    .on('districts')
    .columns(['election_id', 'parent_region', 'kind'])
    .execute();

  await idColumn(db, db.schema.createTable('district_candidates'))
    .addColumn('election_id', 'text', (c) => c.notNull())
    .addColumn('district_code', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('patronymic', 'text', (c) => c.notNull())
    // party | self
    .addColumn('nomination', 'text', (c) => c.notNull())
    // Set exactly when the candidate is nominated by a party.
    .addColumn('party_registration_number', 'text')
    // registered | withdrawn | refused
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('district_candidates_district')
    .on('district_candidates')
    .columns(['election_id', 'district_code'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('district_candidates').execute();
  await db.schema.dropTable('districts').execute();
}
