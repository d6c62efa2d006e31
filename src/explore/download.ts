// The download of a ranked list: every row, not only those a page shows, with the same identifiers,
// names and amounts as the page and the API (amounts in som with two decimals, as finance's downloads).
import type { Locale } from '../domain/election.ts';
import { toDecimalString } from '../domain/money.ts';
import { csvDocument, csvNumeral } from '../platform/csv.ts';
import { t } from './explore.messages.ts';
import type { Role, TopRow } from './core/aggregates.ts';
import type { TopList } from './explore.service.ts';
import { kindLabel } from './views/frame.tsx';

export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8';

export function topCsv(list: TopList, role: Role, l: Locale): string {
  const header = [
    t(l, 'explore.col.rank'),
    t(l, 'explore.col.id'),
    t(l, 'explore.col.basis'),
    t(l, 'explore.col.name'),
    t(l, 'explore.col.inn'),
    t(l, role === 'donor' ? 'explore.col.kind' : 'explore.col.category'),
    t(l, 'explore.col.partyCount'),
    t(l, 'explore.col.parties'),
    t(l, 'explore.col.count'),
    t(l, 'explore.col.first'),
    t(l, 'explore.col.last'),
    t(l, 'explore.col.amount'),
    t(l, 'explore.col.total'),
  ];
  const row = (r: TopRow) => {
    const c = r.counterpart;
    return [
      r.rank,
      c.id,
      t(l, c.basis === 'number' ? 'explore.basis.number' : 'explore.basis.name'),
      c.name,
      c.inn,
      c.kinds.map((k) => kindLabel(role, k, l)).join('; '),
      c.parties.length,
      c.parties.map((x) => list.partyName(x.party)).join('; '),
      r.count,
      c.first,
      c.last,
      csvNumeral(toDecimalString(r.amount)),
      csvNumeral(toDecimalString(c.total)),
    ];
  };
  return csvDocument(header, list.rows.map(row));
}

export const topFilename = (electionId: string, role: Role, party: string | undefined) =>
  `${electionId}-${role === 'donor' ? 'donors' : 'payees'}${party ? `-${party}` : ''}.csv`;
