// Atom feeds narrower than the finance capability's: one party's filed reports in an election, and the
// reports that name one donor (by the explore capability's public identifier, never a PIN). Both are
// written by the finance feed's writer, so an entry has the same id in every feed that carries it.
import type { AppContext } from '../platform/app-context.ts';
import type { Locale } from '../domain/election.ts';
import { pick } from '../platform/web/index.ts';
import { findElection } from '../elections/index.ts';
import { findParticipation, findParty } from '../parties/index.ts';
import { atomFeed, FEED_ENTRIES, listFiledReports } from '../finance/index.ts';
import { counterpartPage } from '../explore/index.ts';
import { donorFeedPath, partyFeedPath } from './core/paths.ts';
import { t } from './alerts.messages.ts';

const enc = encodeURIComponent;

/** One party's filed reports in an election, newest first; undefined when the party is not in it. */
export async function partyFilingsFeed(
  ctx: AppContext,
  l: Locale,
  origin: string,
  electionId: string,
  reg: string,
): Promise<string | undefined> {
  const election = await findElection(ctx.db, electionId);
  if (!election || !(await findParticipation(ctx.db, election.id, reg))) return undefined;
  const party = await findParty(ctx.db, reg);
  const entries = await listFiledReports(ctx.db, { electionId: election.id, party: reg, limit: FEED_ENTRIES });
  return atomFeed({
    locale: l,
    origin,
    title: t(l, 'alerts.feed.partyTitle', {
      party: party ? pick(party.shortName, l) || pick(party.name, l) : reg,
      election: pick(election.name, l),
    }),
    selfPath: `/${l}${partyFeedPath(election.id, reg)}`,
    alternatePath: `/${l}/elections/${enc(election.id)}/parties/${enc(reg)}/finance`,
    scope: `party:${election.id}:${reg}`,
    entries,
    now: ctx.now(),
  });
}

/**
 * The filed reports whose lines name a donor, newest first: the latest version of each report, since
 * that is what the donor's page counts. Undefined when the election has no such donor.
 */
export async function donorFilingsFeed(
  ctx: AppContext,
  l: Locale,
  origin: string,
  electionId: string,
  who: string,
): Promise<string | undefined> {
  const page = await counterpartPage(ctx, electionId, 'donor', who, l);
  if (!page) return undefined;
  const filings = new Set(page.lines.map((x) => x.filingId));
  const entries = (await listFiledReports(ctx.db, { electionId: page.election.id }))
    .filter((f) => filings.has(f.filingId))
    .slice(0, FEED_ENTRIES);
  return atomFeed({
    locale: l,
    origin,
    title: t(l, 'alerts.feed.donorTitle', { donor: page.counterpart.name, election: pick(page.election.name, l) }),
    selfPath: `/${l}${donorFeedPath(page.election.id, page.counterpart.id)}`,
    alternatePath: `/${l}/elections/${enc(page.election.id)}/donors/${enc(page.counterpart.id)}`,
    scope: `donor:${page.election.id}:${page.counterpart.id}`,
    entries,
    now: ctx.now(),
  });
}
