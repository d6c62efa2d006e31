// The lines of a filed version, section by section, as the public report page shows them: one DataTable
// per section from its columns, each line linkable (`#receipt-R-3`), at most PAGE_LINES per section (the
// CSV download has every line), and the section's total at the foot.
import type { Locale } from '../../domain/election.ts';
import { DataTable, type Column } from '../../platform/web/index.ts';
import { t } from '../filing.messages.ts';
import { fieldLabel } from '../core/filing-labels.ts';
import type { LineSection } from '../core/filing.ts';
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

const receiptColumns = (l: Locale): Column<PublicReceipt>[] => [
  col(l, 'lineId', (r) => r.lineId),
  col(l, 'date', (r) => r.date),
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
  col(l, 'donorType', (r) => donorType(l, r.donorType)),
  col(l, 'channel', (r) => channel(l, r.channel)),
  col(l, 'bankReference', (r) => r.bankReference ?? ''),
  col(l, 'amount', (r) => money(l, r.amount), true),
];

const expenditureColumns = (l: Locale): Column<PublicExpenditure>[] => [
  col(l, 'lineId', (e) => e.lineId),
  col(l, 'date', (e) => e.date),
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
  col(l, 'date', (f) => f.date),
  col(l, 'receiptLineId', (f) => <a href={`#receipt-${f.receiptLineId}`}>{f.receiptLineId}</a>),
  col(l, 'kind', (f) => refundKind(l, f.kind)),
  col(l, 'reason', (f) => refundReason(l, f.reason)),
  col(l, 'amount', (f) => money(l, f.amount), true),
];

/** The anchor of a line on the report page: `receipt-R-3`, `expenditure-E-1`, `refund-F-1`. */
const ANCHOR: Record<LineSection, string> = { receipts: 'receipt', expenditures: 'expenditure', refunds: 'refund' };

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
        rowId={(r) => `${ANCHOR[p.section]}-${r.lineId}`}
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

/** The lines of one section of a public document with its total. */
export function LinesOfSection(p: { locale: Locale; doc: PublicFilingDoc; section: LineSection; filingId: number }) {
  const { locale: l, doc } = p;
  const totals = doc.header.totals;
  switch (p.section) {
    case 'receipts':
      return (
        <SectionTable
          locale={l}
          section="receipts"
          columns={receiptColumns(l)}
          lines={doc.receipts}
          total={totals.receipts}
          filingId={p.filingId}
        />
      );
    case 'expenditures':
      return (
        <SectionTable
          locale={l}
          section="expenditures"
          columns={expenditureColumns(l)}
          lines={doc.expenditures}
          total={totals.expenditures}
          filingId={p.filingId}
        />
      );
    case 'refunds':
      return (
        <SectionTable
          locale={l}
          section="refunds"
          columns={refundColumns(l)}
          lines={doc.refunds}
          total={totals.refunds}
          filingId={p.filingId}
        />
      );
  }
}
