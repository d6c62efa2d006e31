import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectAdFile, parseAdFile } from './detect.ts';

const read = (name: string): Buffer => readFileSync(new URL(`../../../test/fixtures/ads/${name}`, import.meta.url));

describe('detectAdFile', () => {
  it('tells the files apart by content, not by name', () => {
    expect(detectAdFile(read('FacebookAdLibraryReport_2022-11-18_TH_yesterday.zip'))).toBe('meta-zip');
    expect(detectAdFile(read('FacebookAdLibraryReport_2022-11-18_TH_yesterday_advertisers.csv'))).toBe('meta');
    expect(detectAdFile(read('synthetic-meta-2019-form.csv'))).toBe('meta');
    expect(detectAdFile(read('google-political-ads-advertiser-stats.synthetic.csv'))).toBe('google');
    expect(detectAdFile(Buffer.from('Date,Amount\n2020-01-01,5\n'))).toBe('unknown');
    expect(detectAdFile(Buffer.from([0xff, 0xfe, 0x00]))).toBe('unknown');
  });

  it('reads a report saved again with CRLF line ends and without the byte-order mark', () => {
    const text = read('FacebookAdLibraryReport_2022-11-18_TH_yesterday_advertisers.csv')
      .toString('utf8')
      .replace(/^\ufeff/, '')
      .replace(/\n/g, '\r\n');
    const { report, problems } = parseAdFile(Buffer.from(text));
    expect(problems).toEqual([]);
    expect(report?.advertisers).toHaveLength(97);
    expect(report?.advertisers.at(-1)?.row).toBe(98);
  });
});

describe('parseAdFile is total', () => {
  it('returns a report or problems for any bytes, never throws', () => {
    const header = Buffer.from('\ufeffPage ID,Page name,Disclaimer,Amount spent (USD),Number of ads in Library\n');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.boolean(), (bytes, withHeader) => {
        const input = withHeader ? Buffer.concat([header, bytes]) : bytes;
        const r = parseAdFile(input, { fileName: 'x.csv' });
        expect(r.report !== null || r.problems.length > 0).toBe(true);
        for (const p of r.problems) expect(p.code).toMatch(/^[a-z]+\.[a-z_]+$/);
      }),
      { numRuns: 300 },
    );
  });
});
