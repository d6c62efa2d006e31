import { describe, expect, it } from 'vitest';
import { som, tyiyn } from '../../domain/money.ts';
import { findRulesProfile } from '../../domain/rules-profile.ts';
import type { Counterpart } from './aggregates.ts';
import {
  bandOf,
  breakdownsOf,
  compareParties,
  sizeThresholds,
  weekOf,
  type ReceiptCell,
  type SpendingCell,
} from './breakdowns.ts';

const r = (party: string, kind: string, band: number, date: string, amount: number, count = 1): ReceiptCell => ({
  party,
  kind,
  band,
  date,
  amount: tyiyn(amount),
  count,
});
const s = (party: string, kind: string, date: string, amount: number, count = 1): SpendingCell => ({
  party,
  kind,
  date,
  amount: tyiyn(amount),
  count,
});

describe('size bands', () => {
  it('steps at 10,000, 50,000 and 100,000 som, then the caps of the rules profile', () => {
    const profile = findRulesProfile('kg-2021-parliament')!.finance;
    expect(sizeThresholds(profile)).toEqual([
      som(10_000),
      som(50_000),
      som(100_000),
      profile.individualDonorCapTyiyn,
      profile.legalEntityDonorCapTyiyn,
    ]);
  });

  it('drops steps above the largest cap and repeats no cap', () => {
    expect(sizeThresholds({ individualDonorCapTyiyn: som(40_000), legalEntityDonorCapTyiyn: som(40_000) })).toEqual([
      som(10_000),
      som(40_000),
    ]);
  });

  it('puts a gift on a threshold in the band it closes, and one above every cap past the last', () => {
    const t = [100, 500];
    expect([bandOf(1, t), bandOf(100, t), bandOf(101, t), bandOf(500, t), bandOf(501, t)]).toEqual([0, 0, 1, 1, 2]);
  });
});

describe('weeks', () => {
  it('names a week by its Monday, across a month and a year', () => {
    expect(weekOf('2030-08-26')).toBe('2030-08-26'); // a Monday
    expect(weekOf('2030-09-01')).toBe('2030-08-26'); // the Sunday after it
    expect(weekOf('2031-01-01')).toBe('2030-12-30');
  });
});

describe('breakdowns', () => {
  const receipts = [
    r('A', 'individual', 0, '2030-08-25', 500, 2),
    r('A', 'legal_entity', 2, '2030-09-02', 9_000),
    r('B', 'individual', 1, '2030-08-31', 3_000),
  ];
  const spending = [
    s('A', 'media', '2030-08-30', 700),
    s('A', 'rent', '2030-08-31', 100),
    s('A', 'media', '2030-09-01', 300),
    s('B', 'rent', '2030-09-01', 2_000),
  ];

  it('sums by band (every band, empty ones too), donor type, month and week', () => {
    const b = breakdownsOf(receipts, spending, [tyiyn(1_000), tyiyn(5_000)]);
    expect(b.bands.map((x) => [x.above, x.upTo, x.amount, x.count])).toEqual([
      [0, 1_000, 500, 2],
      [1_000, 5_000, 3_000, 1],
      [5_000, null, 9_000, 1],
    ]);
    expect(b.donorTypes).toEqual([
      { key: 'legal_entity', amount: 9_000, count: 1 },
      { key: 'individual', amount: 3_500, count: 3 },
    ]);
    expect(b.months.map((x) => [x.key, x.amount])).toEqual([
      ['2030-08', 3_500],
      ['2030-09', 9_000],
    ]);
    expect(b.weeks.map((x) => [x.key, x.amount])).toEqual([
      ['2030-08-19', 500],
      ['2030-08-26', 3_000],
      ['2030-09-02', 9_000],
    ]);
  });

  it('gives spending by category per party, most spent first', () => {
    const b = breakdownsOf(receipts, spending, [tyiyn(1_000)]);
    expect(b.spending.map((p) => [p.party, p.total, p.categories.map((c) => [c.key, c.amount])])).toEqual([
      ['B', 2_000, [['rent', 2_000]]],
      [
        'A',
        1_100,
        [
          ['media', 1_000],
          ['rent', 100],
        ],
      ],
    ]);
  });

  it('keeps to one party when asked', () => {
    const b = breakdownsOf(receipts, spending, [tyiyn(1_000)], 'B');
    expect(b.donorTypes).toEqual([{ key: 'individual', amount: 3_000, count: 1 }]);
    expect(b.spending.map((p) => p.party)).toEqual(['B']);
  });

  it('compares parties side by side over the same weeks, with their own top donors', () => {
    const donor = (id: string, parties: Array<[string, number]>): Counterpart => ({
      id,
      basis: 'number',
      inn: null,
      name: id,
      names: [id],
      kinds: ['individual'],
      total: tyiyn(parties.reduce((x, [, a]) => x + a, 0)),
      count: parties.length,
      first: '2030-08-25',
      last: '2030-09-02',
      parties: parties.map(([party, amount]) => ({ party, amount: tyiyn(amount), count: 1 })),
    });
    const donors = [
      donor('d1', [['A', 9_000]]),
      donor('d2', [
        ['A', 500],
        ['B', 3_000],
      ]),
    ];
    const c = compareParties(['B', 'A'], receipts, spending, donors, 1);
    expect(c.weeks).toEqual(['2030-08-19', '2030-08-26', '2030-09-02']);
    expect(c.categories).toEqual(['rent', 'media']);
    const [b, a] = c.parties;
    expect(b).toMatchObject({ party: 'B', receipts: 3_000, expenditures: 2_000, balance: 1_000, donorCount: 1 });
    expect(b!.weeks.map((w) => w.amount)).toEqual([0, 3_000, 0]);
    expect(a).toMatchObject({ party: 'A', receipts: 9_500, receiptCount: 3, expenditures: 1_100, donorCount: 2 });
    expect(a!.topDonors.map((x) => [x.counterpart.id, x.amount])).toEqual([['d1', 9_000]]);
  });
});
