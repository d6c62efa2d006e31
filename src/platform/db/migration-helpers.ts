// The few places where SQLite and PostgreSQL DDL differ, kept in one spot for migrations.
import type { CreateTableBuilder, Kysely } from 'kysely';
import { dialectOf } from './database.ts';

/** An auto-increment integer primary key named `id`. */
export function idColumn<T extends string>(db: Kysely<unknown>, table: CreateTableBuilder<T, never>) {
  return dialectOf(db) === 'postgres'
    ? table.addColumn('id', 'bigserial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}
