// A filed version as the public sees it: everything private taken out (domain notes §3: a PIN and a home
// address are never public), and its lines as the CSV files of the report page. The public pages, the
// public API and the downloads only ever receive these documents.
import { maskPins } from '../../domain/pin-masking.ts';
import { csvDocument, csvNumeral, type CsvValue } from '../../platform/csv.ts';
import { toDecimalString, tyiyn } from '../../domain/money.ts';
import { FILING_FORMAT, type Attachment, type Filing, type LineSection } from './filing.ts';
import { filingColumns } from './filing-columns.ts';

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

/** One section of a public document as CSV (UTF-8 with BOM, CRLF), amounts in som. */
export function linesCsv(doc: PublicFilingDoc, section: LineSection): string {
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
