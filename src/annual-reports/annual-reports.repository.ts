// Rows of annual reports: the chain of a party's year and its versions. Every version is inserted and
// never changed, except for the `is_latest` flag that moves to the newest one when it is filed.
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';

type Db = Kysely<Database>;

export interface AnnualChain {
  id: number;
  party: string;
  year: number;
}

export interface AnnualVersionRow {
  id: number;
  chainId: number;
  party: string;
  year: number;
  version: number;
  isLatest: boolean;
  bodyJson: string;
  bodySha256: string;
  findingsJson: string;
  totalReceipts: number;
  totalExpenditures: number;
  closingCash: number;
  idempotencyKey: string | null;
  createdBy: string;
  submittedAt: string;
}

const VERSION_COLUMNS = [
  'annual_reports.id',
  'annual_reports.chain_id',
  'annual_reports.version',
  'annual_reports.is_latest',
  'annual_reports.body_json',
  'annual_reports.body_sha256',
  'annual_reports.findings_json',
  'annual_reports.total_receipts',
  'annual_reports.total_expenditures',
  'annual_reports.closing_cash',
  'annual_reports.idempotency_key',
  'annual_reports.created_by',
  'annual_reports.submitted_at',
  'annual_report_chains.party_registration_number',
  'annual_report_chains.year',
] as const;

const versions = (db: Db) =>
  db
    .selectFrom('annual_reports')
    .innerJoin('annual_report_chains', 'annual_report_chains.id', 'annual_reports.chain_id')
    .select(VERSION_COLUMNS);

type Selected = Awaited<ReturnType<ReturnType<typeof versions>['executeTakeFirstOrThrow']>>;

// PostgreSQL's bigint comes back as text; the numbers here are far below 2^53.
function versionOf(r: Selected): AnnualVersionRow {
  return {
    id: Number(r.id),
    chainId: Number(r.chain_id),
    party: r.party_registration_number,
    year: Number(r.year),
    version: Number(r.version),
    isLatest: Number(r.is_latest) === 1,
    bodyJson: r.body_json,
    bodySha256: r.body_sha256,
    findingsJson: r.findings_json,
    totalReceipts: Number(r.total_receipts),
    totalExpenditures: Number(r.total_expenditures),
    closingCash: Number(r.closing_cash),
    idempotencyKey: r.idempotency_key,
    createdBy: r.created_by,
    submittedAt: r.submitted_at,
  };
}

export async function findChain(db: Db, party: string, year: number): Promise<AnnualChain | undefined> {
  const r = await db
    .selectFrom('annual_report_chains')
    .select(['id', 'party_registration_number', 'year'])
    .where('party_registration_number', '=', party)
    .where('year', '=', year)
    .executeTakeFirst();
  return r && { id: Number(r.id), party: r.party_registration_number, year: Number(r.year) };
}

export async function insertChain(db: Db, party: string, year: number, at: string): Promise<number> {
  const r = await db
    .insertInto('annual_report_chains')
    .values({ party_registration_number: party, year, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function maxVersion(db: Db, chainId: number): Promise<number> {
  const r = await db
    .selectFrom('annual_reports')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('chain_id', '=', chainId)
    .executeTakeFirst();
  return Number(r?.v ?? 0);
}

export interface NewVersion {
  chainId: number;
  version: number;
  bodyJson: string;
  bodySha256: string;
  findingsJson: string;
  totalReceipts: number;
  totalExpenditures: number;
  closingCash: number;
  idempotencyKey: string | null;
  createdBy: string;
  submittedAt: string;
}

/** Adds a version as the chain's latest: the earlier versions lose the flag in the same statement order. */
export async function insertLatestVersion(db: Db, v: NewVersion): Promise<number> {
  await db.updateTable('annual_reports').set({ is_latest: 0 }).where('chain_id', '=', v.chainId).execute();
  const r = await db
    .insertInto('annual_reports')
    .values({
      chain_id: v.chainId,
      version: v.version,
      is_latest: 1,
      body_json: v.bodyJson,
      body_sha256: v.bodySha256,
      findings_json: v.findingsJson,
      total_receipts: v.totalReceipts,
      total_expenditures: v.totalExpenditures,
      closing_cash: v.closingCash,
      idempotency_key: v.idempotencyKey,
      created_by: v.createdBy,
      submitted_at: v.submittedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function findVersion(db: Db, id: number): Promise<AnnualVersionRow | undefined> {
  const r = await versions(db).where('annual_reports.id', '=', id).executeTakeFirst();
  return r && versionOf(r);
}

export async function findVersionByIdempotencyKey(db: Db, key: string): Promise<AnnualVersionRow | undefined> {
  const r = await versions(db).where('annual_reports.idempotency_key', '=', key).executeTakeFirst();
  return r && versionOf(r);
}

/** Every version of a party's year, oldest first. */
export async function listVersions(db: Db, party: string, year: number): Promise<AnnualVersionRow[]> {
  const rows = await versions(db)
    .where('annual_report_chains.party_registration_number', '=', party)
    .where('annual_report_chains.year', '=', year)
    .orderBy('annual_reports.version')
    .execute();
  return rows.map(versionOf);
}

/** The latest version of each of a party's years, newest year first. */
export async function listLatestOfParty(db: Db, party: string): Promise<AnnualVersionRow[]> {
  const rows = await versions(db)
    .where('annual_report_chains.party_registration_number', '=', party)
    .where('annual_reports.is_latest', '=', 1)
    .orderBy('annual_report_chains.year', 'desc')
    .execute();
  return rows.map(versionOf);
}

/** The first filing day of each chain of the party, for the lateness of each year. */
export async function firstFiledOf(db: Db, party: string): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('annual_reports')
    .innerJoin('annual_report_chains', 'annual_report_chains.id', 'annual_reports.chain_id')
    .select(['annual_report_chains.year', 'annual_reports.submitted_at'])
    .where('annual_report_chains.party_registration_number', '=', party)
    .where('annual_reports.version', '=', 1)
    .execute();
  return new Map(rows.map((r) => [Number(r.year), r.submitted_at]));
}

/** Every filed version (for the transparency log's backfill), oldest first. */
export async function listAllVersionIds(db: Db): Promise<Array<{ id: number; submittedAt: string }>> {
  const rows = await db.selectFrom('annual_reports').select(['id', 'submitted_at']).orderBy('id').execute();
  return rows.map((r) => ({ id: Number(r.id), submittedAt: r.submitted_at }));
}
