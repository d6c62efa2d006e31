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
import { LargestNumbers } from './largest-numbers.ts';
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

function sameUnitsFrom(x: string, i: number, y: string, j: number): boolean {
  if (x.length - i !== y.length - j) return false;
  for (let k = 0; i + k < x.length; k++) if (x.charCodeAt(i + k) !== y.charCodeAt(j + k)) return false;
  return true;
}

function hasSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) if ((s.charCodeAt(i) & 0xf800) === 0xd800) return true;
  return false;
}

/** damerauLevenshtein(a, b) <= 1 in one pass: this runs for every word of every name in the pool. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  // One code point is at most two code units: most pairs are rejected here, before any scan.
  if (Math.abs(a.length - b.length) > 2) return false;
  // Keys are almost always plain letters, compared as code units; astral letters need code points.
  if (hasSurrogate(a) || hasSurrogate(b)) return withinOneEditOf(Array.from(a), Array.from(b));
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > 1) return false;
  let i = 0;
  while (i < m && i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (m === n) {
    // a !== b, so they differ at i < m: a substitution there, or a transposition with the next.
    if (sameUnitsFrom(a, i + 1, b, i + 1)) return true;
    return (
      i + 1 < m &&
      a.charCodeAt(i) === b.charCodeAt(i + 1) &&
      a.charCodeAt(i + 1) === b.charCodeAt(i) &&
      sameUnitsFrom(a, i + 2, b, i + 2)
    );
  }
  return m > n ? sameUnitsFrom(a, i + 1, b, i) : sameUnitsFrom(a, i, b, i + 1);
}

/** `withinOneEdit` by code points, for the rare words with astral letters. */
function withinOneEditOf(x: readonly string[], y: readonly string[]): boolean {
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
  return levelOf(queryWordOf(queryWord), nameWord);
}

/** One word of a query key, with what comparing it to every name word needs worked out once. */
interface QueryWord {
  word: string;
  fuzzyAllowed: boolean;
  /** What a name word may also begin with through a trailing glide i (`isKeyPrefix`); none for other words. */
  glides: readonly string[];
}

function queryWordOf(word: string): QueryWord {
  const stem = word.slice(0, -1);
  return {
    word,
    fuzzyAllowed: Array.from(word).length >= MIN_FUZZY_LENGTH,
    glides: word.length >= 2 && word.endsWith('i') ? [`${stem}j`, `${stem}e`] : [],
  };
}

/** `isKeyPrefix` with the word's glides made once: this runs for every word of every name in the pool. */
function levelOf(q: QueryWord, nameWord: string): TokenMatchLevel {
  if (q.word === nameWord) return EXACT;
  if (nameWord.startsWith(q.word)) return PREFIX;
  for (const glide of q.glides) if (nameWord.startsWith(glide)) return PREFIX;
  if (q.fuzzyAllowed && withinOneEdit(q.word, nameWord)) return FUZZY;
  return 0;
}

/** A query key taken apart once, then compared with every name of a pool (`rankPreparedNames`, `scoreKeyWords`). */
export interface PreparedQuery {
  readonly key: string;
  readonly words: readonly QueryWord[];
  /**
   * Working space of the scoring, made once per query: each query word's level against each name word,
   * row by row. A query with more words than a name never gets that far, so MAX_NAME_WORDS rows suffice.
   */
  readonly levels: Uint8Array;
}

/** Takes a query key (`searchKey` of the query) apart for ranking. */
export function prepareQuery(queryKey: string): PreparedQuery {
  const words = wordsOf(queryKey).map(queryWordOf);
  const rows = Math.min(words.length, MAX_NAME_WORDS);
  return { key: words.map((w) => w.word).join(' '), words, levels: new Uint8Array(rows * MAX_NAME_WORDS) };
}

const wordsOf = (key: string): string[] => key.split(' ').filter((w) => w.length > 0);

