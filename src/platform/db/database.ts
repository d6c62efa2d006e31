// Opens the database: an embedded SQLite file by default, PostgreSQL when DATABASE_URL says so.
// The rest of the code sees only Kysely<Database> and never asks which one it is, except through
// `dialectOf` where SQL genuinely differs (id columns, case-insensitive search).
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, sql, type Dialect, type RawBuilder } from 'kysely';
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
const pgConnections = new WeakMap<object, pg.ClientConfig>();

/**
 * The better-sqlite3 handle under an SQLite instance, for the few bulk writes (registry imports) where
 * Kysely's per-statement overhead would dominate. Undefined for PostgreSQL and for derived instances.
 */
export function sqliteHandleOf(db: object): SQLite.Database | undefined {
  return sqliteHandles.get(db);
}

/** The PostgreSQL schema an instance was opened on, if not the default. */
/** How to open one more connection to the same PostgreSQL database and schema (for LISTEN). */
export function pgConnectionOf(db: object): pg.ClientConfig | undefined {
  return pgConnections.get(db);
}

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

/** A text column in lower case for a case-insensitive match, in every script and on both databases. */
export function foldedText(db: object, column: string): RawBuilder<string> {
  return sql<string>`${sql.raw(dialectOf(db) === 'sqlite' ? 'fold' : 'lower')}(${sql.ref(column)})`;
}

/** Statements kept per connection: the queries the code writes, not every list length of an `in`. */
const KEPT_STATEMENTS = 256;

/**
 * The connection as Kysely sees it, with its prepared statements kept by SQL text. Kysely prepares every
 * query anew, and preparing costs more than running most of the site's queries; a statement may be
 * run again with other parameters. One that is still being read (a streamed download iterating it)
 * cannot run another query meanwhile, so that query gets a statement of its own.
 */
function keptStatements(sqlite: SQLite.Database): { prepare(sql: string): SQLite.Statement; close(): void } {
  const kept = new Map<string, SQLite.Statement>();
  return {
    prepare(text) {
      const statement = kept.get(text);
      if (statement && !statement.busy) return statement;
      const fresh = sqlite.prepare(text);
      if (!statement) {
        if (kept.size >= KEPT_STATEMENTS) kept.delete(kept.keys().next().value as string);
        kept.set(text, fresh);
      }
      return fresh;
    },
    close: () => sqlite.close(),
  };
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
  let connection: pg.ClientConfig | undefined;
  if (/^postgres(ql)?:\/\//.test(opts.url)) {
    name = 'postgres';
    // Dates and timestamps are kept as ISO text in both databases; bigint counts come back as numbers.
    pg.types.setTypeParser(20, (v) => Number(v));
    pg.types.setTypeParser(1700, (v) => Number(v));
    // A database that does not answer fails a request after 5 s instead of holding it, and a lost
    // connection is replaced instead of ending the process (outage.ts).
    connection = {
      connectionString: opts.url,
      connectionTimeoutMillis: 5000,
      ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
    };
    const pool = new pg.Pool({ ...connection, max: opts.poolSize ?? 10 });
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
    // SQLite's lower() folds ASCII only; `fold()` folds every script (Кыргызча as well as English),
    // as PostgreSQL's lower() does on a UTF-8 database. See `foldedText`.
    sqlite.function('fold', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v));
    dialect = new SqliteDialect({ database: keptStatements(sqlite) });
  }
  const db = new Kysely<Database>({ dialect });
  dialects.set(db, name);
  if (sqlite) sqliteHandles.set(db, sqlite);
  if (connection) pgConnections.set(db, connection);
  if (opts.schema) schemas.set(db, opts.schema);
  return db;
}
