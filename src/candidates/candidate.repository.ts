// Queries on candidates. Public queries select the public columns only: the PIN never leaves
// through them; the commission's import checks use `findPinsOfElection` explicitly.
import type { Kysely, Transaction, ExpressionBuilder } from 'kysely';
import type { CandidateRow, Database, NewCandidateRow } from '../platform/db/schema.ts';
import type { Candidate, PublicCandidate } from '../domain/election.ts';
import { encodeCursor } from '../platform/keyset.ts';
import { CANDIDATE_PUBLIC_PERSON_COLUMNS } from '../domain/candidate-columns.ts';
import {
  candidateSorts,
  type CandidatePage,
  type CandidateQuery,
  type CandidateSort,
} from './core/candidate-listing.ts';

type Db = Kysely<Database> | Transaction<Database>;

export const PUBLIC_CANDIDATE_COLUMNS = [
  'id',
  'election_id',
  'party_registration_number',
  ...CANDIDATE_PUBLIC_PERSON_COLUMNS,
  'status',
  'withdrawn_on',
] as const;

type PublicCandidateRow = Pick<CandidateRow, (typeof PUBLIC_CANDIDATE_COLUMNS)[number]>;

export function publicCandidateFromRow(r: PublicCandidateRow): PublicCandidate {
  return {
    id: Number(r.id),
    electionId: r.election_id,
    partyRegistrationNumber: r.party_registration_number,
    listPosition: r.list_position,
    nameKy: r.name_ky,
    nameRu: r.name_ru,
    nameLatin: r.name_latin,
    birthDate: r.birth_date,
    sex: r.sex as PublicCandidate['sex'],
    occupation: r.occupation,
    placeOfResidence: r.place_of_residence,
    ethnicMinority: r.ethnic_minority === 1,
    disability: r.disability === 1,
    status: r.status as PublicCandidate['status'],
    withdrawnOn: r.withdrawn_on,
  };
}

export function candidateToRow(c: Candidate, searchKey: string, now: string): NewCandidateRow {
  return {
    election_id: c.electionId,
    party_registration_number: c.partyRegistrationNumber,
    list_position: c.listPosition,
    name_ky: c.nameKy,
    name_ru: c.nameRu,
    name_latin: c.nameLatin,
    search_key: searchKey,
    birth_date: c.birthDate,
    sex: c.sex,
    occupation: c.occupation,
    place_of_residence: c.placeOfResidence,
    ethnic_minority: c.ethnicMinority ? 1 : 0,
    disability: c.disability ? 1 : 0,
    status: c.status,
    withdrawn_on: c.withdrawnOn,
    pin: c.pin,
    updated_at: now,
  };
}

export async function insertCandidates(db: Db, rows: NewCandidateRow[]): Promise<void> {
  // Chunks keep each statement under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 50) {
    await db
      .insertInto('candidates')
      .values(rows.slice(i, i + 50))
      .execute();
  }
}

const sortColumn = { position: 'list_position', name: 'name_latin', birthDate: 'birth_date' } as const;

export { candidateSorts, type CandidateSort, type CandidateQuery, type CandidatePage };

export async function listCandidates(db: Db, q: CandidateQuery): Promise<CandidatePage> {
  const col = sortColumn[q.sort];
  const cmp = q.order === 'asc' ? '>' : '<';
  let query = db.selectFrom('candidates').select(PUBLIC_CANDIDATE_COLUMNS).where('election_id', '=', q.electionId);
  if (q.partyRegistrationNumber) query = query.where('party_registration_number', '=', q.partyRegistrationNumber);
  if (q.sex) query = query.where('sex', '=', q.sex);
  if (q.status) query = query.where('status', '=', q.status);
  const after = q.after;
  if (after) {
    query = query.where((eb: ExpressionBuilder<Database, 'candidates'>) =>
      eb.or([eb(col, cmp, after.v as never), eb.and([eb(col, '=', after.v as never), eb('id', cmp, after.id)])]),
    );
  }
  const rows = await query
    .orderBy(col, q.order)
    .orderBy('id', q.order)
    .limit(q.limit + 1)
    .execute();
  const more = rows.length > q.limit;
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(publicCandidateFromRow),
    nextCursor: more && last ? encodeCursor({ v: last[col], id: Number(last.id) }) : null,
  };
}

