// Opens the database: an embedded SQLite file by default, PostgreSQL when DATABASE_URL says so.
// The rest of the code sees only Kysely<Database> and never asks which one it is, except through
// `dialectOf` where SQL genuinely differs (id columns, case-insensitive search).
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, type Dialect } from 'kysely';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from './schema.ts';
import { survivePoolErrors } from './outage.ts';

export type DialectName = 'sqlite' | 'postgres';
const dialects = new WeakMap<object, DialectName>();
const schemas = new WeakMap<object, string>();
const sqliteHandles = new WeakMap<object, SQLite.Database>();

/**
 * The better-sqlite3 handle under an SQLite instance, for the few bulk writes (registry imports) where
 * Kysely's per-statement overhead would dominate. Undefined for PostgreSQL and for derived instances.
 */
export function sqliteHandleOf(db: object): SQLite.Database | undefined {
  return sqliteHandles.get(db);
}

/** The PostgreSQL schema an instance was opened on, if not the default. */
export function schemaOf(db: object): string | undefined {
  return schemas.get(db);
}

export function dialectOf(db: object): DialectName {
  const known = dialects.get(db);
  if (known) return known;
  // Migrations and transactions get derived instances; the adapter tells what is underneath.
  const adapter = (db as { getExecutor?: () => { adapter: unknown } }).getExecutor?.().adapter;
  return adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

export interface OpenOptions {
  /** `postgres://…` or a SQLite file path (or `:memory:`). */
  url: string;
  /** PostgreSQL schema to use (tests isolate themselves in their own schema). */
  schema?: string;
  poolSize?: number;
}

export function openDatabase(opts: OpenOptions): Kysely<Database> {
  let dialect: Dialect;
  let name: DialectName;
  let sqlite: SQLite.Database | undefined;
  if (/^postgres(ql)?:\/\//.test(opts.url)) {
    name = 'postgres';
    // Dates and timestamps are kept as ISO text in both databases; bigint counts come back as numbers.
    pg.types.setTypeParser(20, (v) => Number(v));
    pg.types.setTypeParser(1700, (v) => Number(v));
    // A database that does not answer fails a request after 5 s instead of holding it, and a lost
    // connection is replaced instead of ending the process (outage.ts).
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      connectionTimeoutMillis: 5000,
      ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
    });
    survivePoolErrors(pool);
    dialect = new PostgresDialect({ pool });
  } else {
    name = 'sqlite';
    if (opts.url !== ':memory:') mkdirSync(dirname(opts.url), { recursive: true });
    sqlite = new SQLite(opts.url);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    dialect = new SqliteDialect({ database: sqlite });
  }
  const db = new Kysely<Database>({ dialect });
  dialects.set(db, name);
  if (sqlite) sqliteHandles.set(db, sqlite);
  if (opts.schema) schemas.set(db, opts.schema);
  return db;
}
