// Queries on elections and their rules profiles.
import type { Kysely, Transaction } from 'kysely';
import type { Database, ElectionRow } from '../platform/db/schema.ts';
import type { Election } from '../domain/election.ts';
import { rulesProfileSchema, type RulesProfile } from '../domain/rules-profile.ts';

type Db = Kysely<Database> | Transaction<Database>;

export function electionFromRow(r: ElectionRow): Election {
  return {
    id: r.id,
    kind: r.kind as Election['kind'],
    name: { ky: r.name_ky, ru: r.name_ru, en: r.name_en },
    electionDay: r.election_day,
    calledOn: r.called_on,
    campaignStart: r.campaign_start,
    campaignEnd: r.campaign_end,
    seats: r.seats,
    thresholdBasisPoints: r.threshold_bp,
    status: r.status as Election['status'],
    rulesProfileId: r.rules_profile_id,
    synthetic: r.synthetic === 1,
  };
}

function electionToRow(e: Election, now: string) {
  return {
    id: e.id,
    kind: e.kind,
    name_ky: e.name.ky,
    name_ru: e.name.ru,
    name_en: e.name.en,
    election_day: e.electionDay,
    called_on: e.calledOn,
    campaign_start: e.campaignStart,
    campaign_end: e.campaignEnd,
    seats: e.seats,
    threshold_bp: e.thresholdBasisPoints,
    status: e.status,
    rules_profile_id: e.rulesProfileId,
    synthetic: e.synthetic ? 1 : 0,
    updated_at: now,
  };
}

export async function listElections(db: Db): Promise<Election[]> {
  const rows = await db.selectFrom('elections').selectAll().orderBy('election_day', 'desc').execute();
  return rows.map(electionFromRow);
}

export async function findElection(db: Db, id: string): Promise<Election | undefined> {
  const row = await db.selectFrom('elections').selectAll().where('id', '=', id).executeTakeFirst();
  return row && electionFromRow(row);
}

export async function insertElection(db: Db, e: Election, now: string): Promise<void> {
  await db
    .insertInto('elections')
    .values({ ...electionToRow(e, now), created_at: now })
    .execute();
}

export async function updateElection(db: Db, e: Election, now: string): Promise<void> {
  await db.updateTable('elections').set(electionToRow(e, now)).where('id', '=', e.id).execute();
}

/** Profiles are versioned; a new version is a new row, the latest one applies. */
export async function saveRulesProfile(db: Db, p: RulesProfile, now: string): Promise<void> {
  const existing = await db
    .selectFrom('rules_profiles')
    .select('id')
    .where('id', '=', p.id)
    .where('version', '=', p.version)
    .executeTakeFirst();
  if (existing) return;
  await db
    .insertInto('rules_profiles')
    .values({ id: p.id, version: p.version, body: JSON.stringify(p), created_at: now })
    .execute();
}

export async function findRulesProfileById(db: Db, id: string): Promise<RulesProfile | undefined> {
  const row = await db
    .selectFrom('rules_profiles')
    .select('body')
    .where('id', '=', id)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  return row ? rulesProfileSchema.parse(JSON.parse(row.body)) : undefined;
}

export interface ElectionOverview {
  election: Election;
  parties: number;
}

/** Every election, newest election day first, with how many parties take part. */
export async function listElectionOverview(db: Db): Promise<ElectionOverview[]> {
  const rows = await db
    .selectFrom('elections as e')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('participations')
          .select(['election_id', (e) => e.fn.countAll<number>().as('n')])
          .groupBy('election_id')
          .as('p'),
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
