// Text machines read from scans (scan_texts, migration 0021): one row per file, by its hash, written once
// by the background reading (scan-text-jobs.ts) and read by the report page and the search.
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import { JobQueue } from '../platform/jobs/index.ts';
import type { Db } from './filing.repository.ts';

export type ScanTextSource = 'ocr' | 'pdf-text';

export interface ScanText {
  sha256: string;
  source: ScanTextSource;
  /** The engine and version that read it. */
  engine: string;
  text: string;
  readAt: string;
}

/**
 * Records a file's text; a file already read keeps its first reading (another instance may have been
 * first). Returns whether this reading was recorded.
 */
export async function insertScanText(db: Db, s: ScanText): Promise<boolean> {
  const r = await db
    .insertInto('scan_texts')
    .values({ sha256: s.sha256, source: s.source, engine: s.engine, text: s.text, read_at: s.readAt })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The texts read from these files, by hash. */
export async function findScanTexts(db: Db, sha256s: readonly string[]): Promise<Map<string, ScanText>> {
  if (sha256s.length === 0) return new Map();
  const rows = await db
    .selectFrom('scan_texts')
    .selectAll()
    .where('sha256', 'in', [...sha256s])
    .execute();
  return new Map(
    rows.map((r) => [
      r.sha256,
      { sha256: r.sha256, source: r.source, engine: r.engine, text: r.text, readAt: r.read_at },
    ]),
  );
}

/** The queue of files to read in the background (scan-text-jobs.ts). */
export const SCAN_TEXT_QUEUE = 'filings.scan-text';

export interface ScanTextJob {
  sha256: string;
}

/** Asks for a stored file to be read in the background; one pending job per file. */
export async function enqueueScanText(db: Db, now: () => Date, sha256: string): Promise<void> {
  await new JobQueue(db as Kysely<Database>, now).enqueue(SCAN_TEXT_QUEUE, { sha256 } satisfies ScanTextJob, {
    dedupeKey: sha256,
  });
}
