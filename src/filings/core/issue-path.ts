// Where in a filed document a schema issue is: the path zod gives, as a field name people can read and
// as the value the filer sent there. Shared by the v1 and v2 readers. Pure.

/** `receipts[3].amount` for the path `['receipts', 3, 'amount']`. */
export function pathToField(path: readonly PropertyKey[]): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? `[${seg}]` : `${s === '' ? '' : '.'}${String(seg)}`;
  return s;
}

/** The value at `path` in the document as sent; undefined when there is none. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}
