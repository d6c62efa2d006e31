// The use cases of political advertising: taking in a platform's report (the original file kept in the
// blob store, its rows stored), taking in exchange rates, the commission's decisions on links, and the
// comparison with what parties declared, whose findings are stored again after every change that can
// move them (a report, rates, a link, a filed finance report).
import type { AppContext } from '../platform/app-context.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { err, ok, problem, type Problem, type Result } from '../platform/result.ts';
import { tyiyn, type Tyiyn } from '../domain/money.ts';
import type { Election } from '../domain/election.ts';
import { findElection } from '../elections/index.ts';
import { listBallot, type BallotEntry } from '../parties/index.ts';
import { loadCampaignFilings } from '../filings/index.ts';
import { parseAdFile } from './core/detect.ts';
import type { AdReport, ReportPeriod } from './core/ad-report.ts';
import { advertiserKey, spendInPeriod, type Period } from './core/cumulative.ts';
import { parseRatesCsv } from './core/rates.ts';
import { compareAdSpend, type AdLink, type Comparison, type LinkKind, type LinkStatus } from './core/comparison.ts';
import { suggestLinks, type Suggestion } from './core/matching.ts';
import {
  confirmedElsewhere,
  findLink,
  findReportBySha,
  findingsOfElection,
  insertReport,
  linksOfElection,
  ratesOf,
  reportsOfElection,
  rowsOfElection,
  saveLink,
  storeAdFindings,
  upsertRates,
  type ReportListing,
  type StoredAdFinding,
} from './ads.repository.ts';

export interface ImportReportInput {
  electionId: string;
  fileName: string;
  bytes: Uint8Array;
  period?: ReportPeriod;
  currency?: string;
  actor: string;
}

export interface ImportedReport {
  reportId: number;
  advertisers: number;
  /** The same file was already stored for the election: nothing new was written. */
  duplicate: boolean;
  problems: Problem[];
}

/**
 * Takes in one report: refused when the election does not exist, the file cannot be read, has no
 * advertiser that could be read, or its period is unknown; rows that could not be read are reported
 * and left out, the rest stored.
 */
export async function importAdReport(ctx: AppContext, input: ImportReportInput): Promise<Result<ImportedReport>> {
  if (!(await findElection(ctx.db, input.electionId)))
    return err([problem('ads.election_unknown', `There is no election "${input.electionId}".`, { field: 'election' })]);
  const { report, problems } = parseAdFile(input.bytes, {
    fileName: input.fileName,
    ...(input.currency ? { currency: input.currency } : {}),
    ...(input.period ? { period: input.period } : {}),
  });
  if (!report || report.advertisers.length === 0)
    return err(
      problems.length > 0 ? problems : [problem('ads.empty', 'The file lists no advertiser.', { field: 'file' })],
    );
  if (!report.period)
    return err([
      ...problems,
      problem('ads.period_unknown', 'The file name does not say which days the report covers; give the period.', {
        field: 'period',
      }),
    ]);
  return ok(await storeAdReport(ctx, { ...input, report: { ...report, period: report.period }, problems }));
}

/** A report read from a file or fetched from a platform, with the bytes it came as (kept as its original). */
export interface ReportToStore {
  electionId: string;
  fileName: string;
  bytes: Uint8Array;
  report: AdReport & { period: ReportPeriod };
  problems: Problem[];
  actor: string;
}

const mediaTypeOf = (fileName: string): string => {
  const name = fileName.toLowerCase();
  return name.endsWith('.zip') ? 'application/zip' : name.endsWith('.json') ? 'application/json' : 'text/csv';
};

/**
 * Stores a report that was read: its original in the blob store, its rows, the activity record, and the
 * findings again. The same bytes already stored for the election are that report, and nothing is written.
 */
