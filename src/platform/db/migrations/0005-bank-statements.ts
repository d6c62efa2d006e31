// Bank statements of electoral funds: the accounts the commission registers, the statements banks send
// (one row each, the original file kept in the blob store under its SHA-256), their transactions, the
// reconciliation runs against the parties' reports, and the per-election switch that publishes the
// money found in the bank but in no report.
//
// Everything here is appended, never updated: a re-run of the reconciliation is a new run with new
// result rows (the latest run of a party is the one with the highest id), and the publication switch is
// a new row each time it is turned, so its history stays visible next to the activity log.
// Uniqueness that intake relies on is enforced by the database, so that it holds across instances:
// one statement per (account, sequence) and one per (account, content fingerprint).
import type { Kysely } from 'kysely';
import { idColumn } from '../migration-helpers.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await idColumn(db, db.schema.createTable('electoral_fund_accounts'))
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('party_registration_number', 'text', (c) => c.notNull().references('parties.registration_number'))
    .addColumn('bank', 'text', (c) => c.notNull())
    .addColumn('account_number', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('KGS'))
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('registered_by', 'text', (c) => c.notNull())
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('electoral_fund_accounts_key_uq')
    .unique()
    .on('electoral_fund_accounts')
    .columns(['bank', 'account_number', 'election_id'])
    .execute();
  await db.schema
    .createIndex('electoral_fund_accounts_number_idx')
    .on('electoral_fund_accounts')
    .column('account_number')
    .execute();
  await db.schema
    .createIndex('electoral_fund_accounts_party_idx')
    .on('electoral_fund_accounts')
    .columns(['election_id', 'party_registration_number'])
    .execute();

  await idColumn(db, db.schema.createTable('bank_statements'))
    .addColumn('account_id', 'bigint', (c) => c.notNull().references('electoral_fund_accounts.id'))
    .addColumn('election_id', 'text', (c) => c.notNull())
    .addColumn('party_registration_number', 'text', (c) => c.notNull())
    .addColumn('bank', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('statement_number', 'text')
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('opening_balance', 'bigint', (c) => c.notNull())
    .addColumn('closing_balance', 'bigint', (c) => c.notNull())
    .addColumn('total_credits', 'bigint', (c) => c.notNull())
    .addColumn('total_debits', 'bigint', (c) => c.notNull())
    .addColumn('transaction_count', 'integer', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('blob_sha256', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('bank_statements_sequence_uq')
    .unique()
    .on('bank_statements')
    .columns(['account_id', 'sequence'])
    .execute();
  await db.schema
    .createIndex('bank_statements_fingerprint_uq')
    .unique()
    .on('bank_statements')
    .columns(['account_id', 'fingerprint'])
    .execute();
  await db.schema
    .createIndex('bank_statements_party_idx')
    .on('bank_statements')
    .columns(['election_id', 'party_registration_number', 'period_to'])
    .execute();
  await db.schema.createIndex('bank_statements_blob_idx').on('bank_statements').column('blob_sha256').execute();

  await idColumn(db, db.schema.createTable('bank_transactions'))
    .addColumn('statement_id', 'bigint', (c) => c.notNull().references('bank_statements.id'))
    .addColumn('account_id', 'bigint', (c) => c.notNull())
    .addColumn('election_id', 'text', (c) => c.notNull())
    .addColumn('party_registration_number', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('booking_date', 'text', (c) => c.notNull())
    .addColumn('value_date', 'text')
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('counterparty_name', 'text')
    .addColumn('counterparty_account', 'text')
    .addColumn('counterparty_id', 'text')
    .addColumn('remittance', 'text')
    .addColumn('bank_reference', 'text')
    .addColumn('end_to_end_reference', 'text')
    .addColumn('reversal', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('bank_transactions_statement_idx')
    .on('bank_transactions')
    .columns(['statement_id', 'position'])
    .execute();
  await db.schema
    .createIndex('bank_transactions_party_date_idx')
    .on('bank_transactions')
    .columns(['election_id', 'party_registration_number', 'booking_date', 'id'])
    .execute();

  await idColumn(db, db.schema.createTable('reconciliation_runs'))
    .addColumn('election_id', 'text', (c) => c.notNull())
    .addColumn('party_registration_number', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('trigger_ref', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('ran_at', 'text', (c) => c.notNull())
    .addColumn('date_tolerance_days', 'integer', (c) => c.notNull())
    .addColumn('statement_count', 'integer', (c) => c.notNull())
    .addColumn('transaction_count', 'integer', (c) => c.notNull())
    .addColumn('report_line_count', 'integer', (c) => c.notNull())
    .addColumn('matched_count', 'integer', (c) => c.notNull())
    .addColumn('unreported_count', 'integer', (c) => c.notNull())
    .addColumn('unsupported_count', 'integer', (c) => c.notNull())
    .addColumn('mismatch_count', 'integer', (c) => c.notNull())
    .addColumn('cash_count', 'integer', (c) => c.notNull())
    .addColumn('bank_as_of', 'text')
    .addColumn('bank_received', 'bigint', (c) => c.notNull())
    .addColumn('bank_spent', 'bigint', (c) => c.notNull())
    .addColumn('bank_balance', 'bigint', (c) => c.notNull())
    .addColumn('reported_received', 'bigint', (c) => c.notNull())
    .addColumn('reported_spent', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reconciliation_runs_party_idx')
    .on('reconciliation_runs')
    .columns(['election_id', 'party_registration_number', 'id'])
    .execute();

  await idColumn(db, db.schema.createTable('reconciliation_results'))
    .addColumn('run_id', 'bigint', (c) => c.notNull().references('reconciliation_runs.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('bank_transaction_id', 'bigint')
    .addColumn('report_section', 'text')
    .addColumn('report_line_row_id', 'bigint')
    .addColumn('report_line_id', 'text')
    .addColumn('bank_date', 'text')
    .addColumn('report_date', 'text')
    .addColumn('bank_amount', 'bigint')
    .addColumn('report_amount', 'bigint')
    .addColumn('evidence_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reconciliation_results_run_idx')
    .on('reconciliation_results')
    .columns(['run_id', 'kind', 'id'])
    .execute();

  await idColumn(db, db.schema.createTable('reconciliation_publications'))
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('published', 'integer', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reconciliation_publications_election_idx')
    .on('reconciliation_publications')
    .columns(['election_id', 'id'])
    .execute();
}
