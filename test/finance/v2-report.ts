// A v2 finance report for the registers' tests: the filings' v1 test report with a gift in kind and a
// forgiven, partly repaid loan, whose donor and lender have private PINs and an address.
import {
  asInput,
  PARTY_A,
  SECRET_ADDRESS,
  SECRET_PIN,
  SECRET_PIN_2,
  validFiling,
} from '../../src/filings/filing.test-support.ts';
import type { FilingV2Input } from '../../src/filings/index.ts';

const A = PARTY_A.registrationNumber;
export const GIFT = 'Use of a minibus for 10 days (synthetic)';
export const LENDER = 'Lender Bakyt (synthetic)';

/** A v2 report: the v1 test report with a gift in kind and a forgiven, partly repaid loan. */
export function v2Report(opts: { giftValue?: number; gift?: string } = {}): FilingV2Input {
  return {
    ...asInput(validFiling(A)),
    format: 'talapker-filing-v2',
    inKind: [
      {
        lineId: 'K-1',
        date: '2030-09-15',
        donorType: 'individual',
        donorName: 'Асанов Асан (synthetic)',
        donorPin: SECRET_PIN,
        donorAddress: SECRET_ADDRESS,
        estimatedValue: opts.giftValue ?? 12_345_600,
        valuation: 'market_price',
        description: opts.gift ?? GIFT,
      },
    ],
    loans: [
      {
        lineId: 'L-1',
        date: '2030-09-10',
        lenderType: 'individual',
        lenderName: LENDER,
        lenderPin: SECRET_PIN_2,
        amount: 50_000_000,
        annualRatePercent: 12.5,
        termMonths: 6,
        repayments: [{ date: '2030-09-20', amount: 20_000_000 }],
        status: 'forgiven',
      },
    ],
  };
}
