// Charts of the finance pages, rendered on the server by ECharts as small static SVG, each with the
// data table that says the same in text: the SVG is one image with a label (role="img"), and the
// table, whose first column carries the colour of each series, is the legend and the accessible
// version at once. Pages therefore need no JavaScript to show a chart.
import type { ECharts } from '../../platform/web/echarts.ts';
import { CHART_FONT as FONT, staticChartSvg } from '../../platform/web/static-chart.ts';
import type { Locale } from '../../domain/election.ts';
import type { Tyiyn } from '../../domain/money.ts';
import type { TimelinePoint } from './totals.ts';
import { compact, day, num, percent, shortDay, som } from '../../platform/web/numbers.ts';

export interface TableCell {
  text: string;
  /** A colour swatch before the text, tying the row to its series in the chart. */
  colour?: string;
}

export interface DataTable {
  caption: string;
  head: string[];
  /** Right-aligned (number) columns. */
  numeric: boolean[];
  /** The first cell of each row is its header. */
  rows: TableCell[][];
  foot?: TableCell[];
}

export interface RenderedChart {
  /** For id attributes and download names. */
  id: string;
  title: string;
  /** Empty when there is nothing to draw; the table then says so. */
  svg: string;
  table: DataTable;
}

/** Colours with at least 3:1 contrast against white, distinguishable in the common colour deficiencies. */
export const PALETTE = [
  '#0b5cad',
  '#c2410c',
  '#1e6b34',
  '#7c3aed',
  '#a11d1d',
  '#0e7490',
  '#92400e',
  '#4b5563',
  '#be185d',
  '#3f6212',
];
export const RECEIPTS_COLOUR = '#1e6b34';
export const SPENDING_COLOUR = '#c2410c';

const WIDTH = 560;

/** Chart coordinates are som as floats: drawing needs no exact arithmetic, and the tables show exact figures. */
const somOf = (t: Tyiyn): number => t / 100;

const compactSom = (locale: Locale, value: number): string => compact(value, locale);

/**
 * A chart with its table, the title also the table's caption. Without a drawing (nothing to draw)
 * the SVG is empty and the table alone says so.
 */
function chartWithTable(
  p: { id: string; title: string; head: readonly string[] },
  drawing: { option: ECharts.EChartsOption; height: number } | undefined,
  table: Omit<DataTable, 'caption' | 'head'>,
): RenderedChart {
  return {
    id: p.id,
    title: p.title,
    svg: drawing ? staticChartSvg(drawing.option, { width: WIDTH, height: drawing.height }, p.title) : '',
    table: { caption: p.title, head: [...p.head], ...table },
  };
}

/** Bars across, one labelled row each: the grid and axes of the charts of amounts by name. */
function amountBarAxes(locale: Locale, labels: string[], layout: { left: number; top: number; labelWidth: number }) {
  return {
    grid: { left: layout.left, right: 24, top: layout.top, bottom: 28, outerBoundsMode: 'none' },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => compactSom(locale, v), ...FONT } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: labels,
      axisLabel: { width: layout.labelWidth, overflow: 'truncate', ellipsis: '…', ...FONT },
    },
  } satisfies ECharts.EChartsOption;
}

export interface Share {
  label: string;
  amount: Tyiyn;
  count: number;
}

function shareRows(locale: Locale, shares: readonly Share[]): { rows: TableCell[][]; foot: TableCell[] } {
  const total = shares.reduce((s, x) => s + x.amount, 0);
  const count = shares.reduce((s, x) => s + x.count, 0);
  return {
    rows: shares.map((x, i) => [
      { text: x.label, colour: PALETTE[i % PALETTE.length] as string },
      { text: som(x.amount, locale) },
      { text: total > 0 ? percent(x.amount / total, locale) : '—' },
      { text: num(x.count, locale) },
    ]),
    foot: [
      { text: '' },
      { text: som(total as Tyiyn, locale) },
      { text: total > 0 ? percent(1, locale) : '—' },
      { text: num(count, locale) },
    ],
  };
}

export interface ShareChartInput {
  id: string;
  title: string;
  locale: Locale;
  shares: readonly Share[];
  /** Column headers: label, amount, share, count; the footer's first cell. */
  head: [string, string, string, string];
  totalLabel: string;
}

/**
 * A chart of shares with their table (label, amount, share, count, and the total): `draw` is given
 * the shares with an amount, only when there are any.
 */
function shareChart(
  p: ShareChartInput,
  draw: (drawn: Share[]) => { option: ECharts.EChartsOption; height: number },
): RenderedChart {
  const { rows, foot } = shareRows(p.locale, p.shares);
  foot[0] = { text: p.totalLabel };
  const drawn = p.shares.filter((s) => s.amount > 0);
  return chartWithTable(p, drawn.length === 0 ? undefined : draw(drawn), {
    numeric: [false, true, true, true],
    rows,
    foot,
  });
}

