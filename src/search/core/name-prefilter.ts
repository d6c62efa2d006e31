// Which names of a pool can match a query at all, found from an index of their trigrams instead of by
// scoring every name. A name word that a query word matches (exactly, as a prefix, or one edit away)
// shares at least `minShared` of that word's trigrams (the bound proved in domain/name-search.ts), so a
// name sharing fewer with some query word cannot match and is skipped; the ranking of the rest is the
// ranking of the whole pool. Words too short to bound (one or two letters) filter nothing. Pure.
import { trigramFilter, trigrams, type PreparedNames, type TrigramFilter } from '../../domain/name-search.ts';

export interface TrigramIndex {
  /** For each trigram, the positions in the pool of the names holding it (each position once). */
  readonly postings: ReadonlyMap<string, readonly number[]>;
  readonly size: number;
  /**
   * Working space of `possibleMatches`, one slot per name, made once with the index: a query then
   * touches only the names that share a trigram with it, and allocates no array as long as the pool.
   * Left as it was found after every query (counts back to zero).
   */
  readonly scratch: { counts: Uint16Array; marks: Uint32Array; generation: number };
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
  const scratch = { counts: new Uint16Array(words.length), marks: new Uint32Array(words.length), generation: 0 };
  return { postings, size: words.length, scratch };
}

/** A mark no name carries yet, for the names still possible after one query word. */
function nextMark(scratch: TrigramIndex['scratch']): number {
  if (scratch.generation === 0xffffffff) {
    scratch.marks.fill(0);
    scratch.generation = 0;
  }
  return ++scratch.generation;
}

/**
 * The positions of the names that may match `query`, in pool order; undefined when no word of the
 * query is long enough to tell, and every name must be scored. `query` may come as its `trigramFilter`.
 */
export function possibleMatches(index: TrigramIndex, query: string | readonly TrigramFilter[]): number[] | undefined {
  const { counts, marks } = index.scratch;
  let possible: number[] | undefined;
  for (const { trigrams: grams, minShared } of typeof query === 'string' ? trigramFilter(query) : query) {
    if (minShared === 0) continue;
    // Names still possible after the words before carry this word's mark; the first word has none.
    const mark = possible === undefined ? 0 : nextMark(index.scratch);
    for (const i of possible ?? []) marks[i] = mark;
    const touched: number[] = [];
    for (const t of grams)
      for (const i of index.postings.get(t) ?? []) {
        if (counts[i] === 0) touched.push(i);
        counts[i] = (counts[i] ?? 0) + 1;
      }
    const next: number[] = [];
    for (const i of touched) {
      if ((counts[i] ?? 0) >= minShared && (mark === 0 || marks[i] === mark)) next.push(i);
      counts[i] = 0;
    }
    possible = next;
  }
  return possible?.sort((a, b) => a - b);
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
