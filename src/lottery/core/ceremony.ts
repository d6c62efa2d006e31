// The ceremony of the ballot-order lottery as a state machine: which step may follow which, and
// the shapes that the service, the pages and the presentation screen share. Pure: no database,
// no clock. The draw itself (tickets, order, ballot numbers) is draw.ts; this module only says
// when it may be run.
//
//   (none) ──freeze──► frozen ──roll──► seeded ──roll──► seeded ──draw──► drawn
//                         └──────────── redo (reason) ───────┴──────────────┴──► superseded
//
// A redo supersedes the current draw and freezes the list again as a new attempt; nothing is ever
// deleted, so every earlier draw stays visible beside the new one.
import { z } from 'zod';
import type { Election, Localized } from '../../domain/election.ts';
import { err, ok, problem, type Problem, type Result } from '../../platform/result.ts';
import { MIN_SEED_DIGITS, type DrawRecord, type Participant, type StruckSeedPart } from './draw.ts';

export const DRAW_STATES = ['frozen', 'seeded', 'drawn', 'superseded'] as const;
export type DrawState = (typeof DRAW_STATES)[number];

/** When, by whom and why a mistyped roll was struck before the draw. */
export const strikeSchema = z.object({ at: z.string(), by: z.string(), reason: z.string() });

/**
 * One observer's roll as the platform recorded it; only observer and digits enter the DrawRecord.
 * A struck roll is kept, marked, so that the record shows what happened; rolls stored before rolls
 * could be struck have no mark and count.
 */
export const recordedSeedPartSchema = z.object({
  observer: z.string(),
  digits: z.string(),
  enteredAt: z.string(),
  enteredBy: z.string(),
  struck: strikeSchema.optional(),
});
export type RecordedSeedPart = z.infer<typeof recordedSeedPartSchema>;

/** The rolls that make the seed, in their stated order: every roll that was not struck. */
export const countedSeedParts = <P extends { struck?: unknown }>(parts: readonly P[]): P[] =>
  parts.filter((p) => p.struck === undefined);

/** The struck rolls as the public record lists them, apart from the seed. */
export const struckSeedParts = (parts: readonly RecordedSeedPart[]): StruckSeedPart[] =>
  parts.flatMap((p) =>
    p.struck ? [{ observer: p.observer, digits: p.digits, reason: p.struck.reason, struckAt: p.struck.at }] : [],
  );

/** A draw attempt as stored: the frozen list, the rolls so far and, once drawn, the full record. */
export interface LotteryDraw {
  id: number;
  electionId: string;
  attempt: number;
  state: DrawState;
  revision: number;
  participants: Participant[];
  commitment: string;
  frozenAt: string;
  frozenBy: string;
  seedParts: RecordedSeedPart[];
  record: DrawRecord | null;
  drawnAt: string | null;
  drawnBy: string | null;
  supersedesDrawId: number | null;
  redoReason: string | null;
  supersededAt: string | null;
  supersededBy: string | null;
  /** Set for a draw that only illustrates the ceremony: it assigned no ballot numbers. */
  illustration: Localized | null;
}

/**
 * An election past its vote (results declared, annulled or closed) will hold no lottery: with no
 * draw, its lottery was never held rather than "not started".
 */
export const lotteryIsOver = (status: Election['status']): boolean =>
  status === 'results' || status === 'annulled' || status === 'closed';

export type CeremonyStep = 'freeze' | 'roll' | 'draw' | 'redo';

/** Longest roll accepted in one entry: far more than any dice ceremony, short enough for a page. */
export const MAX_ROLL_DIGITS = 200;
export const MAX_OBSERVER_LENGTH = 200;
export const MAX_REASON_LENGTH = 2000;
/** A struck roll's reason is printed beside it on the public record: a sentence, not a report. */
export const MAX_STRIKE_REASON_LENGTH = 500;

/** Digits the seed has so far; struck rolls do not count. */
export const seedDigits = (parts: readonly { digits: string; struck?: unknown }[]): number =>
  countedSeedParts(parts).reduce((n, p) => n + p.digits.length, 0);

/**
 * Why `step` may not be taken now, or no problems when it may. `current` is the election's draw
 * that is not superseded, if any; a superseded draw is never current.
 */
