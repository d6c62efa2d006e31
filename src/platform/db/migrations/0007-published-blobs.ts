// Stored files are served by hash only while a published record refers to them (blob.repository.ts):
// the logo and programme PDF columns are looked up by hash on every such request.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('parties_logo_blob_idx').on('parties').column('logo_blob_key').execute();
  await db.schema.createIndex('programmes_pdf_blob_idx').on('programmes').column('pdf_blob_key').execute();
}
