// Queries on the finance report tables (migration 0004-filings, 0006-filings-extra): chains of versions,
// the version rows (drafts are version 0), status events, the itemised receipts, expenditures and refunds
// of filed versions (attached scans: attachment.repository.ts). Returns plain records; the service decides what they mean.
//
// Filed versions are only ever inserted. What changes in place is limited to: a draft's body (compare-
// and-swap on the body it was read with, so two tabs cannot overwrite each other silently), a version's
// status (also conditional on the status it was read with; history in filing_status_events) and the
// `is_latest` flags, which are moved inside the submission's transaction.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import { dialectOf } from '../platform/db/database.ts';
import type { FilingChainTable, FilingStatusEventTable, FilingTable } from '../platform/db/tables/filings.tables.ts';
import type { ReportKind } from './core/filing.ts';
import { FILING_STATUSES, type FilingStatus } from './core/review.ts';
import { isFundNumber } from '../races/index.ts';

export * from './attachment.repository.ts';
export * from './itemised-lines.repository.ts';

export type Db = Kysely<Database> | Transaction<Database>;
export type { FilingStatus };

export interface FilingChain {
  id: number;
  electionId: string;
  partyRegistrationNumber: string;
  reportKind: ReportKind;
  periodFrom: string;
  periodTo: string;
  createdAt: string;
}

/** Moves a draft-only chain to a corrected period (its key's first day included). */
export async function updateChainPeriod(
  db: Db,
  chainId: number,
  period: { periodFrom: string; periodTo: string },
): Promise<void> {
  await db
    .updateTable('filing_chains')
    .set({ period_from: period.periodFrom, period_to: period.periodTo })
    .where('id', '=', chainId)
    .execute();
}

/** A version row without its body, for lists. */
export interface FilingSummary {
  id: number;
  chainId: number;
  version: number;
  status: FilingStatus;
  isLatest: boolean;
  openingBalance: number;
  closingBalance: number;
  totalReceipts: number;
  totalExpenditures: number;
  totalRefunds: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
}

/** A version row with its body as stored (JSON text, parsed by the service). */
export interface FilingRecord extends FilingSummary {
  bodyJson: string;
  idempotencyKey: string | null;
}

export interface FilingStatusEvent {
  id: number;
  filingId: number;
  status: FilingStatus;
  reason: string;
  actor: string;
  at: string;
}

function parseStatus(s: string): FilingStatus {
  const status = FILING_STATUSES.find((x) => x === s);
  if (!status) throw new Error(`filings: unknown status ${s}`);
  return status;
}

export function chainFromRow(r: Omit<Selectable<FilingChainTable>, 'filer_kind'>): FilingChain {
  return {
    id: Number(r.id),
    electionId: r.election_id,
    partyRegistrationNumber: r.party_registration_number,
    reportKind: r.report_kind as ReportKind,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    createdAt: r.created_at,
  };
}

export const SUMMARY_COLUMNS = [
  'id',
  'chain_id',
  'version',
  'status',
  'is_latest',
  'opening_balance',
  'closing_balance',
  'total_receipts',
  'total_expenditures',
  'total_refunds',
  'created_by',
  'created_at',
  'updated_at',
  'submitted_at',
] as const;

type SummaryRow = Pick<Selectable<FilingTable>, (typeof SUMMARY_COLUMNS)[number]>;

export function summaryFromRow(r: SummaryRow): FilingSummary {
  return {
    id: Number(r.id),
    chainId: Number(r.chain_id),
    version: r.version,
    status: parseStatus(r.status),
    isLatest: r.is_latest === 1,
    openingBalance: Number(r.opening_balance),
    closingBalance: Number(r.closing_balance),
    totalReceipts: Number(r.total_receipts),
    totalExpenditures: Number(r.total_expenditures),
    totalRefunds: Number(r.total_refunds),
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    submittedAt: r.submitted_at,
  };
}

function recordFromRow(r: Selectable<FilingTable>): FilingRecord {
  return { ...summaryFromRow(r), bodyJson: r.body_json, idempotencyKey: r.idempotency_key };
}

function eventFromRow(r: Selectable<FilingStatusEventTable>): FilingStatusEvent {
  return {
    id: Number(r.id),
    filingId: Number(r.filing_id),
    status: parseStatus(r.status),
    reason: r.reason,
    actor: r.actor,
    at: r.at,
  };
}

export const validId = (id: number): boolean => Number.isSafeInteger(id) && id > 0;

// ---------------------------------------------------------------- chains

export async function findChain(db: Db, id: number): Promise<FilingChain | undefined> {
  if (!validId(id)) return undefined;
  const row = await db.selectFrom('filing_chains').selectAll().where('id', '=', id).executeTakeFirst();
  return row && chainFromRow(row);
}

