// Charts of the breakdown and comparison pages, each with the table that says the same in words:
// finance's chart builders for shares and for parties side by side, and grouped bars (one series per
// party) for what finance has no chart of. The SVG is one labelled image; the table is the legend.
import type { Locale } from '../../domain/election.ts';
import type { Tyiyn } from '../../domain/money.ts';
import { staticChartSvg } from '../../platform/web/static-chart.ts';
import { compact, som } from '../../platform/web/index.ts';
import { barChart, ChartTable, donutChart, PALETTE, type RenderedChart, type Share } from '../../finance/index.ts';
import { t } from '../explore.messages.ts';

/** A chart and its table, under its own heading. */
export function ChartBlock(p: {
  chart: RenderedChart;
  locale: Locale;
  /** Heading level, 2 unless nested. */ level?: 2 | 3;
}) {
  const c = p.chart;
  const H = p.level === 3 ? 'h3' : 'h2';
  return (
    <section aria-labelledby={`${c.id}-h`}>
      <H id={`${c.id}-h`}>{c.title}</H>
      {c.svg ? (
        <div class="chart" dangerouslySetInnerHTML={{ __html: c.svg }} />
      ) : (
        <p class="muted">{t(p.locale, 'explore.none')}</p>
      )}
      {c.table.rows.length === 0 ? null : <ChartTable table={c.table} captionHidden />}
    </section>
  );
}

export interface GroupedInput {
  id: string;
  title: string;
  locale: Locale;
  /** The first column's heading (what the labels are); the amounts are in som, as the title says. */
  what: string;
  labels: readonly string[];
  /** One series per party, a value per label. */
  series: ReadonlyArray<{ name: string; values: readonly Tyiyn[] }>;
}

const colour = (i: number) => PALETTE[i % PALETTE.length] as string;

/** Bars across, one group per label and one bar per series: the parties of a comparison, label by label. */
export function groupedBarChart(p: GroupedInput): RenderedChart {
  const l = p.locale;
  const drawn = p.series.some((s) => s.values.some((v) => v > 0));
  const svg = drawn
    ? staticChartSvg(
        {
          color: p.series.map((_, i) => colour(i)),
          legend: { top: 0, data: p.series.map((s) => s.name) },
          grid: { left: 190, right: 24, top: 28, bottom: 28, outerBoundsMode: 'none' },
          xAxis: { type: 'value', axisLabel: { formatter: (v: number) => compact(v, l) } },
          yAxis: {
            type: 'category',
            inverse: true,
            data: [...p.labels],
            axisLabel: { width: 140, overflow: 'truncate', ellipsis: '…' },
          },
          series: p.series.map((s, i) => ({
            name: s.name,
            type: 'bar',
            barMaxWidth: 10,
            itemStyle: { color: colour(i) },
            data: s.values.map((v) => v / 100),
          })),
        },
        { width: 560, height: 48 + p.labels.length * (10 * p.series.length + 14) },
        p.title,
      )
    : '';
  return {
    id: p.id,
    title: p.title,
    svg,
    table: {
      caption: p.title,
      head: [p.what, ...p.series.map((s) => s.name)],
      numeric: [false, ...p.series.map(() => true)],
      rows: p.labels.map((label, li) => [
        { text: label },
        ...p.series.map((s, si) => ({ text: som(s.values[li] ?? (0 as Tyiyn), l), colour: colour(si) })),
      ]),
    },
  };
}

/** Shares (of the money by size, kind, month…) as bars, or as a donut, with their table and total. */
export function ShareBlock(p: {
  locale: Locale;
  id: string;
  title: string;
  /** The first column's heading. */
  what: string;
  shares: Share[];
  donut?: boolean;
}) {
  const l = p.locale;
  const input = {
    id: p.id,
    title: p.title,
    locale: l,
    head: [p.what, t(l, 'explore.col.amount'), t(l, 'explore.col.share'), t(l, 'explore.col.count')] as [
      string,
      string,
      string,
      string,
    ],
    totalLabel: t(l, 'explore.total'),
    shares: p.shares,
  };
  return <ChartBlock locale={l} chart={p.donut ? donutChart(input) : barChart(input)} />;
}

/** Grouped bars with their table, under their own heading. */
export const GroupedBlock = (p: GroupedInput) => <ChartBlock locale={p.locale} chart={groupedBarChart(p)} />;
