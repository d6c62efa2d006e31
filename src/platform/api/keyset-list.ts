// Keyset-paginated listings of the API: the cursor a client sends back, checked against the sort it
// came from, and the link to the next page. Each listing says which cursors fit its sort.
import { decodeCursor, type KeysetCursor } from '../keyset.ts';
import { ApiError } from './api-http.ts';

/**
 * The cursor of `token`, or undefined for the first page. A cursor is only meaningful for the sort it
 * came from (a name compared with a list position would silently skip or repeat rows), so one that
 * does not decode or does not `fit` is refused with 400 `invalid_cursor`.
 */
export function keysetCursor(token: string | undefined, fits: (c: KeysetCursor) => boolean): KeysetCursor | undefined {
  if (token === undefined) return undefined;
  const c = decodeCursor(token);
  if (!c || !fits(c)) {
    throw new ApiError(
      400,
      'invalid_cursor',
      'The cursor is not one this API gave out for this sort; start again without `cursor` and follow `pagination.next`.',
    );
  }
  return c;
}

/** The same request with the next cursor, so clients follow links instead of rebuilding queries. */
export function nextLink(url: string, cursor: string | null): string | null {
  if (cursor === null) return null;
  const u = new URL(url, 'http://api.invalid');
  u.searchParams.set('cursor', cursor);
  return `${u.pathname}${u.search}`;
}
