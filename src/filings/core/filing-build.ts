// Assembling a filing from its lines: the header totals and the closing balance computed from the lines,
// so that demo data, tests and the e-filing form never type a figure that the lines already determine.
import { add, sub, sum, type Tyiyn } from '../../domain/money.ts';
import {
  FILING_FORMAT,
  type Attachment,
  type Expenditure,
  type Filing,
  type FilingHeader,
  type Receipt,
  type Refund,
} from './filing.ts';

export interface FilingTotals {
  receipts: Tyiyn;
  expenditures: Tyiyn;
  refunds: Tyiyn;
  /** opening + receipts − expenditures − refunds */
  closingBalance: Tyiyn;
}

/** What the lines of a filing add up to; the header's own figures are not read, except the opening balance. */
export function computeTotals(
  filing: Pick<Filing, 'receipts' | 'expenditures' | 'refunds'> & {
    header: Pick<FilingHeader, 'openingBalance'>;
  },
): FilingTotals {
  const receipts = sum(filing.receipts.map((l) => l.amount));
  const expenditures = sum(filing.expenditures.map((l) => l.amount));
  const refunds = sum(filing.refunds.map((l) => l.amount));
  const closingBalance = sub(sub(add(filing.header.openingBalance, receipts), expenditures), refunds);
  return { receipts, expenditures, refunds, closingBalance };
}

export interface FilingDraft {
  header: Omit<FilingHeader, 'totals' | 'closingBalance'>;
  receipts?: Receipt[];
  expenditures?: Expenditure[];
  refunds?: Refund[];
  attachments?: Attachment[];
}

/** A complete filing whose totals and closing balance agree with its lines by construction. */
export function buildFiling(draft: FilingDraft): Filing {
  const lines = {
    receipts: draft.receipts ?? [],
    expenditures: draft.expenditures ?? [],
    refunds: draft.refunds ?? [],
  };
  const totals = computeTotals({ header: draft.header, ...lines });
  return {
    format: FILING_FORMAT,
    // Spelled out in the order of the format, so that built and filed reports serialise alike.
    header: {
      partyRegistrationNumber: draft.header.partyRegistrationNumber,
      electionId: draft.header.electionId,
      reportKind: draft.header.reportKind,
      periodFrom: draft.header.periodFrom,
      periodTo: draft.header.periodTo,
      account: draft.header.account,
      openingBalance: draft.header.openingBalance,
      closingBalance: totals.closingBalance,
      totals: { receipts: totals.receipts, expenditures: totals.expenditures, refunds: totals.refunds },
      signer: draft.header.signer,
    },
    ...lines,
    attachments: draft.attachments ?? [],
  };
}
