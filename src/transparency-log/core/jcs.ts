// RFC 8785 JSON Canonicalization Scheme: object members sorted by the UTF-16 code units of their
// names, no whitespace, strings and numbers serialised as ECMAScript's JSON.stringify does (which is
// what RFC 8785 section 3.2.2 prescribes). A leaf of the log is these bytes, so anyone re-serialising
// the published JSON with any JCS library gets the same bytes and the same hash.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Compares by UTF-16 code units, not by code points or locale (RFC 8785 3.2.3). */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('JCS has no representation for NaN or Infinity');
      return JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
      entries.sort(([a], [b]) => byCodeUnits(a, b));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      break;
  }
  throw new TypeError(`JCS has no representation for a ${typeof value}`);
}

/** The UTF-8 bytes of the canonical form: what is hashed. */
export const canonicalBytes = (value: unknown): Uint8Array => new TextEncoder().encode(canonicalJson(value));
