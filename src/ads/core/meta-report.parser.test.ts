// The real Ad Library Report in test/fixtures/ads (see README.md) against figures worked out from the
// file without this code: 97 rows; the exact amounts add up to 49,036 THB and the 50 "≤100" rows to at
// most 5,000 more, so 49,036–54,036 THB in all; 355 ads. (Summed with Python's csv module, reading
// "≤N" as 0..N.)

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { craftZip, zipBomb } from '../../../test/support/crafted-zip.ts';
import { totalSpend } from './ad-report.ts';
import { parseMetaReport, parseMetaReportZip, periodFromFileName } from './meta-report.parser.ts';

const FIXTURES = new URL('../../../test/fixtures/ads/', import.meta.url);
const read = (name: string): Buffer => readFileSync(new URL(name, FIXTURES));
const TH = 'FacebookAdLibraryReport_2022-11-18_TH_yesterday_advertisers.csv';
const TH_ZIP = 'FacebookAdLibraryReport_2022-11-18_TH_yesterday.zip';
const NEW_HEADER = '\ufeffPage ID,Page name,Disclaimer,Amount spent (KGS),Number of ads in Library\n';
const OLD_HEADER = '\ufeffPage Name,Disclaimer,Amount Spent,Number of Ads in Library\n';

describe('parseMetaReport: the later form (Page ID, currency in the header)', () => {
  it('reads every row of the real Thai report, with totals matching the independent sums', () => {
    const { report, problems } = parseMetaReport(read(TH), { fileName: TH });
    expect(problems).toEqual([]);
    expect(report?.currency).toBe('THB');
    expect(report?.advertisers).toHaveLength(97);
    expect(totalSpend(report?.advertisers.map((a) => a.spend) ?? [])).toEqual({ min: 4_903_600, max: 5_403_600 });
    expect(report?.advertisers.reduce((n, a) => n + a.ads, 0)).toBe(355);
    expect(report?.advertisers.filter((a) => a.spend.min !== a.spend.max)).toHaveLength(50);
    expect(report?.period).toEqual({ from: '2022-11-18', to: '2022-11-18', range: 'yesterday', country: 'TH' });
  });

  it('keeps quoted names with commas, page ids as text and "no disclaimer" as null', () => {
    const { report } = parseMetaReport(read(TH), { fileName: TH });
    const democrats = report?.advertisers.find((a) => a.pageId === '296508406790');
    expect(democrats).toMatchObject({
      name: 'Democrat Party, Thailand พรรคประชาธิปัตย์',
      disclaimer: 'Democrat Party, Thailand พรรคประชาธิปัตย์',
      spend: { min: 406_400, max: 406_400 },
      ads: 34,
      row: 4,
    });
    const omi = report?.advertisers.find((a) => a.name === 'Omi');
    expect(omi).toMatchObject({ pageId: '1639146799524292', disclaimer: null, spend: { min: 79_900, max: 79_900 } });
    // One page under two disclaimers is two rows in the report, and stays two.
    expect(report?.advertisers.filter((a) => a.pageId === '105505101947250')).toHaveLength(2);
  });

  it('reads "≤100" as anything from nothing to 100', () => {
    const { report } = parseMetaReport(`${NEW_HEADER}1,A,A,≤100,1\n`);
    expect(report?.advertisers[0]?.spend).toEqual({ min: 0, max: 10_000 });
  });

  it('reports each malformed row with its line and reads the rest', () => {
    const csv =
      NEW_HEADER +
      '1,Good,Good,250,3\n' +
      'x1,Bad id,Bad id,10,1\n' +
      '2,Bad amount,Bad amount,lots,1\n' +
      '3,Bad ads,Bad ads,10,two\n' +
      '4,,Nameless,10,1\n' +
      '5,Short,10,1\n' +
      '\n' +
      '6,"Spread\nover lines",X,≥100,1\n' +
      '7,Last,Last,1 250.50,2\n';
    const { report, problems } = parseMetaReport(csv);
    expect(report?.advertisers.map((a) => [a.name, a.spend.min, a.row])).toEqual([
      ['Good', 25_000, 2],
      ['Last', 125_050, 11],
    ]);
    expect(problems.map((p) => [p.code, p.row, p.field])).toEqual([
      ['meta.page_id_invalid', 3, 'Page ID'],
      ['meta.amount_invalid', 4, 'Amount spent (KGS)'],
      ['meta.ads_invalid', 5, 'Number of ads in Library'],
      ['meta.name_missing', 6, 'Page name'],
      ['meta.row_columns', 7, undefined],
      ['meta.amount_invalid', 9, 'Amount spent (KGS)'],
    ]);
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
  });

  it("keeps the file's currency and says so when another one is asked for", () => {
    const { report, problems } = parseMetaReport(`${NEW_HEADER}1,A,A,5,1\n`, { currency: 'USD' });
    expect(report?.currency).toBe('KGS');
    expect(problems.map((p) => [p.code, p.severity])).toEqual([['meta.currency_ignored', 'warning']]);
  });

  it("refuses a header that is not the report's, and bytes that are not UTF-8", () => {
    expect(parseMetaReport('Name,Amount\nA,1\n').problems.map((p) => [p.code, p.row])).toEqual([
      ['meta.header_unknown', 1],
    ]);
    const cp1251 = Buffer.concat([
      Buffer.from('Page Name,Disclaimer,Amount Spent,Number of Ads in Library\n'),
      Buffer.from([0xc0, 0xe0, 0x2c]),
    ]);
    expect(parseMetaReport(cp1251)).toMatchObject({ report: null, problems: [{ code: 'csv.encoding_invalid' }] });
    expect(parseMetaReport('')).toMatchObject({ report: null, problems: [{ code: 'csv.empty' }] });
  });
});

