// Small in-memory trees of the XML subtrees a streaming parser decides to keep (one balance, one entry's
// header, one transaction's details), looked up by local name so that namespaces and prefixes of any
// camt.053 version read the same.

export interface XmlNode {
  /** Local name, without namespace prefix. */
  name: string;
  attrs?: Readonly<Record<string, string>>;
  text: string;
  children?: XmlNode[];
}

export const localName = (qname: string): string => {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
};

/** The first descendant reached by following `path` (local names), or undefined. */
export function at(node: XmlNode | undefined, ...path: string[]): XmlNode | undefined {
  let cur = node;
  for (const name of path) {
    if (!cur?.children) return undefined;
    let next: XmlNode | undefined;
    for (const c of cur.children) {
      if (c.name === name) {
        next = c;
        break;
      }
    }
    cur = next;
  }
  return cur;
}

/** Trimmed text at `path`, or undefined when absent or blank. */
export function textAt(node: XmlNode | undefined, ...path: string[]): string | undefined {
  const n = at(node, ...path);
  if (!n) return undefined;
  const t = n.text.trim();
  return t.length > 0 ? t : undefined;
}

export function childrenNamed(node: XmlNode | undefined, name: string): XmlNode[] {
  return node?.children?.filter((c) => c.name === name) ?? [];
}

/** Builds trees from open/text/close events (names already stripped of prefixes); knows nothing of camt. */
export class SubtreeCapture {
  private stack: XmlNode[] = [];
  private nodes = 0;
  /** Depth inside an element whose content is never read (see `skip`); 0 when not inside one. */
  private skipping = 0;

  /**
   * `skip`: local names of elements left out of the tree with everything inside them (addresses,
   * agents, codes no mapping reads), which saves allocating thousands of nodes per megabyte.
   */
  constructor(
    private readonly maxNodes = 10_000,
    private readonly skip: ReadonlySet<string> = new Set(),
  ) {}

  get active(): boolean {
    return this.stack.length > 0;
  }

  begin(name: string, attrs: Readonly<Record<string, string>>): void {
    this.stack = [makeNode(name, attrs)];
    this.nodes = 1;
    this.skipping = 0;
  }

  /** Returns false when the subtree has grown past `maxNodes` (a hostile or broken document). */
  open(name: string, attrs: Readonly<Record<string, string>>): boolean {
    if (this.skipping > 0 || this.skip.has(name)) {
      this.skipping += 1;
      return true;
    }
    const node = makeNode(name, attrs);
    const parent = this.stack[this.stack.length - 1];
    if (parent) (parent.children ??= []).push(node);
    this.stack.push(node);
    this.nodes += 1;
    return this.nodes <= this.maxNodes;
  }

  text(t: string): void {
    if (this.skipping > 0 || isBlank(t)) return;
    const cur = this.stack[this.stack.length - 1];
    if (cur) cur.text += t;
  }

  /** Closes the current element; returns the whole subtree when its root closes. */
  close(): XmlNode | undefined {
    if (this.skipping > 0) {
      this.skipping -= 1;
      return undefined;
    }
    const node = this.stack.pop();
    return this.stack.length === 0 ? node : undefined;
  }

  abandon(): void {
    this.stack = [];
    this.skipping = 0;
  }
}

/**
 * Indentation between elements is most of the text events of a pretty-printed statement; every value
 * read is trimmed anyway, so blank text is dropped instead of concatenated.
 */
function isBlank(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

function makeNode(name: string, attrs: Readonly<Record<string, string>>): XmlNode {
  const node: XmlNode = { name, text: '' };
  // Only amounts carry an attribute we read (Ccy); skip allocating for the rest.
  for (const _name in attrs) {
    node.attrs = attrs;
    break;
  }
  return node;
}
