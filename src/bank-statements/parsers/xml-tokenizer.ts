// A small streaming XML tokenizer for bank statements: elements, attributes, text, CDATA, comments and
// processing instructions, fed in chunks of any size, reporting well-formedness errors (mismatched or
// unclosed tags, stray text or a second root, bad names, unknown entities). It deliberately knows no
// DTD: `<!DOCTYPE` and `<!ENTITY` are errors, so there is nothing to expand and nothing to fetch.
//
// Why not only saxes: on the benchmark's 105 MB camt.053 (100,000 entries) saxes alone needs 2–3
// CPU-seconds before any mapping is done, i.e. the whole budget of the 50,000 transactions/s target.
// Finding the next "<" with indexOf instead of stepping through every character, and handing out one
// string per distinct element name, tokenises about twice as fast. saxes stays available
// (`engine: 'saxes'`) and the tests check that both produce the same events on every fixture and on
// generated documents.

export interface XmlHandler {
  /** A start tag (a self-closing tag reports open then close). Names keep their prefix. */
  open(name: string, attrs: Readonly<Record<string, string>>): void;
  close(name: string): void;
  /**
   * Character data with entities decoded. Whitespace-only text between two tags is not reported:
   * statements never carry meaning in it, and pretty-printed files are full of it.
   */
  text(text: string): void;
  /** The document is not well-formed; nothing more is reported after this. */
  fail(message: string): void;
}

// A Map, not an object literal: "&constructor;" must be an unknown entity, not Object's constructor.
const ENTITIES = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);
/** Shared by every element without attributes (nearly all of them), so that none allocates its own. */
export const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

export class XmlTokenizer {
  private buf = '';
  private readonly stack: string[] = [];
  private sawRoot = false;
  private rootClosed = false;
  private failed = false;
  /** The last markup was a start or end tag (not a comment, CDATA or processing instruction). */
  private afterTag = false;
  private readonly names = new NamePool();

  constructor(private readonly h: XmlHandler) {}

  /** Elements open at the moment (for error locations). */
  get depth(): number {
    return this.stack.length;
  }

