// Scanned supporting documents of finance reports: taking an upload in as a stream, deciding its type from
// its first bytes (never from its name or the browser's word for it), sending it to the blob store with the
// size limit enforced on the way, and reading the text layer of PDFs for search. Only PDF, JPEG and PNG
// are taken: they are what scanners make, and none of them runs script when shown in a browser.
import { Readable } from 'node:stream';
import type { AppContext } from '../platform/app-context.ts';
import { BlobTooLargeError } from '../platform/blobs/blob-store.ts';
import { detectMediaType } from '../platform/blobs/blob.service.ts';
import { isOwnScan, recordScanUpload, type ScanOwner } from './scan-ownership.ts';
import { err, ok, type Problem, type Result } from '../platform/result.ts';
import { findExtractedText } from './filing.repository.ts';
import { extractPdfText } from './pdf-text.ts';

export const SCAN_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type ScanMediaType = (typeof SCAN_MEDIA_TYPES)[number];
export const isScanMediaType = (t: string): t is ScanMediaType => (SCAN_MEDIA_TYPES as readonly string[]).includes(t);

/** file-type reads at most this many bytes to recognise a format. */
const SNIFF_BYTES = 4100;

export interface StoredScan {
  sha256: string;
  fileName: string;
  mediaType: ScanMediaType;
  size: number;
  extractedText: string;
}

const EXTENSION: Record<ScanMediaType, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/**
 * The name shown for a file: the last path segment of what the browser sent, without control characters,
 * at most 255 characters; a name made from the type when nothing is left.
 */
export function cleanFileName(raw: string | undefined, mediaType: ScanMediaType): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '')
    .trim()
    .slice(0, 255);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? `scan.${EXTENSION[mediaType]}` : cleaned;
}

export function scanProblem(code: 'scan.type_refused' | 'scan.too_large' | 'scan.missing', params: Record<string, string | number> = {}): Problem {
  const message =
    code === 'scan.type_refused'
      ? `The file is ${params.detected ?? 'of an unknown type'}; only PDF, JPEG and PNG scans are accepted.`
      : code === 'scan.too_large'
        ? `The file is larger than the limit of ${params.limitMb} MB.`
        : 'Choose a file to upload.';
  return { code, message, severity: 'error', field: 'file', params };
}

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
  const limitMb = Math.round((ctx.config.uploadLimitBytes / (1024 * 1024)) * 10) / 10;
  let sniffed: { head: Buffer; whole: Readable };
  try {
    sniffed = await sniff(stream);
  } catch (e) {
    if (e instanceof BlobTooLargeError) return err([scanProblem('scan.too_large', { limitMb })]);
    throw e;
  }
  if (sniffed.head.length === 0) return err([scanProblem('scan.missing')]);
  const detected = await detectMediaType(sniffed.head);
  if (!detected || !isScanMediaType(detected)) {
    discard(stream);
    return err([scanProblem('scan.type_refused', { detected: detected ?? 'unknown', allowed: SCAN_MEDIA_TYPES.join(', ') })]);
  }
  let stored: { sha256: string; size: number };
  try {
    stored = await ctx.blobs.put(sniffed.whole, { maxBytes: ctx.config.uploadLimitBytes });
  } catch (e) {
    if (e instanceof BlobTooLargeError) {
      discard(stream);
      return err([scanProblem('scan.too_large', { limitMb })]);
    }
    throw e;
  }
  const fileName = cleanFileName(rawName, detected);
  await ctx.db
    .insertInto('blobs')
    .values({ sha256: stored.sha256, media_type: detected, size: stored.size, original_name: fileName, created_at: ctx.now().toISOString() })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  if (opts.owner) await recordScanUpload(ctx.db, stored.sha256, opts.owner, ctx.now().toISOString());
  const extractedText = opts.knownText !== undefined && detected === 'application/pdf' ? opts.knownText : await scanText(ctx, stored.sha256, detected);
  rememberText(stored.sha256, extractedText);
  return ok({ sha256: stored.sha256, fileName, mediaType: detected, size: stored.size, extractedText });
}

/**
 * Text read from scans uploaded but not yet attached to a filed version (an API filer uploads first and
 * files later). Only a cache: another instance, or this one after a restart, reads the file again.
 */
const recentText = new Map<string, string>();
const RECENT_TEXT_ENTRIES = 256;

function rememberText(sha256: string, text: string): void {
  recentText.delete(sha256);
  recentText.set(sha256, text);
  if (recentText.size > RECENT_TEXT_ENTRIES) recentText.delete(recentText.keys().next().value as string);
}

/** The searchable text of a stored scan: the PDF text layer, read once per file where possible. */
export async function scanText(ctx: AppContext, sha256: string, mediaType: string): Promise<string> {
  if (mediaType !== 'application/pdf') return '';
  const cached = recentText.get(sha256);
  if (cached !== undefined) return cached;
  const known = await findExtractedText(ctx.db, sha256);
  if (known !== undefined) return known;
  const bytes = await ctx.blobs.getBuffer(sha256);
  const text = bytes ? await extractPdfText(bytes) : '';
  rememberText(sha256, text);
  return text;
}

/** Type and size of a stored scan that the filer may attach (its own), for filings that name their scans by hash. */
export async function findStoredScan(ctx: AppContext, sha256: string, filer: { party: string; actor: string }): Promise<{ mediaType: string; size: number; originalName: string } | undefined> {
  if (!(await isOwnScan(ctx.db, sha256, filer))) return undefined;
  const row = await ctx.db.selectFrom('blobs').select(['media_type', 'size', 'original_name']).where('sha256', '=', sha256).executeTakeFirst();
  return row && { mediaType: row.media_type, size: Number(row.size), originalName: row.original_name };
}
