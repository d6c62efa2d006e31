// Public finance pages, server-rendered and complete without JavaScript: a party's fund (totals,
// deadlines with countdown and flags, charts with their tables, filed reports), the election-wide
// comparison of all parties, the itemised receipts and expenditures (GET-form filters, sort links,
// keyset "next page" links) and the sections the election and party pages embed. Every table links
// to its CSV, XLSX and JSON download.
import type { ComponentChildren } from 'preact';
import type { Election, Locale } from '../domain/election.ts';
import type { Tyiyn } from '../domain/money.ts';
import { Layout } from '../platform/web/layout.tsx';
import { t } from '../platform/i18n/i18n.ts';
import { pick } from '../platform/web/format.tsx';
import {
  EXPENDITURE_GROUPS,
  donorTypeLabels,
  expenditureCategoryGroups,
  expenditureCategoryLabels,
  expenditureGroupLabels,
  expenditureGroupOf,
  receiptChannelLabels,
  reportKindLabels,
  type ExpenditureGroup,
} from '../filings/filing-labels.ts';
import { donorTypeSchema, expenditureCategorySchema, receiptChannelSchema, type ExpenditureCategory } from '../filings/filing.ts';
import type { FilingAnnouncement, FinanceTotals, LinePage, LineSort, PublicExpenditure, PublicReceipt, SortOrder } from './finance.repository.ts';
import type { ElectionFinanceView, PartyFinanceView } from './finance.service.ts';
import { flaggedReports } from './finance.service.ts';
import type { PartyReportStatus, ReportState } from '../domain/report-deadlines.ts';
import { daysBetween, nextDeadline } from '../domain/report-deadlines.ts';
import { barChart, comparisonChart, donutChart, timelineChart, type DataTable, type RenderedChart } from './finance-charts.ts';
import { day, num, som } from './finance-format.ts';
import './finance.messages.ts';

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

// ---- Paths --------------------------------------------------------------------------------------------

const enc = encodeURIComponent;
export const electionPath = (electionId: string) => `/elections/${enc(electionId)}`;
export const electionFinancePath = (electionId: string) => `${electionPath(electionId)}/finance`;
export const partyFinancePath = (electionId: string, reg: string) => `${electionPath(electionId)}/parties/${enc(reg)}/finance`;
export const receiptsPath = (electionId: string) => `${electionPath(electionId)}/receipts`;
export const expendituresPath = (electionId: string) => `${electionPath(electionId)}/expenditures`;
export const electionFeedPath = (electionId: string) => `${electionPath(electionId)}/feeds/filings.atom`;

// ---- Small pieces ---------------------------------------------------------------------------------

const label = (labels: Record<string, { ky: string; ru: string; en: string }>, key: string, l: Locale): string => labels[key]?.[l] ?? key;
export const reportKindLabel = (kind: string, l: Locale) => label(reportKindLabels, kind, l);

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

