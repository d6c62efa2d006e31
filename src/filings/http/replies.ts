// How the finance report routes answer besides pages (the web kit's): files with their names (RFC 6266),
// scans under a policy that only shows them, and the notice a page shows after a redirect.
import type { FastifyReply } from 'fastify';
import type { Locale } from '../../domain/election.ts';
import type { Readable } from 'node:stream';
import { parseParams } from '../../platform/web/index.ts';
import { t } from '../filing.messages.ts';
import { doneQuery, idText } from './schemas.ts';

/** A JSON 404 for files (scans, CSV): never kept. */
export const fileNotFound = (reply: FastifyReply, message: string) =>
  reply
    .status(404)
    .header('cache-control', 'no-store')
    .send({ error: { code: 'not_found', message } });

/** `attachment` or `inline` with an ASCII fallback name and the exact UTF-8 name (RFC 6266). */
export function disposition(kind: 'inline' | 'attachment', filename: string): string {
  const ascii = filename.replace(/[^\w.\-]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * Scans are PDF, JPEG or PNG by their bytes (never served as anything else, nosniff set by helmet), so
 * none can run script; the policy still allows nothing but showing them, framed by this site only.
 */
const SCAN_CSP =
  "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'";

/** A scan as found by the service: its record and its bytes (undefined when missing from the store). */
export function sendScan(
  reply: FastifyReply,
  scan: { attachment: { mediaType: string; size: number; fileName: string }; body: Readable | undefined },
  download: boolean,
  cache: string,
) {
  const { attachment: a, body } = scan;
  if (!body) return fileNotFound(reply, 'The file is missing from the store.');
  return reply
    .header('content-type', a.mediaType)
    .header('content-length', String(a.size))
    .header('cache-control', cache)
    .header('content-security-policy', SCAN_CSP)
    .header('content-disposition', disposition(download ? 'attachment' : 'inline', a.fileName))
    .send(body);
}

/** Only these keys are shown, so a query string cannot put words on the page. */
const DONE = [
  'created',
  'existing',
  'header',
  'lineAdded',
  'lineSaved',
  'lineDeleted',
  'imported',
  'scanAdded',
  'scanRemoved',
  'discarded',
  'reviewed',
  'amend',
  'amendExisting',
] as const;

/** The notice of `?done=…` after a redirect, in words of the locale. */
export function doneText(locale: Locale, query: unknown): string | undefined {
  const q = parseParams(doneQuery, query);
  const key = q.ok ? DONE.find((k) => k === q.value.done) : undefined;
  if (!q.ok || !key) return undefined;
  const n = idText.safeParse(q.value.n).data ?? 0;
  return t(locale, `filings.done.${key}`, { n });
}
