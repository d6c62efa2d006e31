import { describe, expect, it } from 'vitest';
import { findRulesProfile, capsFor, type FilerCaps } from '../../domain/rules-profile.ts';
import { som, tyiyn, type Tyiyn } from '../../domain/money.ts';
import type { Receipt, Refund } from './filing.ts';
import type { InKindReceipt, Loan } from './filing-v2.ts';
import { capOfDonorType, donorCapCounts, loanAsDonation, type DonorCapLines } from './donor-caps.ts';

const kg2021 = findRulesProfile('kg-2021-parliament')!;
const partyCaps = capsFor(kg2021, 'party')!;
const candidateCaps = capsFor(kg2021, 'candidate')!;
const PIN = '21503198500123';
const INN = '02504200910123';

let n = 0;
const receipt = (amount: Tyiyn, over: Partial<Receipt> = {}): Receipt => ({
  lineId: `R-${++n}`,
  date: '2021-11-01',
  donorType: 'individual',
  donorName: 'Asanov Asan',
  donorPin: PIN,
  amount,
  channel: 'bank_transfer',
  ...over,
});
const gift = (estimatedValue: Tyiyn, over: Partial<InKindReceipt> = {}): InKindReceipt => ({
  lineId: `K-${++n}`,
  date: '2021-11-02',
  donorType: 'individual',
  donorName: 'Asanov Asan',
  donorPin: PIN,
  estimatedValue,
  valuation: 'market_price',
  description: 'Use of a minibus for ten days',
  ...over,
});
const loan = (amount: Tyiyn, over: Partial<Loan> = {}): Loan => ({
  lineId: `L-${++n}`,
  date: '2021-11-03',
  lenderType: 'individual',
  lenderName: 'Asanov Asan',
  lenderPin: PIN,
  amount,
  annualRatePercent: 0,
  termMonths: 12,
  repayments: [],
  status: 'outstanding',
  ...over,
});
const report = (over: Partial<DonorCapLines>): DonorCapLines => ({
  receipts: [],
  refunds: [],
  inKind: [],
  loans: [],
  ...over,
});
const only = (reports: DonorCapLines[], caps: FilerCaps) => {
  const counts = donorCapCounts(reports, caps);
  expect(counts).toHaveLength(1);
  return counts[0]!;
};
const plusOne = (t: Tyiyn) => tyiyn(t + 1);

describe('caps per kind of filer, at their boundaries', () => {
  const cases: [string, FilerCaps, Partial<Receipt>, Tyiyn][] = [
    ['party, individual', partyCaps, {}, som(200_000)],
    [
      'party, legal entity',
      partyCaps,
      { donorType: 'legal_entity', donorPin: undefined, donorInn: INN },
      som(3_000_000),
    ],
    ['candidate, individual', candidateCaps, {}, som(200_000)],
    [
      'candidate, legal entity',
      candidateCaps,
      { donorType: 'legal_entity', donorPin: undefined, donorInn: INN },
      som(500_000),
    ],
    ['candidate, own funds', candidateCaps, { donorType: 'candidate_own_funds' }, som(150_000)],
    [
      'candidate, nominating party',
      candidateCaps,
      { donorType: 'party_own_funds', donorPin: undefined, donorInn: INN },
      som(1_000_000),
    ],
  ];
  for (const [name, caps, donor, cap] of cases) {
    it(`${name}: exactly the cap passes, one tyiyn more does not`, () => {
      const at = only([report({ receipts: [receipt(cap, donor)] })], caps);
      expect(at).toMatchObject({ counted: cap, cap, overCap: false, excess: 0 });
      const over = only(
        [report({ receipts: [receipt(cap, donor)] }), report({ receipts: [receipt(tyiyn(1), donor)] })],
        caps,
      );
      expect(over).toMatchObject({ counted: plusOne(cap), cap, overCap: true, excess: 1 });
    });
  }

  it('maps each donor type to the cap of the filer kind', () => {
    expect(capOfDonorType('party_own_funds', partyCaps)).toBeUndefined(); // no party own-funds cap in 2021
    expect(capOfDonorType('candidate_own_funds', partyCaps)).toBeUndefined();
    expect(capOfDonorType('party_own_funds', candidateCaps)).toBe(som(1_000_000));
    expect(capOfDonorType('other', candidateCaps)).toBeUndefined();
  });

  it('never marks a donor without a cap as over it', () => {
    const other = only([report({ receipts: [receipt(som(50_000_000), { donorType: 'other' })] })], partyCaps);
    expect(other).toMatchObject({ cap: undefined, overCap: false, excess: 0 });
  });
});

describe('what counts towards a cap', () => {
  it('counts money less what was refunded of it', () => {
    const r = receipt(som(200_000.5));
    const refund: Refund = {
      lineId: 'F-1',
      date: '2021-11-05',
      receiptLineId: r.lineId,
      kind: 'returned_to_donor',
      reason: 'over_cap',
      amount: som(0.5),
    };
    const d = only([report({ receipts: [r], refunds: [refund] })], partyCaps);
    expect(d).toMatchObject({ counted: som(200_000), overCap: false, breakdown: { money: som(200_000) } });
  });

  it('puts a donor over the cap with a gift in kind at its estimated value', () => {
    const d = only([report({ receipts: [receipt(som(150_000))], inKind: [gift(som(50_000.01))] })], partyCaps);
    expect(d.breakdown).toEqual({ money: som(150_000), inKind: som(50_000.01), loansAsDonations: 0 });
    expect(d).toMatchObject({ counted: som(200_000.01), overCap: true, excess: som(0.01) });
  });

  it('counts a forgiven loan as a donation, and a repaid one not', () => {
    const forgiven = loan(som(100_000), {
      status: 'forgiven',
      repayments: [{ date: '2021-11-10', amount: som(30_000) }],
    });
    const repaid = loan(som(500_000), { status: 'repaid', repayments: [{ date: '2021-11-10', amount: som(500_000) }] });
    expect(loanAsDonation(forgiven)).toBe(som(70_000));
    expect(loanAsDonation(repaid)).toBe(0);
    const d = only([report({ receipts: [receipt(som(130_000))], loans: [forgiven, repaid] })], partyCaps);
    expect(d.breakdown).toEqual({ money: som(130_000), inKind: 0, loansAsDonations: som(70_000) });
    expect(d).toMatchObject({ counted: som(200_000), overCap: false });
  });

  it('counts what is owed on a loan unpaid at its term, and nothing of one still running', () => {
    const unpaid = loan(som(300_000), {
      status: 'unpaid_at_term',
      repayments: [{ date: '2021-11-10', amount: som(99_999.99) }],
    });
    const running = loan(som(1_000_000));
    const d = only([report({ loans: [unpaid, running] })], partyCaps);
    expect(d).toMatchObject({ counted: som(200_000.01), overCap: true, excess: 1 });
  });

  it('knows a donor by PIN or INN across spellings, and by folded name without one', () => {
    const counts = donorCapCounts(
      [
        report({
          receipts: [
            receipt(som(100), { donorName: 'Асанов Асан' }),
            receipt(som(100), { donorName: 'ASANOV A.' }),
            receipt(som(100), { donorPin: undefined, donorName: 'Токтогулова Айгүл' }),
            receipt(som(100), { donorPin: undefined, donorName: 'Toktogulova  Aigul' }),
          ],
        }),
      ],
      partyCaps,
    );
    expect(counts.map((c) => [c.basis, c.counted])).toEqual([
      ['pin', som(200)],
      ['name', som(200)],
    ]);
  });
});
