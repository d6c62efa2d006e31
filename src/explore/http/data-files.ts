// The explore files on the open-data page: the ranked donors and payees, one row per identity, and the
// breakdowns of the money (by size, kind of donor, month, week, category), for the whole election and
// for each party.
import type { DataFiles } from '../../platform/capability.ts';
import type { Locale } from '../../domain/election.ts';
import { t } from '../explore.messages.ts';

function rankedSets(l: Locale, electionId: string, query: string) {
  const base = `/${l}/elections/${encodeURIComponent(electionId)}`;
  return [
    { title: t(l, 'explore.donors'), files: [{ href: `${base}/donors.csv${query}`, format: 'CSV' }] },
    { title: t(l, 'explore.payees'), files: [{ href: `${base}/payees.csv${query}`, format: 'CSV' }] },
    { title: t(l, 'explore.breakdown'), files: [{ href: `${base}/breakdown.csv${query}`, format: 'CSV' }] },
  ];
}

export const exploreDataFiles: DataFiles = {
  election: (electionId, l) => rankedSets(l, electionId, ''),
  party: (electionId, reg, l) => rankedSets(l, electionId, `?party=${encodeURIComponent(reg)}`),
};
