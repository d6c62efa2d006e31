// Read-only queries behind the commission's screens: elections with their party counts, the rules
// profiles an election can use, parties an election does not have yet, and the activity log of one
// election. Writes go through the capabilities' services, never through here.
import { sql, type Kysely } from 'kysely';
import type { ActivityRow, Database } from '../platform/db/schema.ts';
import type { Election, Party } from '../domain/election.ts';
import { electionFromRow, findRulesProfileById } from '../elections/election.repository.ts';
import { partyFromRow } from '../parties/party.repository.ts';
import { DRAW_ENTITY } from '../lottery/index.ts';
import type { RulesProfile } from '../domain/rules-profile.ts';

type Db = Kysely<Database>;

export interface ElectionOverview {
  election: Election;
  parties: number;
}

/** Every election, newest election day first, with how many parties take part. */
export async function listElectionOverview(db: Db): Promise<ElectionOverview[]> {
  const rows = await db
    .selectFrom('elections as e')
    .leftJoin(
      (eb) => eb.selectFrom('participations').select(['election_id', (e) => e.fn.countAll<number>().as('n')]).groupBy('election_id').as('p'),
      (join) => join.onRef('p.election_id', '=', 'e.id'),
    )
    .selectAll('e')
    .select('p.n')
    .orderBy('e.election_day', 'desc')
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({ election: electionFromRow(r), parties: Number(r.n ?? 0) }));
}

/** The latest version of each rules profile, for the election form's choice. */
export async function listRulesProfiles(db: Db): Promise<RulesProfile[]> {
  const ids = await db.selectFrom('rules_profiles').select('id').distinct().orderBy('id', 'desc').execute();
  const profiles = await Promise.all(ids.map((r) => findRulesProfileById(db, r.id)));
  return profiles.filter((p): p is RulesProfile => p !== undefined);
}

/** Parties known from other elections that are not in this one: a registration can start from them. */
export async function listPartiesOutside(db: Db, electionId: string): Promise<Party[]> {
  const rows = await db
    .selectFrom('parties')
    .selectAll()
    .where('registration_number', 'not in', (eb) => eb.selectFrom('participations').select('party_registration_number').where('election_id', '=', electionId))
    .orderBy('name_ru')
    .execute();
  return rows.map(partyFromRow);
}

/** Registration numbers of the parties of an election that have a programme attached. */
export async function programmesOf(db: Db, electionId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('programmes').select('party_registration_number').where('election_id', '=', electionId).execute();
  return new Set(rows.map((r) => r.party_registration_number));
}

export interface ActivityPage {
  entries: ActivityRow[];
  /** The `before` of the next (older) page; null on the last page. */
  olderThan: number | null;
}

/**
 * The activity log of one election, newest first, in pages by id (keyset: stable while new entries
 * arrive). It covers what the services record about the election: the election itself, its
 * participations, candidate lists, candidates, programmes and lottery draws, and the records of
 * the parties taking part — a party record is shared between elections, so an entry about it may
 * come from another election's registration; it is shown because it changed what this one shows.
 */
export async function listElectionActivity(db: Db, electionId: string, opts: { before?: number; limit: number }): Promise<ActivityPage> {
  // Ids are compared as text because activity_log.entity_id is text for every kind of entity.
  const idText = sql<string>`cast(id as text)`;
  const rows = await db
    .selectFrom('activity_log')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('entity_type', '=', 'election'), eb('entity_id', '=', electionId)]),
        // Election ids are [a-z0-9-], so they hold no LIKE wildcard.
        eb.and([eb('entity_type', 'in', ['participation', 'candidate-list', 'programme']), eb('entity_id', 'like', `${electionId}/%`)]),
        eb.and([eb('entity_type', '=', 'candidate'), eb('entity_id', 'in', eb.selectFrom('candidates').select(idText.as('k')).where('election_id', '=', electionId))]),
        eb.and([eb('entity_type', '=', DRAW_ENTITY), eb('entity_id', 'in', eb.selectFrom('lottery_draws').select(idText.as('k')).where('election_id', '=', electionId))]),
        eb.and([
          eb('entity_type', '=', 'party'),
          eb('entity_id', 'in', eb.selectFrom('participations').select('party_registration_number').where('election_id', '=', electionId)),
        ]),
      ]),
    )
    .$if(opts.before !== undefined, (qb) => qb.where('id', '<', opts.before!))
    .orderBy('id', 'desc')
    .limit(opts.limit + 1)
    .execute();
  const entries = rows.slice(0, opts.limit);
  const last = entries[entries.length - 1];
  return { entries, olderThan: rows.length > opts.limit && last ? Number(last.id) : null };
}
