// The shapes of an election's money that journalists ask about beyond who gave: gifts by size (bands
// set by the law's caps), by kind of donor, by month and by week; spending by category per party; and
// two to four parties side by side. Pure: the repository hands in cells already summed by the database
// (party × kind × size band × day), so an election of a million lines arrives as a few thousand rows.
import { som, tyiyn, type Tyiyn } from '../../domain/money.ts';
import { topOf, type Counterpart, type TopRow } from './aggregates.ts';

/** Receipts of one party, kind of donor, size band and day, summed. */
export interface ReceiptCell {
  party: string;
  kind: string;
  /** Index into the size thresholds; one past the last is "above every cap". */
  band: number;
  date: string;
  amount: Tyiyn;
  count: number;
}

/** Expenditures of one party, category and day, summed. */
export interface SpendingCell {
  party: string;
  kind: string;
  date: string;
  amount: Tyiyn;
  count: number;
}

export interface Bucket {
  key: string;
  amount: Tyiyn;
  count: number;
}

export interface SizeBand {
  /** Exclusive lower bound (0 for the first band). */
  above: Tyiyn;
  /** Inclusive upper bound; null for gifts above every cap the law sets. */
  upTo: Tyiyn | null;
  amount: Tyiyn;
  count: number;
}

/** The round steps journalists compare by; the law's caps close the list. */
const STEPS = [som(10_000), som(50_000), som(100_000)];

/**
 * Upper bounds of the size bands: ≤ 10,000, ≤ 50,000, ≤ 100,000 som, then the caps on one donor's gift
 * (a person's, then an organisation's) from the election's rules profile. Steps above the largest cap
 * are dropped, so a profile with lower caps gets fewer bands rather than empty ones.
 */
export function sizeThresholds(caps: { individualDonorCapTyiyn: number; legalEntityDonorCapTyiyn: number }): Tyiyn[] {
  const max = Math.max(caps.individualDonorCapTyiyn, caps.legalEntityDonorCapTyiyn);
  const all = [...STEPS.filter((s) => s < max), caps.individualDonorCapTyiyn, caps.legalEntityDonorCapTyiyn];
  return [...new Set(all)].sort((a, b) => a - b).map(tyiyn);
}

/** The band of one gift: the first threshold it does not exceed, or one past the last. */
export function bandOf(amount: number, thresholds: readonly number[]): number {
  const i = thresholds.findIndex((t) => amount <= t);
  return i === -1 ? thresholds.length : i;
}

const DAY_MS = 86_400_000;

/** The Monday of a date's ISO week, as an ISO date: weeks are named by the day they start. */
export function weekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

export const monthOf = (date: string): string => date.slice(0, 7);

type Summed = { amount: number; count: number };

function add<K>(m: Map<K, Summed>, k: K, c: Summed) {
  const x = m.get(k) ?? { amount: 0, count: 0 };
  x.amount += c.amount;
  x.count += c.count;
  m.set(k, x);
}

const bucketsOf = (m: Map<string, Summed>): Bucket[] =>
  [...m].map(([key, x]) => ({ key, amount: tyiyn(x.amount), count: x.count }));
/** Most money first, then by key, so equal amounts keep one order on every page and download. */
const byAmount = (b: Bucket[]) => b.sort((x, y) => y.amount - x.amount || x.key.localeCompare(y.key));
const byKey = (b: Bucket[]) => b.sort((x, y) => x.key.localeCompare(y.key));

export interface PartySpending {
  party: string;
  total: Tyiyn;
  count: number;
  categories: Bucket[];
}

export interface Breakdowns {
  bands: SizeBand[];
  donorTypes: Bucket[];
  months: Bucket[];
  weeks: Bucket[];
  /** Spending by category, one entry per party, most spent first. */
  spending: PartySpending[];
}

/** Spending by category of each party that spent, most spent first. */
function spendingByParty(cells: readonly SpendingCell[]): PartySpending[] {
  const per = new Map<string, Map<string, Summed>>();
  for (const c of cells) {
    let m = per.get(c.party);
    if (!m) per.set(c.party, (m = new Map()));
    add(m, c.kind, c);
  }
  return [...per]
    .map(([party, m]) => {
      const categories = byAmount(bucketsOf(m));
      return {
        party,
        categories,
        total: tyiyn(categories.reduce((s, b) => s + b.amount, 0)),
        count: categories.reduce((s, b) => s + b.count, 0),
      };
    })
    .sort((a, b) => b.total - a.total || a.party.localeCompare(b.party));
}

