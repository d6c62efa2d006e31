// Finding people across scripts: the query is reduced to the same phonetic keys as the stored
// names, pre-filtered in SQL by key prefixes, then ranked in memory with typo tolerance.
import type { AppContext } from '../platform/app-context.ts';
import type { Localized, PublicCandidate } from '../domain/election.ts';
import { searchNames } from '../domain/name-search.ts';
import { findCandidatesByKeys } from '../candidates/index.ts';
import { getElections } from '../elections/index.ts';
import { getPartyNames } from '../parties/index.ts';
import { keyPrefixes } from './core/search-query.ts';

export interface SearchHit {
  candidate: PublicCandidate;
  partyName: Localized;
  electionName: Localized;
}

/** A typo in the first letters defeats a prefix filter; below this many rows we scan them all. */
const FULL_SCAN_LIMIT = 50_000;

const NO_NAME: Localized = { ky: '', ru: '', en: '' };

export async function searchCandidates(
  ctx: AppContext,
  q: string,
  opts: { electionId?: string; limit?: number } = {},
): Promise<SearchHit[]> {
  const limit = Math.min(opts.limit ?? 50, 200);
  const prefixes = keyPrefixes(q);
  if (prefixes.length === 0) return [];
  let pool = await findCandidatesByKeys(ctx, prefixes, { electionId: opts.electionId, limit: FULL_SCAN_LIMIT });
  let ranked = searchNames(q, pool, (c) => [c.searchKey], limit);
  if (ranked.length === 0) {
    pool = await findCandidatesByKeys(ctx, [''], { electionId: opts.electionId, limit: FULL_SCAN_LIMIT });
    ranked = searchNames(q, pool, (c) => [c.searchKey], limit);
  }
  if (ranked.length === 0) return [];
  const [pName, elections] = await Promise.all([getPartyNames(ctx), getElections(ctx)]);
  const eName = new Map(elections.map((e) => [e.id, e.name]));
  return ranked.map(({ searchKey: _k, ...candidate }) => ({
    candidate,
    partyName: pName.get(candidate.partyRegistrationNumber) ?? NO_NAME,
    electionName: eName.get(candidate.electionId) ?? NO_NAME,
  }));
}