function TableView(p: { table: DataTable; captionHidden?: boolean }) {
  const tb = p.table;
  const cls = (i: number) => (tb.numeric[i] ? 'num' : undefined);
  const cell = (c: DataTable['rows'][number][number]) => (
    <>
      {c.colour ? <span class="sw" style={`background:${c.colour}`} aria-hidden="true" /> : null}
      {c.text}
    </>
  );
  return (
    <div class="table-wrap">
      <table>
        <caption class={p.captionHidden ? 'sr-only' : undefined}>{tb.caption}</caption>
        <thead>
          <tr>
            {tb.head.map((h, i) => (
              <th scope="col" class={cls(i)} key={i}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tb.rows.map((r, ri) => (
            <tr key={ri}>
              {r.map((c, i) =>
                i === 0 ? (
                  <th scope="row" key={i}>
                    {cell(c)}
                  </th>
                ) : (
                  <td class={cls(i)} key={i}>
                    {cell(c)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {tb.foot ? (
          <tfoot>
            <tr>
              {tb.foot.map((c, i) =>
                i === 0 ? (
                  <th scope="row" key={i}>
                    {c.text}
                  </th>
                ) : (
                  <td class={cls(i)} key={i}>
                    {c.text}
                  </td>
                ),
              )}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

/** A chart and its table: the SVG for the eye, the table for everyone (and as the legend). */
function ChartBlock(p: { chart: RenderedChart; locale: Locale; download: string; collapseTable?: boolean }) {
  const c = p.chart;
  const table = <TableView table={c.table} captionHidden />;
  return (
    <section aria-labelledby={`${c.id}-h`}>
      <h3 id={`${c.id}-h`}>{c.title}</h3>
      {c.svg ? <div class="chart" dangerouslySetInnerHTML={{ __html: c.svg }} /> : <p class="muted">{t(p.locale, 'finance.noData')}</p>}
      {c.table.rows.length === 0 ? null : p.collapseTable ? (
        <details>
          <summary>{t(p.locale, 'finance.timelineTable')}</summary>
          {table}
        </details>
      ) : (
        table
      )}
      <Downloads href={p.download} locale={p.locale} what={c.title} />
    </section>
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

function PartyDeadlines(p: { reports: PartyReportStatus[]; locale: Locale; today: string; download: string }) {
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

function FilingsList(p: { filings: FilingAnnouncement[]; locale: Locale; download: string; showParty?: boolean; electionId: string }) {
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

// ---- Charts of one set of totals, rendered once per data version and language ---------------------

export interface FinanceCharts {
  donorTypes: RenderedChart;
  categories: RenderedChart;
  timeline: RenderedChart;
}

/** Expenditures summed by the CEC's headings, in the order the CEC lists them. */
export function byGroup(totals: FinanceTotals): Array<{ key: ExpenditureGroup; amount: Tyiyn; count: number }> {
  const sums = new Map<ExpenditureGroup, { amount: number; count: number }>();
  for (const x of totals.byCategory) {
    let g: ExpenditureGroup = 'other';
    try {
      g = expenditureGroupOf(x.key);
    } catch {
      // An unknown category is counted under "other" rather than lost.
    }
    const s = sums.get(g) ?? { amount: 0, count: 0 };
    s.amount += x.amount;
    s.count += x.count;
    sums.set(g, s);
  }
  return EXPENDITURE_GROUPS.filter((g) => sums.has(g)).map((g) => ({ key: g, amount: sums.get(g)!.amount as Tyiyn, count: sums.get(g)!.count }));
}

/**
 * Totals objects live as long as the database has not changed (see loadElectionFinance), so charts
 * keyed by them are drawn once per filing, not once per page view: drawing costs tens of milliseconds.
 */
const chartCache = new WeakMap<FinanceTotals, Map<string, FinanceCharts>>();

export function chartsFor(totals: FinanceTotals, l: Locale, idPrefix: string): FinanceCharts {
  let perTotals = chartCache.get(totals);
  if (!perTotals) chartCache.set(totals, (perTotals = new Map()));
  const key = `${l}|${idPrefix}`;
  const hit = perTotals.get(key);
  if (hit) return hit;
  const shareHead: [string, string, string, string] = [t(l, 'col.donorType'), t(l, 'col.amount'), t(l, 'col.share'), t(l, 'col.count')];
  const charts: FinanceCharts = {
    donorTypes: donutChart({
      id: `${idPrefix}donor-types`,
      title: t(l, 'finance.byDonorType'),
      locale: l,
      head: shareHead,
      totalLabel: t(l, 'finance.total'),
      shares: totals.byDonorType.map((x) => ({ label: label(donorTypeLabels, x.key, l), amount: x.amount, count: x.count })),
    }),
    categories: barChart({
      id: `${idPrefix}categories`,
      title: t(l, 'finance.byCategory'),
      locale: l,
      head: [t(l, 'col.category'), t(l, 'col.amount'), t(l, 'col.share'), t(l, 'col.count')],
      totalLabel: t(l, 'finance.total'),
      shares: byGroup(totals).map((x) => ({ label: label(expenditureGroupLabels, x.key, l), amount: x.amount, count: x.count })),
    }),
    timeline: timelineChart({
      id: `${idPrefix}timeline`,
      title: t(l, 'finance.timeline'),
      locale: l,
      points: totals.timeline,
      head: [t(l, 'col.date'), t(l, 'col.dayReceived'), t(l, 'col.daySpent'), t(l, 'col.cumReceived'), t(l, 'col.cumSpent')],
      receiptsLabel: t(l, 'finance.received'),
      spendingLabel: t(l, 'finance.spent'),
    }),
  };
  perTotals.set(key, charts);
  return charts;
}

function ChartsSection(p: { charts: FinanceCharts; locale: Locale; downloadBase: string }) {
  const l = p.locale;
  return (
    <>
      <div class="fin-charts">
        <ChartBlock chart={p.charts.donorTypes} locale={l} download={`${p.downloadBase}/donor-types`} />
        <ChartBlock chart={p.charts.categories} locale={l} download={`${p.downloadBase}/categories`} />
      </div>
      <ChartBlock chart={p.charts.timeline} locale={l} download={`${p.downloadBase}/timeline`} collapseTable />
    </>
  );
}

const partyName = (p: PartyFinanceView, l: Locale) => (p.entry ? pick(p.entry.party.name, l) : p.registrationNumber);
const partyShort = (p: PartyFinanceView, l: Locale) => (p.entry ? pick(p.entry.party.shortName, l) || pick(p.entry.party.name, l) : p.registrationNumber);

// ---- The party's finance page ---------------------------------------------------------------------

export function PartyFinancePage(p: { locale: Locale; view: ElectionFinanceView; party: PartyFinanceView; filings: FilingAnnouncement[] }) {
  const l = p.locale;
  const e = p.view.election;
  const reg = p.party.registrationNumber;
  const name = partyName(p.party, l);
  const path = partyFinancePath(e.id, reg);
  const charts = chartsFor(p.party.totals, l, '');
  const partyQuery = `party=${enc(reg)}`;
  return (
    <Layout
      locale={l}
      title={t(l, 'finance.partyTitle', { party: name })}
      path={path}
      synthetic={e.synthetic}
      head={<FinanceHead feed={{ href: `/${l}${electionFeedPath(e.id)}`, title: t(l, 'finance.feed') }} />}
      crumbs={[
        { href: `/${l}/`, label: t(l, 'nav.elections') },
        { href: `/${l}${electionPath(e.id)}`, label: pick(e.name, l) },
        { href: `/${l}${electionPath(e.id)}/parties/${enc(reg)}`, label: partyShort(p.party, l) },
        { label: t(l, 'finance.title') },
      ]}
    >
      <h1>{t(l, 'finance.partyTitle', { party: name })}</h1>
      <p class="muted">
        {t(l, 'finance.basis')} {t(l, 'finance.privacy')}
      </p>
      <Figures totals={p.party.totals} locale={l} />
      <Downloads href={`/${l}${path}/totals`} locale={l} what={t(l, 'finance.total')} />
      <p>
        <a href={`/${l}${receiptsPath(e.id)}?${partyQuery}`}>{t(l, 'finance.receiptsOf', { name: partyShort(p.party, l) })}</a> ·{' '}
        <a href={`/${l}${expendituresPath(e.id)}?${partyQuery}`}>{t(l, 'finance.expendituresOf', { name: partyShort(p.party, l) })}</a> ·{' '}
        <a href={`/${l}${electionFinancePath(e.id)}`}>{t(l, 'finance.electionPage')}</a>
      </p>
      <section aria-labelledby="deadlines">
        <h2 id="deadlines">{t(l, 'finance.deadlines')}</h2>
        <PartyDeadlines reports={p.party.reports} locale={l} today={p.view.today} download={`/${l}${path}/deadlines`} />
      </section>
      <section aria-labelledby="charts">
        <h2 id="charts">{t(l, 'finance.title')}</h2>
        <ChartsSection charts={charts} locale={l} downloadBase={`/${l}${path}`} />
      </section>
      <section aria-labelledby="reports">
        <h2 id="reports">{t(l, 'finance.reports')}</h2>
        <FilingsList filings={p.filings} locale={l} download={`/${l}${path}/filings`} electionId={e.id} />
        <p>
          <a href={`/${l}${electionFeedPath(e.id)}`} type="application/atom+xml">
            {t(l, 'finance.feed')}
          </a>
        </p>
      </section>
    </Layout>
  );
}

// ---- The election's comparison page -------------------------------------------------------------

export const COMPARISON_SORTS = ['ballot', 'received', 'spent', 'balance'] as const;
export type ComparisonSort = (typeof COMPARISON_SORTS)[number];

function sortParties(parties: readonly PartyFinanceView[], sort: ComparisonSort): PartyFinanceView[] {
  const by = (f: (x: PartyFinanceView) => number) => [...parties].sort((a, b) => f(b) - f(a));
  switch (sort) {
    case 'ballot':
      return [...parties];
    case 'received':
      return by((x) => x.totals.receipts);
    case 'spent':
      return by((x) => x.totals.expenditures);
    case 'balance':
      return by((x) => x.totals.balance);
  }
}

function DeadlineOverview(p: { view: ElectionFinanceView; locale: Locale; download: string }) {
  const l = p.locale;
  const v = p.view;
  if (v.deadlines.length === 0) return <p class="muted">{t(l, 'deadline.noProfile')}</p>;
  const count = (kind: string, states: string[]) =>
    v.parties.filter((x) => x.reports.some((r) => r.kind === kind && states.includes(r.status.state))).length;
  const flagged = v.parties.flatMap((x) => x.reports.filter((r) => r.status.state === 'late' || r.status.state === 'missing').map((r) => ({ party: x, r })));
  return (
    <>
      <div class="table-wrap">
        <table>
          <caption class="sr-only">{t(l, 'finance.deadlines')}</caption>
          <thead>
            <tr>
              <th scope="col">{t(l, 'col.report')}</th>
              <th scope="col">{t(l, 'col.dueDate')}</th>
              <th scope="col" class="num">{t(l, 'col.onTime')}</th>
              <th scope="col" class="num">{t(l, 'col.late')}</th>
              <th scope="col" class="num">{t(l, 'col.missing')}</th>
            </tr>
          </thead>
          <tbody>
            {v.deadlines.map((d) => {
              const ahead = d.dueDate >= v.today;
              return (
                <tr key={d.kind}>
                  <th scope="row">{reportKindLabel(d.kind, l)}</th>
                  <td>
                    {day(d.dueDate, l)}
                    {ahead ? (
                      <span class="due">
                        {' '}
                        ({d.dueDate === v.today ? t(l, 'state.dueToday') : t(l, 'state.due', { days: daysBetween(v.today, d.dueDate) })})
                      </span>
                    ) : null}
                  </td>
                  <td class="num">{num(count(d.kind, ['filed']), l)}</td>
                  <td class="num">{num(count(d.kind, ['late']), l)}</td>
                  <td class="num">{num(count(d.kind, ['missing']), l)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {flagged.length > 0 ? (
        <ul>
          {flagged.map(({ party, r }) => (
            <li key={`${party.registrationNumber}-${r.kind}`}>
              <a href={`/${l}${partyFinancePath(v.election.id, party.registrationNumber)}`}>{partyShort(party, l)}</a>, {reportKindLabel(r.kind, l)}:{' '}
              <StateView state={r.status} locale={l} />
            </li>
          ))}
        </ul>
      ) : (
        <p class="pass">{t(l, 'deadline.none')}</p>
      )}
      <p class="muted">{t(l, 'deadline.clock', { today: day(v.today, l) })}</p>
      <Downloads href={p.download} locale={l} what={t(l, 'finance.deadlines')} />
    </>
  );
}

export function ElectionFinancePage(p: { locale: Locale; view: ElectionFinanceView; sort: ComparisonSort; filings: FilingAnnouncement[] }) {
  const l = p.locale;
  const v = p.view;
  const e = v.election;
  const path = electionFinancePath(e.id);
  const parties = sortParties(v.parties, p.sort);
  const comparison = comparisonChart({
    id: 'comparison',
    title: t(l, 'finance.comparison'),
    locale: l,
    parties: parties.map((x) => ({ label: partyShort(x, l), receipts: x.totals.receipts, expenditures: x.totals.expenditures, balance: x.totals.balance })),
    head: [t(l, 'col.party'), t(l, 'finance.received'), t(l, 'finance.spent'), t(l, 'finance.balance')],
    receiptsLabel: t(l, 'finance.received'),
    spendingLabel: t(l, 'finance.spent'),
  });
  const sortLink = (s: ComparisonSort, text: string) =>
    p.sort === s ? (
      <span aria-current="true">{text}</span>
    ) : (
      <a href={`/${l}${path}${s === 'ballot' ? '' : `?sort=${s}`}#comparison-h`}>
        {text}
        <span class="sr-only"> — {t(l, 'sort.by', { column: text, order: t(l, s === 'ballot' ? 'sort.asc' : 'sort.desc') })}</span>
      </a>
    );
  return (
    <Layout
      locale={l}
      title={`${t(l, 'finance.electionTitle')}: ${pick(e.name, l)}`}
      path={path}
      synthetic={e.synthetic}
      head={<FinanceHead feed={{ href: `/${l}${electionFeedPath(e.id)}`, title: t(l, 'finance.feed') }} />}
      crumbs={[
        { href: `/${l}/`, label: t(l, 'nav.elections') },
        { href: `/${l}${electionPath(e.id)}`, label: pick(e.name, l) },
        { label: t(l, 'finance.title') },
      ]}
    >
      <h1>
        {t(l, 'finance.electionTitle')}: {pick(e.name, l)}
      </h1>
      <p class="muted">
        {t(l, 'finance.basis')} {t(l, 'finance.privacy')}
      </p>
      <Figures totals={v.total} locale={l} />
      <p>
        <a href={`/${l}${receiptsPath(e.id)}`}>{t(l, 'finance.itemisedReceipts')}</a> ·{' '}
        <a href={`/${l}${expendituresPath(e.id)}`}>{t(l, 'finance.itemisedExpenditures')}</a> ·{' '}
        <a href={`/${l}${electionFeedPath(e.id)}`} type="application/atom+xml">
          {t(l, 'finance.feed')}
        </a>
      </p>
      <section aria-labelledby="comparison-h">
        <h2 id="comparison-h">{t(l, 'finance.comparison')}</h2>
        {comparison.svg ? <div class="chart" dangerouslySetInnerHTML={{ __html: comparison.svg }} /> : null}
        <div class="table-wrap">
          <table>
            <caption class="sr-only">{t(l, 'finance.comparison')}</caption>
            <thead>
              <tr>
                <th scope="col">{sortLink('ballot', t(l, 'col.party'))}</th>
                <th scope="col" class="num" aria-sort={p.sort === 'received' ? 'descending' : undefined}>
                  <span class="sw" style="background:#1e6b34" aria-hidden="true" />
                  {sortLink('received', t(l, 'finance.received'))}
                </th>
                <th scope="col" class="num" aria-sort={p.sort === 'spent' ? 'descending' : undefined}>
                  <span class="sw" style="background:#c2410c" aria-hidden="true" />
                  {sortLink('spent', t(l, 'finance.spent'))}
                </th>
                <th scope="col" class="num">{t(l, 'finance.refunded')}</th>
                <th scope="col" class="num" aria-sort={p.sort === 'balance' ? 'descending' : undefined}>
                  {sortLink('balance', t(l, 'finance.balance'))}
                </th>
                <th scope="col">{t(l, 'finance.deadlines')}</th>
              </tr>
            </thead>
            <tbody>
              {parties.map((x) => (
                <tr key={x.registrationNumber}>
                  <th scope="row">
                    {x.entry?.participation.ballotNumber != null ? <span class="ballot-no">{x.entry.participation.ballotNumber}</span> : null}{' '}
                    <a href={`/${l}${partyFinancePath(e.id, x.registrationNumber)}`}>{partyShort(x, l)}</a>
                  </th>
                  <td class="num">{som(x.totals.receipts, l)}</td>
                  <td class="num">{som(x.totals.expenditures, l)}</td>
                  <td class="num">{som(x.totals.refunds, l)}</td>
                  <td class="num">{som(x.totals.balance, l)}</td>
                  <td>
                    {x.late + x.missing > 0 ? (
                      <span class="flag">
                        <span aria-hidden="true">⚠ </span>
                        {t(l, 'deadline.flagged', { late: x.late, missing: x.missing })}
                      </span>
                    ) : (
                      <span class="muted">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t(l, 'finance.total')}</th>
                <td class="num">{som(v.total.receipts, l)}</td>
                <td class="num">{som(v.total.expenditures, l)}</td>
                <td class="num">{som(v.total.refunds, l)}</td>
                <td class="num">{som(v.total.balance, l)}</td>
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
        <Downloads href={`/${l}${path}/totals`} locale={l} what={t(l, 'finance.comparison')} />
      </section>
      <section aria-labelledby="deadlines">
        <h2 id="deadlines">{t(l, 'finance.deadlines')}</h2>
        <DeadlineOverview view={v} locale={l} download={`/${l}${path}/deadlines`} />
      </section>
      <section aria-labelledby="charts">
        <h2 id="charts">{t(l, 'finance.allParties')}</h2>
        <ChartsSection charts={chartsFor(v.total, l, 'election-')} locale={l} downloadBase={`/${l}${path}`} />
      </section>
      <section aria-labelledby="reports">
        <h2 id="reports">{t(l, 'finance.latestReports')}</h2>
        <FilingsList filings={p.filings} locale={l} download={`/${l}${path}/filings`} showParty electionId={e.id} />
      </section>
    </Layout>
  );
}

// ---- Itemised receipts and expenditures ---------------------------------------------------------

/** The state of a listing as its URL says it: filters as typed (so the form shows them back), sort, cursor. */
export interface ListState {
  party: string;
  from: string;
  to: string;
  /** Amounts in som as typed. */
  min: string;
  max: string;
  sort: LineSort;
  order: SortOrder;
  cursor: string;
}
export interface ReceiptListState extends ListState {
  q: string;
  type: string;
  channel: string;
}
export interface ExpenditureListState extends ListState {
  /** A category, or `group:<heading>` for a whole heading of the CEC's list. */
  category: string;
}

export const DEFAULT_SORT: Pick<ListState, 'sort' | 'order'> = { sort: 'date', order: 'desc' };

/** Parameters in one fixed order, so that one listing has one URL (and one CDN cache entry). */
const QUERY_ORDER = ['q', 'party', 'type', 'channel', 'category', 'from', 'to', 'min', 'max', 'sort', 'order', 'cursor'] as const;

/** The query string of a listing, without empty values and defaults, so links stay short and cacheable. */
export function listQuery(s: ListState & Record<string, string>, overrides: Partial<Record<string, string>> = {}): string {
  const q = new URLSearchParams();
  const merged: Record<string, string | undefined> = { ...s, ...overrides };
  for (const k of QUERY_ORDER) {
    const v = merged[k];
    if (v === '' || v === undefined) continue;
    if (k === 'sort' && v === DEFAULT_SORT.sort) continue;
    if (k === 'order' && v === DEFAULT_SORT.order) continue;
    q.set(k, v);
  }
  return q.toString();
}

export interface PartyOption {
  reg: string;
  name: string;
}

function SortHeader(p: { base: string; state: ListState & Record<string, string>; column: LineSort; text: string; locale: Locale; numeric?: boolean }) {
  const l = p.locale;
  const current = p.state.sort === p.column;
  // A first click sorts largest or newest first; a second one turns the order round.
  const order: SortOrder = current && p.state.order === 'desc' ? 'asc' : 'desc';
  const q = listQuery(p.state, { sort: p.column, order, cursor: '' });
  return (
    <th scope="col" class={p.numeric ? 'num' : undefined} aria-sort={current ? (p.state.order === 'asc' ? 'ascending' : 'descending') : undefined}>
      <a href={`${p.base}${q ? `?${q}` : ''}`}>
        {p.text}
        {current ? <span aria-hidden="true">{p.state.order === 'asc' ? ' ▲' : ' ▼'}</span> : null}
        <span class="sr-only"> — {t(l, 'sort.by', { column: p.text, order: t(l, order === 'asc' ? 'sort.asc' : 'sort.desc') })}</span>
      </a>
    </th>
  );
}

function Pager(p: { base: string; state: ListState & Record<string, string>; next: string | null; locale: Locale; shown: number }) {
  const l = p.locale;
  const first = listQuery(p.state, { cursor: '' });
  const next = p.next ? listQuery(p.state, { cursor: p.next }) : null;
  return (
    <nav class="pager" aria-label={t(l, 'pager.label')}>
      <span class="muted">{t(l, 'pager.shown', { n: p.shown })}</span>
      {p.state.cursor ? <a href={`${p.base}${first ? `?${first}` : ''}`}>{t(l, 'pager.first')}</a> : null}
      {next ? (
        <a href={`${p.base}?${next}`} rel="next">
          {t(l, 'pager.next')} →
        </a>
      ) : null}
    </nav>
  );
}

function CommonFilters(p: { state: ListState; parties: readonly PartyOption[]; locale: Locale }) {
  const l = p.locale;
  return (
    <>
      <label>
        {t(l, 'filter.party')}
        <select name="party">
          <option value="">{t(l, 'filter.all')}</option>
          {p.parties.map((x) => (
            <option value={x.reg} selected={p.state.party === x.reg} key={x.reg}>
              {x.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t(l, 'filter.from')}
        <input type="date" name="from" value={p.state.from} />
      </label>
      <label>
        {t(l, 'filter.to')}
        <input type="date" name="to" value={p.state.to} />
      </label>
      <label>
        {t(l, 'filter.min')}
        <input type="number" name="min" min="0" step="0.01" inputMode="decimal" value={p.state.min} size={10} />
      </label>
      <label>
        {t(l, 'filter.max')}
        <input type="number" name="max" min="0" step="0.01" inputMode="decimal" value={p.state.max} size={10} />
      </label>
    </>
  );
}

function ListFrame(p: {
  locale: Locale;
  election: Election;
  title: string;
  path: string;
  query: string;
  children: ComponentChildren;
}) {
  const l = p.locale;
  const e = p.election;
  return (
    <Layout
      locale={l}
      title={`${p.title}: ${pick(e.name, l)}`}
      path={p.query ? `${p.path}?${p.query}` : p.path}
      synthetic={e.synthetic}
      head={<FinanceHead />}
      crumbs={[
        { href: `/${l}/`, label: t(l, 'nav.elections') },
        { href: `/${l}${electionPath(e.id)}`, label: pick(e.name, l) },
        { href: `/${l}${electionFinancePath(e.id)}`, label: t(l, 'finance.title') },
        { label: p.title },
      ]}
    >
      <h1>
        {p.title}: {pick(e.name, l)}
      </h1>
      <p class="muted">
        {t(l, 'finance.basis')} {t(l, 'finance.privacy')}
      </p>
      {p.children}
    </Layout>
  );
}

export function ReceiptsPage(p: { locale: Locale; election: Election; parties: readonly PartyOption[]; state: ReceiptListState; page: LinePage<PublicReceipt> }) {
  const l = p.locale;
  const e = p.election;
  const path = receiptsPath(e.id);
  const base = `/${l}${path}`;
  const s = p.state as ReceiptListState & Record<string, string>;
  const names = new Map(p.parties.map((x) => [x.reg, x.name]));
  const filters = listQuery(s, { cursor: '' });
  return (
    <ListFrame locale={l} election={e} title={t(l, 'finance.receipts')} path={path} query={listQuery(s)}>
      <form class="filters" method="get" action={base} aria-label={t(l, 'filter.label')}>
        <label>
          {t(l, 'filter.q')}
          <input type="search" name="q" value={s.q} maxLength={200} aria-describedby="q-hint" />
          <span id="q-hint" class="muted">
            {t(l, 'filter.qHint')}
          </span>
        </label>
        <CommonFilters state={s} parties={p.parties} locale={l} />
        <label>
          {t(l, 'filter.donorType')}
          <select name="type">
            <option value="">{t(l, 'filter.all')}</option>
            {donorTypeSchema.options.map((x) => (
              <option value={x} selected={s.type === x} key={x}>
                {label(donorTypeLabels, x, l)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(l, 'filter.channel')}
          <select name="channel">
            <option value="">{t(l, 'filter.all')}</option>
            {receiptChannelSchema.options.map((x) => (
              <option value={x} selected={s.channel === x} key={x}>
                {label(receiptChannelLabels, x, l)}
              </option>
            ))}
          </select>
        </label>
        {s.sort !== DEFAULT_SORT.sort ? <input type="hidden" name="sort" value={s.sort} /> : null}
        {s.order !== DEFAULT_SORT.order ? <input type="hidden" name="order" value={s.order} /> : null}
        <button type="submit">{t(l, 'filter.apply')}</button>
        {filters ? <a href={base}>{t(l, 'filter.reset')}</a> : null}
      </form>
      <Downloads href={base} locale={l} query={filters} what={t(l, 'finance.receipts')} />
      {p.page.items.length === 0 ? (
        <p>{t(l, 'list.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="sr-only">{t(l, 'finance.receipts')}</caption>
            <thead>
              <tr>
                <SortHeader base={base} state={s} column="date" text={t(l, 'col.date')} locale={l} />
                <th scope="col">{t(l, 'col.party')}</th>
                <th scope="col">{t(l, 'col.donor')}</th>
                <th scope="col">{t(l, 'col.donorType')}</th>
                <th scope="col">{t(l, 'col.channel')}</th>
                <SortHeader base={base} state={s} column="amount" text={t(l, 'col.amount')} locale={l} numeric />
              </tr>
            </thead>
            <tbody>
              {p.page.items.map((r) => (
                <tr key={r.id}>
                  <td>{day(r.date, l)}</td>
                  <td>
                    <a href={`/${l}${partyFinancePath(e.id, r.partyRegistrationNumber)}`}>{names.get(r.partyRegistrationNumber) ?? r.partyRegistrationNumber}</a>
                  </td>
                  <td>{r.donorName}</td>
                  <td>{label(donorTypeLabels, r.donorType, l)}</td>
                  <td>{label(receiptChannelLabels, r.channel, l)}</td>
                  <td class="num">{som(r.amount, l)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager base={base} state={s} next={p.page.nextCursor} locale={l} shown={p.page.items.length} />
    </ListFrame>
  );
}

export function ExpendituresPage(p: {
  locale: Locale;
  election: Election;
  parties: readonly PartyOption[];
  state: ExpenditureListState;
  page: LinePage<PublicExpenditure>;
}) {
  const l = p.locale;
  const e = p.election;
  const path = expendituresPath(e.id);
  const base = `/${l}${path}`;
  const s = p.state as ExpenditureListState & Record<string, string>;
  const names = new Map(p.parties.map((x) => [x.reg, x.name]));
  const filters = listQuery(s, { cursor: '' });
  const categories = new Set<string>(expenditureCategorySchema.options);
  return (
    <ListFrame locale={l} election={e} title={t(l, 'finance.expenditures')} path={path} query={listQuery(s)}>
      <form class="filters" method="get" action={base} aria-label={t(l, 'filter.label')}>
        <CommonFilters state={s} parties={p.parties} locale={l} />
        <label>
          {t(l, 'filter.category')}
          <select name="category">
            <option value="">{t(l, 'filter.all')}</option>
            {EXPENDITURE_GROUPS.map((g) => (
              <optgroup label={label(expenditureGroupLabels, g, l)} key={g}>
                {expenditureCategoryGroups[g].length > 1 ? (
                  <option value={`group:${g}`} selected={s.category === `group:${g}`}>
                    {label(expenditureGroupLabels, g, l)} — {t(l, 'filter.all')}
                  </option>
                ) : null}
                {expenditureCategoryGroups[g].map((c: ExpenditureCategory) => (
                  <option value={c} selected={s.category === c} key={c}>
                    {label(expenditureCategoryLabels, c, l)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        {s.sort !== DEFAULT_SORT.sort ? <input type="hidden" name="sort" value={s.sort} /> : null}
        {s.order !== DEFAULT_SORT.order ? <input type="hidden" name="order" value={s.order} /> : null}
        <button type="submit">{t(l, 'filter.apply')}</button>
        {filters ? <a href={base}>{t(l, 'filter.reset')}</a> : null}
      </form>
      <Downloads href={base} locale={l} query={filters} what={t(l, 'finance.expenditures')} />
      {p.page.items.length === 0 ? (
        <p>{t(l, 'list.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="sr-only">{t(l, 'finance.expenditures')}</caption>
            <thead>
              <tr>
                <SortHeader base={base} state={s} column="date" text={t(l, 'col.date')} locale={l} />
                <th scope="col">{t(l, 'col.party')}</th>
                <th scope="col">{t(l, 'col.payee')}</th>
                <th scope="col">{t(l, 'col.category')}</th>
                <th scope="col">{t(l, 'col.description')}</th>
                <th scope="col">{t(l, 'col.document')}</th>
                <SortHeader base={base} state={s} column="amount" text={t(l, 'col.amount')} locale={l} numeric />
              </tr>
            </thead>
            <tbody>
              {p.page.items.map((x) => (
                <tr key={x.id}>
                  <td>{day(x.date, l)}</td>
                  <td>
                    <a href={`/${l}${partyFinancePath(e.id, x.partyRegistrationNumber)}`}>{names.get(x.partyRegistrationNumber) ?? x.partyRegistrationNumber}</a>
                  </td>
                  <td>{x.payeeName}</td>
                  <td>{categories.has(x.category) ? label(expenditureCategoryLabels, x.category, l) : x.category}</td>
                  <td>{x.description}</td>
                  <td>{x.documentNumber}</td>
                  <td class="num">{som(x.amount, l)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager base={base} state={s} next={p.page.nextCursor} locale={l} shown={p.page.items.length} />
    </ListFrame>
  );
}

// ---- Sections of the election and party pages -----------------------------------------------------

function DeadlineLine(p: { view: ElectionFinanceView; locale: Locale }) {
  const l = p.locale;
  const next = nextDeadline(p.view.deadlines, p.view.now);
  if (!next) return null;
  const kind = reportKindLabel(next.kind, l);
  return <p>{next.daysLeft === 0 ? t(l, 'deadline.nextToday', { kind }) : t(l, 'deadline.next', { kind, date: day(next.dueDate, l), days: next.daysLeft })}</p>;
}

export function ElectionFinanceSection(p: { view: ElectionFinanceView; locale: Locale }) {
  const l = p.locale;
  const v = p.view;
  const { late, missing } = flaggedReports(v);
  return (
    <section aria-labelledby="finance">
      <style dangerouslySetInnerHTML={{ __html: FINANCE_CSS }} />
      <h2 id="finance">{t(l, 'finance.title')}</h2>
      <Figures totals={v.total} locale={l} />
      <DeadlineLine view={v} locale={l} />
      {late + missing > 0 ? (
        <p class="flag">
          <span aria-hidden="true">⚠ </span>
          {t(l, 'deadline.flagged', { late, missing })}
        </p>
      ) : null}
      <p>
        <a href={`/${l}${electionFinancePath(v.election.id)}`}>{t(l, 'finance.electionPage')}</a> ·{' '}
        <a href={`/${l}${receiptsPath(v.election.id)}`}>{t(l, 'finance.itemisedReceipts')}</a> ·{' '}
        <a href={`/${l}${expendituresPath(v.election.id)}`}>{t(l, 'finance.itemisedExpenditures')}</a>
      </p>
    </section>
  );
}

export function PartyFinanceSection(p: { view: ElectionFinanceView; party: PartyFinanceView; locale: Locale }) {
  const l = p.locale;
  const x = p.party;
  const flagged = x.reports.filter((r) => r.status.state === 'late' || r.status.state === 'missing');
  const e = p.view.election;
  return (
    <section aria-labelledby="finance">
      <style dangerouslySetInnerHTML={{ __html: FINANCE_CSS }} />
      <h2 id="finance">{t(l, 'finance.title')}</h2>
      <Figures totals={x.totals} locale={l} />
      {flagged.length > 0 ? (
        <ul>
          {flagged.map((r) => (
            <li key={r.kind}>
              {reportKindLabel(r.kind, l)}: <StateView state={r.status} locale={l} />
            </li>
          ))}
        </ul>
      ) : null}
      <DeadlineLine view={p.view} locale={l} />
      <p>
        <a href={`/${l}${partyFinancePath(e.id, x.registrationNumber)}`}>{t(l, 'finance.partyPage')}</a> ·{' '}
        <a href={`/${l}${receiptsPath(e.id)}?party=${enc(x.registrationNumber)}`}>{t(l, 'finance.receipts')}</a> ·{' '}
        <a href={`/${l}${expendituresPath(e.id)}?party=${enc(x.registrationNumber)}`}>{t(l, 'finance.expenditures')}</a>
      </p>
    </section>
  );
}
