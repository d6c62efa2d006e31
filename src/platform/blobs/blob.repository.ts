// Which stored files the public may fetch by hash: those a published record refers to — a party's logo,
// a programme's PDF, a scan of a filed (not draft) version of a finance report. Bank statement files are
// never among them (they name donors; their own routes serve them to the commission and the bank). One
// query of three indexed lookups (migration 0007 and filing_attachments_sha_idx).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function isPublishedBlob(db: Db, sha256: string): Promise<boolean> {
  const row = await db
    .selectNoFrom((eb) =>
      eb
        .or([
          eb.exists(eb.selectFrom('parties').select('registration_number').where('logo_blob_key', '=', sha256)),
          eb.exists(eb.selectFrom('programmes').select('election_id').where('pdf_blob_key', '=', sha256)),
          eb.exists(
            eb
              .selectFrom('filing_attachments')
              .innerJoin('filings', 'filings.id', 'filing_attachments.filing_id')
              .select('filing_attachments.filing_id')
              .where('filing_attachments.sha256', '=', sha256)
              .where('filings.version', '>', 0),
          ),
        ])
        .as('published'),
    )
    .executeTakeFirst();
  return Boolean(Number(row?.published ?? 0));
}
