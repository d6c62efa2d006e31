// Rates: every good row read, each bad one reported at its line; the rate in force is the latest on or
// before the day; conversion is exact, the least rounded down and the most up.
import { describe, expect, it } from 'vitest';
import { parseRatesCsv, rateOn, toSom } from './rates.ts';

describe('exchange rates', () => {
  it('reads the rows it can and reports the others by line', () => {
    const { rates, problems } = parseRatesCsv(
      '\ufeffdate,currency,rate\n2020-10-02,usd,80.4000\n2020-10-02,USD,80.5\n2020-02-30,USD,1\n2020-10-05,EU,90\n2020-10-05,EUR,-1\n2020-10-05,EUR,94.12345\n\n2020-10-05,EUR,"94,1234"\n',
    );
    expect(rates).toEqual([
      { date: '2020-10-02', currency: 'USD', rate: '80.4000' },
      { date: '2020-10-05', currency: 'EUR', rate: '94.1234' },
    ]);
    expect(problems.map((p) => [p.code, p.row])).toEqual([
      ['rates.duplicate', 3],
      ['rates.date', 4],
      ['rates.currency', 5],
      ['rates.rate', 6],
      ['rates.rate', 7],
    ]);
    expect(parseRatesCsv('day,rate\n').problems[0]?.code).toBe('rates.header');
    expect(parseRatesCsv(new Uint8Array([0xff, 0xfe, 0x00])).problems[0]?.code).toBe('csv.encoding_invalid');
  });

  it('applies the latest rate on or before the day, and none before the first', () => {
    const rates = [
      { date: '2020-10-01', currency: 'USD', rate: '80' },
      { date: '2020-10-02', currency: 'USD', rate: '81' },
    ];
    expect(rateOn(rates, 'USD', '2020-10-04')?.date).toBe('2020-10-02');
    expect(rateOn(rates, 'USD', '2020-09-30')).toBeUndefined();
    expect(rateOn(rates, 'KGS', '2020-09-30')?.rate).toBe('1');
  });

  it('converts exactly, the least down and the most up', () => {
    const rate = { date: '2020-10-02', currency: 'USD', rate: '80.4567' };
    // 0.01 USD = 0.804567 som: 80 tyiyn at least, 81 at most.
    expect(toSom({ min: 1, max: 1 }, rate)).toMatchObject({ min: 80, max: 81 });
    // Large figures stay exact: 10 000 000 USD = 804 567 000 som.
    expect(toSom({ min: 1_000_000_000, max: 1_000_000_000 }, rate)).toMatchObject({
      min: 80_456_700_000,
      max: 80_456_700_000,
    });
  });
});
