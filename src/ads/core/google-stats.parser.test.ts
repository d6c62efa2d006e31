// The synthetic advertiser statistics in test/fixtures/ads (README.md) against sums taken from the
// file with Python's csv module: 4 advertisers, Spend_USD 127,085, Spend_EUR 117,160, 27 ads.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { totalSpend } from './ad-report.ts';
import { parseGoogleStats } from './google-stats.parser.ts';

const file = readFileSync(
  new URL('../../../test/fixtures/ads/google-political-ads-advertiser-stats.synthetic.csv', import.meta.url),
);
const HEADER = 'Advertiser_ID,Advertiser_Name,Public_IDs_List,Regions,Elections,Total_Creatives,Spend_USD,Spend_EUR\n';

describe('parseGoogleStats', () => {
  it('reads one spend per advertiser in USD by default', () => {
    const { report, problems } = parseGoogleStats(file);
    expect(problems).toEqual([]);
    expect(report).toMatchObject({ source: 'google', currency: 'USD', period: null });
    expect(report?.advertisers).toHaveLength(4);
    expect(report?.advertisers[0]).toEqual({
      name: 'Example Campaign Committee',
      pageId: 'AR00000000000000000001',
      disclaimer: null,
      spend: { min: 477_000, max: 477_000 },
      ads: 2,
      row: 2,
    });
    expect(totalSpend(report?.advertisers.map((a) => a.spend) ?? [])).toEqual({ min: 12_708_500, max: 12_708_500 });
    expect(report?.advertisers.reduce((n, a) => n + a.ads, 0)).toBe(27);
  });

  it('reads the currency asked for', () => {
    const { report } = parseGoogleStats(file, { currency: 'eur' });
    expect(report?.currency).toBe('EUR');
    expect(totalSpend(report?.advertisers.map((a) => a.spend) ?? [])).toEqual({ min: 11_716_000, max: 11_716_000 });
  });

  it('says which currencies the file has when the one asked for is not among them', () => {
    const { report, problems } = parseGoogleStats(file, { currency: 'KGS' });
    expect(report).toBeNull();
    expect(problems).toMatchObject([{ code: 'google.currency_missing', row: 1, params: { currency: 'KGS' } }]);
    expect(problems[0]?.message).toContain('USD, EUR, INR');
  });

  it('reports malformed rows with their lines and reads the rest', () => {
    const csv =
      HEADER +
      'AR1,Good,,KG,KG-Parliament,3,150,140\n' +
      'AR2,No spend,,KG,KG-Parliament,3,,140\n' +
      'AR3,Bad ads,,KG,KG-Parliament,many,10,9\n' +
      ',No id,,KG,KG-Parliament,1,10,9\n' +
      'AR5,,,KG,KG-Parliament,1,10,9\n' +
      'AR6,Short,KG\n' +
      'AR7,Last,"P1,P2",KG,KG-Parliament,1,"1,500",1400\n';
    const { report, problems } = parseGoogleStats(csv);
    expect(report?.advertisers.map((a) => [a.pageId, a.spend.max, a.row])).toEqual([
      ['AR1', 15_000, 2],
      ['AR7', 150_000, 8],
    ]);
    expect(problems.map((p) => [p.code, p.row, p.field])).toEqual([
      ['google.spend_invalid', 3, 'Spend_USD'],
      ['google.ads_invalid', 4, 'Total_Creatives'],
      ['google.id_missing', 5, 'Advertiser_ID'],
      ['google.name_missing', 6, 'Advertiser_Name'],
      ['google.row_columns', 7, undefined],
    ]);
  });

  it("refuses a header that is not the statistics'", () => {
    expect(parseGoogleStats('Ad_ID,Ad_URL\n1,x\n').problems).toMatchObject([{ code: 'google.header_unknown', row: 1 }]);
  });
});
