// Finding people across scripts: the query is reduced to the same phonetic keys as the stored names
// and ranked with typo tolerance against every candidate's key, held in memory until the candidates
// change; only the hits' rows are then read. Ranking all keys loses nothing to a prefix filter (a typo
// in the first letters still finds the name) and costs no query per search beyond a version check.
import type { AppContext } from '../platform/app-context.ts';
import type { Localized, PublicCandidate } from '../domain/election.ts';
import { rankPreparedNames } from '../domain/name-search.ts';
import { getCandidateNames, getPublicCandidates } from '../candidates/index.ts';
import { getElections } from '../elections/index.ts';
import { getPartyNames } from '../parties/index.ts';
import { keyPrefixes } from './core/search-query.ts';

export interface SearchHit {
  candidate: PublicCandidate;
  partyName: Localized;
  electionName: Localized;
}

const NO_NAME: Localized = { ky: '', ru: '', en: '' };

export async function searchCandidates(
  ctx: AppContext,
  q: string,
  opts: { electionId?: string; limit?: number } = {},
): Promise<SearchHit[]> {
  const limit = Math.min(opts.limit ?? 50, 200);
  // A query without a letter or digit names nobody.
  if (keyPrefixes(q).length === 0) return [];
  const names = await getCandidateNames(ctx);
  const inElection = opts.electionId ? (k: { electionId: string }) => k.electionId === opts.electionId : undefined;
  const hits = rankPreparedNames(q, names, limit, inElection);
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
