// The lottery's part of the demo: a recorded draw for the 2020 election, made through the same
// service as a real ceremony but with a SYNTHETIC seed, and kept as an illustration: the real 2020
// ballot order (drawn by the CEC on 9 September 2020) stays as the registered ballot numbers.
// The 'demo-live-draw' election gets nothing here: its draw is run live, in the browser or by CLI.
import type { AppContext } from '../platform/app-context.ts';
import type { Localized } from '../domain/election.ts';
import { findCurrentDraw } from './lottery.repository.ts';
import { addSeedPart, freezeParticipants, performDraw } from './ceremony.service.ts';

export const DEMO_2020_ELECTION = 'kg-2020-parliament';
const ACTOR = 'demo-loader';

export const ILLUSTRATION_2020: Localized = {
  ky: 'иллюстрация: бул чүчүкулак синтетикалык seed менен жасалган жана бюллетендеги номерлерди өзгөрткөн жок; 2020-жылдын чыныгы тартибин БШК 2020-жылдын 9-сентябрында чүчүкулак менен аныктаган.',
  ru: 'иллюстрация: эта жеребьёвка проведена с синтетическим seed и не меняла номера в бюллетене; настоящий порядок 2020 года определила ЦИК жеребьёвкой 9 сентября 2020 года.',
  en: 'illustration; this draw uses a synthetic seed and assigned no ballot numbers. The real 2020 order was drawn by the CEC on 9 September 2020.',
};

/**
 * Why the illustration freezes the 2020 parties as registered even where a candidate list is
 * missing or breaks a list rule as the demo data stands: the 2020 lists are history, not ours to mend.
 */
const FREEZE_REASON_2020 =
  'Illustration of the 2020 ceremony: the parties are frozen as registered in 2020, whatever their candidate lists show in the demo data.';

/** SYNTHETIC rolls: three invented observers, 24 digits in all. */
const ROLLS_2020 = [
  { observer: 'Байкоочу А / Наблюдатель А (синтетикалык / синтетический)', digits: '31415926' },
  { observer: 'Байкоочу Б / Наблюдатель Б (синтетикалык / синтетический)', digits: '27182818' },
  { observer: 'БШК мүчөсү / Член ЦИК (синтетикалык / синтетический)', digits: '16180339' },
] as const;

/**
 * The ceremony's times as they would have been on 9 September 2020 (10:00 in Bishkek), minutes
 * apart, so that the illustration reads like a ceremony and not like the moment the demo loaded.
 */
function ceremonyClock(ctx: AppContext): AppContext {
  let minute = 0;
  const start = Date.parse('2020-09-09T04:00:00Z');
  return { ...ctx, now: () => new Date(start + 60_000 * 4 * minute++) };
}

/** The lottery's part of the demo (the capability's `demo` hook); returns a one-line summary. */
export async function lotteryDemo(ctx: AppContext): Promise<string> {
  if (await findCurrentDraw(ctx.db, DEMO_2020_ELECTION)) return 'lottery: 2020 illustration already present';
  const c = ceremonyClock(ctx);
  const frozen = await freezeParticipants(c, DEMO_2020_ELECTION, ACTOR, { reason: FREEZE_REASON_2020 });
  if (!frozen.ok) throw new Error(`demo lottery: ${frozen.error.map((p) => p.message).join('; ')}`);
  for (const roll of ROLLS_2020) {
    const r = await addSeedPart(c, frozen.value.id, roll.observer, roll.digits, ACTOR);
    if (!r.ok) throw new Error(`demo lottery: ${r.error.map((p) => p.message).join('; ')}`);
  }
  const drawn = await performDraw(c, frozen.value.id, ACTOR, { illustration: ILLUSTRATION_2020 });
  if (!drawn.ok) throw new Error(`demo lottery: ${drawn.error.map((p) => p.message).join('; ')}`);
  return `lottery: 2020 draw recorded as an illustration (draw ${drawn.value.id}); 'demo-live-draw' is left to draw live`;
}
