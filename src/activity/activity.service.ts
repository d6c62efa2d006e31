// Reading the activity log of an election for the commission, a page at a time.
import type { AppContext } from '../platform/app-context.ts';
import { listElectionActivity, type ActivityPage } from './activity.repository.ts';

/** Entries of the activity log per page. */
export const ACTIVITY_PAGE = 50;

/** One page of the election's log, newest first; `before` is the id the page starts below. */
export function getElectionActivity(
  ctx: AppContext,
  electionId: string,
  before: number | undefined,
): Promise<ActivityPage> {
  return listElectionActivity(ctx.db, electionId, {
    ...(before !== undefined ? { before } : {}),
    limit: ACTIVITY_PAGE,
  });
}
