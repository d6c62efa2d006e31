// Finance reports, second step: the uniqueness that the submission relies on, enforced by the database
// so that it holds across instances and concurrent requests, not only inside one process.
// - One chain per (election, party, report kind, start of period): a second "first report" for the same
//   period is an amendment of the first, never a parallel chain.
// - One row per (chain, version): two submissions racing for the same chain cannot both become version
//   n + 1, and a chain holds at most one draft (drafts are version 0).
// - Scans are looked up by content hash when they are served and searched.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('filing_chains_key_uq')
    .unique()
    .on('filing_chains')
    .columns(['election_id', 'party_registration_number', 'report_kind', 'period_from'])
    .execute();
  await db.schema
    .createIndex('filings_chain_version_uq')
    .unique()
    .on('filings')
    .columns(['chain_id', 'version'])
    .execute();
  await db.schema.createIndex('filing_attachments_sha_idx').on('filing_attachments').column('sha256').execute();
}
