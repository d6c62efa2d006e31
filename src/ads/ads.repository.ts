// The rows of political advertising: stored reports and their rows, exchange rates, the commission's
// links of advertisers to parties and the findings of the comparison. The tables are this capability's
// own (migration 0014), so their types live here and are added to the shared database type locally.
import type { Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { ComplianceFindingTable } from '../platform/db/tables/compliance.tables.ts';
import { tyiyn } from '../domain/money.ts';
import type { StoredReport, StoredRow } from './core/cumulative.ts';
import type { ExchangeRate } from './core/rates.ts';
import type { AdFinding, AdLink, LinkKind, LinkStatus } from './core/comparison.ts';

type AdReportTable = {
  id: Generated<number>;
  election_id: string;
  source: string;
  currency: string;
  period_from: string | null;
  period_to: string;
  period_range: string | null;
  country: string | null;
  file_name: string;
  sha256: string;
  row_count: number;
  problem_count: number;
  imported_by: string;
  imported_at: string;
};

type AdReportRowTable = {
  id: Generated<number>;
  report_id: number;
  line: number;
  advertiser_key: string;
  name: string;
  page_id: string | null;
  disclaimer: string | null;
  spend_min: number | string;
  spend_max: number | string;
  ads: number;
};

type ExchangeRateTable = {
  date: string;
  currency: string;
  rate: string;
  imported_at: string;
};

type AdLinkTable = {
  id: Generated<number>;
  election_id: string;
  advertiser_key: string;
  party_registration_number: string;
  kind: string;
  status: string;
  decided_by: string;
  decided_at: string;
};

/** A finding of the comparison is stored in the shape of a compliance finding, less the donor's parts. */
type AdFindingTable = Pick<
  ComplianceFindingTable,
  | 'id'
  | 'election_id'
  | 'party_registration_number'
  | 'rule'
  | 'severity'
  | 'status'
  | 'evidence_json'
  | 'created_at'
  | 'updated_at'
> & {
  // PostgreSQL answers a bigint as a string.
  amount: number | string | null;
  excess: number | string | null;
};

export type AdsTables = {
  ad_reports: AdReportTable;
  ad_report_rows: AdReportRowTable;
  exchange_rates: ExchangeRateTable;
  ad_links: AdLinkTable;
  ad_findings: AdFindingTable;
};

type AnyDb = Kysely<Database> | Transaction<Database>;
type Db = Kysely<Database & AdsTables>;

/** The shared handle, seen with this capability's tables. */
const ads = (db: AnyDb): Db => (db as Kysely<Database>).withTables<AdsTables>();

export interface NewReport {
  electionId: string;
  source: string;
  currency: string;
  from: string | null;
  to: string;
  range: string | null;
  country: string | null;
  fileName: string;
  sha256: string;
  problemCount: number;
  importedBy: string;
  importedAt: string;
}

export interface NewRow {
  line: number;
  key: string;
  name: string;
  pageId: string | null;
  disclaimer: string | null;
  min: number;
  max: number;
  ads: number;
}

export async function findReportBySha(db: AnyDb, electionId: string, sha256: string): Promise<number | undefined> {
  const r = await ads(db)
    .selectFrom('ad_reports')
    .select('id')
    .where('election_id', '=', electionId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return r ? Number(r.id) : undefined;
}

export async function insertReport(db: AnyDb, r: NewReport, rows: readonly NewRow[]): Promise<number> {
  const inserted = await ads(db)
    .insertInto('ad_reports')
    .values({
      election_id: r.electionId,
      source: r.source,
      currency: r.currency,
      period_from: r.from,
      period_to: r.to,
      period_range: r.range,
      country: r.country,
      file_name: r.fileName,
      sha256: r.sha256,
      row_count: rows.length,
      problem_count: r.problemCount,
      imported_by: r.importedBy,
      imported_at: r.importedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(inserted.id);
  // Chunks keep each statement under SQLite's limit of bound parameters.
  for (let i = 0; i < rows.length; i += 200) {
    await ads(db)
      .insertInto('ad_report_rows')
      .values(
        rows.slice(i, i + 200).map((x) => ({
          report_id: id,
          line: x.line,
          advertiser_key: x.key,
          name: x.name,
          page_id: x.pageId,
          disclaimer: x.disclaimer,
          spend_min: x.min,
          spend_max: x.max,
          ads: x.ads,
        })),
      )
      .execute();
  }
  return id;
}

export interface ReportListing extends StoredReport {
  range: string | null;
  rowCount: number;
  problemCount: number;
  importedAt: string;
}

export async function reportsOfElection(db: AnyDb, electionId: string): Promise<ReportListing[]> {
  const rows = await ads(db)
    .selectFrom('ad_reports')
    .selectAll()
    .where('election_id', '=', electionId)
    .orderBy('period_to')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    source: r.source,
    currency: r.currency,
    from: r.period_from,
    to: r.period_to,
    range: r.period_range,
    fileName: r.file_name,
    sha256: r.sha256,
    rowCount: Number(r.row_count),
    problemCount: Number(r.problem_count),
    importedAt: r.imported_at,
  }));
}

export async function rowsOfElection(db: AnyDb, electionId: string): Promise<StoredRow[]> {
  const rows = await ads(db)
    .selectFrom('ad_report_rows as w')
    .innerJoin('ad_reports as r', 'r.id', 'w.report_id')
    .select([
      'w.report_id',
      'w.advertiser_key',
      'w.name',
      'w.page_id',
      'w.disclaimer',
      'w.spend_min',
      'w.spend_max',
      'w.ads',
    ])
    .where('r.election_id', '=', electionId)
    .orderBy('w.id')
    .execute();
  return rows.map((r) => ({
    reportId: Number(r.report_id),
    key: r.advertiser_key,
    name: r.name,
    pageId: r.page_id,
    disclaimer: r.disclaimer,
    spend: { min: Number(r.spend_min), max: Number(r.spend_max) },
    ads: Number(r.ads),
  }));
}

export async function upsertRates(db: AnyDb, rates: readonly ExchangeRate[], at: string): Promise<void> {
  for (const r of rates)
    await ads(db)
      .insertInto('exchange_rates')
      .values({ date: r.date, currency: r.currency, rate: r.rate, imported_at: at })
      .onConflict((oc) => oc.columns(['currency', 'date']).doUpdateSet({ rate: r.rate, imported_at: at }))
      .execute();
}

/** Rates of the currencies asked for, on or before `upTo`. */
export async function ratesOf(db: AnyDb, currencies: readonly string[], upTo: string): Promise<ExchangeRate[]> {
  if (currencies.length === 0) return [];
  const rows = await ads(db)
    .selectFrom('exchange_rates')
    .select(['date', 'currency', 'rate'])
    .where('currency', 'in', currencies)
    .where('date', '<=', upTo)
    .orderBy('currency')
    .orderBy('date')
    .execute();
  return rows;
}

export async function linksOfElection(
  db: AnyDb,
  electionId: string,
): Promise<(AdLink & { decidedBy: string; decidedAt: string })[]> {
  const rows = await ads(db)
    .selectFrom('ad_links')
    .selectAll()
    .where('election_id', '=', electionId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    key: r.advertiser_key,
    party: r.party_registration_number,
    kind: r.kind as LinkKind,
    status: r.status as LinkStatus,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
  }));
}

