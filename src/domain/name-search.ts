// Typo-tolerant matching of person names: how well a query matches one name, the ranking of a pool
// of people by that match, and the trigram prefilter a database can run before the ranking.
// Everything works on search keys (`transliteration.ts`), so script and romanisation never matter.
//
// Ranking, best first (a higher score is a better match; null is no match):
//   exact   the whole query key is the whole name key                  "Шайлдабекова Айгүл"
//   prefix  the name key begins with the query key, words in order      "shaildabekova ai"
//   tokens  every query word is a word of the name or begins one,
//           in any order                                               "aigul shaildabekova"
//   fuzzy   as tokens, but some query word is one edit away from a name word (one insertion,
//           deletion, substitution or transposition of neighbours)     "Shaildabeokva"
// Each query word needs its own name word: "Aigul Aigul" does not match "Aigul Shaildabekova".
// Within a tier, better word matches and fewer unmatched name words rank higher.
//
// Before ranking, a database narrows the pool. The repository keeps `searchKey` of each name in a
// column (a key is its own key, so stored keys may be handed to `searchNames` as names). Two ways:
//   - LIKE on first letters: for each query word w, `' ' || search_key LIKE '% ' || substr(w,1,2) || '%'`.
//     Cheap and index-friendly with a word table, but a typo in the first two letters is lost
//     ("Chaildabekova"), so a caller that gets nothing back should rank a wider pool.
//   - Trigrams, which lose nothing: store `trigrams(key)` in a side table
//     (candidate_id, trigram), and for each query word with `minShared > 0` (see `trigramFilter`)
//         SELECT candidate_id FROM candidate_name_trigram WHERE trigram IN (…the word's trigrams…)
//         GROUP BY candidate_id HAVING COUNT(DISTINCT trigram) >= minShared
//     and intersect those sets. Every name that `matchScore` would accept passes this filter (the
//     bound is proved next to `minSharedTrigrams` and checked by a property test); words whose
//     bound is 0 (one or two letters) cannot filter and are left to the ranking.
// Then `searchNames` ranks the survivors in memory.
import { searchKey } from './transliteration.ts';

/** Below this many key letters a word is too short to forgive a typo: "ali" would match "al", "aly", "li", "ami"… */
export const MIN_FUZZY_LENGTH = 4;

const EXACT = 3;
const PREFIX = 2;
const FUZZY = 1;
export type TokenMatchLevel = 0 | typeof FUZZY | typeof PREFIX | typeof EXACT;

const TIER_EXACT = 4;
const TIER_PREFIX = 3;
const TIER_TOKENS = 2;
const TIER_FUZZY = 1;

/** Names with more words than this (never seen in practice) are compared on their first ones, to keep the word assignment small. */
const MAX_NAME_WORDS = 24;

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions), by code point. */
export function damerauLevenshtein(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  const rows = x.length + 1;
  const cols = y.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(rows - 1, cols - 1);
}

function sameFrom(x: ArrayLike<string>, i: number, y: ArrayLike<string>, j: number): boolean {
  if (x.length - i !== y.length - j) return false;
  for (let k = 0; i + k < x.length; k++) if (x[i + k] !== y[j + k]) return false;
  return true;
}

const SURROGATE = /[\ud800-\udfff]/;

/** damerauLevenshtein(a, b) <= 1 in one pass: this runs for every word of every name in the pool. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  // One code point is at most two code units: most pairs are rejected here, before any scan.
  if (Math.abs(a.length - b.length) > 2) return false;
  // Keys are almost always plain letters, compared as code units; astral letters need code points.
  const astral = SURROGATE.test(a) || SURROGATE.test(b);
  const x: ArrayLike<string> = astral ? Array.from(a) : a;
  const y: ArrayLike<string> = astral ? Array.from(b) : b;
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  if (x.length === y.length) {
    if (sameFrom(x, i + 1, y, i + 1)) return true;
    return x[i] === y[i + 1] && x[i + 1] === y[i] && sameFrom(x, i + 2, y, i + 2);
  }
  return x.length > y.length ? sameFrom(x, i + 1, y, i) : sameFrom(x, i, y, i + 1);
}

/**
 * Whether the key `name` begins with the key `query`. A query typed so far may end in a y or i that
 * the full word turns into a glide (typing "Kydyrbay…" gives "…bai", the full "Kydyrbayeva" gives
 * "…baeva"; "Tashi…" against "tashjev"), so a trailing i also accepts a name going on with j or e there.
 */
