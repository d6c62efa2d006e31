// The API's ads become the report shape of the file parsers: one advertiser per page and "paid for by"
// line, ranges added bound by bound in minor units, ads that cannot be counted left out by name.
import { describe, expect, it } from 'vitest';
import { archiveReport, mainCurrency, type ArchiveAd } from './archive-report.ts';
import { fakeAd } from '../fake-graph.test-support.ts';

const period = { from: '2030-09-05', to: '2030-10-04', range: null, country: 'KG' };
const alfa: [string, string] = ['111', 'Партия Альфа'];
const beta: [string, string] = ['222', 'Бета'];

describe('archiveReport', () => {
  it('groups ads by page and adds their ranges as least and most', () => {
    const ads: ArchiveAd[] = [
      fakeAd('1', alfa, ['100', '199']),
      fakeAd('2', beta, ['0', '99']),
      fakeAd('3', alfa, ['1000', '1499']),
      fakeAd('4', alfa, ['0', '99']),
    ];
    const { report, problems } = archiveReport(ads, { period });
    expect(problems).toEqual([]);
    expect(report).toEqual({
      source: 'meta',
      currency: 'USD',
      period,
      advertisers: [
        {
          name: 'Партия Альфа',
          pageId: '111',
          disclaimer: 'Партия Альфа',
          spend: { min: 110_000, max: 179_700 },
          ads: 3,
          row: 1,
        },
        { name: 'Бета', pageId: '222', disclaimer: 'Бета', spend: { min: 0, max: 9_900 }, ads: 1, row: 2 },
      ],
    });
  });

  it('keeps a page’s ads paid for by different payers apart, as the Ad Library Report does', () => {
    const { report } = archiveReport(
      [fakeAd('1', alfa, ['100', '199']), fakeAd('2', alfa, ['100', '199'], { bylines: 'ОсОО Медиа' })],
      { period },
    );
    expect(report?.advertisers.map((a) => [a.pageId, a.disclaimer, a.ads])).toEqual([
      ['111', 'Партия Альфа', 1],
      ['111', 'ОсОО Медиа', 1],
    ]);
  });

  it('takes the currency most ads use and leaves the others out, naming them', () => {
    const ads = [
      fakeAd('1', alfa, ['100', '199']),
      fakeAd('2', beta, ['5000', '9999'], { currency: 'EUR' }),
      fakeAd('3', beta, ['100', '199']),
    ];
    expect(mainCurrency(ads)).toBe('USD');
    const { report, problems } = archiveReport(ads, { period });
    expect(report?.currency).toBe('USD');
    expect(report?.advertisers.map((a) => a.spend)).toEqual([
      { min: 10_000, max: 19_900 },
      { min: 10_000, max: 19_900 },
    ]);
    expect(problems).toMatchObject([{ code: 'meta.other_currency', row: 2, params: { ad: '2', currency: 'EUR' } }]);
    expect(archiveReport(ads, { period, currency: 'eur' }).report?.advertisers).toMatchObject([
      { name: 'Бета', spend: { min: 500_000, max: 999_900 } },
    ]);
  });

  it('counts the open top band at its lower bound, and an ad begun earlier whole, and says so', () => {
    const { report, problems } = archiveReport(
      [
        fakeAd('1', alfa, ['1000000', undefined]),
        fakeAd('2', alfa, ['100', '199'], { ad_delivery_start_time: '2030-08-01T10:00:00+0000' }),
      ],
      { period },
    );
    expect(report?.advertisers[0]?.spend).toEqual({ min: 100_010_000, max: 100_019_900 });
    expect(problems.map((p) => [p.code, p.params?.count])).toEqual([
      ['meta.began_earlier', 1],
      ['meta.open_band', 1],
    ]);
  });

  it('leaves out ads without a page or a readable spend', () => {
    const { report, problems } = archiveReport(
      [
        { id: '9', spend: { lower_bound: '1', upper_bound: '2' }, currency: 'USD' },
        fakeAd('8', beta, ['lots', '199']),
        fakeAd('7', beta, ['200', '100']),
        fakeAd('6', beta, ['1', '2']),
      ],
      { period },
    );
    expect(problems.map((p) => [p.code, p.row])).toEqual([
      ['meta.no_page', 1],
      ['meta.no_spend', 2],
      ['meta.no_spend', 3],
    ]);
    expect(report?.advertisers).toMatchObject([{ name: 'Бета', spend: { min: 100, max: 200 }, ads: 1, row: 1 }]);
  });
});
