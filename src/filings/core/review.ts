// The review of a filed version by the commission: the statuses a version goes through and the rule of
// which may follow which. A returned report is corrected by an amendment, not reopened.
import { err, ok, type Result } from '../../platform/result.ts';
import { serviceProblem } from './draft.ts';

export const FILING_STATUSES = ['draft', 'filed', 'under_review', 'accepted', 'returned'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];

export const REVIEW_STATUSES = ['under_review', 'accepted', 'returned'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** Where a report may go from each status; a returned report is corrected by an amendment, not reopened. */
export const REVIEW_TRANSITIONS: Record<FilingStatus, readonly ReviewStatus[]> = {
  draft: [],
  filed: ['under_review', 'accepted', 'returned'],
  under_review: ['accepted', 'returned'],
  accepted: [],
  returned: [],
};

export const MAX_REASON_LENGTH = 2000;

/** The status a review form asks for and its reason, if the move is allowed from `from`. */
export function checkReview(
  from: FilingStatus,
  input: { status: string; reason: string },
): Result<{ to: ReviewStatus; reason: string }> {
  const to = REVIEW_STATUSES.find((s) => s === input.status);
  if (!to || !REVIEW_TRANSITIONS[from].includes(to)) {
    return err([
      serviceProblem('review.transition', `A report that is ${from} cannot become ${input.status}.`, {
        field: 'status',
        params: { from, to: input.status },
      }),
    ]);
  }
  const reason = input.reason.trim();
  if (to === 'returned' && reason === '') {
    return err([
      serviceProblem('review.reason_required', 'Say why the report is returned: the party and the public read it.', {
        field: 'reason',
      }),
    ]);
  }
  if (reason.length > MAX_REASON_LENGTH) {
    return err([
      serviceProblem('review.reason_too_long', `The reason is too long: at most ${MAX_REASON_LENGTH} characters.`, {
        field: 'reason',
        params: { maximum: MAX_REASON_LENGTH },
      }),
    ]);
  }
  return ok({ to, reason });
}
