// The ballot-order lottery ceremony as commission operations: freeze the participants, record the
// observers' rolls (striking a mistyped one with a reason), draw, redo with a reason. Each step is refused with a Problem when it comes out
// of order (the rules are in core/ceremony.ts), each state change is one transaction with its
// activity record, and the draw itself is computeDraw from core/draw.ts.
import { logDrawStep } from './lottery-log.ts';
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../platform/app-context.ts';
import type { Database } from '../platform/db/schema.ts';
import { recordActivity, type ActivityEntry } from '../platform/activity-log.ts';
import { err, ok, problem, type Problem, type Result } from '../platform/result.ts';
import type { Election, Localized } from '../domain/election.ts';
import { findElection, findRulesProfileById } from '../elections/index.ts';
import { findParticipation, upsertParticipation } from '../parties/index.ts';
import { listAllCandidatesOfList } from '../candidates/index.ts';
import { checkCandidateList } from '../domain/list-rules.ts';
import type { RulesProfile } from '../domain/rules-profile.ts';
import {
  checkFixedLinePositions,
  commitParticipants,
  computeDraw,
  parseDrawInput,
  type DrawRecord,
  type Participant,
} from './core/draw.ts';
import {
  countedSeedParts,
  drawStepProblems,
  freezeReasonProblems,
  parseReason,
  parseRoll,
  stepProblems,
  strikeRoll,
  struckSeedParts,
  type ListWarning,
  type LotteryDraw,
  type RecordedSeedPart,
} from './core/ceremony.ts';
import { bilingual, fixedLinePlacements, participantOf } from './core/ballot-order.ts';
import {
  findCurrentDraw,
  findDraw,
  findRegisteredParties,
  getDraw,
  insertFrozenDraw,
  nextAttempt,
  saveDrawn,
  saveSeedParts,
  saveSuperseded,
} from './lottery.repository.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Entity type of draws in the activity log. */
export const DRAW_ENTITY = 'lottery_draw';

/** Records a step of a draw in the activity log, under the draw's id. */
/** Every step is in the activity log and, as the draw's public state after it, in the transparency log. */
async function recordDrawStep(
  tx: Db,
  drawId: number,
  step: Omit<ActivityEntry, 'entityType' | 'entityId'>,
): Promise<void> {
  await recordActivity(tx, { ...step, entityType: DRAW_ENTITY, entityId: String(drawId) });
  await logDrawStep(tx, drawId);
}

/** A draw that has been drawn: its record is there. */
export type DrawnDraw = LotteryDraw & { record: DrawRecord };

export const isDrawn = (d: LotteryDraw): d is DrawnDraw => d.record !== null;

export const notFoundProblem = (what: string, id: string | number): Problem =>
  problem(`lottery.${what}_not_found`, `There is no ${what} "${id}".`, { params: { id } });

const changedMeanwhile = (id: number): Problem =>
  problem(
    'lottery.changed',
    `Draw ${id} was changed by someone else at the same moment; reload the page and try again.`,
    {
      params: { drawId: id },
    },
  );

interface Frozen {
  election: Election;
  participants: Participant[];
  commitment: string;
  /** Parties with no candidate list or a list that breaks a rule: freezing them needs a reason. */
  warnings: ListWarning[];
}

/** The participants whose candidate list is missing or breaks a list rule as it stands now. */
export async function listWarningsOf(
  ctx: AppContext,
  election: Election,
  profile: RulesProfile,
  participants: readonly Participant[],
): Promise<ListWarning[]> {
  const warnings: ListWarning[] = [];
  for (const p of participants) {
    const list = await listAllCandidatesOfList(ctx.db, election.id, p.id);
    if (list.length === 0) {
      warnings.push({ id: p.id, name: p.name, issue: 'no-list', failedRules: [] });
      continue;
    }
    const failed = checkCandidateList(list, election.electionDay, profile.candidateList)
      .filter((r) => !r.passed)
      .map((r) => r.rule);
    if (failed.length > 0) warnings.push({ id: p.id, name: p.name, issue: 'rules', failedRules: failed });
  }
  return warnings;
}

