// The district candidates of every election, for the site's search box: read once per data version (an
// import of districts or candidates writes an activity record), and the same array until the data
// changes, so the search may key its index of their names on the array, as it does for donors.
import type { AppContext } from '../platform/app-context.ts';
import { heldWhileDataStays } from '../platform/data-version.ts';
import { listCandidatesInDistricts, type CandidateInDistrict } from './races.repository.ts';

/** A candidate's full name as the district page writes it. */
export const candidateFullName = (c: Pick<CandidateInDistrict, 'lastName' | 'firstName' | 'patronymic'>): string =>
  [c.lastName, c.firstName, c.patronymic].filter(Boolean).join(' ');

export function getCandidatesInDistricts(ctx: AppContext): Promise<readonly CandidateInDistrict[]> {
  return heldWhileDataStays(ctx, 'races.candidates-in-districts', 'all', () => listCandidatesInDistricts(ctx.db));
}
