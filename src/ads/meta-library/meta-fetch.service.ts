// Fetching an election's political ads from Meta's Ad Library API and storing them as a report, through
// the same store a hand upload goes through, so the fetched report is on the ad page, in the downloads
// and in the comparison like any other. What was received is kept as the report's original: the ads as
// JSON (sorted, so that the same answer twice is the same file and is stored once), never the token.
import type { AppContext } from '../../platform/app-context.ts';
import { err, ok, problem, type Problem, type Result } from '../../platform/result.ts';
import { bishkekDay } from '../../domain/report-deadlines.ts';
import { findElection } from '../../elections/index.ts';
import { storeAdReport, type ImportedReport } from '../ads.service.ts';
import type { ReportPeriod } from '../core/ad-report.ts';
import { ARCHIVE_FIELDS, archiveReport } from './core/archive-report.ts';
import { fetchArchive, type ArchiveClientOptions } from './ads-archive.client.ts';

export interface MetaFetchInput {
  electionId: string;
  /** First and last day of delivery; default: the campaign, up to today. */
  since?: string;
  until?: string;
  actor: string;
  /** The client's seams (sleep, jitter, retry policy) for tests; the address and token come from configuration. */
  client?: Omit<ArchiveClientOptions, 'baseUrl' | 'token'>;
}

export interface MetaFetched {
  period: ReportPeriod;
  ads: number;
  pages: number;
  retries: number;
  currency: string;
  /** The stored report; null when the API listed no ad (nothing to store). */
  stored: ImportedReport | null;
  /** Ads left out and other remarks, by the ad's place in the answer. */
  problems: Problem[];
}

/** The days fetched by default: the campaign, not past today (Bishkek's calendar day). */
export function defaultWindow(
  e: { campaignStart: string; campaignEnd: string },
  now: Date,
): { since: string; until: string } {
  const today = bishkekDay(now);
  return { since: e.campaignStart, until: e.campaignEnd < today ? e.campaignEnd : today };
}

export async function fetchMetaAds(ctx: AppContext, input: MetaFetchInput): Promise<Result<MetaFetched>> {
  const conf = ctx.config.metaAds;
  if (!conf?.token)
    return err([problem('meta.off', 'Fetching from the Ad Library API is off: TALAPKER_META_ADS_TOKEN is not set.')]);
  const election = await findElection(ctx.db, input.electionId);
  if (!election)
    return err([problem('ads.election_unknown', `There is no election "${input.electionId}".`, { field: 'election' })]);
  const window = defaultWindow(election, ctx.now());
  const since = input.since ?? window.since;
  const until = input.until ?? window.until;
  if (since > until)
    return err([problem('meta.window', `The first day ${since} is after the last day ${until}.`, { field: 'since' })]);

  const fetched = await fetchArchive(
    { country: conf.country, since, until },
    { ...input.client, baseUrl: conf.api, token: conf.token },
  );
  if (!fetched.ok) return fetched;
  const period: ReportPeriod = { from: since, to: until, range: null, country: conf.country };
  const { report, problems } = archiveReport(fetched.value.ads, { period });
  const summary = { period, ads: fetched.value.ads.length, pages: fetched.value.pages, retries: fetched.value.retries };
  if (!report || report.advertisers.length === 0)
    return ok({ ...summary, currency: report?.currency ?? '', stored: null, problems });

  const ads = [...fetched.value.ads].sort((a, b) => a.id.localeCompare(b.id));
  const original = {
    source: 'Meta Ad Library API, ads_archive',
    query: { ad_type: 'POLITICAL_AND_ISSUE_ADS', country: conf.country, since, until, fields: ARCHIVE_FIELDS },
    ads,
  };
  const stored = await storeAdReport(ctx, {
    electionId: election.id,
    fileName: `MetaAdLibraryAPI_${conf.country}_${since}_${until}.json`,
    bytes: Buffer.from(`${JSON.stringify(original, null, 1)}\n`),
    report: { ...report, period },
    problems,
    actor: input.actor,
  });
  return ok({ ...summary, currency: report.currency, stored, problems });
}