/** The list to freeze now, or why it cannot be frozen (nobody registered, fixed lines that do not fit). */
async function listToFreeze(ctx: AppContext, electionId: string): Promise<Result<Frozen>> {
  const election = await findElection(ctx.db, electionId);
  if (!election) return err([notFoundProblem('election', electionId)]);
  const profile = await findRulesProfileById(ctx.db, election.rulesProfileId);
  if (!profile) return err([notFoundProblem('rules_profile', election.rulesProfileId)]);
  const participants = (await findRegisteredParties(ctx.db, electionId)).map(participantOf);
  if (participants.length === 0) {
    return err([
      problem(
        'lottery.no_participants',
        `No party is registered for election "${electionId}"; there is nothing to draw.`,
      ),
    ]);
  }
  const fixed = checkFixedLinePositions(
    participants.length,
    profile.ballot.fixedLines.map((f) => f.position),
  );
  if (fixed.length > 0) return err(fixed);
  const warnings = await listWarningsOf(ctx, election, profile, participants);
  return ok({ election, participants, commitment: commitParticipants(participants), warnings });
}

/** Thrown inside a transaction to roll it back when the draw changed since it was read. */
class ChangedMeanwhile extends Error {
  constructor(readonly drawId: number) {
    super(`draw ${drawId} changed meanwhile`);
  }
}

/** A unique-index refusal means another console froze (or redid) the same election a moment ago. */
async function insertOrRefuse(
  ctx: AppContext,
  electionId: string,
  insert: () => Promise<number>,
): Promise<Result<number>> {
  try {
    return ok(await insert());
  } catch (e) {
    if (e instanceof ChangedMeanwhile) return err([changedMeanwhile(e.drawId)]);
    const current = await findCurrentDraw(ctx.db, electionId);
    if (current) return err(stepProblems('freeze', current));
    throw e;
  }
}

/** Stores a frozen list as the election's next attempt, with its activity record; a redo names the draw it supersedes. */
async function saveFrozen(
  tx: Transaction<Database>,
  electionId: string,
  list: Frozen,
  frozenAt: string,
  actor: string,
  redo: { drawId: number; reason: string } | null,
  freezeReason: string | null = null,
): Promise<number> {
  const { participants, commitment, warnings } = list;
  const id = await insertFrozenDraw(tx, {
    electionId,
    attempt: await nextAttempt(tx, electionId),
    participants,
    commitment,
    frozenAt,
    frozenBy: actor,
    supersedesDrawId: redo?.drawId ?? null,
    redoReason: redo?.reason ?? null,
  });
  await recordDrawStep(tx, id, {
    actor,
    action: 'lottery.freeze',
    before: null,
    after: {
      electionId,
      state: 'frozen',
      participants,
      commitment,
      frozenAt,
      ...(redo ? { supersedesDrawId: redo.drawId, reason: redo.reason } : {}),
      ...(warnings.length > 0 ? { listWarnings: warnings } : {}),
      ...(freezeReason !== null ? { freezeReason } : {}),
    },
  });
  return id;
}

/**
 * Step 1: the commission freezes the list of participants; its commitment is published with the
 * time. When a party has no candidate list or a list that breaks a list rule, the freeze needs an
 * explicit reason, which the activity record keeps beside the warnings it answers.
 */
export async function freezeParticipants(
  ctx: AppContext,
  electionId: string,
  actor: string,
  opts: { reason?: string } = {},
): Promise<Result<LotteryDraw>> {
  const refused = stepProblems('freeze', await findCurrentDraw(ctx.db, electionId));
  if (refused.length > 0) return err(refused);
  const list = await listToFreeze(ctx, electionId);
  if (!list.ok) return list;
  const why = freezeReasonProblems(list.value.warnings, opts.reason);
  if (why.problems.length > 0) return err(why.problems);
  const frozenAt = ctx.now().toISOString();
  const inserted = await insertOrRefuse(ctx, electionId, () =>
    ctx.db.transaction().execute((tx) => saveFrozen(tx, electionId, list.value, frozenAt, actor, null, why.reason)),
  );
  if (!inserted.ok) return inserted;
  return ok(await getDraw(ctx.db, inserted.value));
}