/** Every candidate of an election (public columns), for the listing held in memory. */
export async function listElectionCandidates(db: Db, electionId: string): Promise<PublicCandidate[]> {
  const rows = await db
    .selectFrom('candidates')
    .select(PUBLIC_CANDIDATE_COLUMNS)
    .where('election_id', '=', electionId)
    .execute();
  return rows.map(publicCandidateFromRow);
}

export async function listAllCandidatesOfList(db: Db, electionId: string, reg: string): Promise<PublicCandidate[]> {
  const rows = await db
    .selectFrom('candidates')
    .select(PUBLIC_CANDIDATE_COLUMNS)
    .where('election_id', '=', electionId)
    .where('party_registration_number', '=', reg)
    .orderBy('list_position')
    .execute();
  return rows.map(publicCandidateFromRow);
}

export async function findCandidate(db: Db, id: number): Promise<PublicCandidate | undefined> {
  const row = await db
    .selectFrom('candidates')
    .select(PUBLIC_CANDIDATE_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && publicCandidateFromRow(row);
}

export async function findCandidateByPosition(
  db: Db,
  electionId: string,
  reg: string,
  listPosition: number,
): Promise<PublicCandidate | undefined> {
  const row = await db
    .selectFrom('candidates')
    .select(PUBLIC_CANDIDATE_COLUMNS)
    .where('election_id', '=', electionId)
    .where('party_registration_number', '=', reg)
    .where('list_position', '=', listPosition)
    .executeTakeFirst();
  return row && publicCandidateFromRow(row);
}

/** Commission-only: the PINs already registered in an election, to refuse a person on two lists. */
export async function findPinsOfElection(db: Db, electionId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('candidates')
    .select(['pin', 'party_registration_number'])
    .where('election_id', '=', electionId)
    .execute();
  return new Map(rows.map((r) => [r.pin, r.party_registration_number]));
}

export async function setCandidateStatus(
  db: Db,
  id: number,
  status: PublicCandidate['status'],
  withdrawnOn: string | null,
  now: string,
): Promise<void> {
  await db
    .updateTable('candidates')
    .set({ status, withdrawn_on: withdrawnOn, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** What the search ranks: every candidate's id, election and name key, and nothing else. */
export interface CandidateKey {
  id: number;
  electionId: string;
  searchKey: string;
}

export async function listCandidateKeys(db: Db): Promise<CandidateKey[]> {
  const rows = await db.selectFrom('candidates').select(['id', 'election_id', 'search_key']).orderBy('id').execute();
  return rows.map((r) => ({ id: Number(r.id), electionId: r.election_id, searchKey: r.search_key }));
}

/**
 * A mark that changes whenever the candidates do: an import adds rows (the highest id moves), a
 * withdrawal or a change of a row stamps `updated_at`, a removal lowers the count.
 */
export async function candidatesVersion(db: Db): Promise<string> {
  const r = await db
    .selectFrom('candidates')
    .select((e) => [e.fn.countAll().as('n'), e.fn.max('id').as('id'), e.fn.max('updated_at').as('at')])
    .executeTakeFirst();
  return `${String(r?.n ?? 0)}/${String(r?.id ?? 0)}/${String(r?.at ?? '')}`;
}

/** The public rows of the candidates `ids`, in the order of `ids` (unknown ids are left out). */
export async function findPublicCandidates(db: Db, ids: readonly number[]): Promise<PublicCandidate[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('candidates').select(PUBLIC_CANDIDATE_COLUMNS).where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [Number(r.id), publicCandidateFromRow(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Every list of an election at once, grouped by party, in list order (one query, not one per party). */
export async function listCandidatesByParty(db: Db, electionId: string): Promise<Map<string, PublicCandidate[]>> {
  const rows = await db
    .selectFrom('candidates')
    .select(PUBLIC_CANDIDATE_COLUMNS)
    .where('election_id', '=', electionId)
    .orderBy('party_registration_number')
    .orderBy('list_position')
    .execute();
  const out = new Map<string, PublicCandidate[]>();
  for (const r of rows) {
    const c = publicCandidateFromRow(r);
    const list = out.get(c.partyRegistrationNumber) ?? [];
    list.push(c);
    out.set(c.partyRegistrationNumber, list);
  }
  return out;
}
