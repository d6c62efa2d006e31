// Finding people across scripts: the query is reduced to the same phonetic keys as the stored names
// and ranked with typo tolerance against every candidate's key, held in memory until the candidates
// change; only the hits' rows are then read. Ranking all keys loses nothing to a prefix filter (a typo
// in the first letters still finds the name) and costs no query per search beyond a version check;
// a trigram index of the keys skips the names that cannot match, which changes no result.
import type { AppContext } from '../platform/app-context.ts';
import type { Localized, PublicCandidate } from '../domain/election.ts';
import { rankPreparedNames, type PreparedNames } from '../domain/name-search.ts';
import { getCandidateNames, getPublicCandidates } from '../candidates/index.ts';
import { getElections } from '../elections/index.ts';
import { getPartyNames } from '../parties/index.ts';
import { keyPrefixes } from './core/search-query.ts';
import { possibleMatches, subPool, trigramIndex, type TrigramIndex } from './core/name-prefilter.ts';

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

/** The names of the pool ranked against `q`, scoring only those its trigrams leave possible. */
function rankNames<T extends { electionId: string }>(
  q: string,
  names: PreparedNames<T>,
  limit: number,
  electionId: string | undefined,
): T[] {
  const possible = possibleMatches(indexOf(names), q);
  const pool = possible === undefined ? names : subPool(names, possible);
  return rankPreparedNames(q, pool, limit, electionId === undefined ? undefined : (k) => k.electionId === electionId);
}

export async function searchCandidates(
  ctx: AppContext,
  q: string,
  opts: { electionId?: string; limit?: number } = {},
): Promise<SearchHit[]> {
  const limit = Math.min(opts.limit ?? 50, 200);
  // A query without a letter or digit names nobody.
  if (keyPrefixes(q).length === 0) return [];
  const names = await getCandidateNames(ctx);
  const hits = rankNames(q, names, limit, opts.electionId || undefined);
  const ranked = await getPublicCandidates(
    ctx,
    hits.map((k) => k.id),
  );
  if (ranked.length === 0) return [];
  const [pName, elections] = await Promise.all([getPartyNames(ctx), getElections(ctx)]);
  const eName = new Map(elections.map((e) => [e.id, e.name]));
  return ranked.map((candidate) => ({
    candidate,
    partyName: pName.get(candidate.partyRegistrationNumber) ?? NO_NAME,
    electionName: eName.get(candidate.electionId) ?? NO_NAME,
  }));
}
