// The pieces the finance pages and sections share: the page head with the finance rules, download
// links, the four figures of a fund, report states against their deadlines, and the filed reports.
import type { Locale } from '../../domain/election.ts';
import type { Tyiyn } from '../../domain/money.ts';
import { t } from '../../platform/i18n/i18n.ts';
import { pick } from '../../platform/web/format.tsx';
import { reportKindLabels } from '../../filings/filing-labels.ts';
import type { PartyReportStatus, ReportState } from '../../domain/report-deadlines.ts';
import type { FinanceTotals } from '../core/totals.ts';
import type { FilingAnnouncement, PartyFinanceView } from '../core/finance-view.ts';
import { labelOf } from '../core/labels.ts';
import { partyFinancePath } from '../core/paths.ts';
import { day, som } from '../core/format.ts';
import '../finance.messages.ts';

/** The few rules the finance pages add to site.css, inline so that no other file has to change. */
export const FINANCE_CSS = [
  '.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}',
  '.fin-figures{list-style:none;padding:0;margin:0 0 1rem;display:grid;gap:.5rem;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr))}',
  '.fin-figures li{border:1px solid var(--line);border-radius:6px;padding:.5rem .75rem}',
  '.fin-figures .v{display:block;font-size:1.2rem;font-weight:700;font-variant-numeric:tabular-nums}',
  '.fin-charts{display:grid;gap:1rem 2rem}@media (min-width:60rem){.fin-charts{grid-template-columns:1fr 1fr}}',
  '.chart-svg{display:block;width:100%;max-width:560px;height:auto}',
  '.sw{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.4em}',
  '.flag{color:var(--bad);font-weight:600}.due{color:var(--muted)}',
  '.pager{display:flex;gap:1rem;flex-wrap:wrap;margin:1rem 0}',
  'th a{color:inherit}details{margin:.5rem 0}summary{cursor:pointer;color:var(--accent)}',
  'td.num,th.num{white-space:nowrap}',
].join('\n');

/** The finance rules, and the election's feed of new reports for readers that discover feeds. */
export const FinanceHead = (p: { feed?: { href: string; title: string } }) => (
  <>
    <style dangerouslySetInnerHTML={{ __html: FINANCE_CSS }} />
    {p.feed ? <link rel="alternate" type="application/atom+xml" href={p.feed.href} title={p.feed.title} /> : null}
  </>
);


export const reportKindLabel = (kind: string, l: Locale) => labelOf(reportKindLabels, kind, l);

export const partyName = (p: PartyFinanceView, l: Locale) => (p.entry ? pick(p.entry.party.name, l) : p.registrationNumber);
export const partyShort = (p: PartyFinanceView, l: Locale) =>
  p.entry ? pick(p.entry.party.shortName, l) || pick(p.entry.party.name, l) : p.registrationNumber;

/** Links to a table's three files; `query` keeps the filters of a listing. */
export function Downloads(p: { href: string; locale: Locale; query?: string; what: string }) {
  const q = p.query ? `?${p.query}` : '';
  return (
    <p class="muted">
      {t(p.locale, 'finance.download')}
      <span class="sr-only"> {p.what}</span>: <a href={`${p.href}.csv${q}`}>CSV</a> ·{' '}
      <a href={`${p.href}.xlsx${q}`}>XLSX</a> · <a href={`${p.href}.json${q}`}>JSON</a>
    </p>
  );
}

export function Figures(p: { totals: FinanceTotals; locale: Locale }) {
  const l = p.locale;
  const x = p.totals;
  const item = (key: string, amount: Tyiyn, count?: number) => (
    <li>
      {t(l, key)}
      <span class="v">{som(amount, l)}</span>
      {count !== undefined ? <span class="muted">{t(l, 'finance.lines', { n: count })}</span> : null}
    </li>
  );
  return (
    <ul class="fin-figures">
      {item('finance.received', x.receipts, x.receiptCount)}
      {item('finance.spent', x.expenditures, x.expenditureCount)}
      {item('finance.refunded', x.refunds, x.refundCount)}
      {item('finance.balance', x.balance)}
    </ul>
  );
}

