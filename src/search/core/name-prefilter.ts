// Which names of a pool can match a query at all, found from an index of their trigrams instead of by
// scoring every name. A name word that a query word matches (exactly, as a prefix, or one edit away)
// shares at least `minShared` of that word's trigrams (the bound proved in domain/name-search.ts), so a
// name sharing fewer with some query word cannot match and is skipped; the ranking of the rest is the
// ranking of the whole pool. Words too short to bound (one or two letters) filter nothing. Pure.
import { trigramFilter, trigrams, type TrigramFilter } from '../../domain/name-search.ts';

export interface TrigramIndex {
  /** For each trigram, the positions in the pool of the names holding it (each position once, ascending). */
  readonly postings: ReadonlyMap<string, Int32Array>;
  readonly size: number;
  /**
   * Working space of `possibleMatches`, one slot per name, made once with the index: a query then
   * touches only the names that share a trigram with it, and allocates nothing as long as the pool but
   * its answer. Left as it was found after every query (counts back to zero).
   */
  readonly scratch: { counts: Uint16Array; marks: Uint32Array; touched: Int32Array; generation: number };
}

/** Indexes a pool: `words[i]` are the key words of the pool's name at position i. */
export function trigramIndex(words: readonly (readonly string[])[]): TrigramIndex {
  const lists = new Map<string, number[]>();
  words.forEach((ws, i) => {
    for (const t of trigrams(ws.join(' '))) {
      const list = lists.get(t);
      if (list) list.push(i);
      else lists.set(t, [i]);
    }
  });
  const postings = new Map<string, Int32Array>();
  for (const [t, list] of lists) postings.set(t, Int32Array.from(list));
  const n = words.length;
  const scratch = { counts: new Uint16Array(n), marks: new Uint32Array(n), touched: new Int32Array(n), generation: 0 };
  return { postings, size: n, scratch };
}

/** A mark no name carries yet, for the names still possible after one query word. */
function nextMark(scratch: TrigramIndex['scratch']): number {
  if (scratch.generation === 0xffffffff) {
    scratch.marks.fill(0);
    scratch.generation = 0;
  }
  return ++scratch.generation;
}

const NO_POSTINGS = new Int32Array(0);

/**
 * The positions of the names that may match `query`, in pool order; undefined when no word of the
 * query is long enough to tell, and every name must be scored. `query` may come as its `trigramFilter`.
 */
export function possibleMatches(index: TrigramIndex, query: string | readonly TrigramFilter[]): Int32Array | undefined {
  const { counts, marks, touched } = index.scratch;
  let possible: Int32Array | undefined;
  for (const { trigrams: grams, minShared } of typeof query === 'string' ? trigramFilter(query) : query) {
    if (minShared === 0) continue;
    // Names still possible after the words before carry this word's mark; the first word has none.
    const mark = possible === undefined ? 0 : nextMark(index.scratch);
    if (possible) for (let k = 0; k < possible.length; k++) marks[possible[k] ?? 0] = mark;
    let reached = 0;
    for (const t of grams) {
      const list = index.postings.get(t) ?? NO_POSTINGS;
      for (let k = 0; k < list.length; k++) {
        const i = list[k] ?? 0;
        if (counts[i] === 0) touched[reached++] = i;
        counts[i] = (counts[i] ?? 0) + 1;
      }
    }
    // The names that share enough, kept in place at the front of `touched` (never ahead of the reading).
    let kept = 0;
    for (let k = 0; k < reached; k++) {
      const i = touched[k] ?? 0;
      if ((counts[i] ?? 0) >= minShared && (mark === 0 || marks[i] === mark)) touched[kept++] = i;
      counts[i] = 0;
    }
    possible = touched.slice(0, kept);
  }
  return possible?.sort();
}
