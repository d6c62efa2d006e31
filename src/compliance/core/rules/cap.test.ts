import { describe, expect, it } from 'vitest';
import { tyiyn } from '../../../domain/money.ts';
import {
  analyse,
  campaign,
  entityReceipt,
  expenditure,
  kg2021,
  ofRule,
  PIN_B,
  receipt,
  report,
  somT,
} from '../compliance.test-support.ts';

const CAP = kg2021().finance.individualDonorCapTyiyn;
const ENTITY_CAP = kg2021().finance.legalEntityDonorCapTyiyn;

describe('cap.individual', () => {
  it.each([
    { name: 'exactly the cap', amounts: [CAP], excess: undefined },
    { name: 'one tyiyn over', amounts: [CAP + 1], excess: 1 },
    { name: 'exactly the cap in two lines', amounts: [CAP - 500, 500], excess: undefined },
    { name: 'one tyiyn over in two lines', amounts: [CAP - 500, 501], excess: 1 },
    { name: 'far below', amounts: [somT(1_000)], excess: undefined },
  ])('$name', ({ amounts, excess }) => {
    const lines = amounts.map((a, i) => receipt(`R-${i + 1}`, { date: `2021-11-0${i + 1}`, amount: tyiyn(a) }));
    const f = ofRule(analyse(campaign([report('first', { receipts: lines })])), 'cap.individual');
    expect(f).toHaveLength(excess === undefined ? 0 : 1);
    if (excess !== undefined) {
      expect(f[0]).toMatchObject({ excess, remedy: { kind: 'return_excess', amount: excess } });
      expect(f[0]?.lineIds).toEqual([`R-${amounts.length}`]);
    }
  });

  it('keeps donors apart by PIN', () => {
    const lines = [
      receipt('R-1', { amount: somT(150_000) }),
      receipt('R-2', { donorPin: PIN_B, donorName: 'Иванов Сергей', amount: somT(150_000) }),
    ];
    expect(ofRule(analyse(campaign([report('first', { receipts: lines })])), 'cap.individual')).toEqual([]);
  });

  it('takes the lines in date order across reports, not in filing order', () => {
    const early = report('first', { receipts: [receipt('R-1', { date: '2021-11-10', amount: somT(150_000) })] });
    const late = report(
      'interim',
      { receipts: [receipt('R-9', { date: '2021-11-01', amount: somT(60_000) })] },
      '2021-10-01',
    );
    const [f] = ofRule(analyse(campaign([early, late])), 'cap.individual');
    expect(f?.lineIds).toEqual(['R-1']);
  });
});

describe('cap.legal_entity', () => {
  it.each([
    { amount: ENTITY_CAP, found: false },
    { amount: ENTITY_CAP + 1, found: true },
  ])('$amount tyiyn from one INN: $found', ({ amount, found }) => {
    const line = entityReceipt('R-1', { amount: tyiyn(amount) });
    const f = ofRule(analyse(campaign([report('first', { receipts: [line] })])), 'cap.legal_entity');
    expect(f).toHaveLength(found ? 1 : 0);
  });
});

describe('cap.own_funds', () => {
  const own = (amount: number) =>
    receipt('R-1', { donorType: 'party_own_funds', donorPin: undefined, donorName: 'Партия', amount: tyiyn(amount) });
  const withOwnCap = { ...kg2021(), finance: { ...kg2021().finance, ownFundsCapTyiyn: somT(1_000_000) } };

  it('applies only where the profile sets a cap', () => {
    const input = campaign([report('first', { receipts: [own(somT(5_000_000))] })]);
    expect(ofRule(analyse(input), 'cap.own_funds')).toEqual([]);
    const [f] = ofRule(analyse(input, {}, withOwnCap), 'cap.own_funds');
    expect(f?.excess).toBe(somT(4_000_000));
  });

  it('exactly the cap is allowed', () => {
    const input = campaign([report('first', { receipts: [own(somT(1_000_000))] })]);
    expect(ofRule(analyse(input, {}, withOwnCap), 'cap.own_funds')).toEqual([]);
  });
});

describe('cap.fund_total', () => {
  const small = { ...kg2021(), finance: { ...kg2021().finance, fundCapTyiyn: somT(10_000) } };

  it('flags receipts and spending over the fund cap separately', () => {
    const input = campaign([
      report('first', {
        receipts: [receipt('R-1', { amount: somT(6_000) }), entityReceipt('R-2', { amount: somT(5_000) })],
        expenditures: [expenditure('E-1', { amount: somT(10_000) }), expenditure('E-2', { amount: somT(1) })],
      }),
    ]);
    const f = ofRule(analyse(input, {}, small), 'cap.fund_total');
    expect(f.map((x) => [x.lineIds, x.excess, x.remedy?.kind])).toEqual([
      [['R-2'], somT(1_000), 'return_excess'],
      [['E-2'], somT(1), undefined],
    ]);
  });

  it('exactly the cap is allowed', () => {
    const input = campaign([report('first', { receipts: [receipt('R-1', { amount: somT(10_000) })] })]);
    expect(ofRule(analyse(input, {}, small), 'cap.fund_total')).toEqual([]);
  });
});

describe('cap.individual counts gifts in kind and loans as donor-cap counts do', () => {
  const gift = (lineId: string, estimatedValue: number) => ({
    lineId,
    date: '2021-11-05',
    donorType: 'individual' as const,
    donorName: 'Токтогулова Чынара',
    donorPin: receipt('x').donorPin,
    estimatedValue: tyiyn(estimatedValue),
    valuation: 'market_price' as const,
    description: 'Use of a hall (synthetic)',
  });
  const loan = (lineId: string, status: 'forgiven' | 'outstanding', amount: number, repaid: number) => ({
    lineId,
    date: '2021-11-06',
    lenderType: 'individual' as const,
    lenderName: 'Токтогулова Чынара',
    lenderPin: receipt('x').donorPin,
    amount: tyiyn(amount),
    annualRatePercent: 0,
    termMonths: 3,
    repayments: repaid > 0 ? [{ date: '2021-11-07', amount: tyiyn(repaid) }] : [],
    status,
  });
  const withAdditions = (
    money: number,
    inKind: ReturnType<typeof gift>[],
    loans: ReturnType<typeof loan>[],
  ): ReturnType<typeof campaign> => {
    const input = campaign([report('first', { receipts: [receipt('R-1', { amount: tyiyn(money) })] })]);
    return { ...input, reports: input.reports.map((r) => ({ ...r, inKindAndLoans: { inKind, loans } })) };
  };

  it('a gift in kind at its estimated value puts the donor over the cap', () => {
    const f = ofRule(analyse(withAdditions(CAP - 1_000, [gift('K-1', 3_000)], [])), 'cap.individual');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ excess: 2_000, lineIds: ['K-1'] });
    // Exactly the cap is allowed, in kind as in money.
    expect(ofRule(analyse(withAdditions(CAP - 1_000, [gift('K-1', 1_000)], [])), 'cap.individual')).toEqual([]);
  });

  it('a forgiven loan counts by what is still owed; a running one not at all', () => {
    const forgiven = ofRule(
      analyse(withAdditions(CAP - 1_000, [], [loan('L-1', 'forgiven', 5_000, 1_000)])),
      'cap.individual',
    );
    expect(forgiven).toHaveLength(1);
    expect(forgiven[0]).toMatchObject({ excess: 3_000, lineIds: ['L-1'] });
    const running = analyse(withAdditions(CAP - 1_000, [], [loan('L-1', 'outstanding', 5_000, 1_000)]));
    expect(ofRule(running, 'cap.individual')).toEqual([]);
  });
});
