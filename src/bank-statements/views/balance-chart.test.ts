// The balance chart's time axis: a day is labelled once, however short the period (one or two days of
// statements used to repeat each day's label several times), and labels never overlap over months.
import { expect, it } from 'vitest';
import { balanceChart } from './balance-chart.ts';
import type { BalancePoint } from '../bank-public.service.ts';

const point = (date: string, balance: number): BalancePoint =>
  ({ date, received: balance, spent: 0, balance }) as BalancePoint;

/** The x-axis labels: text elements under the plot, in drawing order. */
function axisLabels(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*transform="translate\(([\d.]+) (\d+(?:\.\d+)?)\)"[^>]*>([^<]*)<\/text>/g)]
    .filter((m) => Number(m[2]) > 180)
    .map((m) => m[3] ?? '');
}

it('labels each day once over a short period', () => {
  const svg = balanceChart([point('2030-09-07', 100_00), point('2030-09-08', 250_00)], 'ru').svg;
  const labels = axisLabels(svg);
  expect(labels.length).toBeGreaterThan(0);
  expect(new Set(labels).size).toBe(labels.length);
});

it('keeps the labels of six months apart', () => {
  const days: BalancePoint[] = [];
  for (let d = 0; d < 180; d += 3) {
    const date = new Date(Date.UTC(2030, 5, 1) + d * 86_400_000).toISOString().slice(0, 10);
    days.push(point(date, (d + 1) * 1000_00));
  }
  const svg = balanceChart(days, 'en').svg;
  const xs = [...svg.matchAll(/<text[^>]*transform="translate\(([\d.]+) (\d+(?:\.\d+)?)\)"/g)]
    .filter((m) => Number(m[2]) > 180)
    .map((m) => Number(m[1]));
  expect(xs.length).toBeGreaterThan(2);
  expect(xs.length).toBeLessThanOrEqual(10);
  const labels = axisLabels(svg);
  expect(new Set(labels).size).toBe(labels.length);
});
