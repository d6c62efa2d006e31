// Finance reports: chains of versions, status history, itemised lines, attachments.
// Indexes serve keyset pagination per filter × sort on the itemised tables (as the FEC does).
import type { Kysely } from 'kysely';
import { idColumn } from '../migration-helpers.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await idColumn(db, db.schema.createTable('filing_chains'))
    .addColumn('election_id', 'text', (c) => c.notNull())
    .addColumn('party_registration_number', 'text', (c) => c.notNull())
    .addColumn('report_kind', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('filing_chains_party_idx')
    .on('filing_chains')
    .columns(['election_id', 'party_registration_number', 'report_kind', 'period_from'])
    .execute();

  await idColumn(db, db.schema.createTable('filings'))
    .addColumn('chain_id', 'bigint', (c) => c.notNull().references('filing_chains.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('is_latest', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('body_json', 'text', (c) => c.notNull())
    .addColumn('opening_balance', 'bigint', (c) => c.notNull())
    .addColumn('closing_balance', 'bigint', (c) => c.notNull())
    .addColumn('total_receipts', 'bigint', (c) => c.notNull())
    .addColumn('total_expenditures', 'bigint', (c) => c.notNull())
    .addColumn('total_refunds', 'bigint', (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .execute();
  await db.schema.createIndex('filings_chain_version_idx').on('filings').columns(['chain_id', 'version']).execute();
  await db.schema.createIndex('filings_idempotency_uq').unique().on('filings').column('idempotency_key').execute();

  await idColumn(db, db.schema.createTable('filing_status_events'))
    .addColumn('filing_id', 'bigint', (c) => c.notNull().references('filings.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('filing_status_events_filing_idx')
    .on('filing_status_events')
    .column('filing_id')
    .execute();

  const line = (name: string) =>
    idColumn(db, db.schema.createTable(name))
      .addColumn('filing_id', 'bigint', (c) => c.notNull().references('filings.id'))
      .addColumn('election_id', 'text', (c) => c.notNull())
      .addColumn('party_registration_number', 'text', (c) => c.notNull())
      .addColumn('line_id', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('amount', 'bigint', (c) => c.notNull())
      .addColumn('is_latest', 'integer', (c) => c.notNull().defaultTo(0));

  await line('receipts')
    .addColumn('donor_type', 'text', (c) => c.notNull())
    .addColumn('donor_name', 'text', (c) => c.notNull())
    .addColumn('donor_name_key', 'text', (c) => c.notNull())
    .addColumn('donor_pin', 'text')
    .addColumn('donor_inn', 'text')
    .addColumn('donor_address', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('bank_reference', 'text')
    .execute();
  await line('expenditures')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('payee_name', 'text', (c) => c.notNull())
    .addColumn('payee_inn', 'text')
    .addColumn('document_number', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .execute();
  await line('refunds')
    .addColumn('receipt_line_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();

  for (const t of ['receipts', 'expenditures', 'refunds']) {
    await db.schema.createIndex(`${t}_filing_idx`).on(t).column('filing_id').execute();
    await db.schema.createIndex(`${t}_latest_date_idx`).on(t).columns(['is_latest', 'date', 'id']).execute();
    await db.schema.createIndex(`${t}_latest_amount_idx`).on(t).columns(['is_latest', 'amount', 'id']).execute();
    await db.schema
      .createIndex(`${t}_party_date_idx`)
      .on(t)
      .columns(['is_latest', 'election_id', 'party_registration_number', 'date', 'id'])
      .execute();
    await db.schema
      .createIndex(`${t}_party_amount_idx`)
      .on(t)
      .columns(['is_latest', 'election_id', 'party_registration_number', 'amount', 'id'])
      .execute();
  }
  await db.schema
    .createIndex('receipts_donor_key_idx')
    .on('receipts')
    .columns(['is_latest', 'donor_name_key', 'id'])
    .execute();
  await db.schema
    .createIndex('receipts_donor_type_idx')
    .on('receipts')
    .columns(['is_latest', 'election_id', 'donor_type'])
    .execute();
  await db.schema
    .createIndex('expenditures_category_idx')
    .on('expenditures')
    .columns(['is_latest', 'election_id', 'category'])
    .execute();

  await db.schema
    .createTable('filing_attachments')
    .addColumn('filing_id', 'bigint', (c) => c.notNull().references('filings.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('extracted_text', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('filing_attachments_pk', ['filing_id', 'sha256'])
    .execute();
}