/** Confirmed links of other elections, per advertiser key: the "by page id" suggestions. */
export async function confirmedElsewhere(db: AnyDb, electionId: string): Promise<Map<string, string[]>> {
  const rows = await ads(db)
    .selectFrom('ad_links')
    .select(['advertiser_key', 'party_registration_number'])
    .where('election_id', '<>', electionId)
    .where('status', '=', 'confirmed')
    .where('advertiser_key', 'like', '%:id:%')
    .execute();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.advertiser_key, [...(out.get(r.advertiser_key) ?? []), r.party_registration_number]);
  return out;
}

export async function findLink(db: AnyDb, electionId: string, key: string, party: string) {
  return ads(db)
    .selectFrom('ad_links')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('advertiser_key', '=', key)
    .where('party_registration_number', '=', party)
    .executeTakeFirst();
}

export async function saveLink(
  db: AnyDb,
  electionId: string,
  link: AdLink,
  by: { actor: string; at: string },
): Promise<void> {
  await ads(db)
    .insertInto('ad_links')
    .values({
      election_id: electionId,
      advertiser_key: link.key,
      party_registration_number: link.party,
      kind: link.kind,
      status: link.status,
      decided_by: by.actor,
      decided_at: by.at,
    })
    .onConflict((oc) =>
      oc
        .columns(['election_id', 'advertiser_key', 'party_registration_number'])
        .doUpdateSet({ kind: link.kind, status: link.status, decided_by: by.actor, decided_at: by.at }),
    )
    .execute();
}

export interface StoredAdFinding extends AdFinding {
  status: 'open' | 'resolved';
  updatedAt: string;
}

export async function findingsOfElection(db: AnyDb, electionId: string): Promise<StoredAdFinding[]> {
  const rows = await ads(db)
    .selectFrom('ad_findings')
    .selectAll()
    .where('election_id', '=', electionId)
    .orderBy('rule')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    rule: r.rule as AdFinding['rule'],
    severity: r.severity as AdFinding['severity'],
    election: r.election_id,
    party: r.party_registration_number,
    ...(r.amount !== null ? { amount: tyiyn(Number(r.amount)) } : {}),
    ...(r.excess !== null ? { excess: tyiyn(Number(r.excess)) } : {}),
    evidence: JSON.parse(r.evidence_json) as Record<string, unknown>,
    status: r.status as 'open' | 'resolved',
    updatedAt: r.updated_at,
  }));
}

/**
 * Stores one comparison's findings: new ones inserted, those found again refreshed, those no longer
 * found marked resolved (never deleted, as compliance keeps its findings).
 */
export async function storeAdFindings(
  db: AnyDb,
  electionId: string,
  found: readonly AdFinding[],
  at: string,
): Promise<void> {
  const known = new Set((await findingsOfElection(db, electionId)).map((f) => f.id));
  for (const f of found) {
    const values = {
      rule: f.rule,
      severity: f.severity,
      status: 'open',
      party_registration_number: f.party,
      amount: f.amount ?? null,
      excess: f.excess ?? null,
      evidence_json: JSON.stringify(f.evidence),
      updated_at: at,
    };
    if (known.has(f.id)) await ads(db).updateTable('ad_findings').set(values).where('id', '=', f.id).execute();
    else
      await ads(db)
        .insertInto('ad_findings')
        .values({ id: f.id, election_id: electionId, created_at: at, ...values })
        .execute();
  }
  const ids = found.map((f) => f.id);
  let q = ads(db)
    .updateTable('ad_findings')
    .set({ status: 'resolved', updated_at: at })
    .where('election_id', '=', electionId)
    .where('status', '=', 'open');
  if (ids.length > 0) q = q.where('id', 'not in', ids);
  await q.execute();
}
