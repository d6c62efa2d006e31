// Gifts in kind and loans of filing v2: copied out of a filed version's body like the receipts (0004), with
// the same `is_latest` flag, so that their public registers and the donor-cap checks query rows and never
// count an amended version twice. The donor's PIN and address sit in the same private columns the receipts
// table has; public queries never select them.
import type { Kysely } from 'kysely';
import { idColumn } from '../migration-helpers.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const line = (name: string) =>
    idColumn(db, db.schema.createTable(name))
      .addColumn('filing_id', 'bigint', (c) => c.notNull().references('filings.id'))
      .addColumn('election_id', 'text', (c) => c.notNull())
      .addColumn('party_registration_number', 'text', (c) => c.notNull())
      .addColumn('line_id', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('is_latest', 'integer', (c) => c.notNull().defaultTo(0));

  await line('in_kind_receipts')
    .addColumn('donor_type', 'text', (c) => c.notNull())
    .addColumn('donor_name', 'text', (c) => c.notNull())
    .addColumn('donor_name_key', 'text', (c) => c.notNull())
    .addColumn('donor_pin', 'text')
    .addColumn('donor_inn', 'text')
    .addColumn('donor_address', 'text')
    .addColumn('estimated_value', 'bigint', (c) => c.notNull())
    // market_price | invoice | commission_estimate | other
    .addColumn('valuation', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .execute();

  await line('loans')
    .addColumn('lender_type', 'text', (c) => c.notNull())
    .addColumn('lender_name', 'text', (c) => c.notNull())
    .addColumn('lender_name_key', 'text', (c) => c.notNull())
    .addColumn('lender_pin', 'text')
    .addColumn('lender_inn', 'text')
    .addColumn('amount', 'bigint', (c) => c.notNull())
    // Hundredths of a percent, so that the rate stays an integer on both databases.
    .addColumn('annual_rate_bp', 'integer', (c) => c.notNull())
    .addColumn('term_months', 'integer', (c) => c.notNull())
    // The repayments as filed ([{ date, amount }]); only read whole, with their loan.
    .addColumn('repayments_json', 'text', (c) => c.notNull())
    // Derived when filed, so that registers and sums need not read the JSON.
    .addColumn('repaid', 'bigint', (c) => c.notNull())
    .addColumn('balance', 'bigint', (c) => c.notNull())
    // outstanding | repaid | forgiven | unpaid_at_term
    .addColumn('status', 'text', (c) => c.notNull())
    .execute();

  for (const t of ['in_kind_receipts', 'loans']) {
    await db.schema.createIndex(`${t}_filing_idx`).on(t).column('filing_id').execute();
    await db.schema
      .createIndex(`${t}_election_date_idx`)
      .on(t)
      .columns(['is_latest', 'election_id', 'date', 'id'])
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('loans').execute();
  await db.schema.dropTable('in_kind_receipts').execute();
}
