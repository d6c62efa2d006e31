// The pieces the finance pages and sections share: the feed link of a page's head, download links, the four figures of a fund, report states against their deadlines, and the filed reports.
import type { ComponentChildren } from 'preact';
import type { Election, Locale } from '../../domain/election.ts';
import type { Tyiyn } from '../../domain/money.ts';
import { t, type FinanceKey } from '../finance.messages.ts';
import { DataTable, Day, ElectionMoneyFrame, Money, pick, type Column, type Crumb } from '../../platform/web/index.ts';
import { reportKindLabels } from '../../filings/index.ts';
import type { PartyReportStatus, ReportState } from '../../domain/report-deadlines.ts';
import type { FinanceTotals } from '../core/totals.ts';
import type { FilingAnnouncement, PartyFinanceView } from '../core/finance-view.ts';
import { labelOf } from '../core/labels.ts';
import { electionFeedPath, partyFinancePath } from '../core/paths.ts';
import { day } from '../../platform/web/numbers.ts';

/** The election's feed of new reports, for readers that discover feeds. */
export const FeedLink = (p: { href: string; title: string }) => (
  <link rel="alternate" type="application/atom+xml" href={p.href} title={p.title} />
);

/**
 * The frame of a finance page of an election (the web kit's frame of election money), with the basis
 * of the figures under the title and (`feed`) the election's feed in the head.
 */
export function FinanceFrame(p: {
  locale: Locale;
  election: Election;
  title: string;
  path: string;
  /** The crumbs after the election's. */
  crumbs: Crumb[];
  feed?: boolean;
  children: ComponentChildren;
}) {
  const l = p.locale;
  return (
    <ElectionMoneyFrame
      locale={l}
      election={p.election}
      title={p.title}
      path={p.path}
      crumbs={p.crumbs}
      basis={`${t(l, 'finance.basis')} ${t(l, 'finance.privacy')}`}
      head={
        p.feed ? <FeedLink href={`/${l}${electionFeedPath(p.election.id)}`} title={t(l, 'finance.feed')} /> : undefined
      }
    >
      {p.children}
    </ElectionMoneyFrame>
  );
}

export const reportKindLabel = (kind: string, l: Locale) => labelOf(reportKindLabels, kind, l);

export const partyName = (p: PartyFinanceView, l: Locale) =>
  p.entry ? pick(p.entry.party.name, l) : p.registrationNumber;
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
  const item = (key: FinanceKey, amount: Tyiyn, count?: number) => (
    <li>
      {t(l, key)}
      <span class="v">
        <Money amount={amount} locale={l} />
      </span>
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
      return s.coveredBy
        ? t(l, 'state.covered', { kind: reportKindLabel(s.coveredBy, l).toLowerCase(), date: day(s.filedOn, l) })
        : t(l, 'state.filed', { date: day(s.filedOn, l) });
    case 'late':
      return t(l, 'state.late', { days: s.daysLate, date: day(s.filedOn, l) });
    case 'missing':
      return s.daysOverdue === null ? t(l, 'state.missingClosed') : t(l, 'state.missing', { days: s.daysOverdue });
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
  const columns: Column<PartyReportStatus>[] = [
    { key: 'report', label: t(l, 'col.report'), rowHeader: true, cell: (r) => reportKindLabel(r.kind, l) },
    { key: 'due', label: t(l, 'col.dueDate'), cell: (r) => <Day iso={r.dueDate} locale={l} /> },
    { key: 'state', label: t(l, 'col.state'), cell: (r) => <StateView state={r.status} locale={l} /> },
  ];
  return (
    <>
      <DataTable
        locale={l}
        columns={columns}
        rows={p.reports}
        rowKey={(r) => r.kind}
        caption={t(l, 'finance.deadlines')}
        captionClass="sr-only"
      />
      <p class="muted">{t(l, 'deadline.clock', { today: day(p.today, l) })}</p>
      <Downloads href={p.download} locale={l} what={t(l, 'finance.deadlines')} />
    </>
  );
}

export function FilingsList(p: {
  filings: FilingAnnouncement[];
  locale: Locale;
  download: string;
  showParty?: boolean;
  electionId: string;
}) {
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
              <th scope="col" class="num">
                {t(l, 'finance.received')}
              </th>
              <th scope="col" class="num">
                {t(l, 'finance.spent')}
              </th>
            </tr>
          </thead>
          <tbody>
            {p.filings.map((f) => (
              <tr key={f.filingId} id={`filing-${f.filingId}`}>
                <th scope="row">
                  <Day iso={f.submittedAt.slice(0, 10)} locale={l} />
                </th>
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
                  <Day iso={f.periodFrom} locale={l} /> – <Day iso={f.periodTo} locale={l} />
                </td>
                <td class="num">
                  <Money amount={f.totalReceipts} locale={l} />
                </td>
                <td class="num">
                  <Money amount={f.totalExpenditures} locale={l} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Downloads href={p.download} locale={l} what={t(l, 'finance.reports')} />
    </>
  );
}
