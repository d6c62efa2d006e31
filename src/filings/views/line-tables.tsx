// The lines of a filed version, section by section, as the public report page shows them: at most
// PAGE_LINES per section (the CSV download has every line), with the section's total.
import type { Locale } from '../../domain/election.ts';
import { t } from '../../platform/i18n/i18n.ts';
import { fieldLabel } from '../core/filing-labels.ts';
import type { LineSection } from '../core/filing.ts';
import type { PublicExpenditure, PublicReceipt, PublicRefund } from '../core/public-filing.ts';
import { category, channel, csvPath, donorType, money, refundKind, refundReason } from './common.tsx';

/** Lines shown on the page per section; the CSV download has every line. */
export const PAGE_LINES = 1000;

function Shown(p: { locale: Locale; shown: number; total: number; filingId: number; section: LineSection }) {
  if (p.shown >= p.total) return null;
  return (
    <p class="muted">
      {t(p.locale, 'filings.lines.truncated', { shown: p.shown, total: p.total })} <a href={csvPath(p.filingId, p.section)}>{t(p.locale, 'filings.download.csv')}</a>
    </p>
  );
}

export function ReceiptsTable(p: { locale: Locale; lines: PublicReceipt[]; total: number; filingId: number }) {
  const l = p.locale;
  const shown = p.lines.slice(0, PAGE_LINES);
  return (
    <>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{fieldLabel('lineId', l)}</th>
              <th scope="col">{fieldLabel('date', l)}</th>
              <th scope="col">{fieldLabel('donorName', l)}</th>
              <th scope="col">{fieldLabel('donorType', l)}</th>
              <th scope="col">{fieldLabel('channel', l)}</th>
              <th scope="col">{fieldLabel('bankReference', l)}</th>
              <th scope="col" class="num">{fieldLabel('amount', l)}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.lineId} id={`receipt-${r.lineId}`}>
                <td>{r.lineId}</td>
                <td>{r.date}</td>
                <td>
                  {r.donorName}
                  {r.donorInn ? <span class="muted"> ({t(l, 'filings.field.inn')} {r.donorInn})</span> : null}
                </td>
                <td>{donorType(l, r.donorType)}</td>
                <td>{channel(l, r.channel)}</td>
                <td>{r.bankReference ?? ''}</td>
                <td class="num">{money(l, r.amount)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={6}>
                {t(l, 'filings.totals.section')}
              </th>
              <td class="num">{money(l, p.total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <Shown locale={l} shown={shown.length} total={p.lines.length} filingId={p.filingId} section="receipts" />
    </>
  );
}

export function ExpendituresTable(p: { locale: Locale; lines: PublicExpenditure[]; total: number; filingId: number }) {
  const l = p.locale;
  const shown = p.lines.slice(0, PAGE_LINES);
  return (
    <>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{fieldLabel('lineId', l)}</th>
              <th scope="col">{fieldLabel('date', l)}</th>
              <th scope="col">{fieldLabel('category', l)}</th>
              <th scope="col">{fieldLabel('payeeName', l)}</th>
              <th scope="col">{fieldLabel('documentNumber', l)}</th>
              <th scope="col">{fieldLabel('description', l)}</th>
              <th scope="col" class="num">{fieldLabel('amount', l)}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <tr key={e.lineId} id={`expenditure-${e.lineId}`}>
                <td>{e.lineId}</td>
                <td>{e.date}</td>
                <td>{category(l, e.category)}</td>
                <td>
                  {e.payeeName}
                  {e.payeeInn ? <span class="muted"> ({t(l, 'filings.field.inn')} {e.payeeInn})</span> : null}
                </td>
                <td>{e.documentNumber}</td>
                <td>{e.description}</td>
                <td class="num">{money(l, e.amount)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={6}>
                {t(l, 'filings.totals.section')}
              </th>
              <td class="num">{money(l, p.total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <Shown locale={l} shown={shown.length} total={p.lines.length} filingId={p.filingId} section="expenditures" />
    </>
  );
}

export function RefundsTable(p: { locale: Locale; lines: PublicRefund[]; total: number; filingId: number }) {
  const l = p.locale;
  const shown = p.lines.slice(0, PAGE_LINES);
  return (
    <>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{fieldLabel('lineId', l)}</th>
              <th scope="col">{fieldLabel('date', l)}</th>
              <th scope="col">{fieldLabel('receiptLineId', l)}</th>
              <th scope="col">{fieldLabel('kind', l)}</th>
              <th scope="col">{fieldLabel('reason', l)}</th>
              <th scope="col" class="num">{fieldLabel('amount', l)}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((f) => (
              <tr key={f.lineId} id={`refund-${f.lineId}`}>
                <td>{f.lineId}</td>
                <td>{f.date}</td>
                <td>
                  <a href={`#receipt-${f.receiptLineId}`}>{f.receiptLineId}</a>
                </td>
                <td>{refundKind(l, f.kind)}</td>
                <td>{refundReason(l, f.reason)}</td>
                <td class="num">{money(l, f.amount)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={5}>
                {t(l, 'filings.totals.section')}
              </th>
              <td class="num">{money(l, p.total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <Shown locale={l} shown={shown.length} total={p.lines.length} filingId={p.filingId} section="refunds" />
    </>
  );
}

