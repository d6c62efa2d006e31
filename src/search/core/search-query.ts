// What the search makes of a query, before any row is read: the phonetic tokens of the name and the
// key prefixes that pre-filter candidates in SQL. Pure.
import { searchKey } from '../../domain/transliteration.ts';

/** Longest query the page passes on; the API's schema says the same. */
export const MAX_QUERY = 200;

/** The query as the page takes it from the address: cut to the longest query, trimmed. */
export function pageQuery(q: string | undefined): string {
  return (q ?? '').slice(0, MAX_QUERY).trim();
}

/** The two-letter prefixes of the query's phonetic tokens; none when the query has no letters. */
export function keyPrefixes(q: string): string[] {
  const tokens = searchKey(q)
    .split(/\s+/)
    .filter((x) => x.length > 0);
  return [...new Set(tokens.map((x) => x.slice(0, 2)))];
}
