// The commission's review of a finding as a state machine: which step may follow which, and what status
// the finding has after it. Pure: the service loads the finding and its history, asks `nextReviewState`,
// and appends the step only when this says it may.
//
// The review never deletes or rewrites anything: each step is a new event. The status is what the public
// side and the lists read; whether a request for explanation is waiting for the party is read from the
// history (the last request without an answer after it).
import { problem, type Problem, type Result } from '../../platform/result.ts';
import type { FindingStatus } from './finding.ts';

/** The steps people take; `remedy_recorded` is written by the analysis, not by a person. */
export const REVIEW_ACTIONS = ['confirm', 'dismiss', 'request_explanation', 'answer', 'reopen'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** Every kind of event in a finding's history. */
export type ReviewEventKind = ReviewAction | 'remedy_recorded';

/** One step of a finding's history, as much as the transitions need of it. */
export interface ReviewStep {
  action: ReviewEventKind | string;
  /** For a request: the day the answer is due. */
  deadline?: string | null;
}

/** A request for explanation still waiting for the party's answer, or none. */
export function pendingRequest<S extends ReviewStep>(history: readonly S[]): S | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const step = history[i];
    if (step?.action === 'answer') return undefined;
    if (step?.action === 'request_explanation') return step;
  }
  return undefined;
}

/** The last decision of the commission (confirm, dismiss or reopen) in the history. */
export function lastDecision(history: readonly ReviewStep[]): 'confirm' | 'dismiss' | 'reopen' | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const a = history[i]?.action;
    if (a === 'confirm' || a === 'dismiss' || a === 'reopen') return a;
  }
  return undefined;
}

/**
 * Whether the commission stands behind the finding: confirmed, or remedied after (or before) an
 * analyst confirmed it. Only these are ever published.
 */
export function isConfirmedByCommission(status: FindingStatus, history: readonly ReviewStep[]): boolean {
  if (status === 'confirmed') return true;
  return status === 'remedied' && lastDecision(history) === 'confirm';
}

/** What a step carries: a reason (dismiss, reopen), a question and deadline (request), an answer. */
export interface ReviewInput {
  action: ReviewAction;
  /** Dismissal and reopening: why. A request: the question. An answer: the party's answer. */
  text: string;
  /** A request: the day the answer is due (YYYY-MM-DD), not before `today`. */
  deadline?: string;
  /** The Bishkek calendar day of the step. */
  today: string;
}

export interface ReviewOutcome {
  status: FindingStatus;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isRealDay = (s: string): boolean =>
  ISO_DAY.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** The longest reason, question or answer kept. */
export const MAX_REVIEW_TEXT = 4000;

function checkText(input: ReviewInput, field: string, code: string, what: string): Problem[] {
  const text = input.text.trim();
  if (text === '') return [problem(code, `${what} is required.`, { field })];
  if (text.length > MAX_REVIEW_TEXT)
    return [problem('review.text_too_long', `At most ${MAX_REVIEW_TEXT} characters.`, { field })];
  return [];
}

function notNow(status: FindingStatus, action: ReviewAction): Problem {
  return problem('review.not_allowed', `A finding that is ${status} cannot take "${action}".`, {
    field: 'action',
    params: { status, action },
  });
}

/**
 * The status after `input` is applied to a finding with `status` and `history`, or the problems that
 * refuse it. Rules:
 * - confirm: an open finding becomes confirmed; a remedied one stays remedied (the confirmation is
 *   recorded, and makes it publishable);
 * - dismiss (a reason is required): only an open finding;
 * - reopen (a reason is required): a confirmed or dismissed finding goes back to open;
 * - request for explanation (a question and a deadline not in the past): an open or confirmed finding
 *   with no request already waiting; the status does not change;
 * - answer (text required): only while a request waits; the status does not change;
 * - nothing happens to a resolved finding: its cause is gone.
 */
export function nextReviewState(
  status: FindingStatus,
  history: readonly ReviewStep[],
  input: ReviewInput,
): Result<ReviewOutcome> {
  const waiting = pendingRequest(history) !== undefined;
  switch (input.action) {
    case 'confirm':
      if (status === 'open') return { ok: true, value: { status: 'confirmed' } };
      if (status === 'remedied' && lastDecision(history) !== 'confirm')
        return { ok: true, value: { status: 'remedied' } };
      return { ok: false, error: [notNow(status, 'confirm')] };
    case 'dismiss': {
      if (status !== 'open') return { ok: false, error: [notNow(status, 'dismiss')] };
      const problems = checkText(input, 'reason', 'review.reason_required', 'A reason');
      return problems.length ? { ok: false, error: problems } : { ok: true, value: { status: 'dismissed' } };
    }
    case 'reopen': {
      if (status !== 'confirmed' && status !== 'dismissed') return { ok: false, error: [notNow(status, 'reopen')] };
      const problems = checkText(input, 'reason', 'review.reason_required', 'A reason');
      return problems.length ? { ok: false, error: problems } : { ok: true, value: { status: 'open' } };
    }
    case 'request_explanation': {
      if (status !== 'open' && status !== 'confirmed')
        return { ok: false, error: [notNow(status, 'request_explanation')] };
      if (waiting)
        return {
          ok: false,
          error: [
            problem('review.request_waiting', 'A request is already waiting for an answer.', { field: 'action' }),
          ],
        };
      const problems = checkText(input, 'question', 'review.question_required', 'A question');
      const deadline = input.deadline ?? '';
      if (!isRealDay(deadline))
        problems.push(
          problem('review.deadline_invalid', 'A deadline (YYYY-MM-DD) is required.', { field: 'deadline' }),
        );
      else if (deadline < input.today)
        problems.push(
          problem('review.deadline_past', 'The deadline cannot be in the past.', {
            field: 'deadline',
            params: { today: input.today },
          }),
        );
      return problems.length ? { ok: false, error: problems } : { ok: true, value: { status } };
    }
    case 'answer': {
      if (!waiting)
        return {
          ok: false,
          error: [problem('review.no_request', 'There is no request waiting for an answer.', { field: 'action' })],
        };
      const problems = checkText(input, 'answer', 'review.answer_required', 'An answer');
      return problems.length ? { ok: false, error: problems } : { ok: true, value: { status } };
    }
    default: {
      const never: never = input.action;
      void never;
      return { ok: false, error: [problem('review.unknown_action', 'Unknown action.', { field: 'action' })] };
    }
  }
}
