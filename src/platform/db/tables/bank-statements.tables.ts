// Table types of the bank-statements capability (migration 0005-bank-statements): electoral fund
// accounts registered by the commission, statements received from banks with their transactions,
// reconciliation runs against the parties' reports, and the per-election publication switch.
// Money is integer tyiyn (transactions signed: credit > 0, debit < 0), dates ISO text, flags 0/1.
import type { Generated, Selectable } from 'kysely';

export interface ElectoralFundAccountTable {
  id: Generated<number>;
  election_id: string;
  party_registration_number: string;
  /** The bank's code as bank officers' accounts name it (users.bank). */
  bank: string;
  /** Without spaces, as statements carry it. */
  account_number: string;
  currency: string;
  opened_on: string;
  registered_by: string;
  registered_at: string;
}

export interface BankStatementTable {
  id: Generated<number>;
  account_id: number;
  election_id: string;
  party_registration_number: string;
  bank: string;
  /** 1, 2, … per account: the statement number when the bank gives one, otherwise the next one. */
  sequence: number;
  /** As the bank wrote it (MT940 :28C:, camt LglSeqNb); 1C statements carry none. */
  statement_number: string | null;
  period_from: string;
  period_to: string;
  currency: string;
  opening_balance: number;
  closing_balance: number;
  total_credits: number;
  total_debits: number;
  transaction_count: number;
  /** camt053 | mt940 | 1c | csv | xlsx, detected from the content. */
  format: string;
  /** SHA-256 of the original file in the blob store. */
  blob_sha256: string;
  file_name: string;
  /** SHA-256 of the statement's content independent of the file format: the same statement twice is one. */
  fingerprint: string;
  uploaded_by: string;
  uploaded_at: string;
}

export interface BankTransactionTable {
  id: Generated<number>;
  statement_id: number;
  account_id: number;
  election_id: string;
  party_registration_number: string;
  /** Order within the statement, from 0. */
  position: number;
  booking_date: string;
  value_date: string | null;
  amount: number;
  counterparty_name: string | null;
  counterparty_account: string | null;
  /** INN of an organisation or PIN of a person: a PIN is private and never published. */
  counterparty_id: string | null;
  remittance: string | null;
  bank_reference: string | null;
  end_to_end_reference: string | null;
  reversal: number;
}

export interface ReconciliationRunTable {
  id: Generated<number>;
  election_id: string;
  party_registration_number: string;
  /** statement | filing | manual | demo */
  trigger: string;
  trigger_ref: string;
  actor: string;
  ran_at: string;
  date_tolerance_days: number;
  statement_count: number;
  transaction_count: number;
  report_line_count: number;
  matched_count: number;
  unreported_count: number;
  unsupported_count: number;
  mismatch_count: number;
  cash_count: number;
  /** End of the latest statement's period; null before any statement arrived. */
  bank_as_of: string | null;
  bank_received: number;
  bank_spent: number;
  bank_balance: number;
  reported_received: number;
  reported_spent: number;
}

export interface ReconciliationResultTable {
  id: Generated<number>;
  run_id: number;
  /** matched | unreported | unsupported | amount_mismatch | date_mismatch | cash */
  kind: string;
  /** in (money received) | out (money spent) */
  direction: string;
  bank_transaction_id: number | null;
  /** receipts | expenditures | refunds */
  report_section: string | null;
  /** id of the itemised line row (receipts.id …). */
  report_line_row_id: number | null;
  /** The filer's lineId. */
  report_line_id: string | null;
  bank_date: string | null;
  report_date: string | null;
  bank_amount: number | null;
  report_amount: number | null;
  /** Both sides as they stood when the run was made (no private report fields). */
  evidence_json: string;
}

export interface ReconciliationPublicationTable {
  id: Generated<number>;
  election_id: string;
  published: number;
  actor: string;
  at: string;
}

export interface BankStatementsTables {
  electoral_fund_accounts: ElectoralFundAccountTable;
  bank_statements: BankStatementTable;
  bank_transactions: BankTransactionTable;
  reconciliation_runs: ReconciliationRunTable;
  reconciliation_results: ReconciliationResultTable;
  reconciliation_publications: ReconciliationPublicationTable;
}

export type ElectoralFundAccountRow = Selectable<ElectoralFundAccountTable>;
export type BankStatementRow = Selectable<BankStatementTable>;
export type BankTransactionRow = Selectable<BankTransactionTable>;
export type ReconciliationRunRow = Selectable<ReconciliationRunTable>;
export type ReconciliationResultRow = Selectable<ReconciliationResultTable>;
