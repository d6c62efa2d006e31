// Kysely queries of reconciliation: the reported lines a party's bank transactions are compared with
// (the latest filed versions, read from the filings' itemised tables), the runs and their result rows,
// and the switch that publishes the unreported transactions of an election. Returns plain rows mapped
// to camelCase; the comparison itself is the pure core/reconciliation.ts.
import type { ReconciliationRunRow, ReconciliationResultRow } from '../platform/db/tables/bank-statements.tables.ts';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { tyiyn, type Tyiyn } from '../domain/money.ts';
import type { Db } from './statement.repository.ts';

/** Ids per `IN (…)` list, well under the parameter limits of both databases. */
const ID_CHUNK = 500;

/** The reported lines of a party that reconciliation compares with the bank: latest filed versions only. */
export interface ReportedLineRow {
  section: 'receipts' | 'expenditures' | 'refunds';
  rowId: number;
  filingId: number;
  lineId: string;
  date: string;
  amount: Tyiyn;
  name: string;
  /** INN, or for an individual donor the PIN: used to match, never stored in evidence. */
  identifier: string | null;
  /** The INN when it may be shown (not an individual's, whose INN is the PIN). */
  inn: string | null;
  channel: string | null;
  reference: string | null;
  category: string | null;
  donorType: string | null;
}

/** Row ids of report lines, per itemised table. */
export interface ReportLineIds {
  receipts: number[];
  expenditures: number[];
  refunds: number[];
}

/** Which lines to load: a party's latest filed lines, or given rows whatever version they belong to. */
type LineFilter = { party: { electionId: string; reg: string } } | { ids: ReportLineIds };

export async function listReportedLines(db: Db, electionId: string, reg: string): Promise<ReportedLineRow[]> {
  return loadReportedLines(db, { party: { electionId, reg } });
}

/** Report lines by row id (the matched pairs of a run name them; amendments since do not hide them). */
export async function reportedLinesByIds(db: Db, ids: ReportLineIds): Promise<ReportedLineRow[]> {
  const out: ReportedLineRow[] = [];
  const longest = Math.max(ids.receipts.length, ids.expenditures.length, ids.refunds.length);
  for (let i = 0; i < longest; i += ID_CHUNK) {
    const chunk = (xs: number[]) => xs.slice(i, i + ID_CHUNK);
    out.push(
      ...(await loadReportedLines(db, {
        ids: { receipts: chunk(ids.receipts), expenditures: chunk(ids.expenditures), refunds: chunk(ids.refunds) },
      })),
    );
  }
  return out;
}

async function loadReportedLines(db: Db, f: LineFilter): Promise<ReportedLineRow[]> {
  const receipts = await receiptRows(db, f);
  const expenditures = await expenditureRows(db, f);
  const refunds = await refundRows(db, f);
  return [...receipts.map(receiptLine), ...expenditures.map(expenditureLine), ...refunds.map(refundLine)];
}

/**
 * The condition of a line query on one itemised table (under `alias` when the query names it so):
 * a party's latest filed lines, or the given rows of that table.
 */
function lineCondition(f: LineFilter, table: keyof ReportLineIds, alias: string = table): RawBuilder<SqlBool> {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  if ('ids' in f) return sql<SqlBool>`${col('id')} in (${sql.join(f.ids[table])})`;
  const party = [
    sql`${col('is_latest')} = 1`,
    sql`${col('election_id')} = ${f.party.electionId}`,
    sql`${col('party_registration_number')} = ${f.party.reg}`,
  ];
  return sql<SqlBool>`${sql.join(party, sql` and `)}`;
}

async function receiptRows(db: Db, f: LineFilter) {
  if ('ids' in f && f.ids.receipts.length === 0) return [];
  const q = db
    .selectFrom('receipts')
    .select([
      'id',
      'filing_id',
      'line_id',
      'date',
      'amount',
      'donor_name',
      'donor_inn',
      'donor_pin',
      'channel',
      'bank_reference',
      'donor_type',
    ]);
  return q.where(lineCondition(f, 'receipts')).orderBy('date').orderBy('id').execute();
}

async function expenditureRows(db: Db, f: LineFilter) {
  if ('ids' in f && f.ids.expenditures.length === 0) return [];
  const q = db
    .selectFrom('expenditures')
    .select(['id', 'filing_id', 'line_id', 'date', 'amount', 'payee_name', 'payee_inn', 'document_number', 'category']);
  return q.where(lineCondition(f, 'expenditures')).orderBy('date').orderBy('id').execute();
}

async function refundRows(db: Db, f: LineFilter) {
  if ('ids' in f && f.ids.refunds.length === 0) return [];
  const q = db
    .selectFrom('refunds as f')
    .leftJoin('receipts as r', (j) =>
      j.onRef('r.filing_id', '=', 'f.filing_id').onRef('r.line_id', '=', 'f.receipt_line_id'),
    )
    .select([
      'f.id',
      'f.filing_id',
      'f.line_id',
      'f.date',
      'f.amount',
      'f.kind',
      'r.donor_name',
      'r.donor_inn',
      'r.donor_pin',
      'r.donor_type',
    ]);
  return q
    .where(lineCondition(f, 'refunds', 'f'))
    .orderBy('f.date')
    .orderBy('f.id')
    .execute();
}