/**
 * Changes the rolls of a draw that is not drawn yet, with its activity record (before → after).
 * `change` gets the draw as read; when another console saved in between, it is read and asked
 * again, so two consoles entering at once both succeed, one after the other.
 */
async function changeSeedParts(
  ctx: AppContext,
  drawId: number,
  actor: string,
  action: string,
  change: (draw: LotteryDraw, now: string) => Result<RecordedSeedPart[]>,
): Promise<Result<LotteryDraw>> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const draw = await findDraw(ctx.db, drawId);
    if (!draw) return err([notFoundProblem('draw', drawId)]);
    const refused = drawStepProblems('roll', draw);
    if (refused.length > 0) return err(refused);
    const parts = change(draw, ctx.now().toISOString());
    if (!parts.ok) return parts;
    const saved = await ctx.db.transaction().execute(async (tx) => {
      if (!(await saveSeedParts(tx, draw.id, draw.revision, parts.value))) return false;
      await recordDrawStep(tx, draw.id, {
        actor,
        action,
        before: { state: draw.state, seedParts: draw.seedParts },
        after: { state: 'seeded', seedParts: parts.value },
      });
      return true;
    });
    if (saved) return ok(await getDraw(ctx.db, draw.id));
  }
  return err([changedMeanwhile(drawId)]);
}

/**
 * Step 2: one observer's roll. Rolls are kept in the order they are recorded, which is the stated
 * order of concatenation.
 */
export async function addSeedPart(
  ctx: AppContext,
  drawId: number,
  observer: string,
  digits: string,
  actor: string,
): Promise<Result<LotteryDraw>> {
  const roll = parseRoll(observer, digits);
  return changeSeedParts(ctx, drawId, actor, 'lottery.seed_part', (draw, enteredAt) => {
    if (roll.problems.length > 0) return err(roll.problems);
    return ok([...draw.seedParts, { observer: roll.observer, digits: roll.digits, enteredAt, enteredBy: actor }]);
  });
}

/**
 * Strikes a mistyped roll before the draw: roll `rollIndex` (0-based, in the order entered) stays in
 * the record, marked with when, by whom and the reason, which is published; it no longer counts in
 * the seed. Redoing the whole draw is no longer the only way to correct a typing slip.
 */
export async function strikeSeedPart(
  ctx: AppContext,
  drawId: number,
  rollIndex: number,
  reason: string,
  actor: string,
): Promise<Result<LotteryDraw>> {
  return changeSeedParts(ctx, drawId, actor, 'lottery.strike_roll', (draw, at) =>
    strikeRoll(draw.seedParts, rollIndex, reason, { at, by: actor }),
  );
}

export interface DrawOptions {
  /**
   * Records the draw as an illustration of the ceremony: the record is stored and published, but
   * no ballot number is assigned, and the page shows this note. Used by the demo for 2020, whose
   * real ballot order was drawn by the CEC and must stay as registered.
   */
  illustration?: Localized;
}

/**
 * Step 3: computes every ticket and the order, and (unless an illustration) assigns the ballot
 * numbers to the participations in the same transaction, each change logged before → after.
 */
