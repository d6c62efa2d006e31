// Keyset pagination cursors: an opaque token holding the last row's sort value and id, so deep
// pages cost the same as the first and rows inserted meanwhile never cause gaps or repeats.
export interface KeysetCursor {
  /** The sort column's value on the last row served. */
  v: string | number | null;
  id: number;
}

export function encodeCursor(c: KeysetCursor): string {
  return Buffer.from(JSON.stringify([c.v, c.id]), 'utf8').toString('base64url');
}

export function decodeCursor(token: string): KeysetCursor | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2) return undefined;
    const [v, id] = parsed as unknown[];
    if (typeof id !== 'number' || !Number.isSafeInteger(id)) return undefined;
    if (v !== null && typeof v !== 'string' && typeof v !== 'number') return undefined;
    return { v, id };
  } catch {
    return undefined;
  }
}