/** What every reported line has, whichever table it comes from. */
const lineKeys = (
  section: ReportedLineRow['section'],
  r: { id: number; filing_id: number; line_id: string; date: string; amount: number },
) => ({
  section,
  rowId: Number(r.id),
  filingId: Number(r.filing_id),
  lineId: r.line_id,
  date: r.date,
  amount: tyiyn(Number(r.amount)),
});

const receiptLine = (r: Awaited<ReturnType<typeof receiptRows>>[number]): ReportedLineRow => ({
  ...lineKeys('receipts', r),
  name: r.donor_name,
  identifier: r.donor_inn ?? r.donor_pin,
  inn: r.donor_type === 'individual' ? null : r.donor_inn,
  channel: r.channel,
  reference: r.bank_reference,
  category: null,
  donorType: r.donor_type,
});

const expenditureLine = (r: Awaited<ReturnType<typeof expenditureRows>>[number]): ReportedLineRow => ({
  ...lineKeys('expenditures', r),
  name: r.payee_name,
  identifier: r.payee_inn,
  inn: r.payee_inn,
  channel: null,
  reference: r.document_number,
  category: r.category,
  donorType: null,
});

const refundLine = (r: Awaited<ReturnType<typeof refundRows>>[number]): ReportedLineRow => ({
  ...lineKeys('refunds', r),
  // A refund to the budget has no donor on the bank side; the donor's name is the best there is.
  name: r.donor_name ?? '',
  identifier: r.donor_inn ?? r.donor_pin ?? null,
  inn: r.donor_type === 'individual' ? null : (r.donor_inn ?? null),
  channel: null,
  reference: null,
  category: r.kind,
  donorType: null,
});

/** Every party of an election with a registered account or reported lines: those reconciliation covers. */
export async function partiesToReconcile(db: Db, electionId: string): Promise<string[]> {
  const regs = new Set<string>();
  for (const t of ['electoral_fund_accounts', 'receipts', 'expenditures'] as const) {
    const rows = await db
      .selectFrom(t)
      .select('party_registration_number')
      .distinct()
      .where('election_id', '=', electionId)
      .execute();
    for (const r of rows) regs.add(r.party_registration_number);
  }
  return [...regs].sort();
}

export interface NewRun {
  electionId: string;
  partyRegistrationNumber: string;
  trigger: string;
  triggerRef: string;
  actor: string;
  ranAt: string;
  dateToleranceDays: number;
  statementCount: number;
  transactionCount: number;
  reportLineCount: number;
  matchedCount: number;
  unreportedCount: number;
  unsupportedCount: number;
  mismatchCount: number;
  cashCount: number;
  bankAsOf: string | null;
  bankReceived: Tyiyn;
  bankSpent: Tyiyn;
  bankBalance: Tyiyn;
  reportedReceived: Tyiyn;
  reportedSpent: Tyiyn;
}

export interface NewResult {
  kind: string;
  direction: 'in' | 'out';
  bankTransactionId: number | null;
  reportSection: string | null;
  reportLineRowId: number | null;
  reportLineId: string | null;
  bankDate: string | null;
  reportDate: string | null;
  bankAmount: number | null;
  reportAmount: number | null;
  evidence: unknown;
}

const RESULT_BATCH = 500;

