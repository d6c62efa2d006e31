// What the lottery's pages, records and hall screen read: an election's draws and the parties a
// freeze would take, one draw with its election and the draws it redoes or was redone by (and the
// server's own check of its record), the polling state, and the state of every election's lottery
// for the commission's list of consoles.
import type { AppContext } from '../platform/app-context.ts';
import type { Problem } from '../platform/result.ts';
import type { Election, Party } from '../domain/election.ts';
import { findElection, findRulesProfileById, listElections } from '../elections/index.ts';
import { verifyDrawRecord } from './core/draw.ts';
import { liveState, type ListWarning, type LiveDrawState, type LotteryDraw } from './core/ceremony.ts';
import { participantOf } from './core/ballot-order.ts';
import { listWarningsOf } from './ceremony.service.ts';
import { findCurrentDraw, findDraw, findRegisteredParties, findSuccessor, listDraws } from './lottery.repository.ts';

export interface ElectionLottery {
  election: Election;
  current: LotteryDraw | undefined;
  /** Every draw, newest first. */
  draws: LotteryDraw[];
  /** The parties that a freeze would take now. */
  registered: Party[];
  /** Of those, the ones with no candidate list or a list breaking a rule (only while nothing is frozen). */
  freezeWarnings: ListWarning[];
}

export async function electionLotteryOf(ctx: AppContext, electionId: string): Promise<ElectionLottery | undefined> {
  const election = await findElection(ctx.db, electionId);
  if (!election) return undefined;
  const [current, draws, registered] = await Promise.all([
    findCurrentDraw(ctx.db, election.id),
    listDraws(ctx.db, election.id),
    findRegisteredParties(ctx.db, election.id),
  ]);
  const profile = current ? undefined : await findRulesProfileById(ctx.db, election.rulesProfileId);
  const freezeWarnings = profile ? await listWarningsOf(ctx, election, profile, registered.map(participantOf)) : [];
  return { election, current, draws, registered, freezeWarnings };
}

export function lotteryElection(ctx: AppContext, electionId: string): Promise<Election | undefined> {
  return findElection(ctx.db, electionId);
}

/** The draw a console form names, if it is one of this election's; a form from another tab or a stale page names another. */
export async function drawOfElection(
  ctx: AppContext,
  electionId: string,
  drawId: number | undefined,
): Promise<LotteryDraw | undefined> {
  const draw = drawId === undefined ? undefined : await findDraw(ctx.db, drawId);
  return draw?.electionId === electionId ? draw : undefined;
}

export function currentDrawOf(ctx: AppContext, electionId: string): Promise<LotteryDraw | undefined> {
  return findCurrentDraw(ctx.db, electionId);
}

export function drawById(ctx: AppContext, drawId: number): Promise<LotteryDraw | undefined> {
  return findDraw(ctx.db, drawId);
}

export interface DrawWithElection {
  draw: LotteryDraw;
  election: Election;
}

export async function drawWithElection(ctx: AppContext, drawId: number): Promise<DrawWithElection | undefined> {
  const draw = await findDraw(ctx.db, drawId);
  const election = draw && (await findElection(ctx.db, draw.electionId));
  return draw && election ? { draw, election } : undefined;
}

export interface DrawRecordView extends DrawWithElection {
  predecessor: LotteryDraw | undefined;
  successor: LotteryDraw | undefined;
  /** The server's own recomputation of the record: [] when everything matches, null before the draw. */
  serverCheck: Problem[] | null;
}

export async function drawRecordOf(ctx: AppContext, drawId: number): Promise<DrawRecordView | undefined> {
  const found = await drawWithElection(ctx, drawId);
  if (!found) return undefined;
  const { draw } = found;
  const [predecessor, successor] = await Promise.all([
    draw.supersedesDrawId === null ? undefined : findDraw(ctx.db, draw.supersedesDrawId),
    draw.state === 'superseded' ? findSuccessor(ctx.db, draw.id) : undefined,
  ]);
  // The server checks its own record too, so a reader without JavaScript still sees a verdict.
  const check = draw.record ? verifyDrawRecord(draw.record) : undefined;
  const serverCheck = check === undefined ? null : check.ok ? [] : check.error;
  return { ...found, predecessor, successor, serverCheck };
}

/** What the hall screen polls. */
export async function liveStateOf(ctx: AppContext, drawId: number): Promise<LiveDrawState | undefined> {
  const draw = await findDraw(ctx.db, drawId);
  if (!draw) return undefined;
  const successor = draw.state === 'superseded' ? await findSuccessor(ctx.db, draw.id) : undefined;
  return liveState(draw, successor?.id ?? null);
}

/** Where an election's lottery stands, for its section on the election page. */
export async function lotterySummaryOf(
  ctx: AppContext,
  electionId: string,
): Promise<{ current: LotteryDraw | undefined; count: number; status: Election['status'] | undefined }> {
  const [draws, election] = await Promise.all([listDraws(ctx.db, electionId), findElection(ctx.db, electionId)]);
  return { current: draws.find((d) => d.state !== 'superseded'), count: draws.length, status: election?.status };
}

/** Every election with its current draw, for the commission's list of lottery consoles. */
export async function lotteriesOfAllElections(
  ctx: AppContext,
): Promise<{ election: Election; current: LotteryDraw | undefined }[]> {
  const elections = await listElections(ctx.db);
  return Promise.all(
    elections.map(async (election) => ({ election, current: await findCurrentDraw(ctx.db, election.id) })),
  );
}
