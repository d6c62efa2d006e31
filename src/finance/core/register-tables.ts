// The gifts-in-kind and loans registers as download tables (the shape download-tables.ts gives every
// finance file). Only the columns declared here reach a file, and none is a PIN, an address or an INN.
import type { Locale } from '../../domain/election.ts';
import { donorTypeLabels } from '../../filings/index.ts';
import { t, type FinanceKey } from '../finance.messages.ts';
import { labelOf } from './labels.ts';
import { code, integer, money, text, type DownloadTable, type PartyNames } from './download-tables.ts';
import { ratePercentText, type PublicInKindReceipt, type PublicLoan } from './in-kind-and-loans.ts';

export const valuationLabel = (v: string, l: Locale): string => t(l, `valuation.${v}` as FinanceKey);
export const loanStatusLabel = (s: string, l: Locale): string => t(l, `loanStatus.${s}` as FinanceKey);

export function inKindTable(
  batches: () => AsyncIterable<readonly PublicInKindReceipt[]>,
  names: PartyNames,
  l: Locale,
): DownloadTable<PublicInKindReceipt> {
  return {
    name: 'in-kind',
    columns: [
      code('date', (r) => r.date),
      code('party_registration_number', (r) => r.partyRegistrationNumber),
      text('party_name', (r) => names.get(r.partyRegistrationNumber) ?? r.partyRegistrationNumber),
      text('donor_name', (r) => r.donorName),
      code('donor_type', (r) => r.donorType),
      text('donor_type_label', (r) => labelOf(donorTypeLabels, r.donorType, l)),
      text('description', (r) => r.description),
      ...money<PublicInKindReceipt>('estimated_value', (r) => r.estimatedValue),
      code('valuation', (r) => r.valuation),
      text('valuation_label', (r) => valuationLabel(r.valuation, l)),
      text('line_id', (r) => r.lineId),
      integer('filing_id', (r) => r.filingId),
    ],
    batches,
  };
}

export function loansTable(
  batches: () => AsyncIterable<readonly PublicLoan[]>,
  names: PartyNames,
  l: Locale,
): DownloadTable<PublicLoan> {
  return {
    name: 'loans',
    columns: [
      code('date', (r) => r.date),
      code('party_registration_number', (r) => r.partyRegistrationNumber),
      text('party_name', (r) => names.get(r.partyRegistrationNumber) ?? r.partyRegistrationNumber),
      text('lender_name', (r) => r.lenderName),
      code('lender_type', (r) => r.lenderType),
      text('lender_type_label', (r) => labelOf(donorTypeLabels, r.lenderType, l)),
      ...money<PublicLoan>('amount', (r) => r.amount),
      code('annual_rate_percent', (r) => ratePercentText(r.annualRateBp)),
      integer('term_months', (r) => r.termMonths),
      ...money<PublicLoan>('repaid', (r) => r.repaid),
      ...money<PublicLoan>('balance', (r) => r.balance),
      code('status', (r) => r.status),
      text('status_label', (r) => loanStatusLabel(r.status, l)),
      text('line_id', (r) => r.lineId),
      integer('filing_id', (r) => r.filingId),
    ],
    batches,
  };
}
