import { describe, expect, it } from 'vitest';
import type { FindingStatus } from './finding.ts';
import {
  isConfirmedByCommission,
  nextReviewState,
  pendingRequest,
  type ReviewAction,
  type ReviewInput,
  type ReviewStep,
} from './review-transitions.ts';

const TODAY = '2030-09-20';
const input = (action: ReviewAction, extra: Partial<ReviewInput> = {}): ReviewInput => ({
  action,
  text: 'because',
  deadline: '2030-09-30',
  today: TODAY,
  ...extra,
});

const statusAfter = (status: FindingStatus, action: ReviewAction, history: ReviewStep[] = []) => {
  const r = nextReviewState(status, history, input(action));
  return r.ok ? r.value.status : r.error.map((p) => p.code).join(',');
};

describe('nextReviewState: the table of statuses × actions', () => {
  // Expected result of each action on a finding with no request waiting; a code means refused.
  const table: Record<FindingStatus, Record<Exclude<ReviewAction, 'answer'>, string>> = {
    open: { confirm: 'confirmed', dismiss: 'dismissed', reopen: 'review.not_allowed', request_explanation: 'open' },
    confirmed: {
      confirm: 'review.not_allowed',
      dismiss: 'review.not_allowed',
      reopen: 'open',
      request_explanation: 'confirmed',
    },
    dismissed: {
      confirm: 'review.not_allowed',
      dismiss: 'review.not_allowed',
      reopen: 'open',
      request_explanation: 'review.not_allowed',
    },
    remedied: {
      confirm: 'remedied',
      dismiss: 'review.not_allowed',
      reopen: 'review.not_allowed',
      request_explanation: 'review.not_allowed',
    },
    resolved: {
      confirm: 'review.not_allowed',
      dismiss: 'review.not_allowed',
      reopen: 'review.not_allowed',
      request_explanation: 'review.not_allowed',
    },
  };
  for (const [status, row] of Object.entries(table) as Array<[FindingStatus, Record<string, string>]>) {
    for (const [action, expected] of Object.entries(row)) {
      it(`${action} on ${status} → ${expected}`, () => {
        expect(statusAfter(status, action as ReviewAction)).toBe(expected);
      });
    }
  }

  it('a remedied finding is confirmed once, not twice', () => {
    expect(statusAfter('remedied', 'confirm', [{ action: 'confirm' }])).toBe('review.not_allowed');
    expect(statusAfter('remedied', 'confirm', [{ action: 'confirm' }, { action: 'reopen' }])).toBe('remedied');
  });
});

describe('nextReviewState: what each step must carry', () => {
  it('a dismissal and a reopening need a reason', () => {
    const r = nextReviewState('open', [], input('dismiss', { text: '   ' }));
    expect(r.ok ? [] : r.error.map((p) => [p.code, p.field])).toEqual([['review.reason_required', 'reason']]);
    const o = nextReviewState('confirmed', [], input('reopen', { text: '' }));
    expect(o.ok).toBe(false);
  });

  it('a request needs a question and a real deadline, today at the earliest', () => {
    const none = nextReviewState('open', [], input('request_explanation', { text: '', deadline: '' }));
    expect(none.ok ? [] : none.error.map((p) => p.code)).toEqual([
      'review.question_required',
      'review.deadline_invalid',
    ]);
    const unreal = nextReviewState('open', [], input('request_explanation', { deadline: '2030-02-30' }));
    expect(unreal.ok ? [] : unreal.error.map((p) => p.code)).toEqual(['review.deadline_invalid']);
    const past = nextReviewState('open', [], input('request_explanation', { deadline: '2030-09-19' }));
    expect(past.ok ? [] : past.error.map((p) => p.code)).toEqual(['review.deadline_past']);
    expect(nextReviewState('open', [], input('request_explanation', { deadline: TODAY })).ok).toBe(true);
  });

  it('a text over the limit is refused', () => {
    const r = nextReviewState('open', [], input('dismiss', { text: 'x'.repeat(4001) }));
    expect(r.ok ? [] : r.error.map((p) => p.code)).toEqual(['review.text_too_long']);
  });
});

describe('requests and answers', () => {
  const asked: ReviewStep[] = [{ action: 'request_explanation', deadline: '2030-09-30' }];

  it('one request waits at a time; the answer closes it and allows another', () => {
    expect(pendingRequest(asked)).toEqual(asked[0]);
    expect(statusAfter('open', 'request_explanation', asked)).toBe('review.request_waiting');
    const answered = [...asked, { action: 'answer' }];
    expect(pendingRequest(answered)).toBeUndefined();
    expect(statusAfter('open', 'request_explanation', answered)).toBe('open');
  });

  it('an answer needs a request waiting and some text; it leaves the status as it was', () => {
    expect(statusAfter('open', 'answer')).toBe('review.no_request');
    expect(statusAfter('confirmed', 'answer', asked)).toBe('confirmed');
    const empty = nextReviewState('open', asked, input('answer', { text: '' }));
    expect(empty.ok ? [] : empty.error.map((p) => [p.code, p.field])).toEqual([['review.answer_required', 'answer']]);
  });
});

describe('isConfirmedByCommission', () => {
  it('is true for confirmed findings and remedied ones the commission confirmed', () => {
    expect(isConfirmedByCommission('confirmed', [])).toBe(true);
    expect(isConfirmedByCommission('remedied', [])).toBe(false);
    expect(isConfirmedByCommission('remedied', [{ action: 'confirm' }])).toBe(true);
    expect(isConfirmedByCommission('remedied', [{ action: 'confirm' }, { action: 'reopen' }])).toBe(false);
    for (const s of ['open', 'dismissed', 'resolved'] as const)
      expect(isConfirmedByCommission(s, [{ action: 'confirm' }])).toBe(false);
  });
});