export async function storeAdReport(ctx: AppContext, input: ReportToStore): Promise<ImportedReport> {
  const { report, problems } = input;
  const stored = await ctx.blobs.put(Buffer.from(input.bytes), { maxBytes: ctx.config.uploadLimitBytes });
  const known = await findReportBySha(ctx.db, input.electionId, stored.sha256);
  if (known !== undefined)
    return { reportId: known, advertisers: report.advertisers.length, duplicate: true, problems };
  const at = ctx.now().toISOString();
  const period = report.period;
  const reportId = await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('blobs')
      .values({
        sha256: stored.sha256,
        media_type: mediaTypeOf(input.fileName),
        size: stored.size,
        original_name: input.fileName,
        created_at: at,
      })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
    const id = await insertReport(
      trx,
      {
        electionId: input.electionId,
        source: report.source,
        currency: report.currency,
        from: period.from,
        to: period.to,
        range: period.range,
        country: period.country,
        fileName: input.fileName,
        sha256: stored.sha256,
        problemCount: problems.length,
        importedBy: input.actor,
        importedAt: at,
      },
      report.advertisers.map((a) => ({
        line: a.row,
        key: advertiserKey(report.source, a),
        name: a.name,
        pageId: a.pageId,
        disclaimer: a.disclaimer,
        min: a.spend.min,
        max: a.spend.max,
        ads: a.ads,
      })),
    );
    await recordActivity(
      trx,
      {
        actor: input.actor,
        action: 'ads.report_imported',
        entityType: 'ad_report',
        entityId: String(id),
        after: {
          election: input.electionId,
          file: input.fileName,
          sha256: stored.sha256,
          period,
          rows: report.advertisers.length,
        },
      },
      ctx.now(),
    );
    return id;
  });
  await refreshAdFindings(ctx, input.electionId);
  return { reportId, advertisers: report.advertisers.length, duplicate: false, problems };
}

/** Takes in the rates that could be read; refused only when none could. */
export async function importRates(
  ctx: AppContext,
  bytes: Uint8Array,
  actor: string,
): Promise<Result<{ imported: number; problems: Problem[] }>> {
  const { rates, problems } = parseRatesCsv(bytes);
  if (rates.length === 0)
    return err(problems.length > 0 ? problems : [problem('rates.empty', 'The file holds no rate.', { field: 'file' })]);
  await ctx.db.transaction().execute(async (trx) => {
    await upsertRates(trx, rates, ctx.now().toISOString());
    await recordActivity(
      trx,
      {
        actor,
        action: 'ads.rates_imported',
        entityType: 'exchange_rates',
        entityId: `${rates[0]?.date ?? ''}..${rates.at(-1)?.date ?? ''}`,
        after: { count: rates.length, currencies: [...new Set(rates.map((r) => r.currency))] },
      },
      ctx.now(),
    );
  });
  // Every election with reports may convert differently now.
  const elections = await ctx.db
    .withTables<{ ad_reports: { election_id: string } }>()
    .selectFrom('ad_reports')
    .select('election_id')
    .distinct()
    .execute();
  for (const e of elections) await refreshAdFindings(ctx, e.election_id);
  return ok({ imported: rates.length, problems });
}

export interface LinkDecision {
  electionId: string;
  key: string;
  party: string;
  kind: LinkKind;
  status: LinkStatus;
  actor: string;
}

/** The commission's decision on one link, logged with what it replaced. */
export async function decideLink(ctx: AppContext, d: LinkDecision): Promise<Result<void>> {
  const ballot = await listBallot(ctx.db, d.electionId);
  if (!ballot.some((b) => b.party.registrationNumber === d.party))
    return err([
      problem('ads.party_unknown', `The party "${d.party}" does not take part in this election.`, { field: 'party' }),
    ]);
  const rows = await rowsOfElection(ctx.db, d.electionId);
  if (!rows.some((r) => r.key === d.key))
    return err([
      problem('ads.advertiser_unknown', 'No report of this election names this advertiser.', { field: 'key' }),
    ]);
  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await findLink(trx, d.electionId, d.key, d.party);
    await saveLink(
      trx,
      d.electionId,
      { key: d.key, party: d.party, kind: d.kind, status: d.status },
      { actor: d.actor, at: at.toISOString() },
    );
    await recordActivity(
      trx,
      {
        actor: d.actor,
        action: d.status === 'confirmed' ? 'ads.link_confirmed' : 'ads.link_rejected',
        entityType: 'ad_link',
        entityId: `${d.electionId}/${d.key}/${d.party}`,
        ...(before ? { before: { kind: before.kind, status: before.status } } : {}),
        after: { kind: d.kind, status: d.status },
      },
      at,
    );
  });
  await refreshAdFindings(ctx, d.electionId);
  return ok(undefined);
}

/** The days the comparison covers: the election's campaign. */
export const campaignPeriod = (e: Election): Period => ({ from: e.campaignStart, to: e.campaignEnd });

/**
 * The party's declared online advertising during the period: the `advertising_online` expenditure
 * lines dated within it, of the latest filed version of each report (an amendment replaces its report,
 * so nothing counts twice). A party absent from the map filed nothing.
 */