function isKeyPrefix(query: string, name: string): boolean {
  if (name.startsWith(query)) return true;
  if (query.length < 2 || !query.endsWith('i')) return false;
  const stem = query.slice(0, -1);
  return name.startsWith(`${stem}j`) || name.startsWith(`${stem}e`);
}

/** How one query word matches one name word, both already keys: 3 exact, 2 prefix, 1 one edit away, 0 not at all. */
export function tokenMatchLevel(queryWord: string, nameWord: string): TokenMatchLevel {
  return levelOf(queryWord, Array.from(queryWord).length >= MIN_FUZZY_LENGTH, nameWord);
}

function levelOf(queryWord: string, fuzzyAllowed: boolean, nameWord: string): TokenMatchLevel {
  if (queryWord === nameWord) return EXACT;
  if (isKeyPrefix(queryWord, nameWord)) return PREFIX;
  if (fuzzyAllowed && withinOneEdit(queryWord, nameWord)) return FUZZY;
  return 0;
}

/** A query key taken apart once, then compared with every name of a pool. */
interface PreparedQuery {
  key: string;
  words: { word: string; fuzzyAllowed: boolean }[];
}

function prepare(queryKey: string): PreparedQuery {
  const words = wordsOf(queryKey).map((word) => ({ word, fuzzyAllowed: Array.from(word).length >= MIN_FUZZY_LENGTH }));
  return { key: words.map((w) => w.word).join(' '), words };
}

const wordsOf = (key: string): string[] => key.split(' ').filter((w) => w.length > 0);

/**
 * The best total level over assignments of each query word to its own name word, counting only
 * word matches of at least `minLevel`; null when no such assignment exists. Dynamic programming
 * over the set of name words used, which stays tiny for names of a few words.
 */
function bestAssignment(levels: readonly (readonly number[])[], nameWords: number, minLevel: number): number | null {
  let states = new Map<number, number>([[0, 0]]);
  for (const row of levels) {
    const next = new Map<number, number>();
    for (const [used, total] of states) {
      for (let j = 0; j < nameWords; j++) {
        const level = row[j] ?? 0;
        if (level < minLevel || (used & (1 << j)) !== 0) continue;
        const key = used | (1 << j);
        const value = total + level;
        if ((next.get(key) ?? -1) < value) next.set(key, value);
      }
    }
    if (next.size === 0) return null;
    states = next;
  }
  let best = -1;
  for (const total of states.values()) best = Math.max(best, total);
  return best;
}

function scorePrepared(q: PreparedQuery, nameKey: string): number | null {
  const n = wordsOf(nameKey).slice(0, MAX_NAME_WORDS);
  return scoreWords(q, n, n.join(' '));
}

/** `scorePrepared` for a name key already taken apart: its words (at most MAX_NAME_WORDS) and them joined. */
function scoreWords(q: PreparedQuery, n: readonly string[], n1: string): number | null {
  if (q.words.length === 0) return null;
  if (q.words.length > n.length) return null;
  const levels: TokenMatchLevel[][] = [];
  for (const { word, fuzzyAllowed } of q.words) {
    const row = n.map((nw) => levelOf(word, fuzzyAllowed, nw));
    // Most names of a pool fail on some query word: stop before the assignment.
    if (!row.some((level) => level > 0)) return null;
    levels.push(row);
  }
  const strict = bestAssignment(levels, n.length, PREFIX);
  const sum = strict ?? bestAssignment(levels, n.length, FUZZY);
  if (sum === null) return null;
  const tier =
    strict === null ? TIER_FUZZY : q.key === n1 ? TIER_EXACT : isKeyPrefix(q.key, n1) ? TIER_PREFIX : TIER_TOKENS;
  // sum ≤ 3 × 24 words, so sum × 10 + 9 < 1000 never reaches the next tier.
  const unmatchedNameWords = n.length - q.words.length;
  return tier * 1000 + sum * 10 + Math.max(0, 9 - unmatchedNameWords);
}

/**
 * The match score of a query key against a name key (both from `searchKey`), or null when some
 * query word matches no word of the name. Use this when keys are at hand; `matchScore` for text.
 */
export function matchKeyScore(queryKey: string, nameKey: string): number | null {
  return scorePrepared(prepare(queryKey), nameKey);
}

/** How well `query` matches `name` (any script, any spelling): higher is better, null is no match. */
export function matchScore(query: string, name: string): number | null {
  return matchKeyScore(searchKey(query), searchKey(name));
}

