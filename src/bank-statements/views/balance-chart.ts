// The chart of an electoral fund account's balance over time, from the banks' statements: drawn on the
// server by ECharts as a static SVG (no script on the page), labelled as one image, and always given
// with a table that says the same in text for screen readers and for anyone who wants the figures.
import { CHART_FONT as FONT, staticChartSvg } from '../../platform/web/static-chart.ts';
import type { Locale } from '../../domain/election.ts';
import { compact, day, shortDay, som } from '../../platform/web/index.ts';
import type { BalancePoint } from '../bank-public.service.ts';
import { t } from '../bank-statement.messages.ts';

const WIDTH = 560;
const HEIGHT = 220;
const LINE_COLOUR = '#0b5cad';

export interface BalanceChart {
  title: string;
  /** Empty when there is nothing to draw. */
  svg: string;
  head: [string, string, string, string];
  rows: Array<[string, string, string, string]>;
}

export function balanceChart(points: readonly BalancePoint[], locale: Locale): BalanceChart {
  const title = t(locale, 'bank.section.chart');
  const head: BalanceChart['head'] = [
    t(locale, 'bank.col.date'),
    t(locale, 'bank.col.received'),
    t(locale, 'bank.col.spent'),
    t(locale, 'bank.col.balance'),
  ];
  const rows = points.map((p): [string, string, string, string] => [
    day(p.date, locale),
    som(p.received, locale),
    som(p.spent, locale),
    som(p.balance, locale),
  ]);
  if (points.length === 0) return { title, svg: '', head, rows };
  const svg = staticChartSvg(
    {
      grid: { left: 64, right: 24, top: 16, bottom: 32, outerBoundsMode: 'none' },
      // Ticks at least a day apart (labels are days), and none drawn over another.
      xAxis: {
        type: 'time',
        minInterval: 86_400_000,
        axisLabel: { ...FONT, hideOverlap: true, formatter: (v: number) => shortDay(v, locale) },
      },
      yAxis: { type: 'value', axisLabel: { ...FONT, formatter: (v: number) => compact(v, locale) } },
      series: [
        {
          type: 'line',
          // The balance is what it was at the end of a statement until the next one says otherwise.
          step: 'end',
          showSymbol: points.length <= 40,
          lineStyle: { width: 2, color: LINE_COLOUR },
          itemStyle: { color: LINE_COLOUR },
          // Coordinates in som as floats: drawing needs no exact arithmetic; the table has the exact figures.
          data: points.map((p) => [p.date, p.balance / 100]),
        },
      ],
    },
    { width: WIDTH, height: HEIGHT },
    title,
  );
  return { title, svg, head, rows };
}