export function stepProblems(step: CeremonyStep, current: LotteryDraw | undefined): Problem[] {
  switch (step) {
    case 'freeze':
      if (!current) return [];
      return [
        problem(
          'lottery.already_frozen',
          `The list of participants is already frozen (draw ${current.id}, attempt ${current.attempt}); to start again, redo the draw with a reason.`,
          { params: { drawId: current.id, attempt: current.attempt } },
        ),
      ];
    case 'roll':
      if (!current) return [notFrozen()];
      if (current.state === 'drawn') return [alreadyDrawn(current)];
      return [];
    case 'draw':
      if (!current) return [notFrozen()];
      if (current.state === 'drawn') return [alreadyDrawn(current)];
      if (current.state === 'frozen') {
        return [
          problem('lottery.no_seed', 'No observer has entered a roll yet: enter the dice rolls before drawing.', {
            field: 'digits',
          }),
        ];
      }
      if (seedDigits(current.seedParts) < MIN_SEED_DIGITS) {
        const digits = seedDigits(current.seedParts);
        return [
          problem(
            'draw.seed_too_short',
            `the observers' rolls give ${digits} digits; at least ${MIN_SEED_DIGITS} are needed`,
            {
              field: 'digits',
              params: { digits, minimum: MIN_SEED_DIGITS },
            },
          ),
        ];
      }
      return [];
    case 'redo':
      return current
        ? []
        : [problem('lottery.nothing_to_redo', 'There is no draw to redo: freeze the list of participants first.')];
  }
}

/** The same rule for a named draw, which may be stale (superseded) by the time a form is sent. */
export function drawStepProblems(step: 'roll' | 'draw', draw: LotteryDraw): Problem[] {
  if (draw.state === 'superseded') {
    return [
      problem(
        'lottery.superseded',
        `Draw ${draw.id} was superseded by a redo; reload the page and use the current draw.`,
        {
          params: { drawId: draw.id },
        },
      ),
    ];
  }
  return stepProblems(step, draw);
}

function notFrozen(): Problem {
  return problem('lottery.not_frozen', 'The list of participants is not frozen yet: freeze it first.');
}

function alreadyDrawn(d: LotteryDraw): Problem {
  return problem('lottery.already_drawn', `Draw ${d.id} is final; a new draw needs a redo with a recorded reason.`, {
    params: { drawId: d.id },
  });
}

/** Problems with one observer's roll as typed; the roll comes back with the spaces people type between groups removed. */
export function parseRoll(
  observer: string,
  digitsAsTyped: string,
): { observer: string; digits: string; problems: Problem[] } {
  const name = observer.trim();
  const digits = digitsAsTyped.replace(/\s+/g, '');
  const problems: Problem[] = [];
  if (name === '')
    problems.push(
      problem('lottery.observer_required', 'Name the observer who rolled the dice.', { field: 'observer' }),
    );
  else if (name.length > MAX_OBSERVER_LENGTH) {
    problems.push(
      problem('lottery.observer_too_long', `The observer's name is longer than ${MAX_OBSERVER_LENGTH} characters.`, {
        field: 'observer',
        params: { maximum: MAX_OBSERVER_LENGTH },
      }),
    );
  }
  if (digits === '')
    problems.push(problem('lottery.digits_required', 'Enter the digits the dice showed.', { field: 'digits' }));
  else if (!/^[0-9]+$/.test(digits)) {
    problems.push(problem('lottery.digits_only', 'A roll is decimal digits 0–9 only.', { field: 'digits' }));
  } else if (digits.length > MAX_ROLL_DIGITS) {
    problems.push(
      problem('lottery.roll_too_long', `One roll may have at most ${MAX_ROLL_DIGITS} digits.`, {
        field: 'digits',
        params: { maximum: MAX_ROLL_DIGITS },
      }),
    );
  }
  return { observer: name, digits, problems };
}

export function parseReason(reason: string): { reason: string; problems: Problem[] } {
  const r = reason.trim();
  if (r === '')
    return {
      reason: r,
      problems: [problem('lottery.reason_required', 'A redo needs a recorded reason.', { field: 'reason' })],
    };
  if (r.length > MAX_REASON_LENGTH) {
    return {
      reason: r,
      problems: [
        problem('lottery.reason_too_long', `The reason is longer than ${MAX_REASON_LENGTH} characters.`, {
          field: 'reason',
          params: { maximum: MAX_REASON_LENGTH },
        }),
      ],
    };
  }
  return { reason: r, problems: [] };
}