/**
 * The items whose names match `query`, best first, at most `limit`. An item's score is that of its
 * best-matching name (Kyrgyz, Russian and Latin forms, or stored keys); ties keep the input order.
 */
export function searchNames<T>(
  query: string,
  items: readonly T[],
  getNames: (item: T) => readonly string[],
  limit: number,
): T[] {
  const prepared = prepare(searchKey(query));
  if (prepared.words.length === 0 || limit <= 0) return [];
  const hits: { item: T; index: number; score: number }[] = [];
  items.forEach((item, index) => {
    let best: number | null = null;
    for (const name of getNames(item)) {
      const score = scorePrepared(prepared, searchKey(name));
      if (score !== null && (best === null || score > best)) best = score;
    }
    if (best !== null) hits.push({ item, index, score: best });
  });
  hits.sort((a, b) => b.score - a.score || a.index - b.index);
  return hits.slice(0, limit).map((h) => h.item);
}

/** A pool of names whose keys were taken apart once, to be ranked against many queries. */
export interface PreparedNames<T> {
  readonly items: readonly T[];
  readonly words: readonly (readonly string[])[];
  readonly joined: readonly string[];
}

/** Takes apart the stored key of every item (`getKey` returns a key made by `searchKey`). */
export function prepareNames<T>(items: readonly T[], getKey: (item: T) => string): PreparedNames<T> {
  const words = items.map((item) => wordsOf(getKey(item)).slice(0, MAX_NAME_WORDS));
  return { items, words, joined: words.map((w) => w.join(' ')) };
}

/**
 * `searchNames` over a prepared pool, for the items `include` accepts: the same scores and order, without
 * taking every name apart again for each query.
 */
export function rankPreparedNames<T>(
  query: string,
  pool: PreparedNames<T>,
  limit: number,
  include: (item: T) => boolean = () => true,
): T[] {
  const prepared = prepare(searchKey(query));
  if (prepared.words.length === 0 || limit <= 0) return [];
  const hits: { index: number; score: number }[] = [];
  pool.items.forEach((item, index) => {
    if (!include(item)) return;
    const score = scoreWords(prepared, pool.words[index] ?? [], pool.joined[index] ?? '');
    if (score !== null) hits.push({ index, score });
  });
  hits.sort((a, b) => b.score - a.score || a.index - b.index);
  return hits.slice(0, limit).map((h) => pool.items[h.index] as T);
}

/**
 * The distinct trigrams of a key, word by word, each word framed as "^word$" so that beginnings and
 * ends count ("^sh", "sha", …, "va$"). The markers cannot occur in a key.
 */
export function trigrams(key: string): string[] {
  const out = new Set<string>();
  for (const word of wordsOf(key)) {
    const framed = ['^', ...Array.from(word), '$'];
    for (let i = 0; i + 3 <= framed.length; i++) out.add(framed.slice(i, i + 3).join(''));
  }
  return [...out];
}

/**
 * The fewest of a query word's trigrams that any name word it matches (`tokenMatchLevel` > 0) must
 * share. A word of L letters has L framed windows; D of them distinct. Then:
 *   exact: all D;
 *   prefix: every window but the one with "$" lies in the name word: ≥ D − 1;
 *   prefix through a trailing glide i: also not the two windows holding that i: ≥ D − 2;
 *   one edit (words of MIN_FUZZY_LENGTH or more): a substitution or an extra letter touches at most
 *   3 windows, a missing letter breaks the 2 windows across the gap, a transposition touches at
 *   most 4: ≥ D − 4.
 * Windows the edit does not touch appear in the name word unchanged, so the bound holds for distinct
 * trigrams too.
 */
export function minSharedTrigrams(queryWord: string): number {
  const distinct = trigrams(queryWord).length;
  const length = Array.from(queryWord).length;
  let bound = distinct - 1;
  if (length >= 2 && queryWord.endsWith('i')) bound = Math.min(bound, distinct - 2);
  if (length >= MIN_FUZZY_LENGTH) bound = Math.min(bound, distinct - 4);
  return Math.max(0, bound);
}

export interface TrigramFilter {
  /** One word of the query's key. */
  word: string;
  trigrams: string[];
  /** A name must share at least this many of `trigrams` to be worth ranking; 0 means this word cannot filter. */
  minShared: number;
}

/** The trigram prefilter of a query, one entry per word of its key (see the top of this module). */
export function trigramFilter(query: string): TrigramFilter[] {
  return wordsOf(searchKey(query)).map((word) => ({
    word,
    trigrams: trigrams(word),
    minShared: minSharedTrigrams(word),
  }));
}
