// Annual reports of parties outside election campaigns: one chain per party and reporting year, each
// filing a new immutable version of it (an amendment never changes an earlier version).
//
// The chain's key (party, year) is unique, so two first filings racing for one year make one chain; the
// version's key (chain, version) is unique, so two amendments racing make two versions, never one number
// twice. The idempotency key is unique as in the filings, so a retried request files once.
import type { Kysely } from 'kysely';
import { idColumn } from '../migration-helpers.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await idColumn(db, db.schema.createTable('annual_report_chains'))
    .addColumn('party_registration_number', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('annual_report_chains_party_year_uq')
    .unique()
    .on('annual_report_chains')
    .columns(['party_registration_number', 'year'])
    .execute();

  await idColumn(db, db.schema.createTable('annual_reports'))
    .addColumn('chain_id', 'bigint', (c) => c.notNull().references('annual_report_chains.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('is_latest', 'integer', (c) => c.notNull().defaultTo(0))
    // The document as filed (PINs and addresses included: the public form is made on the way out).
    .addColumn('body_json', 'text', (c) => c.notNull())
    .addColumn('body_sha256', 'text', (c) => c.notNull())
    // The preliminary check's findings on this version, as the rules returned them.
    .addColumn('findings_json', 'text', (c) => c.notNull())
    .addColumn('total_receipts', 'bigint', (c) => c.notNull())
    .addColumn('total_expenditures', 'bigint', (c) => c.notNull())
    .addColumn('closing_cash', 'bigint', (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('annual_reports_chain_version_uq')
    .unique()
    .on('annual_reports')
    .columns(['chain_id', 'version'])
    .execute();
  await db.schema
    .createIndex('annual_reports_idempotency_uq')
    .unique()
    .on('annual_reports')
    .column('idempotency_key')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('annual_reports').execute();
  await db.schema.dropTable('annual_report_chains').execute();
}
