// Kysely queries of received bank statements and their transactions, and the balance after each
// statement. Returns plain rows mapped to camelCase; no business rules here (those are in
// core/intake-checks.ts and the services).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { BankStatementRow, BankTransactionRow } from '../platform/db/tables/bank-statements.tables.ts';
import { tyiyn, type Tyiyn } from '../domain/money.ts';
import type { IntakeStatement, IntakeTransaction } from './core/intake-checks.ts';
import type { FundAccount } from './account.repository.ts';

export type Db = Kysely<Database> | Transaction<Database>;

/** Ids per `IN (…)` list, well under the parameter limits of both databases. */
const ID_CHUNK = 500;

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
  const r = await db
    .selectFrom('bank_statements')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('sequence', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ? statementOf(r) : undefined;
}

export async function findStatementByFingerprint(
  db: Db,
  accountId: number,
  fingerprint: string,
): Promise<StoredStatement | undefined> {
  const r = await db
    .selectFrom('bank_statements')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('fingerprint', '=', fingerprint)
    .executeTakeFirst();
  return r ? statementOf(r) : undefined;
}

export async function findStatement(db: Db, id: number): Promise<StoredStatement | undefined> {
  const r = await db.selectFrom('bank_statements').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? statementOf(r) : undefined;
}

export async function listStatements(
  db: Db,
  filter: { electionId?: string; partyRegistrationNumber?: string; bank?: string; accountId?: number; limit?: number },
): Promise<StoredStatement[]> {
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
export async function listRecentStatements(
  db: Db,
  filter: { bank?: string; limit: number },
): Promise<StoredStatement[]> {
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

/** A transaction as intake checked it, with where it is stored. */
export interface StoredTransaction extends IntakeTransaction {
  id: number;
  statementId: number;
  accountId: number;
  position: number;
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
    const rows = await db
      .selectFrom('bank_transactions')
      .selectAll()
      .where('id', 'in', ids.slice(i, i + ID_CHUNK))
      .execute();
    out.push(...rows.map(transactionOf));
  }
  return out;
}

export async function listTransactionsOfStatement(db: Db, statementId: number): Promise<StoredTransaction[]> {
  const rows = await db
    .selectFrom('bank_transactions')
    .selectAll()
    .where('statement_id', '=', statementId)
    .orderBy('position')
    .execute();
  return rows.map(transactionOf);
}

/** Closing balance at the end of each statement of a party (all its accounts), in period order. */
export async function balanceSeries(
  db: Db,
  electionId: string,
  reg: string,
): Promise<Array<{ date: string; balance: Tyiyn; credits: Tyiyn; debits: Tyiyn; accountId: number }>> {
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
