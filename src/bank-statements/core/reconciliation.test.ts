import { describe, expect, it } from 'vitest';
import { tyiyn } from '../../domain/money.ts';
import { parseOneC } from './parsers/one-c.parser.ts';
import { readFileSync } from 'node:fs';
import {
  type BankEntry,
  type ReportLine,
  amountSlip,
  bankEntriesFromStatements,
  reconcileFund,
  reconcileFunds,
} from './reconciliation.ts';

const som = (n: number) => tyiyn(n * 100);
const line = (
  id: string,
  kind: ReportLine['kind'],
  date: string,
  amount: number,
  counterpartyName: string,
  extra: Partial<ReportLine> = {},
): ReportLine => ({
  id,
  kind,
  date,
  amount: som(amount),
  counterpartyName,
  channel: 'bank_transfer',
  ...extra,
});
const bank = (
  id: string,
  bookingDate: string,
  amount: number,
  counterpartyName?: string,
  extra: Partial<BankEntry> = {},
): BankEntry => ({
  id,
  bookingDate,
  amount: som(amount),
  ...(counterpartyName ? { counterpartyName } : {}),
  ...extra,
});

const options = { dateToleranceDays: 3 };

describe('reconciling a fund', () => {
  // A party fund's month: donations, party money, expenses. Report and bank agree except where planted.
  const report: ReportLine[] = [
    line('r1', 'receipt', '2021-09-01', 5_000_000, 'Политическая партия "Ынтымак"', {
      counterpartyId: '01509201910123',
    }),
    line('r2', 'receipt', '2021-09-02', 200_000, 'Asanov Bakyt', { counterpartyId: '21203198800123' }),
    line('r3', 'receipt', '2021-09-03', 150_000, 'Ivanova Mariya'), // Latin in the report, Cyrillic in the bank
    line('r4', 'receipt', '2021-09-03', 2_500_000, 'Ала-Тоо Строй ОсОО', { counterpartyId: '00412201710045' }),
    line('r5', 'expenditure', '2021-09-06', 1_200_000, 'ОсОО "Медиа Ордо"', { counterpartyId: '02311201510078' }),
    line('r6', 'expenditure', '2021-09-07', 350_000, 'Принт Сервис'),
    // Planted: reported, never left the account.
    line('r7', 'expenditure', '2021-09-08', 80_000, 'ОсОО "Кыргыз Тур"', { counterpartyId: '02508201210099' }),
    // Planted: an amount typo (15 000 reported, 150 000 booked).
    line('r8', 'receipt', '2021-09-09', 15_000, 'Сыдыкова Айгуль', { counterpartyId: '11010198500789' }),
    line('r9', 'refund', '2021-09-13', 15_000, 'Syдыкова Айгуль Маратовна'),
    line('r10', 'receipt', '2021-09-10', 3_000, 'Осмонов Талант', { channel: 'cash' }),
    // The same donor twice, same amount, a week apart: each pairs with its own booking.
    line('r11', 'receipt', '2021-09-02', 10_000, 'Түгөлбаева Жаңыл'),
    line('r12', 'receipt', '2021-09-09', 10_000, 'Tugolbaeva Janyl'),
  ];
  const statement: BankEntry[] = [
    bank('b1', '2021-09-01', 5_000_000, 'Политическая партия "Ынтымак"', { counterpartyId: '01509201910123' }),
    bank('b2', '2021-09-02', 200_000, 'Асанов Бакыт Жумабекович', { counterpartyId: '21203198800123' }),
    bank('b3', '2021-09-04', 150_000, 'Иванова Мария Петровна'),
    bank('b4', '2021-09-03', 2_500_000, 'ОсОО "Ала-Тоо Строй"', { counterpartyId: '00412201710045' }),
    bank('b5', '2021-09-06', -1_200_000, 'ОсОО "Медиа Ордо"', { counterpartyId: '02311201510078' }),
    bank('b6', '2021-09-07', -350_000, 'ОсОО "Принт Сервис"'),
    bank('b8', '2021-09-09', 150_000, 'Сыдыкова Айгуль Маратовна', { counterpartyId: '11010198500789' }),
    bank('b9', '2021-09-13', -15_000, 'Сыдыкова Айгуль Маратовна', { counterpartyId: '11010198500789' }),
    // Planted: a donation nobody reported.
    bank('b10', '2021-09-11', 199_000, 'Бекташев Эрлан', { counterpartyId: '20101199000111' }),
    bank('b11', '2021-09-09', 10_000, 'Түгөлбаева Жаңыл'),
    bank('b12', '2021-09-02', 10_000, 'Түгөлбаева Жаңыл'),
  ];

  const r = reconcileFund(report, statement, options);

  it('finds the unreported donation, the expense that never left, the typo and the cash — and nothing else', () => {
    expect(r.unreported.map((e) => e.id)).toEqual(['b10']);
    expect(r.unsupported.map((l) => l.id)).toEqual(['r7']);
    expect(r.mismatches.map((m) => [m.kind, m.line.id, m.bank.id, m.slip, m.amountDifference])).toEqual([
      ['amount', 'r8', 'b8', 'factor_10', som(135_000)],
    ]);
    expect(r.cash.map((l) => l.id)).toEqual(['r10']);
    expect(r.matched).toHaveLength(9);
  });

  it('matches across scripts and spellings, by identifier first', () => {
    const pairs = Object.fromEntries(r.matched.map((m) => [m.line.id, [m.bank.id, m.basis]]));
    expect(pairs).toEqual({
      r1: ['b1', 'identifier'],
      r2: ['b2', 'identifier'],
      r3: ['b3', 'name'],
      r4: ['b4', 'identifier'],
      r5: ['b5', 'identifier'],
      r6: ['b6', 'name'],
      r9: ['b9', 'name'],
      r11: ['b12', 'name'],
      r12: ['b11', 'name'],
    });
  });

  it('gives every mismatch both sides as evidence', () => {
    for (const m of r.mismatches) {
      expect(m.line).toBeDefined();
      expect(m.bank).toBeDefined();
      expect(typeof m.daysApart).toBe('number');
    }
  });

  it('reports a booking outside the date tolerance as a date mismatch', () => {
    const out = reconcileFund(
      [line('a', 'receipt', '2021-09-01', 500, 'Асанов Бакыт')],
      [bank('x', '2021-09-20', 500, 'Асанов Бакыт')],
      options,
    );
    expect(out.mismatches).toMatchObject([{ kind: 'date', daysApart: 19, amountDifference: 0 }]);
    expect([out.matched, out.unreported, out.unsupported]).toEqual([[], [], []]);
    // Beyond the furthest gap it is two separate findings.
    const far = reconcileFund(
      [line('a', 'receipt', '2021-01-01', 500, 'Асанов Бакыт')],
      [bank('x', '2021-09-20', 500, 'Асанов Бакыт')],
      options,
    );
    expect([far.unsupported.length, far.unreported.length, far.mismatches.length]).toEqual([1, 1, 0]);
  });

  it('does not pair different identifiers, opposite directions or different people', () => {
    const out = reconcileFund(
      [
        line('a', 'receipt', '2021-09-01', 500, 'Асанов Бакыт', { counterpartyId: '21203198800123' }),
        line('b', 'expenditure', '2021-09-01', 700, 'Иванова Мария'),
      ],
      [
        bank('x', '2021-09-01', 500, 'Асанов Бакыт', { counterpartyId: '21203198800999' }),
        bank('y', '2021-09-01', 700, 'Иванова Мария'),
        bank('z', '2021-09-01', -700, 'Петров Иван'),
      ],
      options,
    );
    expect(out.matched).toEqual([]);
    expect(out.mismatches).toEqual([]);
    expect(out.unsupported.map((l) => l.id)).toEqual(['a', 'b']);
    expect(out.unreported.map((e) => e.id)).toEqual(['x', 'y', 'z']);
  });

  it('matches on amount and date alone when the bank names nobody', () => {
    const out = reconcileFund(
      [line('a', 'expenditure', '2021-09-01', 12.5, 'Айыл Банк')],
      [bank('x', '2021-09-02', -12.5)],
      options,
    );
    expect(out.matched).toMatchObject([{ basis: 'amount_and_date', daysApart: 1 }]);
  });

  it('reconciles several funds independently', () => {
    const funds = new Map([
      ['party-a', { lines: [line('a', 'receipt', '2021-09-01', 1, 'X Y')], bank: [bank('x', '2021-09-01', 1, 'X Y')] }],
      ['party-b', { lines: [], bank: [bank('y', '2021-09-01', 1, 'X Y')] }],
    ]);
    const out = reconcileFunds(funds, options);
    expect(out.get('party-a')?.matched).toHaveLength(1);
    expect(out.get('party-b')?.unreported).toHaveLength(1);
  });
});

