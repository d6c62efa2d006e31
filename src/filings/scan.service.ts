// Scanned supporting documents of finance reports: taking an upload in as a stream, deciding its type from
// its first bytes (never from its name or the browser's word for it), sending it to the blob store with the
// size limit enforced on the way, reading the text layer of PDFs for search and asking for the file to be
// read in the background (OCR of images and image-only PDFs, scan-text-jobs.ts); attaching scans to a
// draft and finding them again for the pages. Only PDF, JPEG and PNG are taken: they are what scanners
// make, and none of them runs script when shown in a browser.
import { Readable } from 'node:stream';
import type { AppContext } from '../platform/app-context.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { BlobTooLargeError } from '../platform/blobs/blob-store.ts';
import { detectMediaType } from '../platform/blobs/blob.service.ts';
import { err, ok, type Result } from '../platform/result.ts';
import { noDraft } from './core/draft.ts';
import {
  cleanFileName,
  isScanMediaType,
  scanProblem,
  scanTooLarge,
  SCAN_MEDIA_TYPES,
  type StoredScan,
} from './core/scans.ts';
import {
  deleteAttachment,
  findAttachment,
  findBlobRecord,
  findExtractedText,
  findFiling,
  insertAttachment,
  insertBlobRecord,
  type FilingAttachment,
} from './filing.repository.ts';
import { findDraftRecord } from './draft.service.ts';
import { enqueueScanText } from './scan-text.repository.ts';
import { isOwnScan, recordScanUpload as recordScanOwner, type ScanOwner } from './scan-ownership.ts';

export {
  SCAN_MEDIA_TYPES,
  isScanMediaType,
  cleanFileName,
  scanProblem,
  type ScanMediaType,
  type StoredScan,
} from './core/scans.ts';

/** file-type reads at most this many bytes to recognise a format. */
const SNIFF_BYTES = 4100;

/** The rest of a refused upload is not wanted: stop reading it (the server drops what is left of the request). */
function discard(stream: Readable): void {
  stream.on('error', () => undefined);
  if (!stream.destroyed) stream.destroy();
}

/** The first bytes of a stream, and a stream that yields them followed by the rest. */
async function sniff(stream: Readable): Promise<{ head: Buffer; whole: Readable }> {
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const taken: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value as Uint8Array);
    taken.push(chunk);
    length += chunk.length;
  }
  const head = Buffer.concat(taken);
  const whole = Readable.from(
    (async function* () {
      yield* taken;
      if (done) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    })(),
  );
  return { head, whole };
}

/**
 * Stores an uploaded scan. The stream is read once: its head decides the type, and the whole of it goes
 * to the blob store, which counts and hashes the bytes and gives up past the limit.
 */
export async function storeScan(
  ctx: AppContext,
  stream: Readable,
  rawName: string | undefined,
  opts: {
    /** The text of a PDF this platform typeset itself (the demo's scans): no need to read it back. */
    knownText?: string;
    /** Who uploads it for a filing sent by software: only their own party may attach it (scan-ownership.ts). */
    owner?: ScanOwner;
  } = {},
): Promise<Result<StoredScan>> {
  let sniffed: { head: Buffer; whole: Readable };
  try {
    sniffed = await sniff(stream);
  } catch (e) {
    if (e instanceof BlobTooLargeError) return err([scanTooLarge(ctx.config.uploadLimitBytes)]);
    throw e;
  }
  if (sniffed.head.length === 0) return err([scanProblem('scan.missing')]);
  const detected = await detectMediaType(sniffed.head);
  if (!detected || !isScanMediaType(detected)) {
    discard(stream);
    return err([
      scanProblem('scan.type_refused', { detected: detected ?? 'unknown', allowed: SCAN_MEDIA_TYPES.join(', ') }),
    ]);
  }
  let stored: { sha256: string; size: number };
  try {
    stored = await ctx.blobs.put(sniffed.whole, { maxBytes: ctx.config.uploadLimitBytes });
  } catch (e) {
    if (e instanceof BlobTooLargeError) {
      discard(stream);
      return err([scanTooLarge(ctx.config.uploadLimitBytes)]);
    }
    throw e;
  }
  const fileName = cleanFileName(rawName, detected);
  await insertBlobRecord(
    ctx.db,
    { sha256: stored.sha256, mediaType: detected, size: stored.size, originalName: fileName },
    ctx.now().toISOString(),
  );
  if (opts.owner) await recordScanOwner(ctx.db, stored.sha256, opts.owner, ctx.now().toISOString());
  // Read in the background (scan-text-jobs.ts): OCR of an image takes seconds. A text this platform set
  // itself needs no reading.
  if (opts.knownText === undefined) await enqueueScanText(ctx.db, ctx.now, stored.sha256);
  const extractedText =
    opts.knownText !== undefined && detected === 'application/pdf'
      ? opts.knownText
      : await scanText(ctx, stored.sha256, detected);
  ctx.memo.set(SCAN_TEXT, stored.sha256, extractedText);
  return ok({ sha256: stored.sha256, fileName, mediaType: detected, size: stored.size, extractedText });
}

