// The districts of an election and the candidates standing in them, as rows. A district file and a
// candidate file each replace what the election had, inside the caller's transaction.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { DistrictCandidateTable, DistrictTable } from '../platform/db/tables/races.tables.ts';
import {
  isCandidateStatus,
  isDistrictKind,
  isNomination,
  type District,
  type DistrictCandidate,
  type DistrictKind,
} from './core/district.ts';
import { candidateFundNumber } from './core/candidate-fund.ts';

/** The shared handle, or a transaction on it. */
export type Db = Kysely<Database> | Transaction<Database>;

/** A district in a list: what it is and how many registered candidates stand in it. */
export interface DistrictLine extends District {
  registeredCandidates: number;
}

export interface DistrictFilter {
  kind?: DistrictKind | undefined;
  region?: string | undefined;
}

/** A candidate as the public sees them: no PIN or address is stored, so none can be shown. */
export interface StandingCandidate extends DistrictCandidate {
  id: number;
  /** The number their electoral fund files under. */
  fundNumber: string;
}

function districtFromRow(r: DistrictTable): District {
  // The kinds are checked on the way in; a row that is not one is a damaged database.
  if (!isDistrictKind(r.kind)) throw new Error(`district ${r.code}: unknown kind ${r.kind}`);
  return {
    code: r.code,
    name: { ky: r.name_ky, ru: r.name_ru, en: r.name_en },
    kind: r.kind,
    parentRegion: r.parent_region,
    seats: Number(r.seats),
  };
}

type CandidateRow = Omit<DistrictCandidateTable, 'id' | 'created_at'> & { id: number };

function candidateFromRow(r: CandidateRow): StandingCandidate {
  if (!isNomination(r.nomination) || !isCandidateStatus(r.status))
    throw new Error(`district candidate ${r.id}: unknown nomination or status`);
  const person = {
    districtCode: r.district_code,
    lastName: r.last_name,
    firstName: r.first_name,
    patronymic: r.patronymic,
  };
  return {
    id: Number(r.id),
    fundNumber: r.fund_number ?? candidateFundNumber(r.election_id, person),
    districtCode: r.district_code,
    lastName: r.last_name,
    firstName: r.first_name,
    patronymic: r.patronymic,
    nomination: r.nomination,
    partyRegistrationNumber: r.party_registration_number,
    status: r.status,
  };
}

export async function countDistricts(db: Db, electionId: string): Promise<{ districts: number; seats: number }> {
  const r = await db
    .selectFrom('districts')
    .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.sum<number | string | null>('seats').as('seats')])
    .where('election_id', '=', electionId)
    .executeTakeFirst();
  return { districts: Number(r?.n ?? 0), seats: Number(r?.seats ?? 0) };
}

export async function listDistrictCodes(db: Db, electionId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('districts').select('code').where('election_id', '=', electionId).execute();
  return new Set(rows.map((r) => r.code));
}

/** Per district code, how many candidates of any status stand there. */
export async function countCandidatesByDistrict(db: Db, electionId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('district_candidates')
    .select((eb) => ['district_code', eb.fn.countAll<number | string>().as('n')])
    .where('election_id', '=', electionId)
    .groupBy('district_code')
    .execute();
  return new Map(rows.map((r) => [r.district_code, Number(r.n)]));
}

export async function replaceDistricts(trx: Transaction<Database>, electionId: string, districts: District[]) {
  await trx.deleteFrom('districts').where('election_id', '=', electionId).execute();
  // In batches: PostgreSQL takes at most 65535 parameters in one statement, SQLite 32766.
  for (let i = 0; i < districts.length; i += 500) {
    await trx
      .insertInto('districts')
      .values(
        districts.slice(i, i + 500).map((d) => ({
          election_id: electionId,
          code: d.code,
          name_ky: d.name.ky,
          name_ru: d.name.ru,
          name_en: d.name.en,
          kind: d.kind,
          parent_region: d.parentRegion,
          seats: d.seats,
        })),
      )
      .execute();
  }
}

export async function replaceDistrictCandidates(
  trx: Transaction<Database>,
  electionId: string,
  candidates: DistrictCandidate[],
  now: string,
) {
  await trx.deleteFrom('district_candidates').where('election_id', '=', electionId).execute();
  for (let i = 0; i < candidates.length; i += 500) {
    await trx
      .insertInto('district_candidates')
      .values(
        candidates.slice(i, i + 500).map((c) => ({
          election_id: electionId,
          district_code: c.districtCode,
          last_name: c.lastName,
          first_name: c.firstName,
          patronymic: c.patronymic,
          nomination: c.nomination,
          party_registration_number: c.partyRegistrationNumber,
          status: c.status,
          created_at: now,
          fund_number: candidateFundNumber(electionId, c),
        })),
      )
      .execute();
  }
}

/**
 * One page of an election's districts in the order of their codes, starting after the code `after`:
 * codes are unique in an election, so the code alone is the page's key. One more than `limit` is read
 * to know whether a next page exists.
 */
