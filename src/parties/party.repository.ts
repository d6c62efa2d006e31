// Queries on parties and on their participation in elections (ballot number, status).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, PartyRow, ParticipationRow } from '../platform/db/schema.ts';
import type { Localized, Participation, Party } from '../domain/election.ts';

type Db = Kysely<Database> | Transaction<Database>;

export function partyFromRow(r: PartyRow): Party {
  return {
    registrationNumber: r.registration_number,
    name: { ky: r.name_ky, ru: r.name_ru, en: r.name_en },
    shortName: { ky: r.short_name_ky, ru: r.short_name_ru, en: r.short_name_en },
    leader: r.leader,
    foundedOn: r.founded_on,
    address: r.address,
    phone: r.phone,
    website: r.website,
    logoBlobKey: r.logo_blob_key,
  };
}

function partyToRow(p: Party, now: string) {
  return {
    registration_number: p.registrationNumber,
    name_ky: p.name.ky,
    name_ru: p.name.ru,
    name_en: p.name.en,
    short_name_ky: p.shortName.ky,
    short_name_ru: p.shortName.ru,
    short_name_en: p.shortName.en,
    leader: p.leader,
    founded_on: p.foundedOn,
    address: p.address,
    phone: p.phone,
    website: p.website,
    logo_blob_key: p.logoBlobKey,
    updated_at: now,
  };
}

export function participationFromRow(r: ParticipationRow): Participation {
  return {
    electionId: r.election_id,
    partyRegistrationNumber: r.party_registration_number,
    ballotNumber: r.ballot_number,
    status: r.status as Participation['status'],
    statusDate: r.status_date,
    statusReason: r.status_reason,
  };
}

export async function findParty(db: Db, registrationNumber: string): Promise<Party | undefined> {
  const row = await db
    .selectFrom('parties')
    .selectAll()
    .where('registration_number', '=', registrationNumber)
    .executeTakeFirst();
  return row && partyFromRow(row);
}

/** The full name of every party, by registration number. */
export async function listPartyNames(db: Db): Promise<Map<string, Localized>> {
  const rows = await db
    .selectFrom('parties')
    .select(['registration_number', 'name_ky', 'name_ru', 'name_en'])
    .execute();
  return new Map(rows.map((p) => [p.registration_number, { ky: p.name_ky, ru: p.name_ru, en: p.name_en }]));
}

export interface PartyNamesAndPage {
  registrationNumber: string;
  name: Localized;
  shortName: Localized;
  /** The election with the latest election day the party takes part in: its party page there. */
  latestElectionId: string;
}

/** A party's six names as columns of `parties as p`: what a public row shows of it. */
export const PARTY_NAME_COLUMNS = [
  'p.name_ky',
  'p.name_ru',
  'p.name_en',
  'p.short_name_ky',
  'p.short_name_ru',
  'p.short_name_en',
] as const;

/**
 * Every party that takes part in some election, with its names and the latest of those elections, in one
 * query: the party page lives per election, so a party is linked to the newest one.
 */
export async function listPartiesWithLatestElection(db: Db): Promise<PartyNamesAndPage[]> {
  const rows = await db
    .selectFrom('parties as p')
    .innerJoin('participations as pa', 'pa.party_registration_number', 'p.registration_number')
    .innerJoin('elections as e', 'e.id', 'pa.election_id')
    .select(['p.registration_number', ...PARTY_NAME_COLUMNS, 'pa.election_id'])
    .orderBy('p.registration_number')
    .orderBy('e.election_day', 'desc')
    .orderBy('pa.election_id', 'desc')
    .execute();
  const parties = new Map<string, PartyNamesAndPage>();
  for (const r of rows) {
    if (parties.has(r.registration_number)) continue;
    parties.set(r.registration_number, {
      registrationNumber: r.registration_number,
      name: { ky: r.name_ky, ru: r.name_ru, en: r.name_en },
      shortName: { ky: r.short_name_ky, ru: r.short_name_ru, en: r.short_name_en },
      latestElectionId: r.election_id,
    });
  }
  return [...parties.values()];
}

/** Parties known from other elections that are not in this one: a registration can start from them. */
export async function listPartiesOutside(db: Db, electionId: string): Promise<Party[]> {
  const rows = await db
    .selectFrom('parties')
    .selectAll()
    .where('registration_number', 'not in', (eb) =>
      eb.selectFrom('participations').select('party_registration_number').where('election_id', '=', electionId),
    )
    .orderBy('name_ru')
    .execute();
  return rows.map(partyFromRow);
}

export async function insertParty(db: Db, p: Party, now: string): Promise<void> {
  await db
    .insertInto('parties')
    .values({ ...partyToRow(p, now), created_at: now })
    .execute();
}

export async function updateParty(db: Db, p: Party, now: string): Promise<void> {
  await db
    .updateTable('parties')
    .set(partyToRow(p, now))
    .where('registration_number', '=', p.registrationNumber)
    .execute();
}

export async function findParticipation(db: Db, electionId: string, reg: string): Promise<Participation | undefined> {
  const row = await db
    .selectFrom('participations')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('party_registration_number', '=', reg)
    .executeTakeFirst();
  return row && participationFromRow(row);
}

export async function upsertParticipation(db: Db, p: Participation, now: string): Promise<void> {
  const values = {
    election_id: p.electionId,
    party_registration_number: p.partyRegistrationNumber,
    ballot_number: p.ballotNumber,
    status: p.status,
    status_date: p.statusDate,
    status_reason: p.statusReason,
    updated_at: now,
  };
  await db
    .insertInto('participations')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['election_id', 'party_registration_number']).doUpdateSet({
        ballot_number: values.ballot_number,
        status: values.status,
        status_date: values.status_date,
        status_reason: values.status_reason,
        updated_at: now,
      }),
    )
    .execute();
}

export interface BallotEntry {
  party: Party;
  participation: Participation;
  candidateCount: number;
  womenCount: number;
}

/** Parties of one election in ballot order (parties without a number yet come last, by name). */
export async function listBallot(db: Db, electionId: string): Promise<BallotEntry[]> {
  const rows = await db
    .selectFrom('participations as pa')
    .innerJoin('parties as p', 'p.registration_number', 'pa.party_registration_number')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('candidates')
          .select([
            'party_registration_number',
            (e) => e.fn.countAll<number>().as('n'),
            (e) => e.fn.sum<number>(sql`case when sex = 'female' then 1 else 0 end`).as('women'),
          ])
          .where('election_id', '=', electionId)
          .where('status', '=', 'registered')
          .groupBy('party_registration_number')
          .as('c'),
      (join) => join.onRef('c.party_registration_number', '=', 'pa.party_registration_number'),
    )
    .selectAll('p')
    .select([
      'pa.election_id',
      'pa.party_registration_number',
      'pa.ballot_number',
      'pa.status',
      'pa.status_date',
      'pa.status_reason',
      'pa.updated_at as pa_updated_at',
      'c.n',
      'c.women',
    ])
    .where('pa.election_id', '=', electionId)
    .orderBy(sql`case when pa.ballot_number is null then 1 else 0 end`)
    .orderBy('pa.ballot_number')
    .orderBy('p.name_en')
    .execute();
  return rows.map((r) => ({
    party: partyFromRow(r),
    participation: participationFromRow({ ...r, updated_at: r.pa_updated_at }),
    candidateCount: Number(r.n ?? 0),
    womenCount: Number(r.women ?? 0),
  }));
}