/**
 * The best total level over assignments of each of `rows` query words to its own name word (`levels`
 * holds row r's level against name word j at r × width + j), counting only word matches of at least
 * `minLevel`; null when no such assignment exists. Two words are tried pair by pair; more by dynamic
 * programming over the set of name words used, which stays tiny for names of a few words.
 */
function bestAssignment(levels: Uint8Array, rows: number, width: number, minLevel: number): number | null {
  if (rows === 2) {
    let best = -1;
    for (let a = 0; a < width; a++) {
      const first = levels[a] ?? 0;
      if (first < minLevel) continue;
      for (let b = 0; b < width; b++) {
        const second = levels[width + b] ?? 0;
        if (b !== a && second >= minLevel && first + second > best) best = first + second;
      }
    }
    return best < 0 ? null : best;
  }
  let states = new Map<number, number>([[0, 0]]);
  for (let r = 0; r < rows; r++) {
    const next = new Map<number, number>();
    for (const [used, total] of states) {
      for (let j = 0; j < width; j++) {
        const level = levels[r * width + j] ?? 0;
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
  return scoreKeyWords(q, n, n.join(' '));
}

/**
 * The match score of a prepared query against a name key already taken apart: its words (at most
 * MAX_NAME_WORDS, as `prepareNames` keeps them) and them joined. Allocates nothing: it runs for every
 * name a search ranks.
 */
export function scoreKeyWords(q: PreparedQuery, n: readonly string[], n1: string): number | null {
  const rows = q.words.length;
  const width = n.length;
  if (rows === 0 || rows > width) return null;
  if (rows === 1) {
    // One word (most queries): its best level over the name's words is the whole assignment.
    const word = q.words[0] as QueryWord;
    let best = 0;
    for (let j = 0; j < width && best < EXACT; j++) {
      const level = levelOf(word, n[j] ?? '');
      if (level > best) best = level;
    }
    if (best === 0) return null;
    return scoreOf(q, n, n1, best >= PREFIX ? best : null, best);
  }
  const levels = q.levels;
  for (let r = 0; r < rows; r++) {
    const word = q.words[r] as QueryWord;
    let any = false;
    for (let j = 0; j < width; j++) {
      const level = levelOf(word, n[j] ?? '');
      levels[r * width + j] = level;
      if (level > 0) any = true;
    }
    // Most names of a pool fail on some query word: stop before the assignment.
    if (!any) return null;
  }
  const strict = bestAssignment(levels, rows, width, PREFIX);
  const sum = strict ?? bestAssignment(levels, rows, width, FUZZY);
  return sum === null ? null : scoreOf(q, n, n1, strict, sum);
}

/** The score of a name every query word matched: `strict` the assignment by prefix or better, `sum` the best. */
function scoreOf(q: PreparedQuery, n: readonly string[], n1: string, strict: number | null, sum: number): number {
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
  return scorePrepared(prepareQuery(queryKey), nameKey);
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
  const prepared = prepareQuery(searchKey(query));
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
  /**
   * Every distinct word of the pool once, and the words of name i as positions in it, at
   * `wordIds[wordStarts[i]]` up to `wordStarts[i + 1]`: people share surnames, first names and
   * patronymics, so a one-word query is compared with each word once rather than once per name.
   */
  readonly vocabulary: readonly string[];
  readonly wordIds: Int32Array;
  readonly wordStarts: Int32Array;
}

/** Takes apart the stored key of every item (`getKey` returns a key made by `searchKey`). */
export function prepareNames<T>(items: readonly T[], getKey: (item: T) => string): PreparedNames<T> {
  const words = items.map((item) => wordsOf(getKey(item)).slice(0, MAX_NAME_WORDS));
  const idOf = new Map<string, number>();
  const wordStarts = new Int32Array(words.length + 1);
  const ids: number[] = [];
  words.forEach((ws, i) => {
    wordStarts[i] = ids.length;
    for (const w of ws) {
      let id = idOf.get(w);
      if (id === undefined) idOf.set(w, (id = idOf.size));
      ids.push(id);
    }
  });
  wordStarts[words.length] = ids.length;
  return {
    items,
    words,
    joined: words.map((w) => w.join(' ')),
    vocabulary: [...idOf.keys()],
    wordIds: Int32Array.from(ids),
    wordStarts,
  };
}

/** Which items of a prepared pool a ranking looks at. */
export interface RankScope<T> {
  /** Only the items this accepts. */
  include?: (item: T) => boolean;
  /**
   * Only the items at these positions of the pool, in ascending order (those a prefilter left possible):
   * ranked as the whole pool would rank them, without copying the pool's part.
   */
  among?: ArrayLike<number>;
}

/**
 * `searchNames` over a prepared pool: the same scores and order, without taking every name apart again
 * for each query. `query` is text, or a key already prepared (`prepareQuery`) when the caller keyed it.
 */
export function rankPreparedNames<T>(
  query: string | PreparedQuery,
  pool: PreparedNames<T>,
  limit: number,
  scope: RankScope<T> = {},
): T[] {
  const prepared = typeof query === 'string' ? prepareQuery(searchKey(query)) : query;
  if (prepared.words.length === 0 || limit <= 0) return [];
  const { include, among } = scope;
  const best = new LargestNumbers(Math.min(limit, among?.length ?? pool.items.length));
  const one = prepared.words.length === 1 ? prepared.words[0] : undefined;
  // Each distinct word's level against a one-word query, once it is known (-1 until then).
  const levels = one ? new Int8Array(pool.vocabulary.length).fill(-1) : undefined;
  const consider = (index: number) => {
    const item = pool.items[index];
    if (item === undefined || (include && !include(item))) return;
    const score =
      one && levels
        ? oneWordScore(prepared, one, levels, pool, index)
        : scoreKeyWords(prepared, pool.words[index] ?? [], pool.joined[index] ?? '');
    // Better score first, then pool order: one number, so keeping the best needs no objects.
    if (score !== null) best.offer(score * POSITIONS + (POSITIONS - 1 - index));
  };
  if (among) for (let k = 0; k < among.length; k++) consider(among[k] ?? -1);
  else for (let index = 0; index < pool.items.length; index++) consider(index);
  return Array.from(best.descending(), (ranked) => pool.items[POSITIONS - 1 - (ranked % POSITIONS)] as T);
}

/** `scoreKeyWords` of a one-word query against name `index` of the pool, each distinct word's level found once. */
function oneWordScore(
  q: PreparedQuery,
  word: QueryWord,
  levels: Int8Array,
  pool: PreparedNames<unknown>,
  index: number,
): number | null {
  const end = pool.wordStarts[index + 1] ?? 0;
  let best = 0;
  for (let k = pool.wordStarts[index] ?? end; k < end && best < EXACT; k++) {
    const id = pool.wordIds[k] ?? 0;
    let level = levels[id] ?? 0;
    if (level < 0) levels[id] = level = levelOf(word, pool.vocabulary[id] ?? '');
    if (level > best) best = level;
  }
  if (best === 0) return null;
  return scoreOf(q, pool.words[index] ?? [], pool.joined[index] ?? '', best >= PREFIX ? best : null, best);
}

/** Positions a ranking tells apart in one number with the score (scores stay below 5,000: well within 2^53). */
const POSITIONS = 2 ** 32;

/**
 * The distinct trigrams of a key, word by word, each word framed as "^word$" so that beginnings and
 * ends count ("^sh", "sha", …, "va$"). The markers cannot occur in a key.
 */
export function trigrams(key: string): string[] {
  const out = new Set<string>();
  for (const word of wordsOf(key)) {
    if (hasSurrogate(word)) {
      const framed = ['^', ...Array.from(word), '$'];
      for (let i = 0; i + 3 <= framed.length; i++) out.add(framed.slice(i, i + 3).join(''));
      continue;
    }
    // Plain letters (nearly every key): a code unit is a letter, so a window is a slice.
    const framed = `^${word}$`;
    for (let i = 0; i + 3 <= framed.length; i++) out.add(framed.slice(i, i + 3));
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
