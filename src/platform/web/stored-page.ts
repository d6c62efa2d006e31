// One page as the page cache keeps it: the bytes already encoded (UTF-8, and gzip or brotli made the
// first time a visitor accepts them), a strong ETag per encoding, and the response headers exactly as
// the first answer carried them (content type, cache policy, the security headers), laid out once in
// the flat form `writeHead` takes. Serving it is a header write and a buffer write: no template, no
// header computed per request, no string encoded again.
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Encoding = 'br' | 'gzip' | 'identity';

/** Headers that belong to one answer, not to the page: they are made again (or left out) on every reply. */
const PER_ANSWER = new Set([
  'content-length',
  'content-encoding',
  'etag',
  'x-page-cache',
  'set-cookie',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
]);

/** The mark of an answer from the cache (a fresh render says `miss`). */
const HIT = ['x-page-cache', 'hit'];

/** Smaller bodies gain nothing worth a header from compression. */
const MIN_COMPRESSIBLE = 1024;

/** Brotli's middle quality: close to its best on HTML at a few milliseconds for a large page, paid once. */
const BROTLI_QUALITY = 6;

export interface Variant {
  encoding: Encoding;
  body: Buffer;
  etag: string;
  /** `[name, value, …]` for `writeHead`: the 200's headers as a hit sends them; `notModified` for the 304. */
  head: string[];
  notModified: string[];
}

/** What a response's headers become in the flat list, lower-cased and without the per-answer ones. */
function pageHeaders(headers: OutgoingHttpHeaders): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const n = name.toLowerCase();
    if (value === undefined || PER_ANSWER.has(n)) continue;
    for (const v of Array.isArray(value) ? value : [value]) out.push(n, String(v));
  }
  return out;
}

export class StoredPage {
  readonly byteLength: number;
  private readonly hash: string;
  private readonly headers: string[];
  private readonly variants = new Map<Encoding, Variant | null>();

  constructor(html: string, headers: OutgoingHttpHeaders) {
    const body = Buffer.from(html, 'utf8');
    this.byteLength = body.byteLength;
    this.hash = createHash('sha1').update(body).digest('base64url');
    this.headers = pageHeaders(headers);
    this.variants.set('identity', this.variant('identity', body));
  }

  /** The variant sent for `encoding`, compressed now if this is the first visitor to ask for it. */
  get(encoding: Encoding): Variant {
    const known = this.variants.get(encoding);
    if (known) return known;
    const identity = this.variants.get('identity') as Variant;
    if (known === null || encoding === 'identity') return identity;
    const compressed = this.byteLength < MIN_COMPRESSIBLE ? undefined : compress(identity.body, encoding);
    // A variant that is not smaller is not worth its header: such visitors get the plain bytes.
    const v =
      compressed && compressed.byteLength < identity.body.byteLength ? this.variant(encoding, compressed) : null;
    this.variants.set(encoding, v);
    this.bytesAdded += v?.body.byteLength ?? 0;
    return v ?? identity;
  }

  /** Bytes of compressed variants made since the last call (the store counts them against its budget). */
  takeAddedBytes(): number {
    const n = this.bytesAdded;
    this.bytesAdded = 0;
    return n;
  }

  private bytesAdded = 0;

  private variant(encoding: Encoding, body: Buffer): Variant {
    // Strong validators must differ between encodings of one page (RFC 9110 §8.8.3).
    const etag = encoding === 'identity' ? `"${this.hash}"` : `"${this.hash}-${encoding}"`;
    const enc = encoding === 'identity' ? [] : ['content-encoding', encoding];
    return {
      encoding,
      body,
      etag,
      head: [...this.headers, ...enc, 'etag', etag, 'content-length', String(body.byteLength), ...HIT],
      notModified: [...this.headers, 'etag', etag, ...HIT],
    };
  }
}

function compress(body: Buffer, encoding: 'br' | 'gzip'): Buffer {
  if (encoding === 'gzip') return gzipSync(body, { level: 6 });
  return brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
    },
  });
}

/** A coding's q-value in an Accept-Encoding header; 0 when the header refuses or does not name it. */
function qualityOf(accept: string, coding: string): number {
  let wildcard: number | undefined;
  for (const part of accept.split(',')) {
    const [name = '', ...params] = part.split(';');
    const n = name.trim().toLowerCase();
    if (n !== coding && n !== '*') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    const value = Number.isFinite(q) ? q : 0;
    if (n === coding) return value;
    wildcard = value;
  }
  return wildcard ?? 0;
}

/** The encoding to send for an Accept-Encoding header: brotli, then gzip, else the plain bytes. */
export function chooseEncoding(accept: string | undefined): Encoding {
  if (!accept) return 'identity';
  const br = qualityOf(accept, 'br');
  const gzip = qualityOf(accept, 'gzip');
  if (br > 0 && br >= gzip) return 'br';
  if (gzip > 0) return 'gzip';
  return 'identity';
}

/** Browsers send a handful of distinct headers; each is read once. */
const chosen = new Map<string, Encoding>();

export function negotiatedEncoding(accept: string | undefined): Encoding {
  if (!accept) return 'identity';
  let e = chosen.get(accept);
  if (e === undefined) {
    e = chooseEncoding(accept);
    if (chosen.size >= 256) chosen.clear();
    chosen.set(accept, e);
  }
  return e;
}

/** Whether If-None-Match names `etag` (weak comparison, as the header asks) or is `*`. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch === etag) return true;
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}

/** The answer to a request for the page: 304 when the visitor holds the variant it accepts, else its bytes. */
export function storedAnswer(
  page: StoredPage,
  headers: IncomingHttpHeaders,
): { status: 200 | 304; headers: string[]; body: Buffer | undefined } {
  const v = page.get(negotiatedEncoding(headers['accept-encoding']));
  return matchesEtag(headers['if-none-match'], v.etag)
    ? { status: 304, headers: v.notModified, body: undefined }
    : { status: 200, headers: v.head, body: v.body };
}

/** Answers `req` on the raw response, before and without Fastify. */
export function writeStoredPage(page: StoredPage, req: IncomingMessage, res: ServerResponse): void {
  const a = storedAnswer(page, req.headers);
  res.writeHead(a.status, a.headers);
  res.end(a.body);
}
