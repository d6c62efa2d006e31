// The parties' lists in the districts of a local council election, as rows, and the parties they name.
// Each read is one statement over its table, so a page asks each table once whatever its size.
import type { Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { Party } from '../domain/election.ts';
import { partyFromRow } from '../parties/index.ts';
import type { DistrictPartyList } from './core/district.ts';
import type { Db } from './races.repository.ts';

/** A party as a district's page names it: its record, and whether it has a page in this election. */
export interface ListedParty {
  party: Party;
  /** Whether the party takes part in the election, so that its page there exists. */
  inElection: boolean;
}

/** A district's party lists, in the order of the parties' registration numbers. */
export async function listDistrictPartyLists(db: Db, electionId: string, code: string): Promise<DistrictPartyList[]> {
  const rows = await db
    .selectFrom('district_lists')
    .select(['district_code', 'party_registration_number', 'list_size', 'registered_on'])
    .where('election_id', '=', electionId)
    .where('district_code', '=', code)
    .orderBy('party_registration_number')
    .execute();
  return rows.map((r) => ({
    districtCode: r.district_code,
    partyRegistrationNumber: r.party_registration_number,
    listSize: Number(r.list_size),
    registeredOn: r.registered_on,
  }));
}

/** Per district code among `codes`, how many party lists stand there; a district without any is absent. */
export async function countListsByDistrict(
  db: Db,
  electionId: string,
  codes: readonly string[],
): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('district_lists')
    .select((eb) => ['district_code', eb.fn.countAll<number | string>().as('n')])
    .where('election_id', '=', electionId)
    .where('district_code', 'in', codes)
    .groupBy('district_code')
    .execute();
  return new Map(rows.map((r) => [r.district_code, Number(r.n)]));
}

/** How many lists the election has in all. */
export async function countDistrictLists(db: Db, electionId: string): Promise<number> {
  const r = await db
    .selectFrom('district_lists')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('election_id', '=', electionId)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** The parties of these registration numbers in one statement, each with whether it stands in the election. */
export async function findListedParties(
  db: Db,
  electionId: string,
  numbers: readonly string[],
): Promise<Map<string, ListedParty>> {
  if (numbers.length === 0) return new Map();
  const rows = await db
    .selectFrom('parties as p')
    .leftJoin('participations as pa', (j) =>
      j.onRef('pa.party_registration_number', '=', 'p.registration_number').on('pa.election_id', '=', electionId),
    )
    .selectAll('p')
    .select('pa.status as participation')
    .where('p.registration_number', 'in', [...numbers])
    .execute();
  return new Map(
    rows.map(({ participation, ...row }) => [
      row.registration_number,
      { party: partyFromRow(row), inElection: participation !== null },
    ]),
  );
}

/** Adds lists to an election, inside the caller's transaction. */
export async function insertDistrictLists(
  trx: Transaction<Database>,
  electionId: string,
  lists: readonly DistrictPartyList[],
): Promise<void> {
  // In batches: PostgreSQL takes at most 65535 parameters in one statement, SQLite 32766.
  for (let i = 0; i < lists.length; i += 500) {
    await trx
      .insertInto('district_lists')
      .values(
        lists.slice(i, i + 500).map((l) => ({
          election_id: electionId,
          district_code: l.districtCode,
          party_registration_number: l.partyRegistrationNumber,
          list_size: l.listSize,
          registered_on: l.registeredOn,
        })),
      )
      .execute();
  }
}
