// Finding things with several names (a party's names in three languages, a donor's spellings) by a
// query typed in any script: ranked as the candidate search ranks people, across scripts, word order and
// one typo, and besides that by "contains", so that part of a company's name finds the company. Each
// name is keyed once when the pool is made; a query then scores only the names its trigrams leave
// possible, and checks "contains" on the compact keys. Pure.
import {
  prepareNames,
  prepareQuery,
  scoreKeyWords,
  trigramFilter,
  type PreparedNames,
  type PreparedQuery,
  type TrigramFilter,
} from '../../domain/name-search.ts';
import { compactKey, companyKey, MIN_CONTAINED } from './company-name.ts';
import { possibleMatches, trigramIndex, type TrigramIndex } from './name-prefilter.ts';

export interface NamePool<T> {
  readonly items: readonly T[];
  /** For each name of the pool, the position of its item in `items`. */
  readonly owners: readonly number[];
  /** Each name's key, legal forms and quotes left out (`companyKey`). */
  readonly keys: readonly string[];
  /** The keys taken apart into words once, for scoring against every query. */
  readonly prepared: PreparedNames<string>;
  /** Each key without its word breaks (`compactKey`). */
  readonly compact: readonly string[];
  /**
   * The compact keys in one text, each after a NUL (which no key holds), and where each starts: "contains"
   * is then one native search through the pool rather than one call per name.
   */
  readonly compactText: string;
  readonly compactStarts: Int32Array;
  readonly index: TrigramIndex;
}

/** Keys every name of every item (an item's names that key alike count once). */
export function namePool<T>(items: readonly T[], namesOf: (item: T) => readonly string[]): NamePool<T> {
  const owners: number[] = [];
  const keys: string[] = [];
  items.forEach((item, i) => {
    const own = new Set(namesOf(item).map(companyKey));
    for (const key of own) {
      if (key === '') continue;
      owners.push(i);
      keys.push(key);
    }
  });
  const compact = keys.map(compactKey);
  const compactStarts = new Int32Array(compact.length);
  let at = 0;
  compact.forEach((c, i) => {
    compactStarts[i] = at + 1;
    at += c.length + 1;
  });
  return {
    items,
    owners,
    keys,
    prepared: prepareNames(keys, (k) => k),
    compact,
    compactText: compact.map((c) => `\u0000${c}`).join(''),
    compactStarts,
    index: trigramIndex(keys.map((k) => k.split(' '))),
  };
}

/** The positions of the names whose compact key holds `queryCompact` (`containsCompact` of each), in pool order. */
function namesContaining(pool: NamePool<unknown>, queryCompact: string): number[] {
  if (queryCompact.length < MIN_CONTAINED) return [];
  const found: number[] = [];
  const starts = pool.compactStarts;
  for (let hit = pool.compactText.indexOf(queryCompact); hit >= 0;) {
    // The name the hit is in: the last that starts at or before it.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= hit) lo = mid;
      else hi = mid - 1;
    }
    found.push(lo);
    // On from the next name: one hit per name is enough.
    const next = starts[lo + 1];
    if (next === undefined) break;
    hit = pool.compactText.indexOf(queryCompact, next);
  }
  return found;
}

/** A match with no word-by-word score: the query is inside a name but matches none of its words. */
export const CONTAINED_SCORE = 0;

export interface PoolHit<T> {
  item: T;
  /** The best of the item's names: `matchKeyScore`'s scale, or `CONTAINED_SCORE`. */
  score: number;
}

/** A query keyed once for all the pools a search looks in. */
export interface PoolQuery {
  /** `companyKey` of the query; '' finds nothing. */
  key: string;
  /** Its `compactKey`, for "contains". */
  compact: string;
  /** The trigram filter of its words. */
  filter: readonly TrigramFilter[];
  /** The key taken apart for scoring. */
  prepared: PreparedQuery;
}

/** Keys a query for every pool a search looks in: keying is dearer than most pools' matching. */
export function poolQuery(query: string): PoolQuery {
  const key = companyKey(query);
  return { key, compact: compactKey(key), filter: trigramFilter(key), prepared: prepareQuery(key) };
}

/**
 * The items whose names match `query`, best first (ties in pool order): by `matchKeyScore` on the keys,
 * and otherwise when a name holds the query (`containsCompact`), which ranks below any word match.
 */
export function findInPool<T>(pool: NamePool<T>, query: string | PoolQuery): PoolHit<T>[] {
  const { key: queryKey, compact, filter, prepared } = typeof query === 'string' ? poolQuery(query) : query;
  if (queryKey === '') return [];
  const best = new Map<number, number>();
  const { words, joined } = pool.prepared;
  const score = (at: number) => {
    const owner = pool.owners[at];
    const s = scoreKeyWords(prepared, words[at] ?? [], joined[at] ?? '');
    if (s !== null && owner !== undefined && s > (best.get(owner) ?? -1)) best.set(owner, s);
  };
  const possible = possibleMatches(pool.index, filter);
  if (possible) for (let k = 0; k < possible.length; k++) score(possible[k] ?? -1);
  else for (let at = 0; at < pool.keys.length; at++) score(at);
  for (const at of namesContaining(pool, compact)) {
    const owner = pool.owners[at];
    if (owner !== undefined && !best.has(owner)) best.set(owner, CONTAINED_SCORE);
  }
  return [...best.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .flatMap(([owner, score]) => {
      const item = pool.items[owner];
      return item === undefined ? [] : [{ item, score }];
    });
}
