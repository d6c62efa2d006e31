// What a search shows its hits under and matches parties by, made once per data version: the elections'
// names, every party's names, and the parties keyed for matching. A search with a new query then reads
// none of them (registering a party or calling an election writes an activity record, which moves the
// version).
import type { AppContext } from '../platform/app-context.ts';
import { heldWhileDataStays } from '../platform/data-version.ts';
import { LOCALES, type Locale, type Localized } from '../domain/election.ts';
import { getElections } from '../elections/index.ts';
import { getPartiesWithLatestElection, getPartyNames, type PartyNamesAndPage } from '../parties/index.ts';
import { namePool, type NamePool } from './core/name-pool.ts';

export interface SearchLabels {
  /** Every election's id, newest election day first. */
  electionIds: readonly string[];
  electionNames: ReadonlyMap<string, Localized>;
  /** Every party's full name, by registration number: what a candidate's hit shows. */
  partyNames: ReadonlyMap<string, Localized>;
  /** The parties that take part in an election, and their names (full and short) keyed for matching. */
  partyPool: NamePool<PartyNamesAndPage>;
  /** Per page language, each such party's short name when it has one there, its full name otherwise. */
  partyLabels: Readonly<Record<Locale, ReadonlyMap<string, Localized>>>;
}

export function searchLabels(ctx: AppContext): Promise<SearchLabels> {
  return heldWhileDataStays(ctx, 'search.labels', 'all', async () => {
    const [elections, partyNames, parties] = await Promise.all([
      getElections(ctx),
      getPartyNames(ctx),
      getPartiesWithLatestElection(ctx),
    ]);
    const labelsIn = (l: Locale) =>
      new Map(parties.map((p) => [p.registrationNumber, p.shortName[l] ? p.shortName : p.name]));
    return {
      electionIds: elections.map((e) => e.id),
      electionNames: new Map(elections.map((e) => [e.id, e.name])),
      partyNames,
      partyPool: namePool(parties, (p) => [...Object.values(p.name), ...Object.values(p.shortName)]),
      partyLabels: Object.fromEntries(LOCALES.map((l) => [l, labelsIn(l)])) as Record<Locale, Map<string, Localized>>,
    };
  });
}
