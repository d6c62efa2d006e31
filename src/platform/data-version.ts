// What the public record looks like now, as one number, and things derived from it held until it moves.
import type { Kysely } from 'kysely';
import type { AppContext } from './app-context.ts';
import type { Database } from './db/schema.ts';
import { oncePerRequest } from './request-scope.ts';

/**
 * The data version: the newest activity record. Every change to the public record writes one (a report
 * filed, amended or withdrawn, a party registered, a programme attached), as the page cache relies on
 * too, and the primary key makes it one index lookup.
 */
export function dataVersion(db: Kysely<Database>): Promise<number> {
  // Read once per reading request: a search asks for it from several capabilities.
  return oncePerRequest(db, () => newestActivity(db));
}

/** The data version read now, whatever the request has read before. */
export async function newestActivity(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('activity_log')
    .select((e) => e.fn.max('id').as('v'))
    .executeTakeFirst();
  return Number(row?.v ?? 0);
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
