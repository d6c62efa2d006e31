// What the search makes of a query before anything is ranked: the text as the page takes it. Pure.

/** Longest query the page passes on; the API's schema says the same. */
export const MAX_QUERY = 200;

/** The query as the page takes it from the address: cut to the longest query, trimmed. */
export function pageQuery(q: string | undefined): string {
  return (q ?? '').slice(0, MAX_QUERY).trim();
}