describe('amount slips', () => {
  it.each([
    [15_000, 150_000, 'factor_10'],
    [15_000, 1_500_000, 'factor_100'],
    [1_500, 1_600, 'one_digit'],
    [1_250, 1_520, 'digits_swapped'],
    [12_345, 12_435, 'digits_swapped'],
    [1_250, 5_210, undefined],
    [100_000, 104_000, 'one_digit'],
    [100_000, 103_500, 'within_5_percent'],
    [100_000, 106_500, undefined],
    [100_000, 200_000, 'one_digit'],
    [100_000, 300_001, undefined],
  ] as const)('%i reported, %i booked: %s', (reported, booked, slip) => {
    expect(amountSlip(reported, booked)).toBe(slip);
  });
});

describe('bank statements as reconciliation input', () => {
  it('converts amounts to tyiyn and refuses what is not som', () => {
    const file = readFileSync(
      new URL('../../../test/fixtures/bank/1c/synthetic-party-fund-rsk-2021.cp1251.txt', import.meta.url),
    );
    const { entries, problems } = bankEntriesFromStatements(parseOneC(file).statements);
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(9);
    expect(entries[5]).toMatchObject({ amount: -35_000_050, counterpartyName: 'ОсОО "Принт Сервис"' });
    const other = bankEntriesFromStatements([
      {
        account: 'A',
        currency: 'USD',
        from: '2021-09-01',
        to: '2021-09-01',
        transactions: [{ bookingDate: '2021-09-01', amount: '1.00', currency: 'USD' }],
      },
      {
        account: 'B',
        currency: 'KGS',
        from: '2021-09-01',
        to: '2021-09-01',
        transactions: [{ bookingDate: '2021-09-01', amount: '1.001', currency: 'KGS' }],
      },
    ]);
    expect(other.entries).toEqual([]);
    expect(other.problems.map((p) => p.code)).toEqual(['reconciliation.currency', 'reconciliation.amount_not_tyiyn']);
  });
});