/**
 * Text read from scans uploaded but not yet attached to a filed version (an API filer uploads first and
 * files later). Only a cache: another instance, or this one after a restart, reads the file again.
 */
const SCAN_TEXT = 'filings.scan-text';

/** The searchable text of a stored scan: the PDF text layer, read once per file where possible. */
export async function scanText(ctx: AppContext, sha256: string, mediaType: string): Promise<string> {
  if (mediaType !== 'application/pdf') return '';
  const cached = ctx.memo.get<string>(SCAN_TEXT, sha256);
  if (cached !== undefined) return cached;
  const known = await findExtractedText(ctx.db, sha256);
  if (known !== undefined) return known;
  const bytes = await ctx.blobs.getBuffer(sha256);
  // pdf.js is loaded at the first PDF read, not with the server: it costs some 160 MB once imported.
  const text = bytes ? await (await import('./pdf-text.ts')).extractPdfText(bytes) : '';
  ctx.memo.set(SCAN_TEXT, sha256, text);
  return text;
}

/** Type and size of a stored scan that the filer may attach (its own), for filings that name their scans by hash. */
export async function findStoredScan(
  ctx: AppContext,
  sha256: string,
  filer: { party: string; actor: string },
): Promise<{ mediaType: string; size: number; originalName: string } | undefined> {
  if (!(await isOwnScan(ctx.db, sha256, filer))) return undefined;
  return findBlobRecord(ctx.db, sha256);
}

/** Writes down who uploaded a scan through the API, before any filing names it. */
export async function recordScanUpload(ctx: AppContext, actor: string, s: StoredScan): Promise<void> {
  await recordActivity(
    ctx.db,
    {
      actor,
      action: 'filing.scan.upload',
      entityType: 'blob',
      entityId: s.sha256,
      after: { fileName: s.fileName, mediaType: s.mediaType, size: s.size },
    },
    ctx.now(),
  );
}

// ---------------------------------------------------------------- scans of drafts and filed versions

export async function attachScan(
  ctx: AppContext,
  draftId: number,
  stream: Readable,
  fileName: string | undefined,
  actor: string,
): Promise<Result<FilingAttachment>> {
  if (!(await findDraftRecord(ctx, draftId))) {
    stream.resume();
    return err([noDraft()]);
  }
  const stored = await storeScan(ctx, stream, fileName);
  if (!stored.ok) return stored;
  const attachment: FilingAttachment = { filingId: draftId, ...stored.value };
  await ctx.db.transaction().execute(async (trx) => {
    await insertAttachment(trx, attachment);
    await recordActivity(
      trx,
      {
        actor,
        action: 'filing.draft.scan.add',
        entityType: 'filing',
        entityId: String(draftId),
        after: {
          sha256: attachment.sha256,
          fileName: attachment.fileName,
          mediaType: attachment.mediaType,
          size: attachment.size,
        },
      },
      ctx.now(),
    );
  });
  return ok(attachment);
}

export async function removeScan(
  ctx: AppContext,
  draftId: number,
  sha256: string,
  actor: string,
): Promise<Result<void>> {
  if (!(await findDraftRecord(ctx, draftId))) return err([noDraft()]);
  await ctx.db.transaction().execute(async (trx) => {
    if (await deleteAttachment(trx, draftId, sha256)) {
      await recordActivity(
        trx,
        {
          actor,
          action: 'filing.draft.scan.remove',
          entityType: 'filing',
          entityId: String(draftId),
          before: { sha256 },
        },
        ctx.now(),
      );
    }
  });
  return ok(undefined);
}

/** A scan to send: its record and its bytes (undefined when the file is missing from the store). */
export interface ScanFile {
  attachment: FilingAttachment;
  body: Readable | undefined;
}

async function openScan(ctx: AppContext, attachment: FilingAttachment | undefined): Promise<ScanFile | undefined> {
  return attachment && { attachment, body: await ctx.blobs.get(attachment.sha256) };
}

/** A scan attached to a draft (the guard has found the draft already). */
export async function openDraftScan(ctx: AppContext, draftId: number, sha256: string): Promise<ScanFile | undefined> {
  return openScan(ctx, await findAttachment(ctx.db, draftId, sha256));
}

/** A scan of a filed version: only those are public; a draft's scans are the treasurer's until submitted. */
export async function openPublicScan(ctx: AppContext, filingId: number, sha256: string): Promise<ScanFile | undefined> {
  const filing = await findFiling(ctx.db, filingId);
  return openScan(ctx, filing && filing.version > 0 ? await findAttachment(ctx.db, filing.id, sha256) : undefined);
}
