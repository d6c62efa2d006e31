// Charts with their tables: the SVG for the eye, the table for everyone (and as the legend). The
// charts of one set of totals are drawn once per data version and language.
import type { Locale } from '../../domain/election.ts';
import { t } from '../finance.messages.ts';
import { donorTypeLabels, expenditureGroupLabels } from '../../filings/index.ts';
import { barChart, donutChart, timelineChart, type DataTable, type RenderedChart } from '../core/charts.ts';
import { byGroup, type FinanceTotals } from '../core/totals.ts';
import { labelOf } from '../core/labels.ts';
import { Downloads } from './finance-parts.tsx';

export function TableView(p: { table: DataTable; captionHidden?: boolean }) {
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
      {c.svg ? (
        <div class="chart" dangerouslySetInnerHTML={{ __html: c.svg }} />
      ) : (
        <p class="muted">{t(p.locale, 'finance.noData')}</p>
      )}
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

// ---- Charts of one set of totals, rendered once per data version and language ---------------------

export interface FinanceCharts {
  donorTypes: RenderedChart;
  categories: RenderedChart;
  timeline: RenderedChart;
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
  const shareHead: [string, string, string, string] = [
    t(l, 'col.donorType'),
    t(l, 'col.amount'),
    t(l, 'col.share'),
    t(l, 'col.count'),
  ];
  const charts: FinanceCharts = {
    donorTypes: donutChart({
      id: `${idPrefix}donor-types`,
      title: t(l, 'finance.byDonorType'),
      locale: l,
      head: shareHead,
      totalLabel: t(l, 'finance.total'),
      shares: totals.byDonorType.map((x) => ({
        label: labelOf(donorTypeLabels, x.key, l),
        amount: x.amount,
        count: x.count,
      })),
    }),
    categories: barChart({
      id: `${idPrefix}categories`,
      title: t(l, 'finance.byCategory'),
      locale: l,
      head: [t(l, 'col.category'), t(l, 'col.amount'), t(l, 'col.share'), t(l, 'col.count')],
      totalLabel: t(l, 'finance.total'),
      shares: byGroup(totals).map((x) => ({
        label: labelOf(expenditureGroupLabels, x.key, l),
        amount: x.amount,
        count: x.count,
      })),
    }),
    timeline: timelineChart({
      id: `${idPrefix}timeline`,
      title: t(l, 'finance.timeline'),
      locale: l,
      points: totals.timeline,
      head: [
        t(l, 'col.date'),
        t(l, 'col.dayReceived'),
        t(l, 'col.daySpent'),
        t(l, 'col.cumReceived'),
        t(l, 'col.cumSpent'),
      ],
      receiptsLabel: t(l, 'finance.received'),
      spendingLabel: t(l, 'finance.spent'),
    }),
  };
  perTotals.set(key, charts);
  return charts;
}

export function ChartsSection(p: { charts: FinanceCharts; locale: Locale; downloadBase: string }) {
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
