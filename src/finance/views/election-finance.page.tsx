// The campaign finance of an election: all parties' figures side by side (a chart and a sortable
// table), report deadlines with late and missing reports, the charts of all parties together, and
// the latest filed reports, each table with its downloads.
import type { Locale } from '../../domain/election.ts';
import { t } from '../finance.messages.ts';
import { DataTable, Day, Money, pick, type Column } from '../../platform/web/index.ts';
import { daysBetween, isFlagged, type ReportDeadline, type ReportState } from '../../domain/report-deadlines.ts';
import { comparisonChart, RECEIPTS_COLOUR, SPENDING_COLOUR, type RenderedChart } from '../core/charts.ts';
import {
  sortParties,
  type ComparisonSort,
  type ElectionFinanceView,
  type FilingAnnouncement,
  type PartyFinanceView,
} from '../core/finance-view.ts';
import * as paths from '../core/paths.ts';
import { day, num } from '../../platform/web/numbers.ts';
import { ChartsSection, chartsFor } from './charts.tsx';
import {
  Downloads,
  FilingsList,
  FinanceFrame,
  Figures,
  StateView,
  partyShort,
  reportKindLabel,
} from './finance-parts.tsx';

/** Each deadline, how many parties filed on time, late or not at all, and which reports are flagged. */
function DeadlineOverview(p: { view: ElectionFinanceView; locale: Locale; download: string }) {
  const l = p.locale;
  const v = p.view;
  if (v.deadlines.length === 0) return <p class="muted">{t(l, 'deadline.noProfile')}</p>;
  const count = (kind: string, state: ReportState['state']) =>
    num(v.parties.filter((x) => x.reports.some((r) => r.kind === kind && r.status.state === state)).length, l);
  const columns: Column<ReportDeadline>[] = [
    { key: 'report', label: t(l, 'col.report'), rowHeader: true, cell: (d) => reportKindLabel(d.kind, l) },
    { key: 'due', label: t(l, 'col.dueDate'), cell: (d) => <DueDate due={d.dueDate} today={v.today} locale={l} /> },
    { key: 'onTime', label: t(l, 'col.onTime'), numeric: true, cell: (d) => count(d.kind, 'filed') },
    { key: 'late', label: t(l, 'col.late'), numeric: true, cell: (d) => count(d.kind, 'late') },
    { key: 'missing', label: t(l, 'col.missing'), numeric: true, cell: (d) => count(d.kind, 'missing') },
  ];
  const flagged = v.parties.flatMap((x) => x.reports.filter((r) => isFlagged(r.status)).map((r) => ({ party: x, r })));
  return (
    <>
      <DataTable
        locale={l}
        columns={columns}
        rows={v.deadlines}
        rowKey={(d) => d.kind}
        caption={t(l, 'finance.deadlines')}
        captionClass="sr-only"
      />
      {flagged.length > 0 ? (
        <ul>
          {flagged.map(({ party, r }) => (
            <li key={`${party.registrationNumber}-${r.kind}`}>
              <a href={`/${l}${paths.partyFinancePath(v.election.id, party.registrationNumber)}`}>
                {partyShort(party, l)}
              </a>
              , {reportKindLabel(r.kind, l)}: <StateView state={r.status} locale={l} />
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

/** A deadline's day, and how many days are left while it is ahead. */
function DueDate(p: { due: string; today: string; locale: Locale }) {
  const l = p.locale;
  return (
    <>
      <Day iso={p.due} locale={l} />
      {p.due >= p.today ? (
        <span class="due">
          {' '}
          ({p.due === p.today ? t(l, 'state.dueToday') : t(l, 'state.due', { days: daysBetween(p.today, p.due) })})
        </span>
      ) : null}
    </>
  );
}

/** The parties in the order asked for, and their chart. */
function comparisonOf(
  v: ElectionFinanceView,
  sort: ComparisonSort,
  l: Locale,
): { parties: PartyFinanceView[]; chart: RenderedChart } {
  const parties = sortParties(v.parties, sort);
  const chart = comparisonChart({
    id: 'comparison',
    title: t(l, 'finance.comparison'),
    locale: l,
    parties: parties.map((x) => ({
      label: partyShort(x, l),
      receipts: x.totals.receipts,
      expenditures: x.totals.expenditures,
      balance: x.totals.balance,
    })),
    head: [t(l, 'col.party'), t(l, 'finance.received'), t(l, 'finance.spent'), t(l, 'finance.balance')],
    receiptsLabel: t(l, 'finance.received'),
    spendingLabel: t(l, 'finance.spent'),
  });
  return { parties, chart };
}

/** Received, spent, refunded and balance of every party side by side, sortable by each figure. */
function ComparisonSection(p: {
  view: ElectionFinanceView;
  sort: ComparisonSort;
  parties: readonly PartyFinanceView[];
  chart: RenderedChart;
  locale: Locale;
}) {
  const l = p.locale;
  const v = p.view;
  const e = v.election;
  const path = paths.electionFinancePath(e.id);
  const { parties, chart: comparison } = p;
  const sortLink = (s: ComparisonSort, text: string) =>
    p.sort === s ? (
      <span aria-current="true">{text}</span>
    ) : (
      <a href={`/${l}${path}${s === 'ballot' ? '' : `?sort=${s}`}#comparison-h`}>
        {text}
        <span class="sr-only">
          {' '}
          — {t(l, 'web.sort.by', { column: text, order: t(l, s === 'ballot' ? 'web.sort.asc' : 'web.sort.desc') })}
        </span>
      </a>
    );
  return (
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
                <span class="sw" style={`background:${RECEIPTS_COLOUR}`} aria-hidden="true" />
                {sortLink('received', t(l, 'finance.received'))}
              </th>
              <th scope="col" class="num" aria-sort={p.sort === 'spent' ? 'descending' : undefined}>
                <span class="sw" style={`background:${SPENDING_COLOUR}`} aria-hidden="true" />
                {sortLink('spent', t(l, 'finance.spent'))}
              </th>
              <th scope="col" class="num">
                {t(l, 'finance.refunded')}
              </th>
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
                  {x.entry?.participation.ballotNumber != null ? (
                    <span class="ballot-no">{x.entry.participation.ballotNumber}</span>
                  ) : null}{' '}
                  <a href={`/${l}${paths.partyFinancePath(e.id, x.registrationNumber)}`}>{partyShort(x, l)}</a>
                </th>
                <td class="num">
                  <Money amount={x.totals.receipts} locale={l} />
                </td>
                <td class="num">
                  <Money amount={x.totals.expenditures} locale={l} />
                </td>
                <td class="num">
                  <Money amount={x.totals.refunds} locale={l} />
                </td>
                <td class="num">
                  <Money amount={x.totals.balance} locale={l} />
                </td>
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
              <td class="num">
                <Money amount={v.total.receipts} locale={l} />
              </td>
              <td class="num">
                <Money amount={v.total.expenditures} locale={l} />
              </td>
              <td class="num">
                <Money amount={v.total.refunds} locale={l} />
              </td>
              <td class="num">
                <Money amount={v.total.balance} locale={l} />
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      <Downloads href={`/${l}${path}/totals`} locale={l} what={t(l, 'finance.comparison')} />
    </section>
  );
}

export function ElectionFinancePage(p: {
  locale: Locale;
  view: ElectionFinanceView;
  sort: ComparisonSort;
  filings: FilingAnnouncement[];
}) {
  const l = p.locale;
  const v = p.view;
  const e = v.election;
  const path = paths.electionFinancePath(e.id);
  // Drawn before the charts of the totals, as the page always has: the SVGs' ids count the charts drawn.
  const comparison = comparisonOf(v, p.sort, l);
  return (
    <FinanceFrame
      locale={l}
      election={e}
      title={`${t(l, 'finance.electionTitle')}: ${pick(e.name, l)}`}
      path={path}
      crumbs={[{ label: t(l, 'finance.title') }]}
      feed
    >
      <Figures totals={v.total} locale={l} />
      <p>
        <a href={`/${l}${paths.receiptsPath(e.id)}`}>{t(l, 'finance.itemisedReceipts')}</a> ·{' '}
        <a href={`/${l}${paths.expendituresPath(e.id)}`}>{t(l, 'finance.itemisedExpenditures')}</a> ·{' '}
        <a href={`/${l}${paths.inKindPath(e.id)}`}>{t(l, 'finance.inKind')}</a> ·{' '}
        <a href={`/${l}${paths.loansPath(e.id)}`}>{t(l, 'finance.loans')}</a> ·{' '}
        <a href={`/${l}${paths.electionFeedPath(e.id)}`} type="application/atom+xml">
          {t(l, 'finance.feed')}
        </a>
      </p>
      <ComparisonSection view={v} sort={p.sort} parties={comparison.parties} chart={comparison.chart} locale={l} />
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
    </FinanceFrame>
  );
}
