// The lines of a filed version, section by section, as the public report page shows them: one DataTable
// per section from its columns, each line linkable (`#receipt-R-3`), at most PAGE_LINES per section (the
// CSV download has every line), and the section's total at the foot. The commission's review page shows
// the document as filed through the same tables, with the donor's PIN and address as columns of their own.
import type { Locale } from '../../domain/election.ts';
import { DataTable, day, type Column } from '../../platform/web/index.ts';
import { t } from '../filing.messages.ts';
import { fieldLabel } from '../core/filing-labels.ts';
import type { Filing, LineSection, Receipt } from '../core/filing.ts';
import type { PublicExpenditure, PublicFilingDoc, PublicReceipt, PublicRefund } from '../core/public-filing.ts';
import { category, channel, csvPath, donorType, money, refundKind, refundReason } from './common.tsx';

/** Lines shown on the page per section; the CSV download has every line. */
export const PAGE_LINES = 1000;

/** A column of a section: its field's label as the header. */
const col = <Row,>(l: Locale, key: string, cell: Column<Row>['cell'], numeric = false): Column<Row> => ({
  key,
  label: fieldLabel(key, l),
  cell,
  numeric,
});

/** A receipt of either document: the public one has no PIN and no address, the filed one may have both. */
type ReceiptRow = PublicReceipt & Partial<Pick<Receipt, 'donorPin' | 'donorAddress'>>;

/** The donor's PIN and address, which only the commission sees. */
const privateReceiptColumns = (l: Locale): Column<ReceiptRow>[] => [
  col(l, 'donorPin', (r) => r.donorPin ?? ''),
  col(l, 'donorAddress', (r) => r.donorAddress ?? ''),
];

const receiptColumns = (l: Locale, withPrivate: boolean): Column<ReceiptRow>[] => [
  col(l, 'lineId', (r) => r.lineId),
  col(l, 'date', (r) => day(r.date, l)),
  col(l, 'donorName', (r) => (
    <>
      {r.donorName}
      {r.donorInn ? (
        <span class="muted">
          {' '}
          ({t(l, 'filings.field.inn')} {r.donorInn})
        </span>
      ) : null}
    </>
  )),
  ...(withPrivate ? privateReceiptColumns(l) : []),
  col(l, 'donorType', (r) => donorType(l, r.donorType)),
  col(l, 'channel', (r) => channel(l, r.channel)),
  col(l, 'bankReference', (r) => r.bankReference ?? ''),
  col(l, 'amount', (r) => money(l, r.amount), true),
];

const expenditureColumns = (l: Locale): Column<PublicExpenditure>[] => [
  col(l, 'lineId', (e) => e.lineId),
  col(l, 'date', (e) => day(e.date, l)),
  col(l, 'category', (e) => category(l, e.category)),
  col(l, 'payeeName', (e) => (
    <>
      {e.payeeName}
      {e.payeeInn ? (
        <span class="muted">
          {' '}
          ({t(l, 'filings.field.inn')} {e.payeeInn})
        </span>
      ) : null}
    </>
  )),
  col(l, 'documentNumber', (e) => e.documentNumber),
  col(l, 'description', (e) => e.description),
  col(l, 'amount', (e) => money(l, e.amount), true),
];

const refundColumns = (l: Locale): Column<PublicRefund>[] => [
  col(l, 'lineId', (f) => f.lineId),
  col(l, 'date', (f) => day(f.date, l)),
  col(l, 'receiptLineId', (f) => <a href={`#receipt-${f.receiptLineId}`}>{f.receiptLineId}</a>),
  col(l, 'kind', (f) => refundKind(l, f.kind)),
  col(l, 'reason', (f) => refundReason(l, f.reason)),
  col(l, 'amount', (f) => money(l, f.amount), true),
];

/** The anchor of a line on the report page: `receipt-R-3`, `expenditure-E-1`, `refund-F-1`. */
const ANCHOR: Record<LineSection, string> = { receipts: 'receipt', expenditures: 'expenditure', refunds: 'refund' };

export const lineAnchor = (section: LineSection, lineId: string) => `${ANCHOR[section]}-${lineId}`;

function SectionTable<Row extends { lineId: string }>(p: {
  locale: Locale;
  section: LineSection;
  columns: Column<Row>[];
  lines: readonly Row[];
  total: number;
  filingId: number;
}) {
  const l = p.locale;
  const shown = p.lines.slice(0, PAGE_LINES);
  return (
    <>
      <DataTable
        locale={l}
        columns={p.columns}
        rows={shown}
        rowKey={(r) => r.lineId}
        rowId={(r) => lineAnchor(p.section, r.lineId)}
        foot={
          <tr>
            <th scope="row" colSpan={p.columns.length - 1}>
              {t(l, 'filings.totals.section')}
            </th>
            <td class="num">{money(l, p.total)}</td>
          </tr>
        }
      />
      {shown.length < p.lines.length ? (
        <p class="muted">
          {t(l, 'filings.lines.truncated', { shown: shown.length, total: p.lines.length })}{' '}
          <a href={csvPath(p.filingId, p.section)}>{t(l, 'filings.download.csv')}</a>
        </p>
      ) : null}
    </>
  );
}

/** The line of each section of a public document. */
interface SectionLine {
  receipts: ReceiptRow;
  expenditures: PublicExpenditure;
  refunds: PublicRefund;
}

/** Where each section's lines are in the document, and its columns. */
const SECTIONS: { [S in LineSection]: SectionSpec<SectionLine[S]> } = {
  receipts: { lines: (doc) => doc.receipts, columns: receiptColumns },
  expenditures: { lines: (doc) => doc.expenditures, columns: expenditureColumns },
  refunds: { lines: (doc) => doc.refunds, columns: refundColumns },
};

interface SectionSpec<Row> {
  lines: (doc: PublicFilingDoc | Filing) => readonly Row[];
  columns: (l: Locale, withPrivate: boolean) => Column<Row>[];
}

/**
 * The lines of one section of a document with its total: the public document, or (for the commission,
 * with `withPrivate`) the document as filed with the columns the public never sees.
 */
export function LinesOfSection<S extends LineSection>(p: {
  locale: Locale;
  doc: PublicFilingDoc | Filing;
  section: S;
  filingId: number;
  withPrivate?: boolean;
}) {
  const { locale: l, doc } = p;
  const spec: SectionSpec<SectionLine[S]> = SECTIONS[p.section];
  return (
    <SectionTable
      locale={l}
      section={p.section}
      columns={spec.columns(l, p.withPrivate === true)}
      lines={spec.lines(doc)}
      total={doc.header.totals[p.section]}
      filingId={p.filingId}
    />
  );
}
