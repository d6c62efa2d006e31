// On PostgreSQL, every transaction that writes to the activity log (every change to the public record
// does) sends one notice on commit, so that other instances move their page caches on at once instead
// of at their next poll. Statement-level, with an empty payload: PostgreSQL folds identical notices of
// one transaction into one, so a bulk load sends one. SQLite has one process and nothing to tell.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`
    create function activity_log_notice() returns trigger language plpgsql as $$
    begin
      perform pg_notify('talapker_activity', '');
      return null;
    end
    $$`.execute(db);
  await sql`
    create trigger activity_log_notice after insert on activity_log
    for each statement execute function activity_log_notice()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`drop trigger if exists activity_log_notice on activity_log`.execute(db);
  await sql`drop function if exists activity_log_notice()`.execute(db);
}
