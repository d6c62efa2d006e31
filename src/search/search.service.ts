// Finding people across scripts: the query is reduced to the same phonetic keys as the stored names
// and ranked with typo tolerance against every candidate's key, held in memory until the candidates
// change; only the hits' rows are then read. Ranking all keys loses nothing to a prefix filter (a typo
// in the first letters still finds the name) and costs no query per search beyond a version check;
// a trigram index of the keys skips the names that cannot match, which changes no result.
import type { AppContext } from '../platform/app-context.ts';
import type { Localized, PublicCandidate } from '../domain/election.ts';
import { prepareQuery, rankPreparedNames, trigramFilter, type PreparedNames } from '../domain/name-search.ts';
import { searchKey } from '../domain/transliteration.ts';
import { getCandidateNames, getPublicCandidates } from '../candidates/index.ts';
import { possibleMatches, trigramIndex, type TrigramIndex } from './core/name-prefilter.ts';
import { searchLabels } from './search-labels.ts';

export interface SearchHit {
  candidate: PublicCandidate;
  partyName: Localized;
  electionName: Localized;
}

const NO_NAME: Localized = { ky: '', ru: '', en: '' };

/**
 * The trigram index of a pool of names, made once per pool: the pool object is replaced whenever the
 * candidates change, so the index goes with it (and is not kept beyond it).
 */
const indexes = new WeakMap<object, TrigramIndex>();

function indexOf(names: PreparedNames<unknown>): TrigramIndex {
  let index = indexes.get(names);
  if (!index) {
    index = trigramIndex(names.words);
    indexes.set(names, index);
  }
  return index;
}

/**
 * The names of the pool ranked against the query key `key`, scoring only those its trigrams leave
 * possible. The query is keyed once, here, for the filter and the ranking alike.
 */
function rankNames<T extends { electionId: string }>(
  key: string,
  names: PreparedNames<T>,
  limit: number,
  electionId: string | undefined,
): T[] {
  const among = possibleMatches(indexOf(names), trigramFilter(key));
  return rankPreparedNames(prepareQuery(key), names, limit, {
    ...(among ? { among } : {}),
    ...(electionId === undefined ? {} : { include: (k: T) => k.electionId === electionId }),
  });
}

/** The candidates of `ids` with their party's and election's names, in the order of `ids`. */
async function hitsOf(ctx: AppContext, ids: readonly number[]): Promise<SearchHit[]> {
  const ranked = await getPublicCandidates(ctx, ids);
  if (ranked.length === 0) return [];
  const names = await searchLabels(ctx);
  return ranked.map((candidate) => ({
    candidate,
    partyName: names.partyNames.get(candidate.partyRegistrationNumber) ?? NO_NAME,
    electionName: names.electionNames.get(candidate.electionId) ?? NO_NAME,
  }));
}

/** The ids of the best `limit` names for `q`, best first; none for a query without a letter or digit. */
async function rankedIds(ctx: AppContext, q: string, limit: number, electionId: string | undefined) {
  const key = searchKey(q);
  if (key === '') return [];
  const names = await getCandidateNames(ctx);
  return rankNames(key, names, limit, electionId || undefined).map((k) => k.id);
}

/** Most hits a search gives, across all its pages. */
export const MAX_HITS = 200;

export async function searchCandidates(
  ctx: AppContext,
  q: string,
  opts: { electionId?: string; limit?: number } = {},
): Promise<SearchHit[]> {
  return hitsOf(ctx, await rankedIds(ctx, q, Math.min(opts.limit ?? 50, MAX_HITS), opts.electionId));
}

export interface SearchPage {
  /** The hits of this page, in the order of the ranking. */
  hits: SearchHit[];
  /** How many hits the whole ranking has (at most `MAX_HITS`). */
  total: number;
}

/**
 * Page `page` (from 1) of `size` hits of the ranking `searchCandidates` gives: ranking the names costs
 * the same for any number of hits, so the whole ranking is counted, and only the page's rows are read.
 */
export async function searchCandidatePage(ctx: AppContext, q: string, page: number, size: number): Promise<SearchPage> {
  const ids = await rankedIds(ctx, q, MAX_HITS, undefined);
  const from = (page - 1) * size;
  return { hits: await hitsOf(ctx, ids.slice(from, from + size)), total: ids.length };
}
