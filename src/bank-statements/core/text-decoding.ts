// Turning bank file bytes into text: byte-order marks, UTF-8 validation, a guess among the 8-bit code
// pages banks of the region still use (windows-1251 Cyrillic, windows-1252/1250 and DOS cp852/cp866),
// incremental decoders for streams, and splitting a stream of text into lines.

import iconv from 'iconv-lite';
import { StringDecoder } from 'node:string_decoder';

export type TextEncodingName =
  'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'windows-1252' | 'windows-1250' | 'cp852' | 'cp866';

export interface DetectedEncoding {
  encoding: TextEncodingName;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
}

/** How many leading bytes the guess looks at; enough for any real statement header and first entries. */
export const ENCODING_SAMPLE_BYTES = 256 * 1024;

// Ties go to the first: Cyrillic first because Kyrgyz and Russian text is what this platform reads most.
const EIGHT_BIT: readonly TextEncodingName[] = ['windows-1251', 'windows-1252', 'windows-1250', 'cp852', 'cp866'];

export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const sample = bytes.subarray(0, ENCODING_SAMPLE_BYTES);
  // UTF-16 without a BOM: XML and text files start with ASCII, so every other byte is zero.
  if (sample.length >= 4 && sample[0] !== 0 && sample[1] === 0 && sample[3] === 0)
    return { encoding: 'utf-16le', bomLength: 0 };
  if (sample.length >= 4 && sample[0] === 0 && sample[1] !== 0 && sample[2] === 0)
    return { encoding: 'utf-16be', bomLength: 0 };
  if (!hasHighBytes(sample) || isUtf8(sample, sample.length < bytes.length)) return { encoding: 'utf-8', bomLength: 0 };
  return { encoding: guessEightBit(sample), bomLength: 0 };
}

function hasHighBytes(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if ((b[i] ?? 0) >= 0x80) return true;
  return false;
}

/** Valid UTF-8? `truncated` allows a multi-byte character cut off at the end of a sample. */
export function isUtf8(b: Uint8Array, truncated = false): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b, { stream: truncated });
    return true;
  } catch {
    return false;
  }
}

/**
 * Scores each 8-bit code page by how plausible the decoded non-ASCII characters are: letters score,
 * symbols and box-drawing characters cost, a Cyrillic letter glued to a Latin one costs, and a run of
 * accented Latin letters (what Cyrillic text looks like through windows-1252) costs.
 */
export function guessEightBit(sample: Uint8Array): TextEncodingName {
  let best: TextEncodingName = EIGHT_BIT[0] ?? 'windows-1251';
  let bestScore = -Infinity;
  const excerpt = highByteExcerpt(sample);
  for (const enc of EIGHT_BIT) {
    const text = iconv.decode(excerpt, enc);
    const score = plausibility(text);
    if (score > bestScore) {
      best = enc;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Only the non-ASCII bytes and their neighbours matter to the guess. These code pages map one byte to
 * one character, so scoring short windows around those bytes (instead of decoding a whole sample five
 * times) gives the same answer at a fraction of the cost.
 */
function highByteExcerpt(sample: Uint8Array, maxHigh = 4096): Buffer {
  const parts: number[] = [];
  let high = 0;
  let lastEnd = -1;
  for (let i = 0; i < sample.length && high < maxHigh; i++) {
    if ((sample[i] ?? 0) < 0x80) continue;
    high += 1;
    const start = Math.max(i - 2, lastEnd);
    const end = Math.min(sample.length, i + 3);
    if (start > lastEnd && parts.length > 0) parts.push(0x20);
    for (let k = start; k < end; k++) parts.push(sample[k] ?? 0x20);
    lastEnd = end;
  }
  return Buffer.from(parts);
}

const LETTER = /\p{L}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const NEUTRAL = /[\u2013\u2014\u2018-\u201e\u2026\u00ab\u00bb\u2116\u00a7\u00b0]/;

const asciiLetter = (s: string): boolean => /[A-Za-z]/.test(s);
const nonAsciiLetter = (s: string): boolean => s.charCodeAt(0) >= 0x80 && LETTER.test(s);

function plausibility(text: string): number {
  let score = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    const ch = text[i] ?? '';
    if (!LETTER.test(ch)) {
      if (!NEUTRAL.test(ch)) score -= 3;
      continue;
    }
    score += 2;
    const prev = text[i - 1] ?? ' ';
    const next = text[i + 1] ?? ' ';
    if (CYRILLIC.test(ch)) {
      if (asciiLetter(prev) || asciiLetter(next)) score -= 2;
    } else if (nonAsciiLetter(prev) && nonAsciiLetter(next)) {
      score -= 1;
    }
  }
  return score;
}

/** Decodes a whole file; the encoding is detected unless given. */
export function decodeBytes(
  bytes: Uint8Array,
  encoding?: TextEncodingName,
): { text: string; encoding: TextEncodingName } {
  const detected = encoding ? { encoding, bomLength: bomLengthFor(bytes, encoding) } : detectEncoding(bytes);
  const body = bytes.subarray(detected.bomLength);
  const text =
    detected.encoding === 'utf-8'
      ? utf8(body)
      : iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), detected.encoding);
  return { text, encoding: detected.encoding };
}

