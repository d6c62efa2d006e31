// Queries on the lottery_draws table. Rows are inserted, moved forward through the ceremony's
// states and never deleted; every update is conditional on the state (and revision) the caller
// read, so a step taken twice at once, or on a stale page, changes nothing and says so.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { LotteryDrawTable } from '../platform/db/tables/lottery.tables.ts';
import { localizedSchema, type Localized, type Party } from '../domain/election.ts';
import { partyFromRow } from '../parties/index.ts';
import {
  DRAW_STATES,
  recordedSeedPartSchema,
  type DrawState,
  type LotteryDraw,
  type RecordedSeedPart,
} from './core/ceremony.ts';
import { drawRecordSchema, participantSchema, type DrawRecord, type Participant } from './core/draw.ts';
import { compareCodePoints } from './core/sampler.ts';

type Db = Kysely<Database> | Transaction<Database>;
export type LotteryDrawRow = Selectable<LotteryDrawTable>;

function parseState(s: string): DrawState {
  const state = DRAW_STATES.find((x) => x === s);
  if (!state) throw new Error(`lottery_draws: unknown state ${s}`);
  return state;
}

export function drawFromRow(r: LotteryDrawRow): LotteryDraw {
  return {
    id: Number(r.id),
    electionId: r.election_id,
    attempt: r.attempt,
    state: parseState(r.state),
    revision: r.revision,
    participants: participantSchema.array().parse(JSON.parse(r.participants_json)),
    commitment: r.commitment,
    frozenAt: r.frozen_at,
    frozenBy: r.frozen_by,
    seedParts: recordedSeedPartSchema.array().parse(JSON.parse(r.seed_parts_json)),
    record: r.record_json === null ? null : drawRecordSchema.parse(JSON.parse(r.record_json)),
    drawnAt: r.drawn_at,
    drawnBy: r.drawn_by,
    supersedesDrawId: r.supersedes_draw_id === null ? null : Number(r.supersedes_draw_id),
    redoReason: r.redo_reason,
    supersededAt: r.superseded_at,
    supersededBy: r.superseded_by,
    illustration: r.illustration === 1 && r.note_json !== null ? localizedSchema.parse(JSON.parse(r.note_json)) : null,
  };
}

export async function findDraw(db: Db, id: number): Promise<LotteryDraw | undefined> {
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  const row = await db.selectFrom('lottery_draws').selectAll().where('id', '=', id).executeTakeFirst();
  return row && drawFromRow(row);
}

/** A draw this flow has just written or read; its row is never deleted, so it is there. */
export async function getDraw(db: Db, id: number): Promise<LotteryDraw> {
  return drawFromRow(await db.selectFrom('lottery_draws').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}

/** The election's draw that is not superseded (at most one; a unique index says so). */
export async function findCurrentDraw(db: Db, electionId: string): Promise<LotteryDraw | undefined> {
  const row = await db
    .selectFrom('lottery_draws')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('state', '<>', 'superseded')
    .executeTakeFirst();
  return row && drawFromRow(row);
}

/** Every draw of an election, newest attempt first. */
export async function listDraws(db: Db, electionId: string): Promise<LotteryDraw[]> {
  const rows = await db
    .selectFrom('lottery_draws')
    .selectAll()
    .where('election_id', '=', electionId)
    .orderBy('attempt', 'desc')
    .execute();
  return rows.map(drawFromRow);
}

/** The draw that redid `drawId`, if any. */
export async function findSuccessor(db: Db, drawId: number): Promise<LotteryDraw | undefined> {
  const row = await db
    .selectFrom('lottery_draws')
    .selectAll()
    .where('supersedes_draw_id', '=', drawId)
    .executeTakeFirst();
  return row && drawFromRow(row);
}

export async function nextAttempt(db: Db, electionId: string): Promise<number> {
  const row = await db
    .selectFrom('lottery_draws')
    .select((eb) => eb.fn.max('attempt').as('last'))
    .where('election_id', '=', electionId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export interface NewDraw {
  electionId: string;
  attempt: number;
  participants: Participant[];
  commitment: string;
  frozenAt: string;
  frozenBy: string;
  supersedesDrawId: number | null;
  redoReason: string | null;
}

export async function insertFrozenDraw(db: Db, d: NewDraw): Promise<number> {
  const row = await db
    .insertInto('lottery_draws')
    .values({
      election_id: d.electionId,
      attempt: d.attempt,
      state: 'frozen',
      revision: 0,
      participants_json: JSON.stringify(d.participants),
      commitment: d.commitment,
      frozen_at: d.frozenAt,
      frozen_by: d.frozenBy,
      seed_parts_json: '[]',
      supersedes_draw_id: d.supersedesDrawId,
      redo_reason: d.redoReason,
      illustration: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Saves the rolls if nobody changed the draw since `revision` was read; false when somebody did. */
export async function saveSeedParts(db: Db, id: number, revision: number, parts: RecordedSeedPart[]): Promise<boolean> {
  const r = await db
    .updateTable('lottery_draws')
    .set({ seed_parts_json: JSON.stringify(parts), state: 'seeded', revision: revision + 1 })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .where('state', 'in', ['frozen', 'seeded'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function saveDrawn(
  db: Db,
  id: number,
  revision: number,
  d: { record: DrawRecord; drawnAt: string; drawnBy: string; illustration: Localized | null },
): Promise<boolean> {
  const r = await db
    .updateTable('lottery_draws')
    .set({
      state: 'drawn',
      revision: revision + 1,
      record_json: JSON.stringify(d.record),
      drawn_at: d.drawnAt,
      drawn_by: d.drawnBy,
      illustration: d.illustration ? 1 : 0,
      note_json: d.illustration ? JSON.stringify(d.illustration) : null,
    })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .where('state', '=', 'seeded')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function saveSuperseded(db: Db, id: number, revision: number, at: string, by: string): Promise<boolean> {
  const r = await db
    .updateTable('lottery_draws')
    .set({ state: 'superseded', revision: revision + 1, superseded_at: at, superseded_by: by })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .where('state', '<>', 'superseded')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The parties registered for the election (withdrawn and deregistered ones do not take part), by id. */
export async function findRegisteredParties(db: Db, electionId: string): Promise<Party[]> {
  const rows = await db
    .selectFrom('participations as pa')
    .innerJoin('parties as p', 'p.registration_number', 'pa.party_registration_number')
    .selectAll('p')
    .where('pa.election_id', '=', electionId)
    .where('pa.status', '=', 'registered')
    .execute();
  return rows.map(partyFromRow).sort((a, b) => compareCodePoints(a.registrationNumber, b.registrationNumber));
}
