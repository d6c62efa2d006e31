// The Atom feeds of filed finance reports: all elections, or one, in the reader's language.
import type { AppContext } from '../platform/app-context.ts';
import type { Locale } from '../domain/election.ts';
import { t } from './finance.messages.ts';
import { pick } from '../platform/web/format.tsx';
import { findElection } from '../elections/index.ts';
import { atomFeed, FEED_ENTRIES } from './core/atom-feed.ts';
import { electionFeedPath, electionFinancePath, feedPath } from './core/paths.ts';
import { listFiledReports } from './totals.repository.ts';

/** The latest filings of every election; `origin` is `https://host`, for absolute links. */
export async function allFilingsFeed(ctx: AppContext, l: Locale, origin: string): Promise<string> {
  const entries = await listFiledReports(ctx.db, { limit: FEED_ENTRIES });
  return atomFeed({
    locale: l,
    origin,
    title: t(l, 'feed.title'),
    selfPath: `/${l}${feedPath}`,
    alternatePath: `/${l}/`,
    scope: 'all',
    entries,
    now: ctx.now(),
  });
}

/** The latest filings of one election, or undefined when there is no such election. */
export async function electionFilingsFeed(
  ctx: AppContext,
  l: Locale,
  origin: string,
  electionId: string,
): Promise<string | undefined> {
  const election = await findElection(ctx.db, electionId);
  if (!election) return undefined;
  const entries = await listFiledReports(ctx.db, { electionId: election.id, limit: FEED_ENTRIES });
  return atomFeed({
    locale: l,
    origin,
    title: t(l, 'feed.electionTitle', { election: pick(election.name, l) }),
    selfPath: `/${l}${electionFeedPath(election.id)}`,
    alternatePath: `/${l}${electionFinancePath(election.id)}`,
    scope: election.id,
    entries,
    now: ctx.now(),
  });
}
