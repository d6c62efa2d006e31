// What the transparency log holds of the lottery: the public state of a draw after each step (frozen
// list as the commitment hashes it, the rolls, the record of the draw, a redo), logged in the step's
// transaction. The staff who entered a step are not in it; the observers and their digits are, as on
// the draw's public page.
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { LoggedRecords, LoggedRef } from '../platform/capability.ts';
import { appendToLog } from '../transparency-log/index.ts';
import type { LotteryDraw } from './core/ceremony.ts';
import { findDraw } from './lottery.repository.ts';

type Db = Kysely<Database>;

/** A draw's public identifier, as in `/{locale}/lottery/draws/{id}`. */
export const drawRef = (drawId: number): string => `lottery/draw/${drawId}`;
const idOf = (ref: string): number => Number(/^lottery\/draw\/(\d+)$/.exec(ref)?.[1] ?? NaN);

const publicDraw = (d: LotteryDraw) => ({
  draw: d.id,
  election: d.electionId,
  attempt: d.attempt,
  state: d.state,
  participants: d.participants,
  commitment: d.commitment,
  frozenAt: d.frozenAt,
  seedParts: d.seedParts.map((p) => ({
    observer: p.observer,
    digits: p.digits,
    enteredAt: p.enteredAt,
    struck: p.struck && { at: p.struck.at, reason: p.struck.reason },
  })),
  record: d.record,
  drawnAt: d.drawnAt,
  supersedesDrawId: d.supersedesDrawId,
  redoReason: d.redoReason,
  supersededAt: d.supersededAt,
  illustration: d.illustration,
});

/** When the draw last changed: its newest step. */
const lastStepAt = (d: LotteryDraw): string =>
  [d.frozenAt, d.drawnAt, d.supersededAt, ...d.seedParts.flatMap((p) => [p.enteredAt, p.struck?.at])]
    .filter((x): x is string => typeof x === 'string')
    .reduce((a, b) => (b > a ? b : a));

/** Logs the draw as it stands after a step, inside the step's transaction. */
export async function logDrawStep(trx: Db, drawId: number): Promise<void> {
  const d = await findDraw(trx, drawId);
  if (!d) return;
  await appendToLog(trx, { kind: 'lottery.step', at: lastStepAt(d), ref: drawRef(d.id), publicRecord: publicDraw(d) });
}

async function existing(db: Db): Promise<LoggedRef[]> {
  const ids = await db.selectFrom('lottery_draws').select('id').orderBy('id').execute();
  const out: LoggedRef[] = [];
  for (const { id } of ids) {
    const d = await findDraw(db, Number(id));
    if (d) out.push({ kind: 'lottery.step', at: lastStepAt(d), ref: drawRef(d.id) });
  }
  return out;
}

export const lotteryLogged: LoggedRecords = {
  kinds: ['lottery.step'],
  recordOf: async (db, _kind, ref) => {
    const d = await findDraw(db, idOf(ref));
    return d && publicDraw(d);
  },
  existing,
};
