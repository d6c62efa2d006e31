// Political advertising: the platforms' reports as uploaded (the file itself in the blob store, its
// rows here), the National Bank's exchange rates, the commission's links of advertisers to parties,
// and the findings of the comparison with what the parties declared.
//
// A report is kept per election and content hash, so the same file uploaded twice is one report. Rows
// keep the report's own currency and minor units; conversion to som happens when read, with the rate
// named beside every converted figure. Links are keyed by election and advertiser key (the platform's
// page id, or the folded name when a report gives none), so they hold for every later report.
import type { Kysely } from 'kysely';
import { idColumn } from '../migration-helpers.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await idColumn(db, db.schema.createTable('ad_reports'))
    .addColumn('election_id', 'text', (c) => c.notNull())
    /** meta | google */
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    /** Null for an "all dates" report, which runs from the start of the library. */
    .addColumn('period_from', 'text')
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('period_range', 'text')
    .addColumn('country', 'text')
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('problem_count', 'integer', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('ad_reports_file_uq', ['election_id', 'sha256'])
    .execute();

  await idColumn(db, db.schema.createTable('ad_report_rows'))
    .addColumn('report_id', 'bigint', (c) => c.notNull().references('ad_reports.id'))
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('advertiser_key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('page_id', 'text')
    .addColumn('disclaimer', 'text')
    /** Minor units of the report's currency. */
    .addColumn('spend_min', 'bigint', (c) => c.notNull())
    .addColumn('spend_max', 'bigint', (c) => c.notNull())
    .addColumn('ads', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ad_report_rows_report_idx').on('ad_report_rows').columns(['report_id']).execute();

  await db.schema
    .createTable('exchange_rates')
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    /** Som per one unit of the currency, as published (decimal text, up to 4 places). */
    .addColumn('rate', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('exchange_rates_pk', ['currency', 'date'])
    .execute();

  await idColumn(db, db.schema.createTable('ad_links'))
    .addColumn('election_id', 'text', (c) => c.notNull())
    .addColumn('advertiser_key', 'text', (c) => c.notNull())
    .addColumn('party_registration_number', 'text', (c) => c.notNull())
    /** own | supporter */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** confirmed | rejected */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('ad_links_uq', ['election_id', 'advertiser_key', 'party_registration_number'])
    .execute();

  // Shaped like compliance_findings (stable id, rule, severity, status, amount, excess, evidence), so that
  // the compliance capability can take them over as they are.
  await db.schema
    .createTable('ad_findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('election_id', 'text', (c) => c.notNull())
    /** Empty for an advertiser matched to nobody. */
    .addColumn('party_registration_number', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    /** open | resolved */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint')
    .addColumn('excess', 'bigint')
    .addColumn('evidence_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ad_findings_election_idx').on('ad_findings').columns(['election_id', 'rule']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['ad_findings', 'ad_links', 'exchange_rates', 'ad_report_rows', 'ad_reports'])
    await db.schema.dropTable(t).execute();
}