export function stateText(s: ReportState, l: Locale): string {
  switch (s.state) {
    case 'filed':
      return t(l, 'state.filed', { date: day(s.filedOn, l) });
    case 'late':
      return t(l, 'state.late', { days: s.daysLate, date: day(s.filedOn, l) });
    case 'missing':
      return t(l, 'state.missing', { days: s.daysOverdue });
    case 'due':
      return s.daysLeft === 0 ? t(l, 'state.dueToday') : t(l, 'state.due', { days: s.daysLeft });
  }
}

/** Late and missing reports are flagged in words and with a sign, not by colour alone. */
export function StateView(p: { state: ReportState; locale: Locale }) {
  const s = p.state;
  const flagged = s.state === 'late' || s.state === 'missing';
  return (
    <span class={flagged ? 'flag' : s.state === 'due' ? 'due' : 'pass'}>
      {flagged ? <span aria-hidden="true">⚠ </span> : s.state === 'filed' ? <span aria-hidden="true">✓ </span> : null}
      {stateText(s, p.locale)}
    </span>
  );
}

export function PartyDeadlines(p: { reports: PartyReportStatus[]; locale: Locale; today: string; download: string }) {
  const l = p.locale;
  if (p.reports.length === 0) return <p class="muted">{t(l, 'deadline.noProfile')}</p>;
  return (
    <>
      <div class="table-wrap">
        <table>
          <caption class="sr-only">{t(l, 'finance.deadlines')}</caption>
          <thead>
            <tr>
              <th scope="col">{t(l, 'col.report')}</th>
              <th scope="col">{t(l, 'col.dueDate')}</th>
              <th scope="col">{t(l, 'col.state')}</th>
            </tr>
          </thead>
          <tbody>
            {p.reports.map((r) => (
              <tr key={r.kind}>
                <th scope="row">{reportKindLabel(r.kind, l)}</th>
                <td>{day(r.dueDate, l)}</td>
                <td>
                  <StateView state={r.status} locale={l} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="muted">{t(l, 'deadline.clock', { today: day(p.today, l) })}</p>
      <Downloads href={p.download} locale={l} what={t(l, 'finance.deadlines')} />
    </>
  );
}

export function FilingsList(p: { filings: FilingAnnouncement[]; locale: Locale; download: string; showParty?: boolean; electionId: string }) {
  const l = p.locale;
  if (p.filings.length === 0) return <p>{t(l, 'finance.noReports')}</p>;
  return (
    <>
      <div class="table-wrap">
        <table>
          <caption class="sr-only">{t(l, 'finance.reports')}</caption>
          <thead>
            <tr>
              <th scope="col">{t(l, 'col.filedAt')}</th>
              {p.showParty ? <th scope="col">{t(l, 'col.party')}</th> : null}
              <th scope="col">{t(l, 'col.report')}</th>
              <th scope="col">{t(l, 'col.period')}</th>
              <th scope="col" class="num">{t(l, 'finance.received')}</th>
              <th scope="col" class="num">{t(l, 'finance.spent')}</th>
            </tr>
          </thead>
          <tbody>
            {p.filings.map((f) => (
              <tr key={f.filingId} id={`filing-${f.filingId}`}>
                <th scope="row">{day(f.submittedAt.slice(0, 10), l)}</th>
                {p.showParty ? (
                  <td>
                    <a href={`/${l}${partyFinancePath(p.electionId, f.partyRegistrationNumber)}`}>
                      {f.partyShortName ? pick(f.partyShortName, l) : f.partyRegistrationNumber}
                    </a>
                  </td>
                ) : null}
                <td>
                  {reportKindLabel(f.reportKind, l)}, {t(l, 'report.version', { version: f.version })}
                  {f.version > 1 ? ` (${t(l, 'report.amended')})` : ''}
                  {f.isLatest ? null : <span class="muted"> — {t(l, 'report.superseded')}</span>}
                </td>
                <td>
                  {day(f.periodFrom, l)} – {day(f.periodTo, l)}
                </td>
                <td class="num">{som(f.totalReceipts, l)}</td>
                <td class="num">{som(f.totalExpenditures, l)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Downloads href={p.download} locale={l} what={t(l, 'finance.reports')} />
    </>
  );
}

