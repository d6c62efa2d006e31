import { readdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { adsParseCommand } from './ads-parse.command.ts';

const dir = fileURLToPath(new URL('../../test/fixtures/ads/', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'talapker-ads-parse-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Output {
  source: string;
  currency: string;
  period: unknown;
  advertisers: {
    name: string;
    pageId: string | null;
    disclaimer: string | null;
    spend: { min: string; max: string };
    ads: number;
  }[];
  problems: { code: string; severity?: string }[];
}

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await adsParseCommand(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr, json: stdout.startsWith('{') ? (JSON.parse(stdout) as Output) : undefined };
}

/** Decimal strings summed in hundredths, so the check does not share the parser's arithmetic. */
const sum = (xs: string[]): string => {
  const cents = xs.reduce((n, x) => n + BigInt(x.replace('.', '')), 0n);
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
};

/** Per fixture: source, currency, advertisers, total min, total max, ads (worked out in README.md). */
const EXPECTED: Record<string, [string, string, number, string, string, number]> = {
  'FacebookAdLibraryReport_2022-11-18_TH_yesterday_advertisers.csv': ['meta', 'THB', 97, '49036.00', '54036.00', 355],
  'FacebookAdLibraryReport_2022-11-18_TH_yesterday.zip': ['meta', 'THB', 97, '49036.00', '54036.00', 355],
  'synthetic-meta-2019-form.csv': ['meta', 'USD', 5, '6317.00', '6517.00', 27],
  'google-political-ads-advertiser-stats.synthetic.csv': ['google', 'USD', 4, '127085.00', '127085.00', 27],
};

describe('talapker ads parse', () => {
  it('has an expectation for every fixture file', () => {
    const files = readdirSync(dir).filter((f) => /\.(csv|zip)$/.test(f));
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [file, [source, currency, count, min, max, ads]] of Object.entries(EXPECTED)) {
    it(`prints ${file} as JSON with the expected totals`, async () => {
      const r = await run(join(dir, file), '--json');
      expect(r.code).toBe(0);
      expect(Object.keys(r.json ?? {})).toEqual(['source', 'currency', 'period', 'advertisers', 'problems']);
      expect(r.json).toMatchObject({ source, currency });
      expect(r.json?.advertisers).toHaveLength(count);
      expect(Object.keys(r.json?.advertisers[0] ?? {})).toEqual(['name', 'pageId', 'disclaimer', 'spend', 'ads']);
      expect(sum(r.json?.advertisers.map((a) => a.spend.min) ?? [])).toBe(min);
      expect(sum(r.json?.advertisers.map((a) => a.spend.max) ?? [])).toBe(max);
      expect(r.json?.advertisers.reduce((n, a) => n + a.ads, 0)).toBe(ads);
      expect(r.json?.problems.filter((p) => p.severity !== 'warning')).toEqual([]);
      expect(r.stderr).toContain(`${count} advertiser(s)`);
    });
  }

  it('prints the period from the file name, or the one given', async () => {
    const th = await run(join(dir, 'FacebookAdLibraryReport_2022-11-18_TH_yesterday.zip'), '--json');
    expect(th.json?.period).toEqual({ from: '2022-11-18', to: '2022-11-18', range: 'yesterday', country: 'TH' });
    const kg = await run(
      join(dir, 'synthetic-meta-2019-form.csv'),
      '--period',
      '2019-07-01..2019-09-29',
      '--currency',
      'USD',
    );
    expect(kg.json?.period).toEqual({ from: '2019-07-01', to: '2019-09-29', range: null, country: null });
    expect(kg.json?.problems).toEqual([]);
    expect(kg.json?.advertisers[2]).toEqual({
      name: 'Жаңы көз караш',
      pageId: null,
      disclaimer: null,
      spend: { min: '0.00', max: '100.00' },
      ads: 1,
    });
  });

  it('reads the Google currency asked for', async () => {
    const r = await run(
      join(dir, 'google-political-ads-advertiser-stats.synthetic.csv'),
      '--currency',
      'EUR',
      '--json',
    );
    expect(r.json?.currency).toBe('EUR');
    expect(r.json?.advertisers[0]?.spend).toEqual({ min: '4400.00', max: '4400.00' });
  });

  it('exits 1 on a file it cannot read and 2 on misuse', async () => {
    const unknown = join(tmp, 'other.csv');
    writeFileSync(unknown, 'a,b\n1,2\n');
    const r = await run(unknown, '--json');
    expect(r.code).toBe(1);
    expect(r.json).toMatchObject({ source: null, advertisers: [], problems: [{ code: 'ads.format_unknown' }] });
    expect((await run(join(tmp, 'missing.csv'))).code).toBe(1);
    expect((await run()).code).toBe(2);
    expect((await run('x.csv', '--currency', 'dollars')).code).toBe(2);
    expect((await run('x.csv', '--period', '2019-02-30')).code).toBe(2);
    expect((await run('x.csv', '--bogus')).code).toBe(2);
    expect((await run('--help')).stdout).toContain('usage: talapker ads parse');
  });
});
