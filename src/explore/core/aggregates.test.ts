import { describe, expect, it } from 'vitest';
import { tyiyn } from '../../domain/money.ts';
import { counterpartsOf, linesInOrder, topOf, type LineGroup } from './aggregates.ts';

const id = (x: string) => ({ id: x.padEnd(24, '0'), basis: 'number' as const, inn: null });
const g = (who: string, party: string, name: string, amount: number, first: string, last = first): LineGroup => ({
  identity: id(who),
  party,
  name,
  kind: 'individual',
  amount: tyiyn(amount),
  count: 1,
  first,
  last,
});

describe('donor aggregates', () => {
  const all = counterpartsOf([
    g('a', 'P1', 'Асель', 100, '2030-01-05'),
    g('a', 'P1', 'Asel', 50, '2030-01-01'),
    g('a', 'P2', 'Асель', 30, '2030-01-09'),
    g('b', 'P2', 'Бек', 500, '2030-01-03'),
  ]);

  it('merges an identity’s groups: one total, dates, spellings, parties', () => {
    expect(all.map((c) => c.total)).toEqual([500, 180]);
    const a = all[1]!;
    expect(a).toMatchObject({
      name: 'Асель',
      names: ['Асель', 'Asel'],
      count: 3,
      first: '2030-01-01',
      last: '2030-01-09',
    });
    expect(a.parties).toEqual([
      { party: 'P1', amount: 150, count: 2 },
      { party: 'P2', amount: 30, count: 1 },
    ]);
  });

  it('ranks by a party’s amount and keeps those with several parties', () => {
    expect(topOf(all, { party: 'P2' }).map((r) => [r.rank, r.amount])).toEqual([
      [1, 500],
      [2, 30],
    ]);
    expect(topOf(all, { minParties: 2 }).map((r) => r.counterpart.total)).toEqual([180]);
    expect(topOf(all, { party: 'P9' })).toEqual([]);
  });

  it('orders a page’s lines oldest first', () => {
    const line = (n: number, date: string) => ({
      id: n,
      filingId: 1,
      party: 'P1',
      lineId: `L${n}`,
      date,
      amount: tyiyn(1),
      name: '',
      kind: '',
      note: '',
    });
    expect(
      linesInOrder([line(2, '2030-01-02'), line(3, '2030-01-01'), line(1, '2030-01-02')]).map((l) => l.id),
    ).toEqual([3, 1, 2]);
  });
});
