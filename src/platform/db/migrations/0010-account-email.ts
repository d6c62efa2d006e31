// Accounts, second part: an optional e-mail address per user (for password reset links and
// sign-in notices), progressive sign-in delays per login and per client address, and one-time
// password reset links kept as hashes.
import { type Kysely } from 'kysely';
import { idColumn } from '../migration-helpers.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('email', 'text').execute();

  // Failures in a row under `login:<name>` or `ip:<address>`; the next attempt waits until retry_after.
  await db.schema
    .createTable('login_delays')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('retry_after', 'text')
    .addColumn('last_failure_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_delays_last_idx').on('login_delays').column('last_failure_at').execute();

  await idColumn(db, db.schema.createTable('password_resets'))
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('password_resets_user_idx').on('password_resets').column('user_id').execute();
}
