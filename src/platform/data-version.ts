// What the public record looks like now, as one number, and things derived from it held until it moves.
import { sql, type Kysely } from 'kysely';
import type { Statement } from 'better-sqlite3';
import type { AppContext } from './app-context.ts';
import type { Database } from './db/schema.ts';
import { dialectOf, sqliteHandleOf } from './db/database.ts';
import { oncePerRequest } from './request-scope.ts';

/**
 * The data version: the newest activity record. Every change to the public record writes one (a report
 * filed, amended or withdrawn, a party registered, a programme attached), as the page cache relies on
 * too, and the primary key makes it one index lookup.
 */
export async function dataVersion(db: Kysely<Database>): Promise<number> {
  return (await marksOfRequest(db)).version;
}

/**
 * On SQLite, a mark that moves with every write to the database, by this connection (its count of
 * changed rows) or by any other (the file's data version), whether or not the write recorded an
 * activity: while it stays, nothing can have changed. Undefined on PostgreSQL. Read with the data
 * version, once per reading request.
 */
export async function sqliteWriteMark(db: Kysely<Database>): Promise<string | undefined> {
  return (await marksOfRequest(db)).writeMark;
}

/** The data version read now, whatever the request has read before. */
export async function newestActivity(db: Kysely<Database>): Promise<number> {
  return (await readMarks(db)).version;
}

interface RecordMarks {
  version: number;
  writeMark: string | undefined;
}

/**
 * Read once per reading request, and both at once: a search asks several capabilities, which ask for
 * the version and the write mark, and on SQLite every statement outside a transaction costs the locks
 * of a read of its own, dearer than the statement.
 */
function marksOfRequest(db: Kysely<Database>): Promise<RecordMarks> {
  return oncePerRequest(db, () => readMarks(db));
}

type MarksRow = { v: number | null; tc: number; dv: number };
const MARKS_QUERY =
  'select (select max(id) from activity_log) as v, total_changes() as tc, data_version as dv from pragma_data_version';
/** The statement of `readMarks` on SQLite, prepared once per database. */
const marksStatements = new WeakMap<object, Statement<[], MarksRow>>();

async function readMarks(db: Kysely<Database>): Promise<RecordMarks> {
  const handle = sqliteHandleOf(db);
  let row: MarksRow | undefined;
  if (handle && !handle.inTransaction) {
    // Straight to the connection: building the query through Kysely costs more than running it.
    let statement = marksStatements.get(handle);
    if (!statement) marksStatements.set(handle, (statement = handle.prepare<[], MarksRow>(MARKS_QUERY)));
    row = statement.get();
  } else if (dialectOf(db) === 'sqlite') {
    // A transaction's own instance, or the connection while a transaction holds it: through Kysely,
    // which waits its turn, as an uncommitted record may yet be rolled back and its id given again.
    row = (await sql<MarksRow>`${sql.raw(MARKS_QUERY)}`.execute(db)).rows[0];
  } else {
    const newest = await db
      .selectFrom('activity_log')
      .select((e) => e.fn.max('id').as('v'))
      .executeTakeFirst();
    return { version: Number(newest?.v ?? 0), writeMark: undefined };
  }
  return { version: Number(row?.v ?? 0), writeMark: `${String(row?.tc)}/${String(row?.dv)}` };
}

/**
 * `load()`'s value, held in the memo's `area` under `key` while the data version stays: a derived index
 * (names keyed for search, texts folded) is then made once per change of the record, not per request.
 */
export async function heldWhileDataStays<T>(
  ctx: AppContext,
  area: string,
  key: string,
  load: () => Promise<T>,
): Promise<T> {
  const version = await dataVersion(ctx.db);
  const held = ctx.memo.get<{ version: number; value: Promise<T> }>(area, key);
  if (held?.version === version) return held.value;
  const value = load();
  ctx.memo.set(area, key, { version, value });
  // A failed load is not kept: the next request tries again.
  value.catch(() => ctx.memo.set(area, key, undefined));
  return value;
}
