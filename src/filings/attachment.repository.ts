// Queries on the scans attached to report versions (filing_attachments) and the stored files' records
// (blobs): which version holds which file, and the text already extracted from it.
import type { Selectable } from 'kysely';
import type { FilingAttachmentTable } from '../platform/db/tables/filings.tables.ts';
import type { Db } from './filing.repository.ts';

const validId = (id: number): boolean => Number.isSafeInteger(id) && id > 0;

export interface FilingAttachment {
  filingId: number;
  sha256: string;
  fileName: string;
  mediaType: string;
  size: number;
  extractedText: string;
}

function attachmentFromRow(r: Selectable<FilingAttachmentTable>): FilingAttachment {
  return {
    filingId: Number(r.filing_id),
    sha256: r.sha256,
    fileName: r.file_name,
    mediaType: r.media_type,
    size: Number(r.size),
    extractedText: r.extracted_text,
  };
}

export async function listAttachments(db: Db, filingId: number): Promise<FilingAttachment[]> {
  const rows = await db
    .selectFrom('filing_attachments')
    .selectAll()
    .where('filing_id', '=', filingId)
    .orderBy('file_name')
    .orderBy('sha256')
    .execute();
  return rows.map(attachmentFromRow);
}

export async function findAttachment(db: Db, filingId: number, sha256: string): Promise<FilingAttachment | undefined> {
  if (!validId(filingId)) return undefined;
  const row = await db
    .selectFrom('filing_attachments')
    .selectAll()
    .where('filing_id', '=', filingId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row && attachmentFromRow(row);
}

/** Adds a scan to a version; the same file twice is one attachment (false when it was there already). */
export async function insertAttachment(db: Db, a: FilingAttachment): Promise<boolean> {
  const r = await db
    .insertInto('filing_attachments')
    .values({
      filing_id: a.filingId,
      sha256: a.sha256,
      file_name: a.fileName,
      media_type: a.mediaType,
      size: a.size,
      extracted_text: a.extractedText,
    })
    .onConflict((oc) => oc.columns(['filing_id', 'sha256']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function deleteAttachment(db: Db, filingId: number, sha256: string): Promise<boolean> {
  const r = await db
    .deleteFrom('filing_attachments')
    .where('filing_id', '=', filingId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** The text already extracted from a file, from any version that holds it, so a re-attached scan is not read again. */
export async function findExtractedText(db: Db, sha256: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('filing_attachments')
    .select('extracted_text')
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row?.extracted_text;
}

/** Records a stored file's type, size and name under its hash (the first upload's name stays). */
export async function insertBlobRecord(
  db: Db,
  b: { sha256: string; mediaType: string; size: number; originalName: string },
  now: string,
): Promise<void> {
  await db
    .insertInto('blobs')
    .values({ sha256: b.sha256, media_type: b.mediaType, size: b.size, original_name: b.originalName, created_at: now })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

/** Type, size and first name of a stored file. */
export async function findBlobRecord(
  db: Db,
  sha256: string,
): Promise<{ mediaType: string; size: number; originalName: string } | undefined> {
  const row = await db
    .selectFrom('blobs')
    .select(['media_type', 'size', 'original_name'])
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row && { mediaType: row.media_type, size: Number(row.size), originalName: row.original_name };
}
