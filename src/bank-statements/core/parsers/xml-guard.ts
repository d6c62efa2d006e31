// Defences for XML from outside, applied before and while the streaming parser reads it: no DOCTYPE or
// ENTITY declaration ever reaches the parser (no external entities, no entity expansion bombs), and
// total size, nesting depth and single-node size are capped so memory and time stay bounded.

export interface XmlLimits {
  /** Characters in the whole document. */
  maxChars: number;
  /** Elements open at once; real camt.053 documents stay under 20. */
  maxDepth: number;
  /** Characters of one text node, tag or comment (what the parser must hold at once). */
  maxNodeChars: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = {
  maxChars: 1024 * 1024 * 1024,
  maxDepth: 40,
  maxNodeChars: 4 * 1024 * 1024,
};

const DECLARATION = /^<!\s*(DOCTYPE|ENTITY)/i;

/**
 * Finds a DOCTYPE or ENTITY declaration in text arriving in chunks, including one split across two
 * chunks. Refusing them outright is simpler and safer than configuring a parser to ignore them: a
 * bank statement never needs a DTD.
 */
export class DeclarationGuard {
  private tail = '';

  /** The declaration found ("DOCTYPE" / "ENTITY"), or undefined when the chunk is clean. */
  check(chunk: string): string | undefined {
    // The seam between the previous chunk and this one, for a declaration cut in two.
    const found = this.tail.length > 0 ? scan(this.tail + chunk.slice(0, 32)) : undefined;
    this.tail = chunk.length >= 16 ? chunk.slice(-16) : (this.tail + chunk).slice(-16);
    return found ?? scan(chunk);
  }
}

/**
 * "<!" is rare (comments, CDATA sections): look at each one instead of running a regular expression
 * over every megabyte, and without gluing chunks together (which would copy them).
 */
function scan(text: string): string | undefined {
  for (let i = text.indexOf('<!'); i >= 0; i = text.indexOf('<!', i + 2)) {
    const m = DECLARATION.exec(text.slice(i, i + 24));
    if (m) return (m[1] ?? '').toUpperCase();
  }
  return undefined;
}

export interface XmlEncoding {
  /** An encoding name iconv-lite or TextDecoder understands. */
  encoding: string;
  bomLength: number;
}

/**
 * The encoding of an XML document from its byte-order mark or its declaration
 * (`<?xml version="1.0" encoding="…"?>`); UTF-8 otherwise, as the XML specification says.
 */
export function detectXmlEncoding(head: Uint8Array): XmlEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  if (head[0] === 0x3c && head[1] === 0x00) return { encoding: 'utf-16le', bomLength: 0 };
  if (head[0] === 0x00 && head[1] === 0x3c) return { encoding: 'utf-16be', bomLength: 0 };
  let ascii = '';
  for (let i = 0; i < Math.min(head.length, 200); i++) ascii += String.fromCharCode(head[i] ?? 0);
  const m = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(ascii);
  const declared = m?.[1]?.toLowerCase();
  if (!declared || declared === 'utf-8' || declared === 'utf8') return { encoding: 'utf-8', bomLength: 0 };
  return { encoding: declared, bomLength: 0 };
}
