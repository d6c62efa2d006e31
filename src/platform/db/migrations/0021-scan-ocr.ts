// The text machines read from scanned supporting documents, for search and to show beside the scan: one
// row per file (by its hash, so the same bytes attached to two reports are read once), saying whether the
// text came from the PDF's own text layer or from OCR, which engine and version read it, and when.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('scan_texts')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    /** `ocr` (an engine read the image) or `pdf-text` (the PDF's text layer). */
    .addColumn('source', 'text', (c) => c.notNull())
    /** The engine and its version, e.g. `tesseract 5.3.0 kir+rus+eng`, or `pdf.js`. */
    .addColumn('engine', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('scan_texts').execute();
}
