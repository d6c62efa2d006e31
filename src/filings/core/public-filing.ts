// A filed version as the public sees it: everything private taken out (domain notes §3: a PIN and a home
// address are never public), and its lines as the CSV files of the report page. The public pages, the
// public API and the downloads only ever receive these documents.
import { maskPins } from '../../domain/pin-masking.ts';
import { csvDocument, csvNumeral, type CsvValue } from '../../platform/csv.ts';
import { toDecimalString, tyiyn } from '../../domain/money.ts';
import { FILING_FORMAT, type Attachment, type Filing, type LineSection } from './filing.ts';
import { filingColumns } from './filing-columns.ts';
import {
  FILING_FORMAT_V2,
  loanBalance,
  v1PartOf,
  type FilingHeaderV2,
  type FilingV2,
  type InKindReceipt,
  type Loan,
  type NewLineSection,
} from './filing-v2.ts';

/** A receipt as the public sees it: no PIN, no address; an INN only where it cannot be a person's PIN. */
export interface PublicReceipt {
  lineId: string;
  date: string;
  donorType: Filing['receipts'][number]['donorType'];
  donorName: string;
  donorInn?: string;
  amount: number;
  channel: Filing['receipts'][number]['channel'];
  bankReference?: string;
}

export interface PublicExpenditure {
  lineId: string;
  date: string;
  category: Filing['expenditures'][number]['category'];
  payeeName: string;
  payeeInn?: string;
  amount: number;
  documentNumber: string;
  description: string;
}

export type PublicRefund = Filing['refunds'][number];

export interface PublicFilingDoc {
  format: typeof FILING_FORMAT;
  header: Filing['header'];
  receipts: PublicReceipt[];
  expenditures: PublicExpenditure[];
  refunds: PublicRefund[];
  attachments: Attachment[];
}

/** A gift in kind as the public sees it: like a receipt, no PIN, no address, no person's INN. */
export interface PublicInKindLine {
  lineId: string;
  date: string;
  donorType: InKindReceipt['donorType'];
  donorName: string;
  donorInn?: string;
  estimatedValue: number;
  valuation: InKindReceipt['valuation'];
  description: string;
}

/** A loan as the public sees it: no lender's PIN, no person's INN. */
export interface PublicLoanLine {
  lineId: string;
  date: string;
  lenderType: Loan['lenderType'];
  lenderName: string;
  lenderInn?: string;
  amount: number;
  annualRatePercent: number;
  termMonths: number;
  repayments: Array<{ date: string; amount: number }>;
  status: Loan['status'];
}

/** A filed v2 version as published: the v1 sections, the fund's holder, and its gifts in kind and loans. */
export interface PublicFilingDocV2 extends Omit<PublicFilingDoc, 'format' | 'header'> {
  format: typeof FILING_FORMAT_V2;
  header: FilingHeaderV2;
  inKind: PublicInKindLine[];
  loans: PublicLoanLine[];
}

/** A filed version of either format as published: a v1 version stays a v1 document, word for word. */
export type PublicDocument = PublicFilingDoc | PublicFilingDocV2;

/**
 * An INN is published only when it cannot be a person's: individuals' tax number is their PIN, and PINs
 * start with 1 or 2 (domain notes §7), so those are withheld whatever the line says the payer is.
 */
export function publishableInn(inn: string | undefined, donorType?: string): string | undefined {
  if (inn === undefined) return undefined;
  if (donorType !== undefined && donorType !== 'legal_entity') return undefined;
  return /^[12]/.test(inn) ? undefined : inn;
}

/** A filed version with everything private taken out (domain notes §3: PIN and home address never public). */
export function toPublicFiling(f: Filing): PublicFilingDoc {
  return {
    format: FILING_FORMAT,
    header: f.header,
    receipts: f.receipts.map((r) => {
      const inn = publishableInn(r.donorInn, r.donorType);
      return {
        lineId: r.lineId,
        date: r.date,
        donorType: r.donorType,
        donorName: maskPins(r.donorName),
        ...(inn !== undefined ? { donorInn: inn } : {}),
        amount: r.amount,
        channel: r.channel,
        ...(r.bankReference !== undefined ? { bankReference: maskPins(r.bankReference) } : {}),
      };
    }),
    expenditures: f.expenditures.map((e) => {
      const inn = publishableInn(e.payeeInn);
      return {
        lineId: e.lineId,
        date: e.date,
        category: e.category,
        payeeName: maskPins(e.payeeName),
        ...(inn !== undefined ? { payeeInn: inn } : {}),
        amount: e.amount,
        documentNumber: maskPins(e.documentNumber),
        description: maskPins(e.description),
      };
    }),
    refunds: f.refunds.map((r) => ({ ...r })),
    attachments: f.attachments.map((a) => ({ ...a })),
  };
}