export async function listDistrictsPage(
  db: Db,
  electionId: string,
  filter: DistrictFilter,
  after: string | undefined,
  limit: number,
): Promise<{ districts: DistrictLine[]; next: string | undefined }> {
  let q = db
    .selectFrom('districts as d')
    .leftJoin('district_candidates as c', (j) =>
      j
        .onRef('c.election_id', '=', 'd.election_id')
        .onRef('c.district_code', '=', 'd.code')
        .on('c.status', '=', 'registered'),
    )
    .select((eb) => [
      'd.election_id',
      'd.code',
      'd.name_ky',
      'd.name_ru',
      'd.name_en',
      'd.kind',
      'd.parent_region',
      'd.seats',
      eb.fn.count<number | string>('c.id').as('registered'),
    ])
    .where('d.election_id', '=', electionId);
  if (filter.kind) q = q.where('d.kind', '=', filter.kind);
  if (filter.region) q = q.where('d.parent_region', '=', filter.region);
  if (after !== undefined) q = q.where('d.code', '>', after);
  // Grouped by the key alone (PostgreSQL lets the other columns of the row follow it), and ordered by the
  // whole key, so that SQLite walks the key's index in order and stops after the page instead of sorting
  // every district after `after` first.
  const rows = await q
    .groupBy(['d.election_id', 'd.code'])
    .orderBy('d.election_id')
    .orderBy('d.code')
    .limit(limit + 1)
    .execute();
  const districts = rows
    .slice(0, limit)
    .map((r) => ({ ...districtFromRow(r), registeredCandidates: Number(r.registered) }));
  return { districts, next: rows.length > limit ? districts.at(-1)?.code : undefined };
}

/** The regions an election's districts lie in, for the filter. */
export async function listDistrictRegions(db: Db, electionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('districts')
    .select('parent_region')
    .distinct()
    .where('election_id', '=', electionId)
    .orderBy('parent_region')
    .execute();
  return rows.map((r) => r.parent_region);
}

export async function findDistrict(db: Db, electionId: string, code: string): Promise<District | undefined> {
  const row = await db
    .selectFrom('districts')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('code', '=', code)
    .executeTakeFirst();
  return row && districtFromRow(row);
}

/** The candidates of one district, those registered first, then by name. */
export async function listDistrictCandidates(db: Db, electionId: string, code: string): Promise<StandingCandidate[]> {
  const rows = await db
    .selectFrom('district_candidates')
    .select([
      'id',
      'election_id',
      'district_code',
      'last_name',
      'first_name',
      'patronymic',
      'nomination',
      'party_registration_number',
      'status',
      'fund_number',
    ])
    .where('election_id', '=', electionId)
    .where('district_code', '=', code)
    .execute();
  // Sorted here, not in SQL: the databases' collations order Cyrillic names differently.
  const order = (s: string) => (s === 'registered' ? 0 : 1);
  return rows
    .map(candidateFromRow)
    .sort(
      (a, b) =>
        order(a.status) - order(b.status) ||
        a.lastName.localeCompare(b.lastName, 'ru') ||
        a.firstName.localeCompare(b.firstName, 'ru') ||
        a.id - b.id,
    );
}

/** A candidate with the district they stand in, for the site's search. */
export interface CandidateInDistrict extends StandingCandidate {
  electionId: string;
  district: District;
}

/** Every district candidate of every election with their district, in one query (the search keys them once). */
export function listCandidatesInDistricts(db: Db): Promise<CandidateInDistrict[]> {
  return listCandidateFunds(db, {});
}

/** A candidate's fund: the candidate, the election they stand in and their district. */
export type CandidateFund = CandidateInDistrict;

/**
 * The funds of single-mandate candidates, found by fund number or by election (one query with their
 * districts): what the filings capability checks a candidate treasurer's report against.
 */
export async function listCandidateFunds(
  db: Db,
  by: { fundNumber?: string; electionId?: string; districtCode?: string },
): Promise<CandidateFund[]> {
  let q = db
    .selectFrom('district_candidates as c')
    .innerJoin('districts as d', (j) =>
      j.onRef('d.election_id', '=', 'c.election_id').onRef('d.code', '=', 'c.district_code'),
    )
    .select([
      'c.id',
      'c.election_id',
      'c.district_code',
      'c.last_name',
      'c.first_name',
      'c.patronymic',
      'c.nomination',
      'c.party_registration_number',
      'c.status',
      'c.fund_number',
      'd.code',
      'd.name_ky',
      'd.name_ru',
      'd.name_en',
      'd.kind',
      'd.parent_region',
      'd.seats',
    ]);
  if (by.fundNumber !== undefined) q = q.where('c.fund_number', '=', by.fundNumber);
  if (by.electionId !== undefined) q = q.where('c.election_id', '=', by.electionId);
  if (by.districtCode !== undefined) q = q.where('c.district_code', '=', by.districtCode);
  const rows = await q.orderBy('c.id').execute();
  return rows.map((r) => ({
    ...candidateFromRow(r),
    electionId: r.election_id,
    district: districtFromRow({ ...r, election_id: r.election_id }),
  }));
}