/**
 * The rolls with roll `index` (0-based, in the order entered) struck for `reasonAsTyped`, or why it
 * cannot be: no such roll, already struck, no reason or a reason too long. Nothing is removed, so
 * the indexes of the rolls never change.
 */
export function strikeRoll(
  parts: readonly RecordedSeedPart[],
  index: number,
  reasonAsTyped: string,
  by: { at: string; by: string },
): Result<RecordedSeedPart[]> {
  const roll = Number.isSafeInteger(index) ? parts[index] : undefined;
  const params = { roll: index + 1 };
  if (!roll) return err([problem('lottery.roll_not_found', `There is no roll ${index + 1} in this draw.`, { params })]);
  if (roll.struck)
    return err([problem('lottery.roll_already_struck', `Roll ${index + 1} is already struck.`, { params })]);
  const reason = reasonAsTyped.trim();
  if (reason === '') {
    return err([
      problem('lottery.strike_reason_required', 'Striking a roll needs a reason; it is published with the roll.', {
        field: 'reason',
      }),
    ]);
  }
  if (reason.length > MAX_STRIKE_REASON_LENGTH) {
    return err([
      problem('lottery.strike_reason_too_long', `The reason is longer than ${MAX_STRIKE_REASON_LENGTH} characters.`, {
        field: 'reason',
        params: { maximum: MAX_STRIKE_REASON_LENGTH },
      }),
    ]);
  }
  return ok(parts.map((p, i) => (i === index ? { ...p, struck: { ...by, reason } } : p)));
}

/**
 * Why a party on the list to freeze needs a word from the commission: it has no candidate list at
 * all, or its list breaks one or more of the list rules (src/domain/list-rules.ts) as it stands.
 */
export interface ListWarning {
  id: string;
  name: string;
  issue: 'no-list' | 'rules';
  /** The rules the list breaks, in LIST_RULES order; empty for 'no-list'. */
  failedRules: string[];
}

/**
 * A freeze with list warnings needs an explicit reason, recorded with it; without warnings a reason
 * is optional. The reason comes back trimmed, or null when none was given.
 */
export function freezeReasonProblems(
  warnings: readonly ListWarning[],
  reasonAsTyped: string | undefined,
): { reason: string | null; problems: Problem[] } {
  const r = (reasonAsTyped ?? '').trim();
  if (r === '') {
    if (warnings.length === 0) return { reason: null, problems: [] };
    const parties = warnings.map((w) => `${w.name} (${w.id})`).join(', ');
    return {
      reason: null,
      problems: [
        problem(
          'lottery.freeze_reason_required',
          `Some parties have no candidate list or a list that breaks the list rules (${parties}); freezing them needs a recorded reason.`,
          { field: 'reason', params: { parties, count: warnings.length } },
        ),
      ],
    };
  }
  const parsed = parseReason(r);
  return { reason: parsed.reason, problems: parsed.problems };
}

/** What the hall screen polls during a live ceremony: small, and nothing that is not public. */
export interface LiveDrawState {
  id: number;
  electionId: string;
  attempt: number;
  state: DrawState;
  commitment: string;
  frozenAt: string;
  seedParts: { observer: string; digits: string }[];
  seedDigits: number;
  minimumDigits: number;
  drawnAt: string | null;
  /** The draw that replaced this one, when it was superseded. */
  supersededById: number | null;
}

export function liveState(d: LotteryDraw, supersededById: number | null): LiveDrawState {
  return {
    id: d.id,
    electionId: d.electionId,
    attempt: d.attempt,
    state: d.state,
    commitment: d.commitment,
    frozenAt: d.frozenAt,
    seedParts: countedSeedParts(d.seedParts).map((p) => ({ observer: p.observer, digits: p.digits })),
    seedDigits: seedDigits(d.seedParts),
    minimumDigits: MIN_SEED_DIGITS,
    drawnAt: d.drawnAt,
    supersededById,
  };
}