  write(chunk: string): void {
    if (this.failed) return;
    const s = this.buf.length > 0 ? this.buf + chunk : chunk;
    this.buf = '';
    let i = 0;
    const n = s.length;
    while (i < n && !this.failed) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        // Text up to the end of the chunk: held until its end is known (entities may be cut in two).
        this.buf = s.slice(i);
        return;
      }
      const c1 = s.charCodeAt(lt + 1);
      // Whitespace between two tags is indentation; next to a comment it may be part of a text.
      if (lt > i) this.textRun(s, i, lt, this.afterTag && c1 !== 0x21 && c1 !== 0x3f && !Number.isNaN(c1));
      if (this.failed) return;
      const next = this.markup(s, lt);
      if (next < 0) {
        this.buf = s.slice(lt);
        return;
      }
      i = next;
    }
  }

  end(): void {
    if (this.failed) return;
    if (this.buf.length > 0) {
      const rest = this.buf;
      this.buf = '';
      if (rest.startsWith('<')) return this.fail('the document ends inside a tag, comment or CDATA section');
      this.textRun(rest, 0, rest.length, true);
      if (this.failed) return;
    }
    if (this.stack.length > 0) return this.fail(`the document ends with <${this.stack[this.stack.length - 1]}> still open`);
    if (!this.sawRoot) this.fail('the document has no root element');
  }

  private fail(message: string): void {
    if (this.failed) return;
    this.failed = true;
    this.h.fail(message);
  }

  private textRun(s: string, from: number, to: number, betweenTags: boolean): void {
    // Indentation between elements (most text of a pretty-printed statement) says nothing: it is
    // checked without copying it and not reported.
    let k = from;
    while (k < to && isSpace(s.charCodeAt(k))) k++;
    if (k === to && (betweenTags || this.stack.length === 0)) return;
    this.afterTag = false;
    const t = s.slice(from, to);
    if (this.stack.length === 0) {
      // Outside the root only whitespace (and a byte-order mark at the very start) may stand.
      for (let k = 0; k < t.length; k++) {
        const c = t.charCodeAt(k);
        if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0xfeff) return this.fail('text outside the root element');
      }
      return;
    }
    const decoded = t.indexOf('&') < 0 ? t : this.decode(t);
    if (decoded !== undefined) this.h.text(decoded);
  }

  /** Handles the markup starting at `lt`; returns the index after it, or -1 when the chunk ends inside it. */
  private markup(s: string, lt: number): number {
    const c1 = s.charCodeAt(lt + 1);
    if (Number.isNaN(c1)) return -1;
    if (c1 === 0x2f /* / */) {
      const gt = s.indexOf('>', lt + 2);
      if (gt < 0) return -1;
      const open = this.stack.pop();
      // The usual case is checked in place, without copying the name out of the text.
      let end = gt;
      while (end > lt + 2 && isSpace(s.charCodeAt(end - 1))) end--;
      const matches = open !== undefined && end - (lt + 2) === open.length && s.startsWith(open, lt + 2);
      if (open !== undefined && matches) {
        if (this.stack.length === 0) this.rootClosed = true;
        this.h.close(open);
      } else {
        const name = s.slice(lt + 2, end);
        this.fail(open === undefined ? `</${name}> closes nothing` : `</${name}> closes <${open}>`);
      }
      this.afterTag = true;
      return gt + 1;
    }
    if (c1 === 0x3f /* ? */) {
      const end = s.indexOf('?>', lt + 2);
      if (end < 0) return -1;
      this.afterTag = false;
      return end + 2;
    }
    if (c1 === 0x21 /* ! */) {
      if (s.startsWith('<!--', lt)) {
        const end = s.indexOf('-->', lt + 4);
        if (end < 0) return -1;
        this.afterTag = false;
        return end + 3;
      }
      if (s.startsWith('<![CDATA[', lt)) {
        const end = s.indexOf(']]>', lt + 9);
        if (end < 0) return -1;
        if (this.stack.length === 0) this.fail('CDATA outside the root element');
        else this.h.text(s.slice(lt + 9, end));
        this.afterTag = false;
        return end + 3;
      }
      // Too short to tell a comment or CDATA section from anything else yet.
      if (s.length - lt < 9 && ('<![CDATA['.startsWith(s.slice(lt)) || '<!--'.startsWith(s.slice(lt)))) return -1;
      this.fail('declarations (DOCTYPE, ENTITY) are not accepted');
      return s.length;
    }
    return this.startTag(s, lt);
  }

  private startTag(s: string, lt: number): number {
    let k = lt + 1;
    const n = s.length;
    while (k < n && isNameChar(s.charCodeAt(k))) k++;
    if (k >= n) return -1;
    const name = this.names.get(s, lt + 1, k);
    if (!isName(name)) {
      this.fail(`"<${s.slice(lt + 1, Math.min(k + 1, lt + 20))}" is not a start tag`);
      return n;
    }
    let attrs: Record<string, string> | undefined;
    for (;;) {
      const wsStart = k;
      while (k < n && isSpace(s.charCodeAt(k))) k++;
      if (k >= n) return -1;
      const c = s.charCodeAt(k);
      if (c === 0x3e /* > */ || c === 0x2f /* / */) {
        let selfClosing = false;
        if (c === 0x2f) {
          if (k + 1 >= n) return -1;
          if (s.charCodeAt(k + 1) !== 0x3e) {
            this.fail(`<${name}: "/" not followed by ">"`);
            return n;
          }
          selfClosing = true;
          k += 1;
        }
        if (this.rootClosed) {
          this.fail(`<${name}> after the end of the root element`);
          return n;
        }
        this.sawRoot = true;
        this.afterTag = true;
        this.h.open(name, attrs ?? NO_ATTRIBUTES);
        if (selfClosing) {
          if (this.stack.length === 0) this.rootClosed = true;
          this.h.close(name);
        } else {
          this.stack.push(name);
        }
        return k + 1;
      }
      // An attribute: whitespace, name, "=", quoted value.
      if (k === wsStart) {
        this.fail(`<${name}: attributes must be separated by whitespace`);
        return n;
      }
      const nameStart = k;
      while (k < n && isNameChar(s.charCodeAt(k))) k++;
      if (k >= n) return -1;
      const attr = s.slice(nameStart, k);
      while (k < n && isSpace(s.charCodeAt(k))) k++;
      if (k >= n) return -1;
      if (!isName(attr) || s.charCodeAt(k) !== 0x3d /* = */) {
        this.fail(`<${name}: malformed attribute "${attr}"`);
        return n;
      }
      k++;
      while (k < n && isSpace(s.charCodeAt(k))) k++;
      if (k >= n) return -1;
      const q = s.charCodeAt(k);
      if (q !== 0x22 && q !== 0x27) {
        this.fail(`<${name} ${attr}=: the value is not quoted`);
        return n;
      }
      const close = s.indexOf(q === 0x22 ? '"' : "'", k + 1);
      if (close < 0) return -1;
      const raw = s.slice(k + 1, close);
      if (raw.indexOf('<') >= 0) {
        this.fail(`<${name} ${attr}=: "<" inside an attribute value`);
        return n;
      }
      attrs ??= Object.create(null) as Record<string, string>;
      if (Object.prototype.hasOwnProperty.call(attrs, attr)) {
        this.fail(`<${name}>: attribute ${attr} twice`);
        return n;
      }
      const value = raw.indexOf('&') < 0 ? raw : this.decode(raw);
      if (value === undefined) return n;
      // Attribute-value normalisation: tabs and line breaks read as spaces.
      attrs[attr] = /[\t\n\r]/.test(value) ? value.replace(/[\t\n\r]/g, ' ') : value;
      k = close + 1;
    }
  }

  /** Decodes the five predefined entities and character references; anything else is an error. */
  private decode(t: string): string | undefined {
    let out = '';
    let from = 0;
    for (let amp = t.indexOf('&'); amp >= 0; amp = t.indexOf('&', from)) {
      const semi = t.indexOf(';', amp + 1);
      if (semi < 0 || semi - amp > 12) {
        this.fail('"&" that starts no entity reference');
        return undefined;
      }
      const ref = t.slice(amp + 1, semi);
      let ch: string | undefined = ENTITIES.get(ref);
      if (ch === undefined && ref.startsWith('#')) {
        const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
        const valid = /^#(x[0-9a-fA-F]{1,6}|[0-9]{1,7})$/.test(ref) && (code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff));
        if (valid) ch = String.fromCodePoint(code);
      }
      if (ch === undefined) {
        this.fail(`unknown entity &${ref};`);
        return undefined;
      }
      out += t.slice(from, amp) + ch;
      from = semi + 1;
    }
    return out + t.slice(from);
  }
}

/**
 * Element names come from a small vocabulary (a camt.053 uses about a hundred). Handing out the same
 * string object for the same name saves a copy per tag and makes later comparisons pointer-fast.
 */
class NamePool {
  private readonly byKey = new Map<number, string[]>();
  private size = 0;

  get(s: string, from: number, to: number): string {
    const len = to - from;
    const key = len * 0x10000 + s.charCodeAt(from) * 31 + s.charCodeAt(to - 1);
    const list = this.byKey.get(key);
    if (list) for (const name of list) if (s.startsWith(name, from)) return name;
    const name = s.slice(from, to);
    // Bounded, so that a file of random names cannot grow the pool without end.
    if (this.size < 4096) {
      this.size += 1;
      if (list) list.push(name);
      else this.byKey.set(key, [name]);
    }
    return name;
  }
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

/** Letters, digits and . - _ : of ASCII, and anything beyond ASCII (XML allows most of it in names). */
function isNameChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x3a) || c === 0x2d || c === 0x2e || c === 0x5f || c >= 0x80;
}

function isName(name: string): boolean {
  if (name.length === 0) return false;
  const c = name.charCodeAt(0);
  // Not a digit, "-" or "." first.
  return !((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e);
}
