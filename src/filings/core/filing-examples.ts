// A small, complete and valid filing for demo data, documentation and tests. The people, companies and
// money in it are synthetic (domain notes §6): only the shape is real.
import { som, tyiyn } from '../../domain/money.ts';
import type { Filing } from './filing.ts';
import { FILING_FORMAT_V2, type FilingV2Input } from './filing-v2.ts';
import { buildFiling, type FilingDraft } from './filing-build.ts';

export const EXAMPLE_TODAY = '2020-10-20';

export function exampleFilingDraft(): FilingDraft {
  return {
    header: {
      partyRegistrationNumber: 'SYNTH-0001',
      electionId: 'kg-2020-parliament',
      reportKind: 'final',
      periodFrom: '2020-09-04',
      periodTo: '2020-10-14',
      account: { bank: 'Synthetic Bank', number: '1240000000000001' },
      openingBalance: tyiyn(0),
      signer: { name: 'Synthetic Treasurer', position: 'Treasurer' },
    },
    receipts: [
      {
        lineId: 'R-1',
        date: '2020-09-05',
        donorType: 'party_own_funds',
        donorName: 'Synthetic Party',
        amount: som(500_000),
        channel: 'bank_transfer',
        bankReference: 'PP-0001',
      },
      {
        lineId: 'R-2',
        date: '2020-09-10',
        donorType: 'individual',
        donorName: 'Asanov Asan (synthetic)',
        donorPin: '21503198500123',
        donorAddress: 'Bishkek',
        amount: som(150_000.5),
        channel: 'bank_transfer',
        bankReference: 'PP-0002',
      },
      {
        lineId: 'R-3',
        date: '2020-09-12',
        donorType: 'legal_entity',
        donorName: 'Synthetic Trading LLC',
        donorInn: '02504200910123',
        amount: som(1_000_000),
        channel: 'bank_transfer',
        bankReference: 'PP-0003',
      },
    ],
    expenditures: [
      {
        lineId: 'E-1',
        date: '2020-09-06',
        category: 'election_deposit',
        payeeName: 'Central Election Commission',
        amount: som(500_000),
        documentNumber: 'PO-17',
        description: 'Election deposit',
      },
      {
        lineId: 'E-2',
        date: '2020-09-20',
        category: 'advertising_online',
        payeeName: 'Synthetic Media LLC',
        payeeInn: '01203201710055',
        amount: som(250_000),
        documentNumber: 'INV-2020-44',
        description: 'Online advertising, September',
      },
    ],
    refunds: [
      {
        lineId: 'F-1',
        date: '2020-09-15',
        receiptLineId: 'R-2',
        kind: 'returned_to_donor',
        reason: 'over_cap',
        amount: som(0.5),
      },
    ],
    attachments: [
      { sha256: 'a'.repeat(64), fileName: 'bank-statement-2020-10.pdf', mediaType: 'application/pdf', size: 48_213 },
    ],
  };
}

export function exampleFiling(): Filing {
  return buildFiling(exampleFilingDraft());
}

/** The example as a v2 document, with one gift in kind and one loan. */
export function exampleFilingV2Input(): FilingV2Input {
  const v1 = JSON.parse(JSON.stringify(exampleFiling())) as FilingV2Input;
  return {
    ...v1,
    format: FILING_FORMAT_V2,
    inKind: [
      {
        lineId: 'K-1',
        date: '2020-09-08',
        donorType: 'legal_entity',
        donorName: 'Synthetic Print LLC',
        donorInn: '02504200910123',
        estimatedValue: 2_500_000,
        valuation: 'invoice',
        description: 'Leaflets, 10,000 copies',
      },
    ],
    loans: [
      {
        lineId: 'L-1',
        date: '2020-09-09',
        lenderType: 'individual',
        lenderName: 'Asanov Asan (synthetic)',
        lenderPin: '21503198500123',
        amount: 10_000_000,
        annualRatePercent: 7.25,
        termMonths: 6,
        repayments: [{ date: '2020-10-01', amount: 4_000_000 }],
        status: 'outstanding',
      },
    ],
  };
}
