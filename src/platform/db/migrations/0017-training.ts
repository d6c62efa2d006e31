// Training: every quiz attempt per person and lesson version (a pass of the current version is what
// counts as progress), and the certificates a passed course gives, found by their public code.
import type { Kysely } from 'kysely';
import { idColumn } from '../migration-helpers.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await idColumn(db, db.schema.createTable('training_attempts'))
    .addColumn('user_id', 'bigint', (c) => c.notNull())
    .addColumn('course_id', 'text', (c) => c.notNull())
    .addColumn('lesson', 'integer', (c) => c.notNull())
    .addColumn('lesson_version', 'integer', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('correct', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('passed', 'integer', (c) => c.notNull())
    /** The choices made, per question id. */
    .addColumn('answers_json', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('training_attempts_user_idx')
    .on('training_attempts')
    .columns(['user_id', 'course_id', 'lesson'])
    .execute();

  await db.schema
    .createTable('training_certificates')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'bigint', (c) => c.notNull())
    .addColumn('course_id', 'text', (c) => c.notNull())
    .addColumn('course_version', 'integer', (c) => c.notNull())
    /** The holder's name as it was when the certificate was issued, as the PDF prints it. */
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('training_certificates_user_idx')
    .on('training_certificates')
    .columns(['user_id', 'course_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('training_certificates').execute();
  await db.schema.dropTable('training_attempts').execute();
}
