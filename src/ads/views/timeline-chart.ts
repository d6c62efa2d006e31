// The timeline of the ad page: each party's own pages' spend since the campaign began, at the end of
// every day a report was taken for, drawn by ECharts as a static SVG. The page gives the same figures
// in a table, whose first column carries each party's colour.
import type { ECharts } from '../../platform/web/echarts.ts';
import { CHART_FONT, staticChartSvg } from '../../platform/web/static-chart.ts';
import { compact, shortDay } from '../../platform/web/index.ts';
import type { Locale } from '../../domain/election.ts';
import type { Tyiyn } from '../../domain/money.ts';

/** Colours with at least 3:1 contrast against white, told apart in the common colour deficiencies. */
export const PARTY_COLOURS = ['#0b5cad', '#c2410c', '#1e6b34', '#7c3aed', '#a11d1d', '#0e7490', '#92400e', '#4b5563'];
export const colourOf = (index: number): string => PARTY_COLOURS[index % PARTY_COLOURS.length] ?? '#1b1f24';

export interface TimelineSeries {
  name: string;
  colour: string;
  points: { day: string; min: Tyiyn }[];
}

/** Empty when there is nothing to draw. */
export function timelineSvg(series: readonly TimelineSeries[], title: string, l: Locale): string {
  const drawn = series.filter((s) => s.points.some((p) => p.min > 0));
  if (drawn.length === 0) return '';
  const option: ECharts.EChartsOption = {
    grid: { left: 64, right: 24, top: 16, bottom: 32, outerBoundsMode: 'none' },
    xAxis: {
      type: 'time',
      minInterval: 86_400_000,
      axisLabel: { ...CHART_FONT, hideOverlap: true, formatter: (v: number) => shortDay(v, l) },
    },
    yAxis: { type: 'value', axisLabel: { ...CHART_FONT, formatter: (v: number) => compact(v, l) } },
    series: drawn.map((s) => ({
      name: s.name,
      type: 'line',
      showSymbol: true,
      lineStyle: { width: 2, color: s.colour },
      itemStyle: { color: s.colour },
      data: s.points.map((p) => [p.day, p.min / 100]),
    })),
  };
  return staticChartSvg(option, { width: 560, height: 240 }, title);
}