/** A donut of shares (receipts by donor type). */
export function donutChart(p: ShareChartInput): RenderedChart {
  return shareChart(p, () => ({
    height: 240,
    option: {
      color: PALETTE,
      series: [
        {
          type: 'pie',
          radius: ['42%', '72%'],
          center: ['50%', '50%'],
          data: p.shares.map((s, i) => ({
            name: s.label,
            value: somOf(s.amount),
            itemStyle: { color: PALETTE[i % PALETTE.length] },
          })),
          label: { formatter: (x: { percent?: number }) => percent((x.percent ?? 0) / 100, p.locale), ...FONT },
          minShowLabelAngle: 8,
        },
      ],
    },
  }));
}

/** Horizontal bars of amounts (expenditures by category group): long labels read best across. */
export function barChart(p: ShareChartInput): RenderedChart {
  return shareChart(p, (drawn) => ({
    height: 40 + 28 * drawn.length,
    option: {
      // Labels are measured by estimate on the server; the slack keeps long Latin ones inside the image.
      ...amountBarAxes(
        p.locale,
        drawn.map((s) => s.label),
        { left: 190, top: 8, labelWidth: 140 },
      ),
      series: [
        {
          type: 'bar',
          barMaxWidth: 18,
          data: drawn.map((s) => ({
            value: somOf(s.amount),
            itemStyle: { color: PALETTE[p.shares.indexOf(s) % PALETTE.length] },
          })),
        },
      ],
    },
  }));
}

export interface ComparisonInput {
  id: string;
  title: string;
  locale: Locale;
  parties: ReadonlyArray<{ label: string; receipts: Tyiyn; expenditures: Tyiyn; balance: Tyiyn }>;
  head: [string, string, string, string];
  receiptsLabel: string;
  spendingLabel: string;
}

/** Received and spent side by side for every party of an election. */
export function comparisonChart(p: ComparisonInput): RenderedChart {
  const drawn = p.parties.filter((x) => x.receipts > 0 || x.expenditures > 0);
  const drawing =
    drawn.length === 0
      ? undefined
      : {
          height: 56 + 34 * drawn.length,
          option: {
            legend: { top: 0, textStyle: FONT, data: [p.receiptsLabel, p.spendingLabel] },
            ...amountBarAxes(
              p.locale,
              drawn.map((x) => x.label),
              { left: 160, top: 28, labelWidth: 120 },
            ),
            series: [
              {
                name: p.receiptsLabel,
                type: 'bar',
                barMaxWidth: 12,
                itemStyle: { color: RECEIPTS_COLOUR },
                data: drawn.map((x) => somOf(x.receipts)),
              },
              {
                name: p.spendingLabel,
                type: 'bar',
                barMaxWidth: 12,
                itemStyle: { color: SPENDING_COLOUR },
                data: drawn.map((x) => somOf(x.expenditures)),
              },
            ],
          } satisfies ECharts.EChartsOption,
        };
  return chartWithTable(p, drawing, {
    numeric: [false, true, true, true],
    rows: p.parties.map((x) => [
      { text: x.label },
      { text: som(x.receipts, p.locale), colour: RECEIPTS_COLOUR },
      { text: som(x.expenditures, p.locale), colour: SPENDING_COLOUR },
      { text: som(x.balance, p.locale) },
    ]),
  });
}

export interface TimelineInput {
  id: string;
  title: string;
  locale: Locale;
  points: readonly TimelinePoint[];
  head: [string, string, string, string, string];
  receiptsLabel: string;
  spendingLabel: string;
}

/** Cumulative receipts and spending by date, as steps: money arrives and leaves on given days. */
export function timelineChart(p: TimelineInput): RenderedChart {
  const l = p.locale;
  const drawing =
    p.points.length === 0
      ? undefined
      : {
          height: 240,
          option: {
            legend: { top: 0, textStyle: FONT, data: [p.receiptsLabel, p.spendingLabel] },
            grid: { left: 64, right: 24, top: 28, bottom: 32, outerBoundsMode: 'none' },
            xAxis: {
              type: 'time',
              minInterval: 86_400_000,
              axisLabel: { ...FONT, hideOverlap: true, formatter: (v: number) => shortDay(v, l) },
            },
            yAxis: { type: 'value', axisLabel: { formatter: (v: number) => compactSom(l, v), ...FONT } },
            series: [
              {
                name: p.receiptsLabel,
                type: 'line',
                step: 'end',
                showSymbol: false,
                lineStyle: { width: 2, color: RECEIPTS_COLOUR },
                itemStyle: { color: RECEIPTS_COLOUR },
                data: p.points.map((x) => [x.date, somOf(x.cumulativeReceipts)]),
              },
              {
                name: p.spendingLabel,
                type: 'line',
                step: 'end',
                showSymbol: false,
                lineStyle: { width: 2, color: SPENDING_COLOUR, type: 'dashed' },
                itemStyle: { color: SPENDING_COLOUR },
                data: p.points.map((x) => [x.date, somOf(x.cumulativeExpenditures)]),
              },
            ],
          } satisfies ECharts.EChartsOption,
        };
  return chartWithTable(p, drawing, {
    numeric: [false, true, true, true, true],
    rows: p.points.map((x) => [
      { text: day(x.date, l) },
      { text: som(x.receipts, l) },
      { text: som(x.expenditures, l) },
      { text: som(x.cumulativeReceipts, l), colour: RECEIPTS_COLOUR },
      { text: som(x.cumulativeExpenditures, l), colour: SPENDING_COLOUR },
    ]),
  });
}