export async function insertRun(db: Db, run: NewRun, results: readonly NewResult[]): Promise<number> {
  const row = await db
    .insertInto('reconciliation_runs')
    .values({
      election_id: run.electionId,
      party_registration_number: run.partyRegistrationNumber,
      trigger: run.trigger,
      trigger_ref: run.triggerRef,
      actor: run.actor,
      ran_at: run.ranAt,
      date_tolerance_days: run.dateToleranceDays,
      statement_count: run.statementCount,
      transaction_count: run.transactionCount,
      report_line_count: run.reportLineCount,
      matched_count: run.matchedCount,
      unreported_count: run.unreportedCount,
      unsupported_count: run.unsupportedCount,
      mismatch_count: run.mismatchCount,
      cash_count: run.cashCount,
      bank_as_of: run.bankAsOf,
      bank_received: run.bankReceived,
      bank_spent: run.bankSpent,
      bank_balance: run.bankBalance,
      reported_received: run.reportedReceived,
      reported_spent: run.reportedSpent,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const runId = Number(row.id);
  for (let i = 0; i < results.length; i += RESULT_BATCH) {
    await db
      .insertInto('reconciliation_results')
      .values(
        results.slice(i, i + RESULT_BATCH).map((r) => ({
          run_id: runId,
          kind: r.kind,
          direction: r.direction,
          bank_transaction_id: r.bankTransactionId,
          report_section: r.reportSection,
          report_line_row_id: r.reportLineRowId,
          report_line_id: r.reportLineId,
          bank_date: r.bankDate,
          report_date: r.reportDate,
          bank_amount: r.bankAmount,
          report_amount: r.reportAmount,
          evidence_json: JSON.stringify(r.evidence),
        })),
      )
      .execute();
  }
  return runId;
}

/** A stored run: what was asked for and what it counted. */
export interface RunSummary extends NewRun {
  id: number;
}

const runOf = (r: ReconciliationRunRow): RunSummary => ({
  id: Number(r.id),
  electionId: r.election_id,
  partyRegistrationNumber: r.party_registration_number,
  trigger: r.trigger,
  triggerRef: r.trigger_ref,
  actor: r.actor,
  ranAt: r.ran_at,
  dateToleranceDays: r.date_tolerance_days,
  statementCount: r.statement_count,
  transactionCount: r.transaction_count,
  reportLineCount: r.report_line_count,
  matchedCount: r.matched_count,
  unreportedCount: r.unreported_count,
  unsupportedCount: r.unsupported_count,
  mismatchCount: r.mismatch_count,
  cashCount: r.cash_count,
  bankAsOf: r.bank_as_of,
  bankReceived: tyiyn(Number(r.bank_received)),
  bankSpent: tyiyn(Number(r.bank_spent)),
  bankBalance: tyiyn(Number(r.bank_balance)),
  reportedReceived: tyiyn(Number(r.reported_received)),
  reportedSpent: tyiyn(Number(r.reported_spent)),
});

/** The latest run of every party of an election (highest id per party). */
export async function latestRuns(db: Db, electionId: string): Promise<RunSummary[]> {
  const latest = db
    .selectFrom('reconciliation_runs')
    .select((eb) => ['party_registration_number', eb.fn.max('id').as('max_id')])
    .where('election_id', '=', electionId)
    .groupBy('party_registration_number')
    .as('l');
  const rows = await db
    .selectFrom('reconciliation_runs as r')
    .innerJoin(latest, (j) => j.onRef('l.max_id', '=', 'r.id'))
    .selectAll('r')
    .orderBy('r.party_registration_number')
    .execute();
  return rows.map(runOf);
}

export async function latestRunOfParty(db: Db, electionId: string, reg: string): Promise<RunSummary | undefined> {
  const r = await db
    .selectFrom('reconciliation_runs')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('party_registration_number', '=', reg)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ? runOf(r) : undefined;
}

export async function countRuns(db: Db, electionId: string, reg: string): Promise<number> {
  const r = await db
    .selectFrom('reconciliation_runs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('election_id', '=', electionId)
    .where('party_registration_number', '=', reg)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A stored result row; its amounts read back as tyiyn. */
export interface StoredResult extends Omit<NewResult, 'bankAmount' | 'reportAmount'> {
  id: number;
  runId: number;
  bankAmount: Tyiyn | null;
  reportAmount: Tyiyn | null;
}

const resultOf = (r: ReconciliationResultRow): StoredResult => ({
  id: Number(r.id),
  runId: Number(r.run_id),
  kind: r.kind,
  direction: r.direction === 'out' ? 'out' : 'in',
  bankTransactionId: r.bank_transaction_id === null ? null : Number(r.bank_transaction_id),
  reportSection: r.report_section,
  reportLineRowId: r.report_line_row_id === null ? null : Number(r.report_line_row_id),
  reportLineId: r.report_line_id,
  bankDate: r.bank_date,
  reportDate: r.report_date,
  bankAmount: r.bank_amount === null ? null : tyiyn(Number(r.bank_amount)),
  reportAmount: r.report_amount === null ? null : tyiyn(Number(r.report_amount)),
  evidence: JSON.parse(r.evidence_json) as unknown,
});

export async function listResults(db: Db, runId: number, kinds?: readonly string[]): Promise<StoredResult[]> {
  let q = db.selectFrom('reconciliation_results').selectAll().where('run_id', '=', runId);
  if (kinds && kinds.length > 0) q = q.where('kind', 'in', [...kinds]);
  return (await q.orderBy('kind').orderBy('id').execute()).map(resultOf);
}

export interface Publication {
  published: boolean;
  actor: string;
  at: string;
}

export async function currentPublication(db: Db, electionId: string): Promise<Publication | undefined> {
  const r = await db
    .selectFrom('reconciliation_publications')
    .selectAll()
    .where('election_id', '=', electionId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ? { published: r.published === 1, actor: r.actor, at: r.at } : undefined;
}

export async function publicationHistory(db: Db, electionId: string): Promise<Publication[]> {
  const rows = await db
    .selectFrom('reconciliation_publications')
    .selectAll()
    .where('election_id', '=', electionId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({ published: r.published === 1, actor: r.actor, at: r.at }));
}

export async function insertPublication(
  db: Db,
  electionId: string,
  published: boolean,
  actor: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('reconciliation_publications')
    .values({ election_id: electionId, published: published ? 1 : 0, actor, at })
    .execute();
}
