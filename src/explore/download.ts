// The download of a ranked list: every row, not only those a page shows, with the same identifiers,
// names and amounts as the page and the API (amounts in som with two decimals, as finance's downloads).
// The breakdowns and comparisons come as one long table each (section, party, code, label, amount,
// lines), so every table of the page is in one file that a spreadsheet can pivot.
import type { Locale } from '../domain/election.ts';
import { toDecimalString } from '../domain/money.ts';
import { csvDocument, csvNumeral } from '../platform/csv.ts';
import { t } from './explore.messages.ts';
import type { Role, TopRow } from './core/aggregates.ts';
import type { Bucket } from './core/breakdowns.ts';
import type { BreakdownPage, ComparisonPage, TopList } from './explore.service.ts';
import { kindLabel } from './views/frame.tsx';
import { bandLabel, monthLabel, weekLabel } from './views/labels.ts';

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

/** One row of a long table: which table of the page, whose, the code and its words, the money. */
interface LongRow {
  section: string;
  party: string;
  key: string;
  label: string;
  amount: number;
  count: number;
}

function longCsv(rows: readonly LongRow[], l: Locale): string {
  const header = [
    t(l, 'explore.col.section'),
    t(l, 'explore.col.party'),
    t(l, 'explore.col.key'),
    t(l, 'explore.col.label'),
    t(l, 'explore.col.amount'),
    t(l, 'explore.col.count'),
  ];
  return csvDocument(
    header,
    rows.map((r) => [
      r.section,
      r.party,
      r.key,
      r.label,
      csvNumeral(toDecimalString(r.amount as Bucket['amount'])),
      r.count,
    ]),
  );
}

const longRows = (section: string, party: string, buckets: readonly Bucket[], label: (key: string) => string) =>
  buckets.map((b) => ({ section, party, key: b.key, label: label(b.key), amount: b.amount, count: b.count }));

export function breakdownCsv(found: BreakdownPage, l: Locale): string {
  const b = found.breakdowns;
  const party = found.party ?? '';
  return longCsv(
    [
      ...b.bands.map((x, i) => ({
        section: 'size_band',
        party,
        key: String(i),
        label: bandLabel(x, l),
        amount: x.amount,
        count: x.count,
      })),
      ...longRows('donor_type', party, b.donorTypes, (k) => kindLabel('donor', k, l)),
      ...longRows('month', party, b.months, (k) => monthLabel(k, l)),
      ...longRows('week', party, b.weeks, (k) => weekLabel(k, l)),
      ...b.spending.flatMap((s) => longRows('category', s.party, s.categories, (k) => kindLabel('payee', k, l))),
    ],
    l,
  );
}

export function comparisonCsv(found: ComparisonPage, l: Locale): string {
  return longCsv(
    found.comparison.parties.flatMap((s) => [
      {
        section: 'received',
        party: s.party,
        key: '',
        label: t(l, 'explore.col.received'),
        amount: s.receipts,
        count: s.receiptCount,
      },
      {
        section: 'spent',
        party: s.party,
        key: '',
        label: t(l, 'explore.col.spent'),
        amount: s.expenditures,
        count: s.expenditureCount,
      },
      ...longRows('category', s.party, s.categories, (k) => kindLabel('payee', k, l)),
      ...s.topDonors.map((r) => ({
        section: 'top_donor',
        party: s.party,
        key: r.counterpart.id,
        label: r.counterpart.name,
        amount: r.amount,
        count: r.count,
      })),
      ...longRows('week', s.party, s.weeks, (k) => weekLabel(k, l)),
    ]),
    l,
  );
}

export const breakdownFilename = (electionId: string, party: string | undefined) =>
  `${electionId}-breakdown${party ? `-${party}` : ''}.csv`;
export const comparisonFilename = (electionId: string, parties: readonly string[]) =>
  `${electionId}-compare-${parties.join('-')}.csv`;