function bomLengthFor(bytes: Uint8Array, encoding: TextEncodingName): number {
  if (encoding === 'utf-8' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 3;
  if (encoding === 'utf-16le' && bytes[0] === 0xff && bytes[1] === 0xfe) return 2;
  if (encoding === 'utf-16be' && bytes[0] === 0xfe && bytes[1] === 0xff) return 2;
  return 0;
}

export interface IncrementalDecoder {
  write(chunk: Uint8Array): string;
  end(): string;
}

/** An incremental decoder for `encoding` (any name iconv-lite knows); unknown names decode as UTF-8. */
export function createDecoder(encoding: string): IncrementalDecoder {
  if (encoding === 'utf-8' || !iconv.encodingExists(encoding)) {
    // StringDecoder goes straight to the native UTF-8 decoder; TextDecoder's streaming mode costs
    // about twice as much per megabyte. Both replace invalid sequences with U+FFFD.
    const d = new StringDecoder('utf8');
    return { write: (c) => d.write(asBuffer(c)), end: () => d.end() };
  }
  const d = iconv.getDecoder(encoding);
  return {
    write: (c) => d.write(Buffer.from(c.buffer, c.byteOffset, c.byteLength)),
    end: () => d.end() ?? '',
  };
}

const asBuffer = (b: Uint8Array): Buffer =>
  Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/** Decodes UTF-8 with the native decoder (invalid sequences become U+FFFD). */
export const utf8 = (b: Uint8Array): string => asBuffer(b).toString('utf8');

/** A chunk of a file as streams deliver it. */
export type Chunk = Uint8Array | string;
/** Where chunks come from: a Node Readable, any async iterable, or simply an array of chunks. */
export type ChunkSource = AsyncIterable<Chunk> | Iterable<Chunk>;

/**
 * Decodes an async stream of byte chunks: the encoding is guessed from the first `ENCODING_SAMPLE_BYTES`
 * (or taken from `encoding`), the byte-order mark dropped. String chunks pass through unchanged.
 */
export async function* decodeStream(
  source: ChunkSource,
  options: {
    encoding?: TextEncodingName;
    /** Replaces the text heuristics, e.g. with XML's own rules (BOM or declaration). */
    detect?: (head: Uint8Array) => { encoding: string; bomLength: number };
    onEncoding?: (e: string) => void;
  } = {},
): AsyncGenerator<string> {
  let decoder: IncrementalDecoder | undefined;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const start = (): string => {
    const head = concat(pending, pendingBytes);
    pending = [];
    const detected: { encoding: string; bomLength: number } = options.encoding
      ? { encoding: options.encoding, bomLength: bomLengthFor(head, options.encoding) }
      : (options.detect ?? detectEncoding)(head);
    options.onEncoding?.(detected.encoding);
    decoder = createDecoder(detected.encoding);
    return decoder.write(head.subarray(detected.bomLength));
  };
  for await (const chunk of source) {
    if (typeof chunk === 'string') {
      if (chunk) yield chunk;
      continue;
    }
    if (decoder) {
      const s = decoder.write(chunk);
      if (s) yield s;
      continue;
    }
    pending.push(chunk);
    pendingBytes += chunk.byteLength;
    if (pendingBytes >= ENCODING_SAMPLE_BYTES) {
      const s = start();
      if (s) yield s;
    }
  }
  if (!decoder && pendingBytes > 0) {
    const s = start();
    if (s) yield s;
  }
  if (decoder) {
    const s = decoder.end();
    if (s) yield s;
  }
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/**
 * Splits text arriving in chunks into lines (LF, CRLF or lone CR). A "line" longer than `maxLine`
 * characters is cut, so that a file without line breaks cannot grow the buffer without bound.
 */
export class LineSplitter {
  private rest = '';
  private endsWithCr = false;

  constructor(private readonly maxLine = 1 << 20) {}

  push(text: string): string[] {
    const lines: string[] = [];
    let s = this.rest + text;
    // A CRLF split between two chunks: the LF belongs to the line already emitted.
    if (this.endsWithCr && s.startsWith('\n')) s = s.slice(1);
    this.endsWithCr = false;
    let at = 0;
    // Next LF and CR positions are remembered between lines: searching afresh for a CR that never comes
    // would rescan the rest of the chunk for every line.
    let lf = -2;
    let cr = -2;
    for (;;) {
      if (lf !== -1 && lf < at) lf = s.indexOf('\n', at);
      if (cr !== -1 && cr < at) cr = s.indexOf('\r', at);
      const end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
      if (end < 0) break;
      lines.push(s.slice(at, end));
      if (s[end] === '\r') {
        if (end + 1 === s.length) {
          this.endsWithCr = true;
          at = end + 1;
          break;
        }
        at = s[end + 1] === '\n' ? end + 2 : end + 1;
      } else {
        at = end + 1;
      }
    }
    this.rest = s.slice(at);
    while (this.rest.length > this.maxLine) {
      lines.push(this.rest.slice(0, this.maxLine));
      this.rest = this.rest.slice(this.maxLine);
    }
    return lines;
  }

  end(): string[] {
    const last = this.rest;
    this.rest = '';
    return last.length > 0 ? [last] : [];
  }
}
