// The ballot-order lottery: one row per draw attempt. Rows are never deleted or overwritten once
// drawn; a redo marks the old row superseded and adds a new one, so every draw stays visible.
import { sql, type Kysely } from 'kysely';
import { idColumn } from '../migration-helpers.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await idColumn(db, db.schema.createTable('lottery_draws'))
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('participants_json', 'text', (c) => c.notNull())
    .addColumn('commitment', 'text', (c) => c.notNull())
    .addColumn('frozen_at', 'text', (c) => c.notNull())
    .addColumn('frozen_by', 'text', (c) => c.notNull())
    .addColumn('seed_parts_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('record_json', 'text')
    .addColumn('drawn_at', 'text')
    .addColumn('drawn_by', 'text')
    .addColumn('supersedes_draw_id', 'bigint', (c) => c.references('lottery_draws.id'))
    .addColumn('redo_reason', 'text')
    .addColumn('superseded_at', 'text')
    .addColumn('superseded_by', 'text')
    .addColumn('illustration', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note_json', 'text')
    .execute();
  await db.schema
    .createIndex('lottery_draws_attempt_uq')
    .unique()
    .on('lottery_draws')
    .columns(['election_id', 'attempt'])
    .execute();
  // At most one draw of an election is current; the database enforces it even if two consoles race.
  await db.schema
    .createIndex('lottery_draws_current_uq')
    .unique()
    .on('lottery_draws')
    .column('election_id')
    .where(sql.ref('state'), '<>', 'superseded')
    .execute();
}
