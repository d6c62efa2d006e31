// Charts render as small static SVG images with a label and a data table that says the same; text
// from filers is escaped; the cached formatters print exactly what the shared ones do; every
// message of the finance pages exists in the three languages and parses as ICU MessageFormat.
import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { XMLValidator } from 'fast-xml-parser';
import { barChart, comparisonChart, donutChart, timelineChart } from './charts.ts';
import { day, num, percent, som } from '../../platform/web/numbers.ts';
import { financeMessages } from '../finance.messages.ts';
import { formatSom, tyiyn } from '../../domain/money.ts';
import { formatDate, formatNumber } from '../../platform/i18n/i18n.ts';
import { LOCALES } from '../../domain/election.ts';

const shares = [
  { label: 'Жеке жак', amount: tyiyn(7_350_345_67), count: 147 },
  { label: '<b>Evil & "quoted"</b>', amount: tyiyn(3_225_777_00), count: 19 },
  { label: 'Иное', amount: tyiyn(1_000), count: 1 },
];
const head: [string, string, string, string] = ['Type', 'Amount', 'Share', 'Lines'];

function expectImage(svg: string, label: string) {
  expect(svg.startsWith(`<svg role="img" aria-label="${label}"`)).toBe(true);
  expect(XMLValidator.validate(svg)).toBe(true);
  expect(svg).not.toMatch(/<script|<style|ecmeta_|<b>/);
  // Small enough that a page with four charts stays far under 100 KB.
  expect(svg.length).toBeLessThan(20_000);
}

describe('finance charts', () => {
  it('draw a donut of shares with a table that adds up', () => {
    const c = donutChart({
      id: 'dt',
      title: 'By donor type & <kind>',
      locale: 'ru',
      shares,
      head,
      totalLabel: 'Итого',
    });
    expectImage(c.svg, 'By donor type &amp; &lt;kind&gt;');
    expect(c.table.rows.map((r) => r[0]!.text)).toEqual(shares.map((s) => s.label));
    expect(c.table.rows.every((r) => r[0]!.colour)).toBe(true);
    expect(c.table.foot!.map((x) => x.text)).toEqual([
      'Итого',
      som(tyiyn(7_350_345_67 + 3_225_777_00 + 1_000), 'ru'),
      percent(1, 'ru'),
      '167',
    ]);
  });

  it('draw bars, the party comparison and the cumulative timeline, each with its table', () => {
    const bars = barChart({ id: 'c', title: 'Categories', locale: 'en', shares, head, totalLabel: 'Total' });
    expectImage(bars.svg, 'Categories');
    expect(bars.svg).toContain('&lt;b&gt;Evil');
    const cmp = comparisonChart({
      id: 'cmp',
      title: 'Side by side',
      locale: 'ky',
      head,
      receiptsLabel: 'Түштү',
      spendingLabel: 'Сарпталды',
      parties: Array.from({ length: 20 }, (_, i) => ({
        label: `Партия ${i}`,
        receipts: tyiyn(1e9 * (i + 1)),
        expenditures: tyiyn(5e8 * i),
        balance: tyiyn(5e8 * (i + 2)),
      })),
    });
    expectImage(cmp.svg, 'Side by side');
    expect(cmp.table.rows).toHaveLength(20);
    const points = Array.from({ length: 40 }, (_, i) => ({
      date: addDay(i),
      receipts: tyiyn(100),
      expenditures: tyiyn(50),
      refunds: tyiyn(0),
      cumulativeReceipts: tyiyn(100 * (i + 1)),
      cumulativeExpenditures: tyiyn(50 * (i + 1)),
      cumulativeRefunds: tyiyn(0),
    }));
    const tl = timelineChart({
      id: 't',
      title: 'Timeline',
      locale: 'en',
      points,
      head: ['a', 'b', 'c', 'd', 'e'],
      receiptsLabel: 'Received',
      spendingLabel: 'Spent',
    });
    expectImage(tl.svg, 'Timeline');
    expect(tl.table.rows.at(-1)![3]!.text).toBe(som(tyiyn(4000), 'en'));
  });

  it('draw nothing for nothing, leaving the table to say so', () => {
    const c = donutChart({ id: 'x', title: 'Empty', locale: 'en', shares: [], head, totalLabel: 'Total' });
    expect(c.svg).toBe('');
    expect(c.table.rows).toEqual([]);
  });
});

function addDay(i: number): string {
  return new Date(Date.UTC(2030, 7, 20 + i)).toISOString().slice(0, 10);
}

describe('finance formatting and messages', () => {
  it('prints exactly what the shared formatters print', () => {
    for (const l of LOCALES) {
      for (const n of [0, 1, -1, 99, 100, 123_456_78, -987_654_321_00, 30_000_000_000])
        expect(som(tyiyn(n), l)).toBe(formatSom(tyiyn(n), l));
      for (const d of ['2030-01-01', '2030-09-26', '2031-12-31']) expect(day(d, l)).toBe(formatDate(l, d));
      expect(num(1234567, l)).toBe(formatNumber(l, 1234567));
    }
  });

  it('has every message in ky, ru and en, each valid ICU', () => {
    for (const [key, m] of Object.entries(financeMessages)) {
      for (const l of LOCALES) {
        expect(m[l], `${key} ${l}`).toBeTruthy();
        expect(() =>
          new IntlMessageFormat(m[l], l).format({
            days: 2,
            n: 3,
            party: 'P',
            date: 'd',
            kind: 'k',
            late: 1,
            missing: 2,
            today: 't',
            name: 'x',
            column: 'c',
            order: 'o',
            version: 2,
            election: 'e',
            period: 'p',
            received: 'r',
            spent: 's',
            refunded: 'f',
            rate: '1.5',
          }),
        ).not.toThrow();
      }
    }
  });
});