export async function performDraw(
  ctx: AppContext,
  drawId: number,
  actor: string,
  opts: DrawOptions = {},
): Promise<Result<DrawnDraw>> {
  const draw = await findDraw(ctx.db, drawId);
  if (!draw) return err([notFoundProblem('draw', drawId)]);
  const refused = drawStepProblems('draw', draw);
  if (refused.length > 0) return err(refused);
  const election = await findElection(ctx.db, draw.electionId);
  if (!election) return err([notFoundProblem('election', draw.electionId)]);
  const profile = await findRulesProfileById(ctx.db, election.rulesProfileId);
  if (!profile) return err([notFoundProblem('rules_profile', election.rulesProfileId)]);

  const drawnAt = ctx.now().toISOString();
  const input = parseDrawInput({
    election: { id: election.id, name: bilingual(election.name) || election.id },
    participants: draw.participants,
    frozenAt: draw.frozenAt,
    seedParts: countedSeedParts(draw.seedParts).map((p) => ({ observer: p.observer, digits: p.digits })),
    struckSeedParts: struckSeedParts(draw.seedParts),
    fixedLines: fixedLinePlacements(profile),
    drawnAt,
  });
  if (!input.ok) return err(input.error);
  const record = computeDraw(input.value);
  const illustration = opts.illustration ?? null;

  const saved = await ctx.db.transaction().execute(async (tx) => {
    if (!(await saveDrawn(tx, draw.id, draw.revision, { record, drawnAt, drawnBy: actor, illustration }))) return false;
    await recordDrawStep(tx, draw.id, {
      actor,
      action: 'lottery.draw',
      before: { state: draw.state },
      after: {
        state: 'drawn',
        seed: record.seed,
        order: record.order,
        ballotNumbers: record.ballotNumbers,
        drawnAt,
        illustration: illustration !== null,
      },
    });
    if (!illustration) {
      for (const b of record.ballotNumbers)
        await setBallotNumber(tx, election.id, b.id, b.ballotNumber, actor, ctx.now().toISOString());
    }
    return true;
  });
  if (!saved) return err([changedMeanwhile(draw.id)]);
  return ok({ ...(await getDraw(ctx.db, draw.id)), record });
}

async function setBallotNumber(
  tx: Db,
  electionId: string,
  reg: string,
  ballotNumber: number | null,
  actor: string,
  now: string,
): Promise<void> {
  const before = await findParticipation(tx, electionId, reg);
  // A participation is never deleted, so a frozen party always has one; nothing to number otherwise.
  if (!before || before.ballotNumber === ballotNumber) return;
  const after = { ...before, ballotNumber };
  await upsertParticipation(tx, after, now);
  await recordActivity(tx, {
    actor,
    action: 'participation.ballot_number',
    entityType: 'participation',
    entityId: `${electionId}/${reg}`,
    before,
    after,
  });
}

/**
 * Step 4: the draw is final, so redoing it needs a recorded reason. The current draw becomes
 * superseded (it stays published), the ballot numbers it gave are withdrawn until the new draw,
 * and the list is frozen again as a new attempt that names the one it redoes and why.
 */
export async function redoDraw(
  ctx: AppContext,
  electionId: string,
  reason: string,
  actor: string,
): Promise<Result<LotteryDraw>> {
  const why = parseReason(reason);
  if (!(await findElection(ctx.db, electionId))) return err([notFoundProblem('election', electionId)]);
  const current = await findCurrentDraw(ctx.db, electionId);
  const refused = stepProblems('redo', current);
  if (refused.length > 0 || !current) return err(refused);
  if (why.problems.length > 0) return err(why.problems);
  const list = await listToFreeze(ctx, electionId);
  if (!list.ok) return list;

  const now = ctx.now().toISOString();
  const inserted = await insertOrRefuse(ctx, electionId, () =>
    ctx.db.transaction().execute(async (tx) => {
      if (!(await saveSuperseded(tx, current.id, current.revision, now, actor))) throw new ChangedMeanwhile(current.id);
      await recordDrawStep(tx, current.id, {
        actor,
        action: 'lottery.supersede',
        before: { state: current.state },
        after: { state: 'superseded', supersededAt: now, reason: why.reason },
      });
      if (current.state === 'drawn' && current.record && !current.illustration) {
        for (const b of current.record.ballotNumbers) {
          const p = await findParticipation(tx, electionId, b.id);
          // Only numbers this draw gave; a number set since by other means is not ours to clear.
          if (p?.ballotNumber === b.ballotNumber) await setBallotNumber(tx, electionId, b.id, null, actor, now);
        }
      }
      return saveFrozen(tx, electionId, list.value, now, actor, { drawId: current.id, reason: why.reason });
    }),
  );
  if (!inserted.ok) return inserted;
  return ok(await getDraw(ctx.db, inserted.value));
}
