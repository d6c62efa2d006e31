// How the finance report routes answer: public pages revalidated with an ETag, private pages never kept,
// "see other" after a form, files with their names (RFC 6266) and scans under a policy that only shows
// them, and the notice a page shows after a redirect.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../../domain/election.ts';
import type { Readable } from 'node:stream';
import { sendHtml } from '../../platform/web/http.ts';
import { t } from '../../platform/i18n/i18n.ts';
import { doneQuery, idText, parsed } from './schemas.ts';

/**
 * Public finance pages change the moment something is filed or reviewed, so browsers and CDNs may keep
 * them but must ask again each time; the ETag makes the answer "not modified" cheap.
 */
export const PUBLIC_REVALIDATE = 'public, no-cache';

export function sendPublicHtml(req: FastifyRequest, reply: FastifyReply, html: string, status = 200) {
  const etag = `W/"${createHash('sha1').update(html).digest('base64url')}"`;
  reply.header('etag', etag);
  if (status === 200 && req.headers['if-none-match'] === etag) return reply.status(304).header('cache-control', PUBLIC_REVALIDATE).send();
  return sendHtml(reply, html, { status, cache: PUBLIC_REVALIDATE });
}

export const privatePage = (reply: FastifyReply, html: string, status = 200) => sendHtml(reply, html, { status, cache: 'no-store' });
export const seeOther = (reply: FastifyReply, to: string) => reply.header('cache-control', 'no-store').redirect(to, 303);

/** A JSON 404 for files (scans, CSV): never kept. */
export const fileNotFound = (reply: FastifyReply, message: string) =>
  reply.status(404).header('cache-control', 'no-store').send({ error: { code: 'not_found', message } });

/** `attachment` or `inline` with an ASCII fallback name and the exact UTF-8 name (RFC 6266). */
export function disposition(kind: 'inline' | 'attachment', filename: string): string {
  const ascii = filename.replace(/[^\w.\-]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * Scans are PDF, JPEG or PNG by their bytes (never served as anything else, nosniff set by helmet), so
 * none can run script; the policy still allows nothing but showing them, framed by this site only.
 */
const SCAN_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'";

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
const DONE = new Set(['created', 'existing', 'header', 'lineAdded', 'lineSaved', 'lineDeleted', 'imported', 'scanAdded', 'scanRemoved', 'discarded', 'reviewed', 'amend', 'amendExisting']);

/** The notice of `?done=…` after a redirect, in words of the locale. */
export function doneText(locale: Locale, query: unknown): string | undefined {
  const q = parsed(doneQuery, query) ?? {};
  const key = q.done;
  if (!key || !DONE.has(key)) return undefined;
  const n = parsed(idText, q.n) ?? 0;
  return t(locale, `filings.done.${key}`, { n });
}
