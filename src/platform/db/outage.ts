// The database going away — a PostgreSQL restart or failover, a network cut — is an outage, not a bug:
// the process stays up, requests answer 503 while it lasts, and the pool reconnects by itself after.
// This module tells such errors from others, keeps a dropped connection from ending the process, and
// probes the database for the readiness check.
import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import type { Database } from './schema.ts';

/** Network errors of a connection that cannot be made or was lost. */
const SYSTEM_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/**
 * SQLSTATEs of an unavailable server: class 08 (connection exception), admin and crash shutdown (a
 * terminated backend, a restart), "starting up", too many connections; and SQLite's busy database.
 */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', 'SQLITE_BUSY']);
/** What node-postgres says when a connection ends or cannot be had (it gives these no code). */
const DRIVER_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^Client has encountered a connection error and is not queryable/,
  /^Client was closed and is not queryable/,
  /^Query read timeout/,
];

function codeOf(e: object): string | undefined {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** True when the error (or what caused it) says the database cannot be reached now. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const code = codeOf(error);
  if (code !== undefined && (SYSTEM_CODES.has(code) || SQLSTATES.has(code) || code.startsWith('08'))) return true;
  if (error instanceof Error && code === undefined && DRIVER_MESSAGES.some((m) => m.test(error.message))) return true;
  // A connection attempt to every address of a host fails as one AggregateError.
  if (error instanceof AggregateError && error.errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable((error as { cause?: unknown }).cause, depth + 1);
}

/**
 * Keeps a lost connection from ending the process. node-postgres emits 'error' on the pool when an idle
 * connection dies, and on a checked-out client whose connection dies between queries; an 'error' event
 * without a listener is thrown. Either way the client is discarded and the pool opens a new one for the
 * next query; the query that needed the database fails and its request answers 503.
 */
export function survivePoolErrors(pool: pg.Pool, onError: (e: Error) => void = () => {}): pg.Pool {
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
  return pool;
}

/** The readiness probe: the database answers a trivial query within `timeoutMs`. */
export async function databaseIsUp(db: Kysely<Database>, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([
      sql`select 1`.execute(db).then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
