// Finding people across scripts: the query is reduced to the same phonetic keys as the stored
// names, pre-filtered in SQL by key prefixes, then ranked in memory with typo tolerance.
import type { AppContext } from '../platform/app-context.ts';
import type { Localized, PublicCandidate } from '../domain/election.ts';
import { searchKey } from '../domain/transliteration.ts';
import { searchNames } from '../domain/name-search.ts';
import { findCandidatesByKeyPrefixes } from '../candidates/candidate.repository.ts';

export interface SearchHit {
  candidate: PublicCandidate;
  partyName: Localized;
  electionName: Localized;
}

/** A typo in the first letters defeats a prefix filter; below this many rows we scan them all. */
const FULL_SCAN_LIMIT = 50_000;

export async function searchCandidates(
  ctx: AppContext,
  q: string,
  opts: { electionId?: string; limit?: number } = {},
): Promise<SearchHit[]> {
  const limit = Math.min(opts.limit ?? 50, 200);
  const tokens = searchKey(q).split(/\s+/).filter((x) => x.length > 0);
  if (tokens.length === 0) return [];
  const prefixes = [...new Set(tokens.map((x) => x.slice(0, 2)))];
  let pool = await findCandidatesByKeyPrefixes(ctx.db, prefixes, { electionId: opts.electionId, limit: FULL_SCAN_LIMIT });
  let ranked = searchNames(q, pool, (c) => [c.searchKey], limit);
  if (ranked.length === 0) {
    const all = await findCandidatesByKeyPrefixes(ctx.db, [''], { electionId: opts.electionId, limit: FULL_SCAN_LIMIT });
    pool = all;
    ranked = searchNames(q, pool, (c) => [c.searchKey], limit);
  }
  if (ranked.length === 0) return [];
  const parties = await ctx.db.selectFrom('parties').select(['registration_number', 'name_ky', 'name_ru', 'name_en']).execute();
  const elections = await ctx.db.selectFrom('elections').select(['id', 'name_ky', 'name_ru', 'name_en']).execute();
  const pName = new Map(parties.map((p) => [p.registration_number, { ky: p.name_ky, ru: p.name_ru, en: p.name_en }]));
  const eName = new Map(elections.map((e) => [e.id, { ky: e.name_ky, ru: e.name_ru, en: e.name_en }]));
  return ranked.map(({ searchKey: _k, ...candidate }) => ({
    candidate,
    partyName: pName.get(candidate.partyRegistrationNumber) ?? { ky: '', ru: '', en: '' },
    electionName: eName.get(candidate.electionId) ?? { ky: '', ru: '', en: '' },
  }));
}