/** Every breakdown of an election, or of one party's lines when `party` is given. */
export function breakdownsOf(
  receipts: readonly ReceiptCell[],
  spending: readonly SpendingCell[],
  thresholds: readonly Tyiyn[],
  party?: string,
): Breakdowns {
  const bands = new Map<number, Summed>();
  const types = new Map<string, Summed>();
  const months = new Map<string, Summed>();
  const weeks = new Map<string, Summed>();
  for (const c of receipts) {
    if (party !== undefined && c.party !== party) continue;
    add(bands, c.band, c);
    add(types, c.kind, c);
    add(months, monthOf(c.date), c);
    add(weeks, weekOf(c.date), c);
  }
  return {
    // Every band is listed, empty ones too: "nobody gave more than 100,000" is itself a finding.
    bands: [...thresholds, null].map((upTo, i) => {
      const x = bands.get(i) ?? { amount: 0, count: 0 };
      return {
        above: tyiyn(i === 0 ? 0 : (thresholds[i - 1] as number)),
        upTo,
        amount: tyiyn(x.amount),
        count: x.count,
      };
    }),
    donorTypes: byAmount(bucketsOf(types)),
    months: byKey(bucketsOf(months)),
    weeks: byKey(bucketsOf(weeks)),
    spending: spendingByParty(party === undefined ? spending : spending.filter((c) => c.party === party)),
  };
}

export interface PartySide {
  party: string;
  receipts: Tyiyn;
  receiptCount: number;
  expenditures: Tyiyn;
  expenditureCount: number;
  /** Received less spent (refunds are not in the lines compared here). */
  balance: Tyiyn;
  /** Distinct donors, by identity. */
  donorCount: number;
  categories: Bucket[];
  topDonors: TopRow[];
  /** Receipts per week, every week of the comparison (zero where the party received nothing). */
  weeks: Bucket[];
}

export interface Comparison {
  parties: PartySide[];
  /** Every week any compared party received money in, oldest first. */
  weeks: string[];
  /** Every category any compared party spent on, most spent (over them all) first. */
  categories: string[];
}

/** Largest number of parties one comparison shows: more side by side no longer reads as a comparison. */
export const MAX_COMPARED = 4;

/** Two to four parties side by side: totals, categories, top donors and weekly receipts. */
export function compareParties(
  parties: readonly string[],
  receipts: readonly ReceiptCell[],
  spending: readonly SpendingCell[],
  donors: readonly Counterpart[],
  topCount = 5,
): Comparison {
  const all = new Set<string>();
  const allCategories = new Map<string, Summed>();
  const sides = parties.map((party) => {
    const weeks = new Map<string, Summed>();
    let received = 0;
    let receiptCount = 0;
    for (const c of receipts) {
      if (c.party !== party) continue;
      add(weeks, weekOf(c.date), c);
      all.add(weekOf(c.date));
      received += c.amount;
      receiptCount += c.count;
    }
    const [spent] = spendingByParty(spending.filter((c) => c.party === party));
    for (const b of spent?.categories ?? []) add(allCategories, b.key, b);
    const top = topOf(donors, { party });
    return {
      side: {
        party,
        receipts: tyiyn(received),
        receiptCount,
        expenditures: spent?.total ?? tyiyn(0),
        expenditureCount: spent?.count ?? 0,
        balance: tyiyn(received - (spent?.total ?? 0)),
        donorCount: top.length,
        categories: spent?.categories ?? [],
        topDonors: top.slice(0, topCount),
        weeks: [] as Bucket[],
      },
      weeks,
    };
  });
  const weekKeys = [...all].sort();
  return {
    parties: sides.map(({ side, weeks }) => ({
      ...side,
      weeks: weekKeys.map((key) => {
        const x = weeks.get(key) ?? { amount: 0, count: 0 };
        return { key, amount: tyiyn(x.amount), count: x.count };
      }),
    })),
    weeks: weekKeys,
    categories: byAmount(bucketsOf(allCategories)).map((b) => b.key),
  };
}
