// Exchange rates for turning the platforms' figures into som: the National Bank's official rates as a
// CSV of `date,currency,rate` (som per one unit of the currency), and the conversion of a spend range.
// A report's figures are converted at the rate of the last day of its period; the National Bank
// publishes no rate on some days (weekends, holidays), so the rate in force is the latest published on
// or before that day, and every converted figure carries the rate and the date it was published.
import { problem, type Problem } from '../../platform/result.ts';
import { tyiyn, type Tyiyn } from '../../domain/money.ts';
import type { SpendRange } from './ad-report.ts';
import { isBlankRow, readCsvTable } from './csv-table.ts';

export interface ExchangeRate {
  date: string;
  currency: string;
  /** Som per one unit, as published: a decimal with at most four places ("89.4500"). */
  rate: string;
}

/** A range in tyiyn and the rate that made it. */
export interface SomRange {
  min: Tyiyn;
  max: Tyiyn;
  rate: ExchangeRate;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const RATE = /^\d{1,6}(?:\.\d{1,4})?$/;
function isRealDay(s: string): boolean {
  const t = Date.parse(`${s}T00:00:00Z`);
  return DAY.test(s) && !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
}

/** Every row read, or a problem with its line; a file without the header is one problem. */
export function parseRatesCsv(input: string | Uint8Array): { rates: ExchangeRate[]; problems: Problem[] } {
  const read = readCsvTable(input);
  if ('problem' in read) return { rates: [], problems: [read.problem] };
  const head = read.table.header.map((h) => h.toLowerCase());
  const at = { date: head.indexOf('date'), currency: head.indexOf('currency'), rate: head.indexOf('rate') };
  if (at.date < 0 || at.currency < 0 || at.rate < 0)
    return {
      rates: [],
      problems: [problem('rates.header', 'The first line must be "date,currency,rate".', { row: 1 })],
    };
  const problems: Problem[] = [];
  const rates: ExchangeRate[] = [];
  const seen = new Set<string>();
  for (const r of read.table.rows) {
    if (isBlankRow(r)) continue;
    const row = r.line;
    const date = (r.cells[at.date] ?? '').trim();
    const currency = (r.cells[at.currency] ?? '').trim().toUpperCase();
    const rate = (r.cells[at.rate] ?? '').trim().replace(',', '.');
    if (!isRealDay(date))
      problems.push(
        problem('rates.date', `"${date}" is not a date (YYYY-MM-DD).`, { row, field: 'date', params: { value: date } }),
      );
    else if (!/^[A-Z]{3}$/.test(currency))
      problems.push(
        problem('rates.currency', `"${currency}" is not a currency code.`, {
          row,
          field: 'currency',
          params: { value: currency },
        }),
      );
    else if (!RATE.test(rate) || Number(rate) <= 0)
      problems.push(
        problem('rates.rate', `"${rate}" is not a positive rate with at most four decimals.`, {
          row,
          field: 'rate',
          params: { value: rate },
        }),
      );
    else if (seen.has(`${currency} ${date}`))
      problems.push(
        problem('rates.duplicate', `${currency} on ${date} is given twice.`, { row, params: { currency, date } }),
      );
    else {
      seen.add(`${currency} ${date}`);
      rates.push({ date, currency, rate });
    }
  }
  return { rates, problems };
}

/** The rate in force on `day`: the latest published on or before it. Som needs none. */
export function rateOn(rates: readonly ExchangeRate[], currency: string, day: string): ExchangeRate | undefined {
  if (currency === 'KGS') return { date: day, currency, rate: '1' };
  let best: ExchangeRate | undefined;
  for (const r of rates) if (r.currency === currency && r.date <= day && (!best || r.date > best.date)) best = r;
  return best;
}

/** Ten-thousandths of a som per unit, exactly. */
function rateE4(rate: string): bigint {
  const [whole = '0', frac = ''] = rate.split('.');
  return BigInt(whole) * 10_000n + BigInt(frac.padEnd(4, '0'));
}

/**
 * Minor units of the currency (hundredths) to tyiyn: the lower bound rounded down and the upper bound
 * rounded up, so a converted range never claims more certainty than the report gave.
 */
export function toSom(spend: SpendRange, rate: ExchangeRate): SomRange {
  const r = rateE4(rate.rate);
  const down = (BigInt(spend.min) * r) / 10_000n;
  const upNum = BigInt(spend.max) * r;
  const up = upNum / 10_000n + (upNum % 10_000n === 0n ? 0n : 1n);
  return { min: tyiyn(Number(down)), max: tyiyn(Number(up)), rate };
}
