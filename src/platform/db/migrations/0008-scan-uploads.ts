// Who uploaded a scan for a filing sent by software (POST /api/v1/filings/scans): a filing may attach only
// its own party's scans (filings/scan-ownership.ts). One row per file and uploader; the same bytes sent by
// two parties are one blob with two rows.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('scan_uploads')
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    /** The uploader's party; null for commission staff. */
    .addColumn('party_registration_number', 'text')
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('scan_uploads_uq')
    .unique()
    .on('scan_uploads')
    .columns(['sha256', 'uploaded_by'])
    .execute();
}