describe('parseMetaReport: the 2019 form (no page id, no currency)', () => {
  it('reads the synthetic 2019 file: 5 rows, 6,317–6,517, 27 ads', () => {
    const { report, problems } = parseMetaReport(read('synthetic-meta-2019-form.csv'), {
      period: { from: '2019-07-01', to: '2019-09-29', range: null, country: 'KG' },
    });
    expect(report?.advertisers).toHaveLength(5);
    expect(report?.advertisers.every((a) => a.pageId === null)).toBe(true);
    expect(totalSpend(report?.advertisers.map((a) => a.spend) ?? [])).toEqual({ min: 631_700, max: 651_700 });
    expect(report?.advertisers.reduce((n, a) => n + a.ads, 0)).toBe(27);
    expect(report?.advertisers[4]).toMatchObject({ name: 'Reforma "Talk" page', spend: { min: 0, max: 10_000 } });
    expect(report?.period).toEqual({ from: '2019-07-01', to: '2019-09-29', range: null, country: 'KG' });
    expect(report?.currency).toBe('USD');
    expect(problems.map((p) => p.code)).toEqual(['meta.currency_assumed']);
  });

  it('takes the currency it is given, without a warning', () => {
    const { report, problems } = parseMetaReport(`${OLD_HEADER}A,A,12,1\n`, { currency: 'eur' });
    expect(report?.currency).toBe('EUR');
    expect(problems).toEqual([]);
  });
});

describe('periodFromFileName', () => {
  it('counts the range back from the date in the name', () => {
    expect(periodFromFileName('FacebookAdLibraryReport_2020-10-03_KG_last_30_days_advertisers.csv')).toEqual({
      from: '2020-09-04',
      to: '2020-10-03',
      range: 'last_30_days',
      country: 'KG',
    });
    expect(periodFromFileName('FacebookAdLibraryReport_2021-01-10_KG_lifetime.zip')).toMatchObject({
      from: null,
      to: '2021-01-10',
    });
    expect(periodFromFileName('report.csv')).toBeNull();
    expect(periodFromFileName('FacebookAdLibraryReport_2021-02-30_KG_yesterday.zip')).toBeNull();
  });
});

describe('parseMetaReportZip', () => {
  it('reads the advertisers file of the downloaded archive: the same rows as the CSV alone', () => {
    const zipped = parseMetaReportZip(read(TH_ZIP), { fileName: TH_ZIP });
    const plain = parseMetaReport(read(TH), { fileName: TH });
    expect(zipped.problems).toEqual([]);
    expect(zipped.report).toEqual(plain.report);
  });

  it('names the file inside the archive in its problems', () => {
    const zip = craftZip([
      { name: 'regions/FacebookAdLibraryReport_2020-10-03_KG_yesterday_Chuy.csv', data: Buffer.from('x') },
      {
        name: 'FacebookAdLibraryReport_2020-10-03_KG_yesterday_advertisers.csv',
        data: Buffer.from(`${NEW_HEADER}1,A,A,oops,1\n2,B,B,7,1\n`),
      },
    ]);
    const r = parseMetaReportZip(zip);
    expect(r.report?.period).toMatchObject({ from: '2020-10-03', to: '2020-10-03', country: 'KG' });
    expect(r.report?.advertisers.map((a) => a.name)).toEqual(['B']);
    expect(r.problems).toMatchObject([
      {
        code: 'meta.amount_invalid',
        row: 2,
        params: { file: 'FacebookAdLibraryReport_2020-10-03_KG_yesterday_advertisers.csv' },
      },
    ]);
  });

  it('refuses zip bombs and archives without an advertisers file', () => {
    expect(parseMetaReportZip(zipBomb(20)).problems).toMatchObject([
      { code: 'zip.refused', params: { reason: 'ratio' } },
    ]);
    expect(parseMetaReportZip(zipBomb(50, 1000)).problems).toMatchObject([
      { code: 'zip.refused', params: { reason: 'mismatch' } },
    ]);
    expect(parseMetaReportZip(craftZip([{ name: 'README.txt', data: Buffer.from('hi') }])).problems).toMatchObject([
      { code: 'meta.zip_advertisers_missing' },
    ]);
    expect(parseMetaReportZip(Buffer.from('not a zip')).problems).toMatchObject([{ code: 'zip.refused' }]);
  });
});
