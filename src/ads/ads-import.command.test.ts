// `talapker ads import` and `talapker ads rates` over the database: a report with a malformed row is
// stored without it and the row reported by line; rates with bad rows likewise; misuse exits 2, a
// refused file 1.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEachDatabase } from '../../test/support/databases.ts';
import {
  filingTestContext,
  FILING_ELECTION,
  setupFilingElection,
  type FilingTestContext,
} from '../filings/filing.test-support.ts';
import { adsImportCommand, ratesImportCommand } from './ads-import.command.ts';
import { reportsOfElection, ratesOf } from './ads.repository.ts';

function captured() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s) } };
}

describeEachDatabase('talapker ads import / rates', (getDb) => {
  let t: FilingTestContext;
  let dir: string;
  beforeAll(async () => {
    t = filingTestContext(getDb().db);
    await setupFilingElection(t.ctx);
    dir = mkdtempSync(join(tmpdir(), 'talapker-ads-cli-'));
  });
  afterAll(() => {
    t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores a report without its malformed rows, naming their lines', async () => {
    const file = join(dir, 'FacebookAdLibraryReport_2030-10-01_KG_lifetime_advertisers.csv');
    writeFileSync(
      file,
      '\ufeffPage ID,Page name,Disclaimer,Amount spent (USD),Number of ads in Library\n1,Партия Альфа,Партия Альфа,120,3\n2,Broken,Broken,lots,1\n3,Бета,Бета,≤100,1\n',
    );
    const { out, io } = captured();
    expect(await adsImportCommand([file, '--election', FILING_ELECTION.id], io, t.ctx)).toBe(0);
    expect(out.stdout).toMatch(/Stored report \d+: 2 advertiser\(s\), 1 row\(s\) left out/);
    expect(out.stderr).toContain('line 3:');
    const reports = await reportsOfElection(t.ctx.db, FILING_ELECTION.id);
    expect(reports.map((r) => [r.from, r.to, r.rowCount, r.problemCount])).toEqual([[null, '2030-10-01', 2, 1]]);

    const again = captured();
    expect(await adsImportCommand([file, '--election', FILING_ELECTION.id], again.io, t.ctx)).toBe(0);
    expect(again.out.stdout).toContain('already stored');
  });

  it('refuses what it cannot use, and misuse', async () => {
    const file = join(dir, 'report.csv');
    writeFileSync(file, 'Page ID,Page name,Disclaimer,Amount spent (USD),Number of ads in Library\n1,A,A,5,1\n');
    const noPeriod = captured();
    expect(await adsImportCommand([file, '--election', FILING_ELECTION.id], noPeriod.io, t.ctx)).toBe(1);
    expect(noPeriod.out.stderr).toContain('Refused');
    const withPeriod = captured();
    expect(
      await adsImportCommand(
        [file, '--election', FILING_ELECTION.id, '--period', '2030-09-20..2030-09-26'],
        withPeriod.io,
        t.ctx,
      ),
    ).toBe(0);
    expect(await adsImportCommand([file], captured().io, t.ctx)).toBe(2);
    expect(await adsImportCommand([file, '--election', 'x', '--period', '2030-02-30'], captured().io, t.ctx)).toBe(2);
    expect(await adsImportCommand([join(dir, 'missing.csv'), '--election', 'x'], captured().io, t.ctx)).toBe(1);
  });

  it('takes in rates, leaving out the bad rows', async () => {
    const file = join(dir, 'rates.csv');
    writeFileSync(file, 'date,currency,rate\n2030-09-30,USD,84.1200\n2030-09-31,USD,84\n2030-10-01,USD,abc\n');
    const { out, io } = captured();
    expect(await ratesImportCommand([file], io, t.ctx)).toBe(0);
    expect(out.stdout).toContain('Stored 1 rate(s), 2 row(s) left out');
    expect(out.stderr).toContain('line 3:');
    expect(await ratesOf(t.ctx.db, ['USD'], '2030-12-31')).toEqual([
      { date: '2030-09-30', currency: 'USD', rate: '84.1200' },
    ]);
    writeFileSync(file, 'nothing,here\n');
    expect(await ratesImportCommand([file], captured().io, t.ctx)).toBe(1);
    expect(await ratesImportCommand([], captured().io, t.ctx)).toBe(2);
  });

  it('stores Google’s advertiser statistics in the currency asked for, given the period', async () => {
    const file = new URL('../../test/fixtures/ads/google-political-ads-advertiser-stats.synthetic.csv', import.meta.url)
      .pathname;
    const args = [file, '--election', FILING_ELECTION.id, '--currency', 'EUR'];
    expect(await adsImportCommand(args, captured().io, t.ctx)).toBe(1);
    const { out, io } = captured();
    expect(await adsImportCommand([...args, '--period', '2030-09-05..2030-10-04'], io, t.ctx)).toBe(0);
    expect(out.stdout).toMatch(/Stored report \d+: \d+ advertiser/);
    const google = (await reportsOfElection(t.ctx.db, FILING_ELECTION.id)).find((r) => r.source === 'google');
    expect(google).toMatchObject({ currency: 'EUR', from: '2030-09-05', to: '2030-10-04' });
  });
});
