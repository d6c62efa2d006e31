// The public record: elections, parties, participations, candidates, programmes, blobs, activity log.
import { type Kysely } from 'kysely';
import { idColumn } from '../migration-helpers.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rules_profiles')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rules_profiles_pk', ['id', 'version'])
    .execute();

  await db.schema
    .createTable('elections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name_ky', 'text', (c) => c.notNull())
    .addColumn('name_ru', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('election_day', 'text', (c) => c.notNull())
    .addColumn('called_on', 'text', (c) => c.notNull())
    .addColumn('campaign_start', 'text', (c) => c.notNull())
    .addColumn('campaign_end', 'text', (c) => c.notNull())
    .addColumn('seats', 'integer', (c) => c.notNull())
    .addColumn('threshold_bp', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rules_profile_id', 'text', (c) => c.notNull())
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('parties')
    .addColumn('registration_number', 'text', (c) => c.primaryKey())
    .addColumn('name_ky', 'text', (c) => c.notNull())
    .addColumn('name_ru', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('short_name_ky', 'text', (c) => c.notNull())
    .addColumn('short_name_ru', 'text', (c) => c.notNull())
    .addColumn('short_name_en', 'text', (c) => c.notNull())
    .addColumn('leader', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('founded_on', 'text')
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('website', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('logo_blob_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('participations')
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('party_registration_number', 'text', (c) => c.notNull().references('parties.registration_number'))
    .addColumn('ballot_number', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_date', 'text')
    .addColumn('status_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('participations_pk', ['election_id', 'party_registration_number'])
    .execute();

  await idColumn(db, db.schema.createTable('candidates'))
    .addColumn('election_id', 'text', (c) => c.notNull())
    .addColumn('party_registration_number', 'text', (c) => c.notNull())
    .addColumn('list_position', 'integer', (c) => c.notNull())
    .addColumn('name_ky', 'text', (c) => c.notNull())
    .addColumn('name_ru', 'text', (c) => c.notNull())
    .addColumn('name_latin', 'text', (c) => c.notNull())
    .addColumn('search_key', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('occupation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('place_of_residence', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('ethnic_minority', 'integer', (c) => c.notNull())
    .addColumn('disability', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('withdrawn_on', 'text')
    .addColumn('pin', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint(
      'candidates_participation_fk',
      ['election_id', 'party_registration_number'],
      'participations',
      ['election_id', 'party_registration_number'],
    )
    .execute();
  await db.schema
    .createIndex('candidates_list_position_uq')
    .unique()
    .on('candidates')
    .columns(['election_id', 'party_registration_number', 'list_position'])
    .execute();
  await db.schema.createIndex('candidates_pin_idx').on('candidates').columns(['election_id', 'pin']).execute();

  await db.schema
    .createTable('programmes')
    .addColumn('election_id', 'text', (c) => c.notNull())
    .addColumn('party_registration_number', 'text', (c) => c.notNull())
    .addColumn('text_ky', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('text_ru', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('text_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('pdf_blob_key', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('programmes_pk', ['election_id', 'party_registration_number'])
    .execute();

  await idColumn(db, db.schema.createTable('activity_log'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .execute();
  await db.schema.createIndex('activity_entity_idx').on('activity_log').columns(['entity_type', 'entity_id']).execute();

  await db.schema
    .createTable('blobs')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
