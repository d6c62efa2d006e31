// The background fetch: with a token and an interval, a worker fetches every election in its campaign,
// stores the report as an upload would and leaves the next sweep in the job queue that many hours later;
// a restart asks Meta no sooner; without the interval nothing runs.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import {
  filingTestContext,
  FILING_ELECTION,
  setupFilingElection,
  type FilingTestContext,
} from '../../filings/filing.test-support.ts';
import { reportsOfElection } from '../ads.repository.ts';
import { META_FETCH_QUEUE, runMetaSweep, startMetaFetchWorker } from './meta-fetch.jobs.ts';
import { FAKE_TOKEN, fakeAd, startFakeGraph, type FakeGraph } from './fake-graph.test-support.ts';

const client = { sleep: async () => undefined };
const failOnError = (e: unknown) => {
  throw e;
};

async function until(check: () => Promise<boolean>, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describeEachDatabase('the background fetch from the Ad Library API', (getDb) => {
  let g: FakeGraph;
  let t: FilingTestContext;
  beforeAll(async () => {
    g = await startFakeGraph([fakeAd('1', ['111', 'Партия Альфа'], ['100', '199'])], 2);
    t = filingTestContext(getDb().db, {
      TALAPKER_META_ADS_TOKEN: FAKE_TOKEN,
      TALAPKER_META_ADS_API: g.base,
      TALAPKER_META_ADS_EVERY: '6',
    });
    await setupFilingElection(t.ctx);
    t.clock.set('2030-09-20T06:00:00Z');
  });
  afterAll(async () => {
    t.close();
    await g.close();
  });

  const sweeps = () =>
    t.ctx.db.selectFrom('jobs').selectAll().where('queue', '=', META_FETCH_QUEUE).orderBy('id').execute();

  it('fetches each campaign up to today and schedules the next sweep', async () => {
    const worker = startMetaFetchWorker(t.ctx, failOnError, { pollMs: 20, client });
    await until(async () => (await sweeps()).some((j) => j.status === 'done'));
    await worker.stop();
    const [report] = await reportsOfElection(t.ctx.db, FILING_ELECTION.id);
    expect(report).toMatchObject({ source: 'meta', from: '2030-09-05', to: '2030-09-20', rowCount: 1 });
    const jobs = await sweeps();
    expect(jobs.map((j) => j.status)).toEqual(['done', 'pending']);
    const wait = Date.parse(jobs[1]!.run_after) - Date.parse(jobs[0]!.updated_at);
    expect(wait).toBeGreaterThan(5.9 * 3_600_000);
    expect(wait).toBeLessThanOrEqual(6 * 3_600_000);
  });

  it('asks no sooner after a restart, and again once the interval has passed', async () => {
    const asked = g.requests.length;
    const restarted = startMetaFetchWorker(t.ctx, failOnError, { pollMs: 20, client });
    await new Promise((r) => setTimeout(r, 300));
    expect(g.requests.length).toBe(asked);
    expect((await sweeps()).filter((j) => j.status === 'pending')).toHaveLength(1);
    t.clock.set('2030-09-20T12:01:00Z');
    restarted.wake();
    await until(async () => (await sweeps()).filter((j) => j.status === 'done').length === 2);
    await restarted.stop();
    expect(g.requests.length).toBe(asked + 1);
    expect((await sweeps()).map((j) => j.status)).toEqual(['done', 'done', 'pending']);
  });

  it('fails the sweep with the API’s message, without the token, and stays idle when not configured', async () => {
    g.script = () => ({ status: 400, body: { error: { message: 'Unsupported get request.', code: 100 } } });
    await expect(runMetaSweep(t.ctx, client)).rejects.toThrow(
      `${FILING_ELECTION.id}: The Ad Library API refused the request (code 100): Unsupported get request.`,
    );
    g.script = () => undefined;

    const off = filingTestContext(getDb().db, { TALAPKER_META_ADS_TOKEN: FAKE_TOKEN, TALAPKER_META_ADS_API: g.base });
    const idle = startMetaFetchWorker(off.ctx, failOnError, { pollMs: 20, client });
    await idle.stop();
    expect(idle.workerId).toBe('ads.meta-fetch:off');
    off.close();
  });
});
