// Gifts in kind and loans as the public sees them. Like the receipts (lines.ts), these types have no PIN,
// address or INN field, so no register page or download built on them can carry one.
import type { Tyiyn } from '../../domain/money.ts';
import type { DonorType, LoanStatus, Valuation } from '../../filings/index.ts';

interface PublicFiledLine {
  id: number;
  filingId: number;
  electionId: string;
  partyRegistrationNumber: string;
  lineId: string;
  date: string;
}

export interface PublicInKindReceipt extends PublicFiledLine {
  donorType: DonorType;
  /** The name as the receipts show it: PIN-shaped numbers typed into it masked. */
  donorName: string;
  description: string;
  estimatedValue: Tyiyn;
  valuation: Valuation;
}

export interface PublicLoan extends PublicFiledLine {
  lenderType: DonorType;
  lenderName: string;
  amount: Tyiyn;
  /** Annual rate in hundredths of a percent (1250 = 12.5 %). */
  annualRateBp: number;
  termMonths: number;
  repaid: Tyiyn;
  /** What is still owed, as derived from the filed repayments. */
  balance: Tyiyn;
  status: LoanStatus;
}

/** A rate in hundredths of a percent as the decimal percent a reader expects ("12.5"), never a float sum. */
export function ratePercentText(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const cents = bp % 100;
  if (cents === 0) return String(whole);
  return `${whole}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}
