// Kysely queries of statement intake and reconciliation: electoral fund accounts, statements and their
// transactions, reconciliation runs and results, the publication switch. Returns plain rows mapped to
// camelCase; no business rules here (those are in intake-checks.ts and the services).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { ElectoralFundAccountRow, BankStatementRow, BankTransactionRow, ReconciliationRunRow, ReconciliationResultRow } from '../platform/db/tables/bank-statements.tables.ts';
import { tyiyn, type Tyiyn } from '../domain/money.ts';
import type { IntakeStatement } from './core/intake-checks.ts';

export type Db = Kysely<Database> | Transaction<Database>;

export interface FundAccount {
  id: number;
  electionId: string;
  partyRegistrationNumber: string;
  bank: string;
  accountNumber: string;
  currency: string;
  openedOn: string;
  registeredBy: string;
  registeredAt: string;
}

const accountOf = (r: ElectoralFundAccountRow): FundAccount => ({
  id: Number(r.id),
  electionId: r.election_id,
  partyRegistrationNumber: r.party_registration_number,
  bank: r.bank,
  accountNumber: r.account_number,
  currency: r.currency,
  openedOn: r.opened_on,
  registeredBy: r.registered_by,
  registeredAt: r.registered_at,
});

export async function insertAccount(db: Db, a: Omit<FundAccount, 'id'>): Promise<FundAccount> {
  const row = await db
    .insertInto('electoral_fund_accounts')
    .values({
      election_id: a.electionId,
      party_registration_number: a.partyRegistrationNumber,
      bank: a.bank,
      account_number: a.accountNumber,
      currency: a.currency,
      opened_on: a.openedOn,
      registered_by: a.registeredBy,
      registered_at: a.registeredAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return accountOf(row);
}

export async function findAccountsByNumber(db: Db, accountNumber: string): Promise<FundAccount[]> {
  const rows = await db.selectFrom('electoral_fund_accounts').selectAll().where('account_number', '=', accountNumber).orderBy('id').execute();
  return rows.map(accountOf);
}

export async function findAccount(db: Db, id: number): Promise<FundAccount | undefined> {
  const r = await db.selectFrom('electoral_fund_accounts').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? accountOf(r) : undefined;
}

export async function listAccounts(db: Db, filter: { electionId?: string; partyRegistrationNumber?: string; bank?: string } = {}): Promise<FundAccount[]> {
  let q = db.selectFrom('electoral_fund_accounts').selectAll();
  if (filter.electionId) q = q.where('election_id', '=', filter.electionId);
  if (filter.partyRegistrationNumber) q = q.where('party_registration_number', '=', filter.partyRegistrationNumber);
  if (filter.bank) q = q.where('bank', '=', filter.bank);
  return (await q.orderBy('election_id').orderBy('party_registration_number').orderBy('id').execute()).map(accountOf);
}

export interface StoredStatement {
  id: number;
  accountId: number;
  electionId: string;
  partyRegistrationNumber: string;
  bank: string;
  sequence: number;
  statementNumber: string | null;
  from: string;
  to: string;
  currency: string;
  opening: Tyiyn;
  closing: Tyiyn;
  credits: Tyiyn;
  debits: Tyiyn;
  transactionCount: number;
  format: string;
  blobSha256: string;
  fileName: string;
  fingerprint: string;
  uploadedBy: string;
  uploadedAt: string;
}

const statementOf = (r: BankStatementRow): StoredStatement => ({
  id: Number(r.id),
  accountId: Number(r.account_id),
  electionId: r.election_id,
  partyRegistrationNumber: r.party_registration_number,
  bank: r.bank,
  sequence: r.sequence,
  statementNumber: r.statement_number,
  from: r.period_from,
  to: r.period_to,
  currency: r.currency,
  opening: tyiyn(Number(r.opening_balance)),
  closing: tyiyn(Number(r.closing_balance)),
  credits: tyiyn(Number(r.total_credits)),
  debits: tyiyn(Number(r.total_debits)),
  transactionCount: r.transaction_count,
  format: r.format,
  blobSha256: r.blob_sha256,
  fileName: r.file_name,
  fingerprint: r.fingerprint,
  uploadedBy: r.uploaded_by,
  uploadedAt: r.uploaded_at,
});

export async function findLastStatement(db: Db, accountId: number): Promise<StoredStatement | undefined> {
  const r = await db.selectFrom('bank_statements').selectAll().where('account_id', '=', accountId).orderBy('sequence', 'desc').limit(1).executeTakeFirst();
  return r ? statementOf(r) : undefined;
}

export async function findStatementByFingerprint(db: Db, accountId: number, fingerprint: string): Promise<StoredStatement | undefined> {
  const r = await db.selectFrom('bank_statements').selectAll().where('account_id', '=', accountId).where('fingerprint', '=', fingerprint).executeTakeFirst();
  return r ? statementOf(r) : undefined;
}

export async function findStatement(db: Db, id: number): Promise<StoredStatement | undefined> {
  const r = await db.selectFrom('bank_statements').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? statementOf(r) : undefined;
}

export async function listStatements(db: Db, filter: { electionId?: string; partyRegistrationNumber?: string; bank?: string; accountId?: number; limit?: number }): Promise<StoredStatement[]> {
  let q = db.selectFrom('bank_statements').selectAll();
  if (filter.electionId) q = q.where('election_id', '=', filter.electionId);
  if (filter.partyRegistrationNumber) q = q.where('party_registration_number', '=', filter.partyRegistrationNumber);
  if (filter.bank) q = q.where('bank', '=', filter.bank);
  if (filter.accountId !== undefined) q = q.where('account_id', '=', filter.accountId);
  q = q.orderBy('period_to').orderBy('id');
  if (filter.limit !== undefined) q = q.limit(filter.limit);
  return (await q.execute()).map(statementOf);
}

/** The latest statements uploaded, newest first (the bank officer's list). */
export async function listRecentStatements(db: Db, filter: { bank?: string; limit: number }): Promise<StoredStatement[]> {
  let q = db.selectFrom('bank_statements').selectAll();
  if (filter.bank) q = q.where('bank', '=', filter.bank);
  return (await q.orderBy('id', 'desc').limit(filter.limit).execute()).map(statementOf);
}

export interface NewStatementRow {
  account: FundAccount;
  sequence: number;
  statement: IntakeStatement;
  format: string;
  blobSha256: string;
  fileName: string;
  uploadedBy: string;
  uploadedAt: string;
}

/** Rows per INSERT: 15 columns × 400 stays under the parameter limits of both databases. */
const TRANSACTION_BATCH = 400;

export async function insertStatement(db: Db, n: NewStatementRow): Promise<number> {
  const s = n.statement;
  const row = await db
    .insertInto('bank_statements')
    .values({
      account_id: n.account.id,
      election_id: n.account.electionId,
      party_registration_number: n.account.partyRegistrationNumber,
      bank: n.account.bank,
      sequence: n.sequence,
      statement_number: s.statementNumber,
      period_from: s.from,
      period_to: s.to,
      currency: s.currency,
      opening_balance: s.opening,
      closing_balance: s.closing,
      total_credits: s.credits,
      total_debits: s.debits,
      transaction_count: s.transactions.length,
      format: n.format,
      blob_sha256: n.blobSha256,
      file_name: n.fileName,
      fingerprint: s.fingerprint,
      uploaded_by: n.uploadedBy,
      uploaded_at: n.uploadedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const statementId = Number(row.id);
  for (let i = 0; i < s.transactions.length; i += TRANSACTION_BATCH) {
    await db
      .insertInto('bank_transactions')
      .values(
        s.transactions.slice(i, i + TRANSACTION_BATCH).map((t, k) => ({
          statement_id: statementId,
          account_id: n.account.id,
          election_id: n.account.electionId,
          party_registration_number: n.account.partyRegistrationNumber,
          position: i + k,
          booking_date: t.bookingDate,
          value_date: t.valueDate,
          amount: t.amount,
          counterparty_name: t.counterpartyName,
          counterparty_account: t.counterpartyAccount,
          counterparty_id: t.counterpartyId,
          remittance: t.remittance,
          bank_reference: t.bankReference,
          end_to_end_reference: t.endToEndReference,
          reversal: t.reversal ? 1 : 0,
        })),
      )
      .execute();
  }
  return statementId;
}

export interface StoredTransaction {
  id: number;
  statementId: number;
  accountId: number;
  position: number;
  bookingDate: string;
  valueDate: string | null;
  amount: Tyiyn;
  counterpartyName: string | null;
  counterpartyAccount: string | null;
  counterpartyId: string | null;
  remittance: string | null;
  bankReference: string | null;
  endToEndReference: string | null;
  reversal: boolean;
}

const transactionOf = (r: BankTransactionRow): StoredTransaction => ({
  id: Number(r.id),
  statementId: Number(r.statement_id),
  accountId: Number(r.account_id),
  position: r.position,
  bookingDate: r.booking_date,
  valueDate: r.value_date,
  amount: tyiyn(Number(r.amount)),
  counterpartyName: r.counterparty_name,
  counterpartyAccount: r.counterparty_account,
  counterpartyId: r.counterparty_id,
  remittance: r.remittance,
  bankReference: r.bank_reference,
  endToEndReference: r.end_to_end_reference,
  reversal: r.reversal === 1,
});

export async function listTransactionsOfParty(db: Db, electionId: string, reg: string): Promise<StoredTransaction[]> {
  const rows = await db
    .selectFrom('bank_transactions')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('party_registration_number', '=', reg)
    .orderBy('booking_date')
    .orderBy('id')
    .execute();
  return rows.map(transactionOf);
}

export async function transactionsByIds(db: Db, ids: readonly number[]): Promise<StoredTransaction[]> {
  const out: StoredTransaction[] = [];
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const rows = await db.selectFrom('bank_transactions').selectAll().where('id', 'in', ids.slice(i, i + ID_CHUNK)).execute();
    out.push(...rows.map(transactionOf));
  }
  return out;
}

export async function listTransactionsOfStatement(db: Db, statementId: number): Promise<StoredTransaction[]> {
  const rows = await db.selectFrom('bank_transactions').selectAll().where('statement_id', '=', statementId).orderBy('position').execute();
  return rows.map(transactionOf);
}

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

/** Which lines to load: a party's latest filed lines, or given rows whatever version they belong to. */
type LineFilter = { party: { electionId: string; reg: string } } | { ids: { receipts: number[]; expenditures: number[]; refunds: number[] } };

export function listReportedLines(db: Db, electionId: string, reg: string): Promise<ReportedLineRow[]> {
  return loadReportedLines(db, { party: { electionId, reg } });
}

const ID_CHUNK = 500;

/** Report lines by row id (the matched pairs of a run name them; amendments since do not hide them). */
export async function reportedLinesByIds(db: Db, ids: { receipts: number[]; expenditures: number[]; refunds: number[] }): Promise<ReportedLineRow[]> {
  const out: ReportedLineRow[] = [];
  const longest = Math.max(ids.receipts.length, ids.expenditures.length, ids.refunds.length);
  for (let i = 0; i < longest; i += ID_CHUNK) {
    const chunk = (xs: number[]) => xs.slice(i, i + ID_CHUNK);
    out.push(...(await loadReportedLines(db, { ids: { receipts: chunk(ids.receipts), expenditures: chunk(ids.expenditures), refunds: chunk(ids.refunds) } })));
  }
  return out;
}

async function loadReportedLines(db: Db, f: LineFilter): Promise<ReportedLineRow[]> {
  const byParty = 'party' in f ? f.party : undefined;
  const ids = 'ids' in f ? f.ids : undefined;
  const receipts =
    ids && ids.receipts.length === 0
      ? []
      : await db
          .selectFrom('receipts')
          .select(['id', 'filing_id', 'line_id', 'date', 'amount', 'donor_name', 'donor_inn', 'donor_pin', 'channel', 'bank_reference', 'donor_type'])
          .$if(byParty !== undefined, (q) => q.where('is_latest', '=', 1).where('election_id', '=', byParty!.electionId).where('party_registration_number', '=', byParty!.reg))
          .$if(ids !== undefined, (q) => q.where('id', 'in', ids!.receipts))
          .orderBy('date')
          .orderBy('id')
          .execute();
  const expenditures =
    ids && ids.expenditures.length === 0
      ? []
      : await db
          .selectFrom('expenditures')
          .select(['id', 'filing_id', 'line_id', 'date', 'amount', 'payee_name', 'payee_inn', 'document_number', 'category'])
          .$if(byParty !== undefined, (q) => q.where('is_latest', '=', 1).where('election_id', '=', byParty!.electionId).where('party_registration_number', '=', byParty!.reg))
          .$if(ids !== undefined, (q) => q.where('id', 'in', ids!.expenditures))
          .orderBy('date')
          .orderBy('id')
          .execute();
  const refunds =
    ids && ids.refunds.length === 0
      ? []
      : await db
          .selectFrom('refunds as f')
          .leftJoin('receipts as r', (j) => j.onRef('r.filing_id', '=', 'f.filing_id').onRef('r.line_id', '=', 'f.receipt_line_id'))
          .select(['f.id', 'f.filing_id', 'f.line_id', 'f.date', 'f.amount', 'f.kind', 'r.donor_name', 'r.donor_inn', 'r.donor_pin', 'r.donor_type'])
          .$if(byParty !== undefined, (q) => q.where('f.is_latest', '=', 1).where('f.election_id', '=', byParty!.electionId).where('f.party_registration_number', '=', byParty!.reg))
          .$if(ids !== undefined, (q) => q.where('f.id', 'in', ids!.refunds))
          .orderBy('f.date')
          .orderBy('f.id')
          .execute();
  return [
    ...receipts.map(
      (r): ReportedLineRow => ({
        section: 'receipts',
        rowId: Number(r.id),
        filingId: Number(r.filing_id),
        lineId: r.line_id,
        date: r.date,
        amount: tyiyn(Number(r.amount)),
        name: r.donor_name,
        identifier: r.donor_inn ?? r.donor_pin,
        inn: r.donor_type === 'individual' ? null : r.donor_inn,
        channel: r.channel,
        reference: r.bank_reference,
        category: null,
        donorType: r.donor_type,
      }),
    ),
    ...expenditures.map(
      (r): ReportedLineRow => ({
        section: 'expenditures',
        rowId: Number(r.id),
        filingId: Number(r.filing_id),
        lineId: r.line_id,
        date: r.date,
        amount: tyiyn(Number(r.amount)),
        name: r.payee_name,
        identifier: r.payee_inn,
        inn: r.payee_inn,
        channel: null,
        reference: r.document_number,
        category: r.category,
        donorType: null,
      }),
    ),
    ...refunds.map(
      (r): ReportedLineRow => ({
        section: 'refunds',
        rowId: Number(r.id),
        filingId: Number(r.filing_id),
        lineId: r.line_id,
        date: r.date,
        amount: tyiyn(Number(r.amount)),
        // A refund to the budget has no donor on the bank side; the donor's name is the best there is.
        name: r.donor_name ?? '',
        identifier: r.donor_inn ?? r.donor_pin ?? null,
        inn: r.donor_type === 'individual' ? null : (r.donor_inn ?? null),
        channel: null,
        reference: null,
        category: r.kind,
        donorType: null,
      }),
    ),
  ];
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

export interface RunSummary {
  id: number;
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

export interface StoredResult {
  id: number;
  runId: number;
  kind: string;
  direction: 'in' | 'out';
  bankTransactionId: number | null;
  reportSection: string | null;
  reportLineRowId: number | null;
  reportLineId: string | null;
  bankDate: string | null;
  reportDate: string | null;
  bankAmount: Tyiyn | null;
  reportAmount: Tyiyn | null;
  evidence: unknown;
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
  const r = await db.selectFrom('reconciliation_publications').selectAll().where('election_id', '=', electionId).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return r ? { published: r.published === 1, actor: r.actor, at: r.at } : undefined;
}

export async function publicationHistory(db: Db, electionId: string): Promise<Publication[]> {
  const rows = await db.selectFrom('reconciliation_publications').selectAll().where('election_id', '=', electionId).orderBy('id', 'desc').execute();
  return rows.map((r) => ({ published: r.published === 1, actor: r.actor, at: r.at }));
}

export async function insertPublication(db: Db, electionId: string, published: boolean, actor: string, at: string): Promise<void> {
  await db.insertInto('reconciliation_publications').values({ election_id: electionId, published: published ? 1 : 0, actor, at }).execute();
}

/** Closing balance at the end of each statement of a party (all its accounts), in period order. */
export async function balanceSeries(db: Db, electionId: string, reg: string): Promise<Array<{ date: string; balance: Tyiyn; credits: Tyiyn; debits: Tyiyn; accountId: number }>> {
  const rows = await db
    .selectFrom('bank_statements')
    .select(['period_to', 'closing_balance', 'total_credits', 'total_debits', 'account_id'])
    .where('election_id', '=', electionId)
    .where('party_registration_number', '=', reg)
    .orderBy('period_to')
    .orderBy('sequence')
    .execute();
  return rows.map((r) => ({
    date: r.period_to,
    balance: tyiyn(Number(r.closing_balance)),
    credits: tyiyn(Number(r.total_credits)),
    debits: tyiyn(Number(r.total_debits)),
    accountId: Number(r.account_id),
  }));
}
