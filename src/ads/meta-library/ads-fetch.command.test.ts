// `talapker ads fetch` against a local server that answers like the Graph API: the fetched ads are stored
// as a report through the same store as an upload (original kept, rows, activity), so they reach the
// comparison with the declared advertising; the same answer twice is one report; refusals exit 1 and
// never show the token.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import {
  filingTestContext,
  FILING_ELECTION,
  PARTY_A,
  setupFilingElection,
  type FilingTestContext,
} from '../../filings/filing.test-support.ts';
import { reportsOfElection, rowsOfElection } from '../ads.repository.ts';
import { adsOverview, decideLink, importRates } from '../ads.service.ts';
import { buildServer } from '../../server.ts';
import { adsFetchCommand } from './ads-fetch.command.ts';
import { FAKE_TOKEN, fakeAd, startFakeGraph, type FakeGraph } from './fake-graph.test-support.ts';

function captured() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s) } };
}

const alfa: [string, string] = ['111', 'Партия Альфа'];
const beta: [string, string] = ['222', 'Бета'];
const client = { sleep: async () => undefined };

describeEachDatabase('talapker ads fetch', (getDb) => {
  let g: FakeGraph;
  let t: FilingTestContext;
  const others: FilingTestContext[] = [];
  const contextWith = (env: Record<string, string>) => {
    const c = filingTestContext(getDb().db, env);
    others.push(c);
    return c.ctx;
  };
  beforeAll(async () => {
    g = await startFakeGraph(
      [
        fakeAd('1', alfa, ['100', '199']),
        fakeAd('2', beta, ['0', '99']),
        fakeAd('3', alfa, ['1000', '1499']),
        fakeAd('4', beta, ['5000', '9999'], { currency: 'EUR' }),
        fakeAd('5', alfa, ['0', '99']),
      ],
      2,
    );
    t = filingTestContext(getDb().db, { TALAPKER_META_ADS_TOKEN: FAKE_TOKEN, TALAPKER_META_ADS_API: g.base });
    await setupFilingElection(t.ctx);
  });
  afterAll(async () => {
    t.close();
    for (const c of others) c.close();
    await g.close();
  });

  it('stores the campaign’s ads as a report that the comparison uses', async () => {
    const { out, io } = captured();
    expect(await adsFetchCommand(['--election', FILING_ELECTION.id], io, t.ctx, client)).toBe(0);
    expect(out.stdout).toMatch(
      /^Fetched 5 ad\(s\) of KG delivered 2030-09-05\.\.2030-10-04 in 3 page\(s\); stored report \d+: 2 advertiser\(s\) in USD, 1 remark\(s\)\.\n$/,
    );
    expect(out.stderr).toContain('ad 4: Ad 4 of "Бета" was bought in EUR');
    expect(g.requests[0]?.searchParams.get('ad_delivery_date_min')).toBe('2030-09-05');

    const [report] = await reportsOfElection(t.ctx.db, FILING_ELECTION.id);
    expect(report).toMatchObject({
      source: 'meta',
      currency: 'USD',
      from: '2030-09-05',
      to: '2030-10-04',
      fileName: 'MetaAdLibraryAPI_KG_2030-09-05_2030-10-04.json',
      rowCount: 2,
      problemCount: 1,
    });
    const rows = await rowsOfElection(t.ctx.db, FILING_ELECTION.id);
    expect(rows.map((r) => [r.key, r.spend, r.ads])).toEqual([
      ['meta:id:111', { min: 110_000, max: 179_700 }, 3],
      ['meta:id:222', { min: 0, max: 9_900 }, 1],
    ]);
    // The original is the JSON of the ads received, offered for download beside the report.
    const app = await buildServer(t.ctx);
    try {
      const res = await app.inject({
        method: 'GET',
        url: `/en/elections/${FILING_ELECTION.id}/ads/files/${report!.id}`,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(JSON.parse(res.body).ads).toHaveLength(5);
      expect(res.body).not.toContain(FAKE_TOKEN);
    } finally {
      await app.close();
    }

    // Linked to its party and converted at the National Bank's rate, the fetched spend is the party's.
    await importRates(t.ctx, Buffer.from('date,currency,rate\n2030-10-04,USD,87.5000\n'), 'test');
    const linked = await decideLink(t.ctx, {
      electionId: FILING_ELECTION.id,
      key: 'meta:id:111',
      party: PARTY_A.registrationNumber,
      kind: 'own',
      status: 'confirmed',
      actor: 'test',
    });
    expect(linked.ok).toBe(true);
    const overview = await adsOverview(t.ctx, FILING_ELECTION.id);
    const own = overview?.comparison.parties.find((p) => p.party === PARTY_A.registrationNumber)?.own;
    expect([own?.min, own?.max]).toEqual([9_625_000, 15_723_750]);
  });

  it('stores the same answer once, and a narrower window as a report of its own', async () => {
    const again = captured();
    expect(await adsFetchCommand(['--election', FILING_ELECTION.id], again.io, t.ctx, client)).toBe(0);
    expect(again.out.stdout).toMatch(/the same answer is already stored as report \d+\./);
    const week = captured();
    expect(
      await adsFetchCommand(
        ['--election', FILING_ELECTION.id, '--since', '2030-09-28', '--until', '2030-10-04'],
        week.io,
        t.ctx,
        client,
      ),
    ).toBe(0);
    expect(g.requests.at(-1)?.searchParams.get('ad_delivery_date_min')).toBe('2030-09-28');
    const reports = await reportsOfElection(t.ctx.db, FILING_ELECTION.id);
    expect(reports.map((r) => [r.from, r.to])).toEqual([
      ['2030-09-05', '2030-10-04'],
      ['2030-09-28', '2030-10-04'],
    ]);
  });

  it('refuses without a token, with a token the API refuses, and misuse', async () => {
    const off = captured();
    expect(await adsFetchCommand(['--election', FILING_ELECTION.id], off.io, contextWith({}), client)).toBe(1);
    expect(off.out.stderr).toContain('TALAPKER_META_ADS_TOKEN is not set');

    const wrong = captured();
    const bad = contextWith({ TALAPKER_META_ADS_TOKEN: 'wrong-secret-999', TALAPKER_META_ADS_API: g.base });
    expect(await adsFetchCommand(['--election', FILING_ELECTION.id], wrong.io, bad, client)).toBe(1);
    expect(wrong.out.stderr).toContain('Invalid OAuth access token data.');
    expect(wrong.out.stderr).toContain('code 190');
    expect(wrong.out.stderr + wrong.out.stdout).not.toContain('wrong-secret-999');

    expect(await adsFetchCommand(['--election', 'nope'], captured().io, t.ctx, client)).toBe(1);
    expect(
      await adsFetchCommand(
        ['--election', FILING_ELECTION.id, '--since', '2030-10-05', '--until', '2030-10-01'],
        captured().io,
        t.ctx,
        client,
      ),
    ).toBe(1);
    expect(await adsFetchCommand([], captured().io, t.ctx, client)).toBe(2);
    expect(await adsFetchCommand(['--election', 'x', '--since', '2030-02-30'], captured().io, t.ctx, client)).toBe(2);
    expect(await adsFetchCommand(['--election', 'x', 'extra'], captured().io, t.ctx, client)).toBe(2);
    expect((await reportsOfElection(t.ctx.db, FILING_ELECTION.id)).length).toBe(2);
  });
});