export interface ChainKey {
  electionId: string;
  partyRegistrationNumber: string;
  reportKind: ReportKind;
  periodFrom: string;
}

export async function findChainByKey(db: Db, key: ChainKey): Promise<FilingChain | undefined> {
  const row = await db
    .selectFrom('filing_chains')
    .selectAll()
    .where('election_id', '=', key.electionId)
    .where('party_registration_number', '=', key.partyRegistrationNumber)
    .where('report_kind', '=', key.reportKind)
    .where('period_from', '=', key.periodFrom)
    .executeTakeFirst();
  return row && chainFromRow(row);
}

/** Removes a chain that never had a filed version (its draft was discarded). */
export async function deleteChain(db: Db, id: number): Promise<void> {
  await db.deleteFrom('filing_chains').where('id', '=', id).execute();
}

export async function insertChain(db: Db, key: ChainKey & { periodTo: string }, now: string): Promise<FilingChain> {
  const row = await db
    .insertInto('filing_chains')
    .values({
      election_id: key.electionId,
      party_registration_number: key.partyRegistrationNumber,
      filer_kind: isFundNumber(key.partyRegistrationNumber) ? 'candidate' : 'party',
      report_kind: key.reportKind,
      period_from: key.periodFrom,
      period_to: key.periodTo,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return chainFromRow(row);
}

/**
 * Holds the chain's row until the transaction ends, so that two submissions to one chain take turns
 * on PostgreSQL. SQLite runs one write transaction at a time anyway.
 */
export async function lockChain(trx: Transaction<Database>, chainId: number): Promise<void> {
  if (dialectOf(trx) !== 'postgres') return;
  await trx.selectFrom('filing_chains').select('id').where('id', '=', chainId).forUpdate().execute();
}

export interface ChainWithVersions {
  chain: FilingChain;
  /** Filed versions, oldest first. */
  versions: FilingSummary[];
  draftId: number | null;
}

/** The chains of a party in an election with their filed versions (and draft, when asked for). */
export async function listChainsOfParty(
  db: Db,
  electionId: string,
  reg: string,
  opts: { includeDrafts?: boolean } = {},
): Promise<ChainWithVersions[]> {
  const chains = await db
    .selectFrom('filing_chains')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('party_registration_number', '=', reg)
    .orderBy('period_from')
    .orderBy('id')
    .execute();
  if (chains.length === 0) return [];
  const rows = await db
    .selectFrom('filings')
    .select(SUMMARY_COLUMNS)
    .where(
      'chain_id',
      'in',
      chains.map((c) => c.id),
    )
    .orderBy('version')
    .execute();
  const out: ChainWithVersions[] = [];
  for (const c of chains) {
    const mine = rows.filter((r) => Number(r.chain_id) === Number(c.id)).map(summaryFromRow);
    const draft = mine.find((r) => r.version === 0);
    const versions = mine.filter((r) => r.version > 0);
    if (versions.length === 0 && !(opts.includeDrafts && draft)) continue;
    out.push({ chain: chainFromRow(c), versions, draftId: opts.includeDrafts && draft ? draft.id : null });
  }
  return out;
}

// ---------------------------------------------------------------- versions

export async function findFiling(db: Db, id: number): Promise<FilingRecord | undefined> {
  if (!validId(id)) return undefined;
  const row = await db.selectFrom('filings').selectAll().where('id', '=', id).executeTakeFirst();
  return row && recordFromRow(row);
}

export async function findFilingByIdempotencyKey(db: Db, key: string): Promise<FilingRecord | undefined> {
  const row = await db.selectFrom('filings').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
  return row && recordFromRow(row);
}

export async function findDraftOfChain(db: Db, chainId: number): Promise<FilingSummary | undefined> {
  const row = await db
    .selectFrom('filings')
    .select(SUMMARY_COLUMNS)
    .where('chain_id', '=', chainId)
    .where('version', '=', 0)
    .executeTakeFirst();
  return row && summaryFromRow(row);
}

/** Filed versions of a chain, oldest first. */
export async function listVersions(db: Db, chainId: number): Promise<FilingSummary[]> {
  const rows = await db
    .selectFrom('filings')
    .select(SUMMARY_COLUMNS)
    .where('chain_id', '=', chainId)
    .where('version', '>', 0)
    .orderBy('version')
    .execute();
  return rows.map(summaryFromRow);
}

/** The body of the party's most recent latest version in the election, to start its next report from. */
export async function findLatestFiledBody(db: Db, electionId: string, reg: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('filings')
    .innerJoin('filing_chains', 'filing_chains.id', 'filings.chain_id')
    .select('filings.body_json')
    .where('filing_chains.election_id', '=', electionId)
    .where('filing_chains.party_registration_number', '=', reg)
    .where('filings.is_latest', '=', 1)
    .orderBy('filing_chains.period_to', 'desc')
    .orderBy('filings.id', 'desc')
    .executeTakeFirst();
  return row?.body_json;
}

export async function maxFiledVersion(db: Db, chainId: number): Promise<number> {
  const row = await db
    .selectFrom('filings')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('chain_id', '=', chainId)
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

export interface NewFilingRow {
  chainId: number;
  version: number;
  status: FilingStatus;
  isLatest: boolean;
  bodyJson: string;
  openingBalance: number;
  closingBalance: number;
  totals: { receipts: number; expenditures: number; refunds: number };
  idempotencyKey: string | null;
  createdBy: string;
  now: string;
  submittedAt: string | null;
}

export async function insertFiling(db: Db, r: NewFilingRow): Promise<number> {
  const row = await db
    .insertInto('filings')
    .values({
      chain_id: r.chainId,
      version: r.version,
      status: r.status,
      is_latest: r.isLatest ? 1 : 0,
      body_json: r.bodyJson,
      opening_balance: r.openingBalance,
      closing_balance: r.closingBalance,
      total_receipts: r.totals.receipts,
      total_expenditures: r.totals.expenditures,
      total_refunds: r.totals.refunds,
      idempotency_key: r.idempotencyKey,
      created_by: r.createdBy,
      created_at: r.now,
      updated_at: r.now,
      submitted_at: r.submittedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/**
 * Replaces a draft's body if it still holds the body the caller read; false when another request
 * changed it first (or it is no longer a draft), so that the caller can say so instead of losing work.
 */
export async function replaceDraftBody(
  db: Db,
  id: number,
  expected: string,
  next: {
    bodyJson: string;
    openingBalance: number;
    closingBalance: number;
    totals: { receipts: number; expenditures: number; refunds: number };
  },
  now: string,
): Promise<boolean> {
  const r = await db
    .updateTable('filings')
    .set({
      body_json: next.bodyJson,
      opening_balance: next.openingBalance,
      closing_balance: next.closingBalance,
      total_receipts: next.totals.receipts,
      total_expenditures: next.totals.expenditures,
      total_refunds: next.totals.refunds,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .where('body_json', '=', expected)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Removes a draft with its attachment rows (the blobs stay: they are content-addressed and may be shared). */
export async function deleteDraft(db: Db, id: number): Promise<boolean> {
  const draft = await db
    .selectFrom('filings')
    .select('id')
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (!draft) return false;
  await db.deleteFrom('filing_attachments').where('filing_id', '=', id).execute();
  // Conditional again: on PostgreSQL a concurrent submission may have taken the draft meanwhile, and
  // then this deletes nothing and the caller's transaction is rolled back.
  const r = await db.deleteFrom('filings').where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** Takes the "latest" flag off the chain's current latest version and its lines; returns that version's id. */
export async function clearLatest(db: Db, chainId: number): Promise<number | undefined> {
  const current = await db
    .selectFrom('filings')
    .select('id')
    .where('chain_id', '=', chainId)
    .where('is_latest', '=', 1)
    .execute();
  for (const { id } of current) {
    for (const table of ['receipts', 'expenditures', 'refunds', 'in_kind_receipts', 'loans'] as const) {
      await db
        .updateTable(table)
        .set({ is_latest: 0 })
        .where('filing_id', '=', Number(id))
        .where('is_latest', '=', 1)
        .execute();
    }
  }
  await db
    .updateTable('filings')
    .set({ is_latest: 0 })
    .where('chain_id', '=', chainId)
    .where('is_latest', '=', 1)
    .execute();
  return current[0] ? Number(current[0].id) : undefined;
}

/** Moves a version from the status the caller read to the next one; false when it had moved already. */
export async function updateStatus(
  db: Db,
  id: number,
  from: FilingStatus,
  to: FilingStatus,
  now: string,
): Promise<boolean> {
  const r = await db
    .updateTable('filings')
    .set({ status: to, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---------------------------------------------------------------- status events

export async function insertStatusEvent(db: Db, e: Omit<FilingStatusEvent, 'id'>): Promise<void> {
  await db
    .insertInto('filing_status_events')
    .values({ filing_id: e.filingId, status: e.status, reason: e.reason, actor: e.actor, at: e.at })
    .execute();
}

export async function listStatusEvents(db: Db, filingIds: number[]): Promise<FilingStatusEvent[]> {
  if (filingIds.length === 0) return [];
  const rows = await db
    .selectFrom('filing_status_events')
    .selectAll()
    .where('filing_id', 'in', filingIds)
    .orderBy('id')
    .execute();
  return rows.map(eventFromRow);
}