/**
 * A filed version of either format as published: a v1 filing gives exactly what `toPublicFiling` gives;
 * a v2 filing adds its gifts in kind and loans, with the same things taken out as from the receipts.
 */
export function toPublicDocument(f: Filing | FilingV2): PublicDocument {
  if (f.format === FILING_FORMAT) return toPublicFiling(f);
  const v1 = toPublicFiling(v1PartOf(f));
  return {
    ...v1,
    format: FILING_FORMAT_V2,
    header: f.header,
    inKind: f.inKind.map((g) => {
      const inn = publishableInn(g.donorInn, g.donorType);
      return {
        lineId: g.lineId,
        date: g.date,
        donorType: g.donorType,
        donorName: maskPins(g.donorName),
        ...(inn !== undefined ? { donorInn: inn } : {}),
        estimatedValue: g.estimatedValue,
        valuation: g.valuation,
        description: maskPins(g.description),
      };
    }),
    loans: f.loans.map((x) => {
      const inn = publishableInn(x.lenderInn, x.lenderType);
      return {
        lineId: x.lineId,
        date: x.date,
        lenderType: x.lenderType,
        lenderName: maskPins(x.lenderName),
        ...(inn !== undefined ? { lenderInn: inn } : {}),
        amount: x.amount,
        annualRatePercent: x.annualRatePercent,
        termMonths: x.termMonths,
        repayments: x.repayments.map((r) => ({ date: r.date, amount: r.amount })),
        status: x.status,
      };
    }),
  };
}

/** The part of a public document that v1 knows (for the diff and the v1 sections' tables and files). */
export function publicV1Part(doc: PublicDocument): PublicFilingDoc {
  if (doc.format === FILING_FORMAT) return doc;
  const { filer: _filer, ...header } = doc.header;
  const { inKind: _inKind, loans: _loans, ...rest } = doc;
  return { ...rest, format: FILING_FORMAT, header };
}

/** What has been repaid on a public loan line, in tyiyn. */
export const loanRepaid = (loan: PublicLoanLine): number => loan.repayments.reduce((a, r) => a + r.amount, 0);

/** What is still owed on a public loan line, in tyiyn (negative when over-repaid). */
export const publicLoanBalance = (loan: PublicLoanLine): number =>
  loanBalance({
    amount: tyiyn(loan.amount),
    repayments: loan.repayments.map((r) => ({ ...r, amount: tyiyn(r.amount) })),
  });

/** One section of a public document as CSV (UTF-8 with BOM, CRLF), amounts in som. */
export function linesCsv(doc: Pick<PublicFilingDoc, LineSection>, section: LineSection): string {
  const columns = filingColumns[section]
    .map((c) => c.key)
    // The public file has the public fields only (toPublicFiling removed the rest; the columns say so too).
    .filter((k) => k !== 'donorPin' && k !== 'donorAddress');
  const lines = doc[section] as unknown as Array<Record<string, unknown>>;
  const rows = lines.map((line) =>
    columns.map((k): CsvValue => {
      const v = line[k];
      if (v === undefined) return '';
      if (k === 'amount' && typeof v === 'number') return csvNumeral(toDecimalString(tyiyn(v)));
      return String(v);
    }),
  );
  return csvDocument(
    columns.map((k) => (k === 'amount' ? 'amount_som' : k)),
    rows,
  );
}

const som = (v: number): CsvValue => csvNumeral(toDecimalString(tyiyn(v)));

/**
 * The gifts in kind or the loans of a public v2 document as CSV (UTF-8 with BOM, CRLF), amounts in som;
 * a loan's row adds what was repaid and what is still owed. No column can hold a PIN or an address:
 * the rows are the public lines, which have neither.
 */
export function newLinesCsv(doc: PublicFilingDocV2, section: NewLineSection): string {
  if (section === 'inKind') {
    return csvDocument(
      ['lineId', 'date', 'donorType', 'donorName', 'donorInn', 'estimatedValue_som', 'valuation', 'description'],
      doc.inKind.map((g) => [
        g.lineId,
        g.date,
        g.donorType,
        g.donorName,
        g.donorInn ?? '',
        som(g.estimatedValue),
        g.valuation,
        g.description,
      ]),
    );
  }
  return csvDocument(
    [
      'lineId',
      'date',
      'lenderType',
      'lenderName',
      'lenderInn',
      'amount_som',
      'annualRatePercent',
      'termMonths',
      'repaid_som',
      'balance_som',
      'status',
    ],
    doc.loans.map((x) => [
      x.lineId,
      x.date,
      x.lenderType,
      x.lenderName,
      x.lenderInn ?? '',
      som(x.amount),
      x.annualRatePercent,
      x.termMonths,
      som(loanRepaid(x)),
      som(publicLoanBalance(x)),
      x.status,
    ]),
  );
}
