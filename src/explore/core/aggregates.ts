// Donors and payees as journalists ask about them: everyone who gave (or was paid) in an election,
// merged by identity across parties, reports and spellings, with totals, first and last dates and the
// parties involved; ranked lists, filtered by party or to those who gave to more than one. Pure: the
// repository hands in grouped lines already identified, and nothing here can see a PIN.
import { tyiyn, type Tyiyn } from '../../domain/money.ts';
import type { Identity, IdentityBasis } from './identity.ts';

export type Role = 'donor' | 'payee';

/** The latest filed lines of one party for one spelling of one identity, summed. */
export interface LineGroup {
  identity: Identity;
  party: string;
  /** The name as it was written on these lines (PIN-shaped digits already masked). */
  name: string;
  /** The kind of donor, or the expenditure category. */
  kind: string;
  amount: Tyiyn;
  count: number;
  first: string;
  last: string;
}

export interface PartyShare {
  party: string;
  amount: Tyiyn;
  count: number;
}

export interface Counterpart {
  id: string;
  basis: IdentityBasis;
  /** A legal entity's INN; never a person's number. */
  inn: string | null;
  /** The spelling used on most lines. */
  name: string;
  /** Every spelling, the usual one first. */
  names: string[];
  /** Kinds of donor or expenditure categories, most money first. */
  kinds: string[];
  total: Tyiyn;
  count: number;
  first: string;
  last: string;
  /** Parties that received from (or paid) this identity, most money first. */
  parties: PartyShare[];
}

/** One line of a donor's or payee's page. */
export interface CounterpartLine {
  id: number;
  filingId: number;
  party: string;
  lineId: string;
  date: string;
  amount: Tyiyn;
  name: string;
  kind: string;
  /** The channel of a gift, or what a payment was for. */
  note: string;
}

const byAmountThenKey =
  <T>(amount: (x: T) => number, key: (x: T) => string) =>
  (a: T, b: T) =>
    amount(b) - amount(a) || key(a).localeCompare(key(b));

/** Sums into a map entry, creating it first. */
function bump<K>(m: Map<K, { amount: number; count: number }>, k: K, amount: number, count: number) {
  const x = m.get(k) ?? { amount: 0, count: 0 };
  x.amount += amount;
  x.count += count;
  m.set(k, x);
}

interface Acc {
  identity: Identity;
  names: Map<string, { amount: number; count: number }>;
  kinds: Map<string, { amount: number; count: number }>;
  parties: Map<string, { amount: number; count: number }>;
  total: number;
  count: number;
  first: string;
  last: string;
}

function ranked<K extends string>(m: Map<K, { amount: number; count: number }>, by: 'count' | 'amount') {
  return [...m.entries()].sort(
    (a, b) =>
      (by === 'count' ? b[1].count - a[1].count || b[1].amount - a[1].amount : b[1].amount - a[1].amount) ||
      a[0].localeCompare(b[0]),
  );
}

/** Every identity of the groups, merged, the largest total first. */
export function counterpartsOf(groups: Iterable<LineGroup>): Counterpart[] {
  const acc = new Map<string, Acc>();
  for (const g of groups) {
    let a = acc.get(g.identity.id);
    if (!a) {
      a = {
        identity: g.identity,
        names: new Map(),
        kinds: new Map(),
        parties: new Map(),
        total: 0,
        count: 0,
        first: g.first,
        last: g.last,
      };
      acc.set(g.identity.id, a);
    }
    // An organisation's INN may be on some of its lines only; any line that shows it is enough.
    if (a.identity.inn === null && g.identity.inn !== null) a.identity = g.identity;
    bump(a.names, g.name, g.amount, g.count);
    bump(a.kinds, g.kind, g.amount, g.count);
    bump(a.parties, g.party, g.amount, g.count);
    a.total += g.amount;
    a.count += g.count;
    if (g.first < a.first) a.first = g.first;
    if (g.last > a.last) a.last = g.last;
  }
  return [...acc.values()]
    .map((a): Counterpart => {
      const names = ranked(a.names, 'count').map(([n]) => n);
      return {
        id: a.identity.id,
        basis: a.identity.basis,
        inn: a.identity.inn,
        name: names[0] ?? '',
        names,
        kinds: ranked(a.kinds, 'amount').map(([k]) => k),
        total: tyiyn(a.total),
        count: a.count,
        first: a.first,
        last: a.last,
        parties: ranked(a.parties, 'amount').map(([party, x]) => ({
          party,
          amount: tyiyn(x.amount),
          count: x.count,
        })),
      };
    })
    .sort(
      byAmountThenKey(
        (c) => c.total,
        (c) => `${c.name}\u0000${c.id}`,
      ),
    );
}

export interface TopFilter {
  /** Only those who gave to (or were paid by) this party; their amount is then what this party's lines hold. */
  party?: string | undefined;
  /** Only those involved with at least this many parties (2: donors giving to more than one party). */
  minParties?: number | undefined;
}

/** A row of a ranked list: the identity and the amount it is ranked by. */
export interface TopRow {
  rank: number;
  counterpart: Counterpart;
  amount: Tyiyn;
  count: number;
}

/** The ranked list under a filter: by the party's amount when a party is asked for, by the total otherwise. */
export function topOf(all: readonly Counterpart[], f: TopFilter): TopRow[] {
  const rows: Omit<TopRow, 'rank'>[] = [];
  for (const c of all) {
    if (f.minParties !== undefined && c.parties.length < f.minParties) continue;
    if (f.party === undefined) {
      rows.push({ counterpart: c, amount: c.total, count: c.count });
      continue;
    }
    const share = c.parties.find((p) => p.party === f.party);
    if (share) rows.push({ counterpart: c, amount: share.amount, count: share.count });
  }
  // Without a party the amount is the total, by which `counterpartsOf` has already ordered them.
  if (f.party !== undefined)
    rows.sort(
      byAmountThenKey(
        (r) => r.amount,
        (r) => `${r.counterpart.name}\u0000${r.counterpart.id}`,
      ),
    );
  return rows.map((r, i) => ({ ...r, rank: i + 1 }));
}

/** A donor's or payee's lines, oldest first, as its page lists them. */
export function linesInOrder(lines: readonly CounterpartLine[]): CounterpartLine[] {
  return [...lines].sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
}
