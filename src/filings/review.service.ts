// The commission's review of filed reports: the queue of latest versions waiting for a decision and those
// decided, one version with its status history, and the decision itself (filed → under review → accepted
// or returned with reasons). Filed versions are records and never change, except their review status,
// whose history is kept in filing_status_events.
import type { AppContext } from '../platform/app-context.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { err, ok, type Result } from '../platform/result.ts';
import type { Party } from '../domain/election.ts';
import { bishkekDay } from '../domain/report-deadlines.ts';
import type { Problem } from '../platform/result.ts';
import { parseFiled, serviceProblem } from './core/draft.ts';
import type { Filing } from './core/filing.ts';
import { validateFiling } from './core/filing-validation.ts';
import { checkReview, type ReviewStatus } from './core/review.ts';
import {
  findFiling,
  insertStatusEvent,
  listStatusEvents,
  updateStatus,
  type FilingStatusEvent,
} from './filing.repository.ts';
import { listLatestFilings, listPartiesByNumber, type LatestListing } from './filing-search.repository.ts';
import { logReviewOutcome } from './filing-log.ts';
import { loadPublicReport, type PublicReport } from './public-report.service.ts';

export { MAX_REASON_LENGTH, REVIEW_STATUSES, REVIEW_TRANSITIONS, type ReviewStatus } from './core/review.ts';

export interface ReviewQueue {
  /** Latest versions filed or under review, most recently submitted first. */
  pending: LatestListing[];
  /** The last hundred decided. */
  decided: LatestListing[];
  parties: Map<string, Party>;
}

export async function loadReviewQueue(ctx: AppContext): Promise<ReviewQueue> {
  const [pending, decided, parties] = await Promise.all([
    listLatestFilings(ctx.db, { statuses: ['filed', 'under_review'] }),
    listLatestFilings(ctx.db, { statuses: ['accepted', 'returned'], limit: 100 }),
    listPartiesByNumber(ctx.db),
  ]);
  return { pending, decided, parties };
}

/** A filed version as the reviewer sees it. */
export interface Review {
  /** What the public sees of it, with its chain's versions and scans. */
  report: PublicReport;
  /** The status history of the version. */
  events: FilingStatusEvent[];
  /** The document as filed, PINs and addresses included: the commission's eyes only. */
  filed: Filing;
  /** What the filing validation says of the filed document today, errors and warnings. */
  problems: Problem[];
}

export async function loadReview(ctx: AppContext, filingId: number): Promise<Review | undefined> {
  const [report, record] = await Promise.all([loadPublicReport(ctx, filingId), findFiling(ctx.db, filingId)]);
  if (!report || !record) return undefined;
  const filed = parseFiled(record.bodyJson);
  // Checked as on the day it was filed, so that a line dated that day is not "in the future" and the
  // reviewer reads what the treasurer was shown when submitting (under the election's current rules).
  const today = bishkekDay(record.submittedAt ?? ctx.now());
  const { problems } = validateFiling(filed, { today, rules: report.rules });
  return { report, events: await listStatusEvents(ctx.db, [report.filing.id]), filed, problems };
}

export async function reviewFiling(
  ctx: AppContext,
  filingId: number,
  input: { status: string; reason: string },
  actor: string,
): Promise<Result<{ status: ReviewStatus }>> {
  const filed = await findFiling(ctx.db, filingId);
  if (!filed || filed.version === 0) return err([serviceProblem('review.not_found', 'There is no such filed report.')]);
  if (!filed.isLatest)
    return err([
      serviceProblem('review.not_latest', 'Only the latest version of a report is reviewed.', { field: 'status' }),
    ]);
  const checked = checkReview(filed.status, input);
  if (!checked.ok) return checked;
  const { to, reason } = checked.value;
  const now = ctx.now().toISOString();
  const done = await ctx.db.transaction().execute(async (trx) => {
    if (!(await updateStatus(trx, filingId, filed.status, to, now))) return false;
    await insertStatusEvent(trx, { filingId, status: to, reason, actor, at: now });
    await recordActivity(
      trx,
      {
        actor,
        action: `filing.review.${to}`,
        entityType: 'filing',
        entityId: String(filingId),
        before: { status: filed.status },
        after: { status: to, reason },
      },
      ctx.now(),
    );
    await logReviewOutcome(trx, filingId, now);
    return true;
  });
  if (!done)
    return err([
      serviceProblem('review.changed', 'The status was changed meanwhile; reload the page.', { field: 'status' }),
    ]);
  return ok({ status: to });
}
