// Reading scans in the background: uploading a scan only enqueues "read this file" (scan.service.ts), so a
// slow engine never slows down an upload; the worker beside the server reads it once per file: a PDF's
// own text layer when it has one, otherwise OCR (ocr.ts), and records the text with where it came from.
// Without an OCR engine an image is left unread: nothing is recorded, and the server has said why.
import type { AppContext } from '../platform/app-context.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { JobQueue, startWorker, type RunningWorker } from '../platform/jobs/index.ts';
import { findBlobRecord } from './filing.repository.ts';
import { ocrOf, type OcrOptions } from './ocr.ts';
import { scanText } from './scan.service.ts';
import {
  findScanTexts,
  insertScanText,
  SCAN_TEXT_QUEUE,
  type ScanText,
  type ScanTextJob,
} from './scan-text.repository.ts';

/** Reads one stored file and records its text; undefined when nothing was recorded (read before, or unreadable). */
export async function readScanText(
  ctx: AppContext,
  sha256: string,
  opts: OcrOptions = {},
): Promise<ScanText | undefined> {
  if ((await findScanTexts(ctx.db, [sha256])).has(sha256)) return undefined;
  const blob = await findBlobRecord(ctx.db, sha256);
  if (!blob) return undefined;
  let read: Pick<ScanText, 'source' | 'engine' | 'text'> | undefined;
  if (blob.mediaType === 'application/pdf') {
    const layer = await scanText(ctx, sha256, blob.mediaType);
    if (layer !== '') read = { source: 'pdf-text', engine: 'pdf.js', text: layer };
  }
  const { engine } = await ocrOf(ctx, opts);
  if (!read && engine) {
    const bytes = await ctx.blobs.getBuffer(sha256);
    const text = bytes && (await engine.read(bytes, blob.mediaType));
    // An empty reading is kept too: the file has been read, and reading it again would find nothing more.
    if (text !== undefined) read = { source: 'ocr', engine: engine.name, text };
  }
  if (!read) return undefined;
  const row: ScanText = { sha256, ...read, readAt: ctx.now().toISOString() };
  // The text is searchable from now on: a change to the public record, so it is in the activity log,
  // whose newest record is the data version the search's held texts and the page cache follow.
  await ctx.db.transaction().execute(async (trx) => {
    if (await insertScanText(trx, row))
      await recordActivity(
        trx,
        {
          actor: 'system:scan-text',
          action: 'scan.read',
          entityType: 'scan',
          entityId: sha256,
          after: { source: row.source, engine: row.engine },
        },
        ctx.now(),
      );
  });
  return row;
}

/** Reads every file waiting now, in this process (the command line, tests); returns what was recorded. */
export async function drainScanTexts(ctx: AppContext, opts: OcrOptions = {}): Promise<ScanText[]> {
  const queue = new JobQueue(ctx.db, ctx.now);
  const workerId = `drain:${process.pid}`;
  const out: ScanText[] = [];
  for (let job = await queue.claim<ScanTextJob>(SCAN_TEXT_QUEUE, workerId); job;) {
    try {
      const read = await readScanText(ctx, job.payload.sha256, opts);
      if (read) out.push(read);
      await queue.complete(job.id, workerId);
    } catch (e) {
      await queue.fail(job.id, workerId, e instanceof Error ? (e.stack ?? e.message) : String(e));
    }
    job = await queue.claim<ScanTextJob>(SCAN_TEXT_QUEUE, workerId);
  }
  return out;
}

/** The worker a serving process runs beside the server; every instance may run one (jobs are claimed). */
export function startScanTextWorker(
  ctx: AppContext,
  onError: (e: unknown) => void,
  opts: OcrOptions = {},
): RunningWorker {
  return startWorker<ScanTextJob>(new JobQueue(ctx.db, ctx.now), {
    queue: SCAN_TEXT_QUEUE,
    handle: async (job) => {
      await readScanText(ctx, job.sha256, opts);
    },
    onError,
  });
}
