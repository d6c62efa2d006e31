// Requests to change the voting address and their status history. The PIN and names are read only by
// the commission's screen and the checks; the public status page reads `publicStatus`.
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { RequestStatus } from './core/address-change.ts';
import { votersDb, type VotersTables } from './voters.tables.ts';

export type RequestRow = Omit<VotersTables['address_change_requests'], 'id'> & { id: number };
export type NewRequest = Omit<RequestRow, 'id' | 'status' | 'decision_reason' | 'decided_at' | 'decided_by'>;

export async function insertRequest(db: Kysely<Database>, r: NewRequest, actor: string): Promise<RequestRow> {
  return votersDb(db)
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .insertInto('address_change_requests')
        .values({ ...r, status: 'submitted', decision_reason: null, decided_at: null, decided_by: null })
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('address_change_events')
        .values({ request_id: row.id, at: r.filed_at, status: 'submitted', actor, reason: null })
        .execute();
      return { ...row, id: Number(row.id) };
    });
}

export async function findRequest(db: Kysely<Database>, number: string): Promise<RequestRow | undefined> {
  const r = await votersDb(db)
    .selectFrom('address_change_requests')
    .selectAll()
    .where('number', '=', number)
    .executeTakeFirst();
  return r ? { ...r, id: Number(r.id) } : undefined;
}

export interface RequestListFilter {
  station?: string | undefined;
  status?: RequestStatus | undefined;
  day?: string | undefined;
}

export async function listRequests(db: Kysely<Database>, f: RequestListFilter, limit = 500): Promise<RequestRow[]> {
  let q = votersDb(db).selectFrom('address_change_requests').selectAll();
  if (f.station) q = q.where('to_station', '=', f.station);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.day) q = q.where('filed_on', '=', f.day);
  const rows = await q.orderBy('to_station').orderBy('filed_on').orderBy('id').limit(limit).execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** The request's decision and its event, only if it is still undecided; false when someone decided first. */
export async function decideRequest(
  db: Kysely<Database>,
  id: number,
  d: { status: 'approved' | 'refused'; reason: string | null; actor: string; at: string },
): Promise<boolean> {
  const r = await votersDb(db)
    .updateTable('address_change_requests')
    .set({ status: d.status, decision_reason: d.reason, decided_at: d.at, decided_by: d.actor })
    .where('id', '=', id)
    .where('status', '=', 'submitted')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return false;
  await votersDb(db)
    .insertInto('address_change_events')
    .values({ request_id: id, at: d.at, status: d.status, actor: d.actor, reason: d.reason })
    .execute();
  return true;
}

export interface RequestEvent {
  at: string;
  status: string;
}

/** The status history without who acted: what the voter may see. */
export async function requestHistory(db: Kysely<Database>, id: number): Promise<RequestEvent[]> {
  return votersDb(db)
    .selectFrom('address_change_events')
    .select(['at', 'status'])
    .where('request_id', '=', id)
    .orderBy('id')
    .execute();
}
