// Which names of a pool can match a query at all, found from an index of their trigrams instead of by
// scoring every name. A name word that a query word matches (exactly, as a prefix, or one edit away)
// shares at least `minShared` of that word's trigrams (the bound proved in domain/name-search.ts), so a
// name sharing fewer with some query word cannot match and is skipped; the ranking of the rest is the
// ranking of the whole pool. Words too short to bound (one or two letters) filter nothing. Pure.
import { trigramFilter, trigrams, type PreparedNames } from '../../domain/name-search.ts';

export interface TrigramIndex {
  /** For each trigram, the positions in the pool of the names holding it (each position once). */
  readonly postings: ReadonlyMap<string, readonly number[]>;
  readonly size: number;
}

/** Indexes a pool: `words[i]` are the key words of the pool's name at position i. */
export function trigramIndex(words: readonly (readonly string[])[]): TrigramIndex {
  const postings = new Map<string, number[]>();
  words.forEach((ws, i) => {
    for (const t of trigrams(ws.join(' '))) {
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
  });
  return { postings, size: words.length };
}

/**
 * The positions of the names that may match `query`, in pool order; undefined when no word of the
 * query is long enough to tell, and every name must be scored.
 */
export function possibleMatches(index: TrigramIndex, query: string): number[] | undefined {
  let possible: Uint8Array | undefined;
  for (const { trigrams: grams, minShared } of trigramFilter(query)) {
    if (minShared === 0) continue;
    const shared = new Uint16Array(index.size);
    for (const t of grams) for (const i of index.postings.get(t) ?? []) shared[i] = (shared[i] ?? 0) + 1;
    const next = new Uint8Array(index.size);
    for (let i = 0; i < index.size; i++)
      next[i] = (shared[i] ?? 0) >= minShared && (possible === undefined || possible[i] === 1) ? 1 : 0;
    possible = next;
  }
  if (possible === undefined) return undefined;
  const positions: number[] = [];
  for (let i = 0; i < possible.length; i++) if (possible[i] === 1) positions.push(i);
  return positions;
}

/** The part of a pool at `positions`, in pool order: ranking it ranks those names as the whole pool would. */
export function subPool<T>(pool: PreparedNames<T>, positions: readonly number[]): PreparedNames<T> {
  const items: T[] = [];
  const words: (readonly string[])[] = [];
  const joined: string[] = [];
  for (const i of positions) {
    const item = pool.items[i];
    if (item === undefined) continue;
    items.push(item);
    words.push(pool.words[i] ?? []);
    joined.push(pool.joined[i] ?? '');
  }
  return { items, words, joined };
}