export async function declaredOnline(
  ctx: AppContext,
  electionId: string,
  parties: readonly string[],
  period: Period,
): Promise<Map<string, Tyiyn>> {
  const out = new Map<string, Tyiyn>();
  for (const party of parties) {
    const versions = await loadCampaignFilings(ctx, electionId, party);
    if (versions.length === 0) continue;
    // Versions come in filing order: the last seen of a report (its kind and first day) is its latest amendment.
    const latest = new Map<string, (typeof versions)[number]>();
    for (const v of versions) latest.set(`${v.filing.header.reportKind} ${v.filing.header.periodFrom}`, v);
    let sum = 0;
    for (const v of latest.values())
      for (const e of v.filing.expenditures)
        if (e.category === 'advertising_online' && e.date >= period.from && e.date <= period.to) sum += e.amount;
    out.set(party, tyiyn(sum));
  }
  return out;
}

export interface AdsOverview {
  election: Election;
  ballot: BallotEntry[];
  period: Period;
  reports: ReportListing[];
  links: Awaited<ReturnType<typeof linksOfElection>>;
  comparison: Comparison;
  /** Cumulative spend of each party's own pages at the end of each report day in the period. */
  timeline: { day: string; parties: { party: string; min: Tyiyn; max: Tyiyn }[] }[];
}

/** Everything the pages, the API and the findings need of one election; undefined when there is none. */
export async function adsOverview(ctx: AppContext, electionId: string): Promise<AdsOverview | undefined> {
  const election = await findElection(ctx.db, electionId);
  if (!election) return undefined;
  const period = campaignPeriod(election);
  const [ballot, reports, rows, links] = await Promise.all([
    listBallot(ctx.db, electionId),
    reportsOfElection(ctx.db, electionId),
    rowsOfElection(ctx.db, electionId),
    linksOfElection(ctx.db, electionId),
  ]);
  const parties = ballot.map((b) => b.party.registrationNumber);
  const rates = await ratesOf(ctx.db, [...new Set(reports.map((r) => r.currency))], period.to);
  const declared = await declaredOnline(ctx, electionId, parties, period);
  const compare = (p: Period) =>
    compareAdSpend({ electionId, period: p, spends: spendInPeriod(reports, rows, p), links, rates, parties, declared });
  const days = [...new Set(reports.map((r) => r.to).filter((d) => d >= period.from && d <= period.to))].sort();
  const timeline = days.map((day) => ({
    day,
    parties: compare({ from: period.from, to: day }).parties.map((p) => ({
      party: p.party,
      min: p.own.min,
      max: p.own.max,
    })),
  }));
  return { election, ballot, period, reports, links, comparison: compare(period), timeline };
}

/** Runs the comparison again and stores its findings. */
export async function refreshAdFindings(ctx: AppContext, electionId: string): Promise<StoredAdFinding[]> {
  const overview = await adsOverview(ctx, electionId);
  if (!overview) return [];
  await ctx.db
    .transaction()
    .execute((trx) => storeAdFindings(trx, electionId, overview.comparison.findings, ctx.now().toISOString()));
  return findingsOfElection(ctx.db, electionId);
}

export { findingsOfElection };

export interface AdvertiserToMatch {
  key: string;
  name: string;
  pageId: string | null;
  disclaimer: string | null;
  links: AdLink[];
  suggestions: Suggestion[];
}

/** Every advertiser of the election's reports, with its decided links and the suggestions not yet decided. */
export async function advertisersToMatch(ctx: AppContext, electionId: string): Promise<AdvertiserToMatch[]> {
  const [rows, links, ballot, elsewhere] = await Promise.all([
    rowsOfElection(ctx.db, electionId),
    linksOfElection(ctx.db, electionId),
    listBallot(ctx.db, electionId),
    confirmedElsewhere(ctx.db, electionId),
  ]);
  const byKey = new Map<string, { key: string; name: string; pageId: string | null; disclaimer: string | null }>();
  // The latest row names the advertiser as it calls itself now.
  for (const r of rows) byKey.set(r.key, { key: r.key, name: r.name, pageId: r.pageId, disclaimer: r.disclaimer });
  const advertisers = [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name));
  const parties = ballot.map((b) => ({
    registrationNumber: b.party.registrationNumber,
    names: [...Object.values(b.party.shortName), ...Object.values(b.party.name)],
  }));
  const suggestions = suggestLinks(advertisers, parties, elsewhere);
  return advertisers.map((a) => {
    const decided = links.filter((l) => l.key === a.key);
    return {
      ...a,
      links: decided,
      suggestions: suggestions.filter((s) => s.key === a.key && !decided.some((l) => l.party === s.party)),
    };
  });
}
