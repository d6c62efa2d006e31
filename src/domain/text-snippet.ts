// A few words of a long text around a phrase found in it, so that a list of search results shows why
// each was found. The phrase is met whatever its case, in any script, and across line breaks (a phrase
// typed on one line may be broken over two in the text). Pure.

export interface Snippet {
  /** The words before the phrase, with "…" in front when the text goes on before them. */
  before: string;
  /** The phrase as the text writes it; empty when the text does not hold it. */
  hit: string;
  /** The words after it, with "…" after them when the text goes on. */
  after: string;
}

/** Characters of context on each side of the phrase. */
const CONTEXT = 80;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const oneLine = (s: string) => s.replace(/\s+/g, ' ');
/** A cut through the middle of a character written as two code units leaves half of it: dropped. */
const wholeChars = (s: string) => s.replace(/^[\udc00-\udfff]|[\ud800-\udbff]$/g, '');

/** The text from `from`, less the word the cut went through (unless that is all there is). */
function fromWordStart(text: string, from: number): string {
  const part = text.slice(from);
  if (from === 0 || /\s/.test(text.charAt(from - 1))) return part;
  const space = part.search(/\s/);
  return space < 0 ? wholeChars(part) : part.slice(space + 1);
}

/** The text up to `to`, less the word the cut went through (unless that is all there is). */
function toWordEnd(text: string, to: number): string {
  const part = text.slice(0, to);
  if (to >= text.length || /\s/.test(text.charAt(to))) return part;
  const space = part.search(/\s\S*$/);
  return space < 0 ? wholeChars(part) : part.slice(0, space);
}

/** The words around the first place `text` holds `phrase`; the start of the text when it does not hold it. */
export function snippetAround(text: string, phrase: string, context = CONTEXT): Snippet {
  const words = phrase.trim().split(/\s+/).filter(Boolean);
  const found = words.length === 0 ? null : new RegExp(words.map(escapeRegExp).join('\\s+'), 'iu').exec(text);
  if (!found) {
    const start = toWordEnd(text, 2 * context);
    return { before: '', hit: '', after: oneLine(start).trim() + (start.length < text.length ? '…' : '') };
  }
  const at = found.index;
  const end = at + found[0].length;
  const before = oneLine(fromWordStart(text.slice(0, at), Math.max(0, at - context))).trimStart();
  const after = oneLine(toWordEnd(text.slice(end), context)).trimEnd();
  return {
    before: (at > context ? '…' : '') + before,
    hit: oneLine(found[0]),
    after: after + (end + context < text.length ? '…' : ''),
  };
}
