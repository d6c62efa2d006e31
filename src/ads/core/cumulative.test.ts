// Cumulative reports used without double counting: the report covering most of the period is the end,
// an earlier "all dates" report is subtracted from one that began before the period, windows inside the
// period are not added to it, and a report running past the period is not used.
import { describe, expect, it } from 'vitest';
import { advertiserKey, spendBetween, spendInPeriod, type StoredReport, type StoredRow } from './cumulative.ts';

const report = (id: number, from: string | null, to: string): StoredReport => ({
  id,
  source: 'meta',
  currency: 'USD',
  from,
  to,
  fileName: `r${id}.csv`,
  sha256: String(id).repeat(64).slice(0, 64),
});
const row = (reportId: number, key: string, min: number, max = min): StoredRow => ({
  reportId,
  key,
  name: key,
  pageId: null,
  disclaimer: null,
  spend: { min, max },
  ads: 1,
});
const PERIOD = { from: '2030-09-05', to: '2030-10-04' };

describe('spendInPeriod', () => {
  const reports = [
    report(1, null, '2030-09-04'), // all dates before the campaign
    report(2, null, '2030-10-03'), // all dates at its end
    report(3, '2030-10-03', '2030-10-03'), // yesterday
    report(4, '2030-09-27', '2030-10-03'), // last 7 days
    report(5, null, '2030-10-10'), // after the period
  ];
  const rows = [
    row(1, 'a', 1_000),
    row(2, 'a', 5_000),
    row(3, 'a', 400),
    row(4, 'a', 2_000),
    row(5, 'a', 99_999),
    row(2, 'b', 0, 10_000),
    row(1, 'b', 0, 10_000),
  ];

  it('subtracts the earlier "all dates" report and adds no window to it', () => {
    const s = spendInPeriod(reports, rows, PERIOD);
    const a = s.find((x) => x.key === 'a')!;
    expect(a.spend).toEqual({ min: 4_000, max: 4_000 });
    expect([a.end.id, a.base?.id, a.includesEarlier]).toEqual([2, 1, false]);
    // "≤100" then and now: anything from nothing to 100.
    expect(s.find((x) => x.key === 'b')!.spend).toEqual({ min: 0, max: 10_000 });
  });

  it('marks a figure that may include days before the period when nothing can be subtracted', () => {
    const s = spendInPeriod([reports[1]!], rows, PERIOD);
    expect(s[0]).toMatchObject({ spend: { min: 5_000, max: 5_000 }, includesEarlier: true });
  });

  it('uses a window inside the period as it is', () => {
    const s = spendInPeriod([reports[3]!, reports[2]!], rows, PERIOD);
    expect(s.map((x) => [x.key, x.end.id, x.spend.min, x.includesEarlier])).toEqual([['a', 4, 2_000, false]]);
  });

  it('uses nothing that ends after the period or before it begins', () => {
    expect(spendInPeriod([reports[4]!, reports[0]!], rows, PERIOD)).toEqual([]);
  });
});

describe('the helpers', () => {
  it('takes one range from another without going below nothing', () => {
    expect(spendBetween({ min: 500, max: 600 }, { min: 0, max: 100 })).toEqual({ min: 400, max: 600 });
    expect(spendBetween({ min: 0, max: 100 }, { min: 0, max: 100 })).toEqual({ min: 0, max: 100 });
  });
  it('keys an advertiser by its page id, else by its folded name', () => {
    expect(advertiserKey('meta', { pageId: '12', name: 'X' })).toBe('meta:id:12');
    expect(advertiserKey('meta', { pageId: null, name: '  Ата-Журт   Кыргызстан ' })).toBe(
      'meta:name:ата-журт кыргызстан',
    );
  });
});
