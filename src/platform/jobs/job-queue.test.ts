// The job queue on both databases: dedupe of pending work, due order, retry with backoff, a dead worker's
// lock expiring, two workers never taking the same job, and the worker loop stopping cleanly.
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { JobQueue, backoffDelay } from './job-queue.ts';
import { startWorker } from './job-worker.ts';

describeEachDatabase('job queue', (get) => {
  let clock = new Date('2026-01-01T00:00:00Z');
  const at = () => clock;
  const advance = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };

  it('keeps one pending job per dedupe key, and a new one once the first is running', async () => {
    const q = new JobQueue(get().db, at);
    const a = await q.enqueue('dedupe', { party: 'P1' }, { dedupeKey: 'P1' });
    const b = await q.enqueue('dedupe', { party: 'P1' }, { dedupeKey: 'P1' });
    const other = await q.enqueue('dedupe', { party: 'P2' }, { dedupeKey: 'P2' });
    expect(b).toEqual({ id: a.id, deduplicated: true });
    expect(other.deduplicated).toBe(false);
    const claimed = await q.claim<{ party: string }>('dedupe', 'w1');
    expect(claimed?.id).toBe(a.id);
    expect(claimed?.payload).toEqual({ party: 'P1' });
    expect(claimed?.attempt).toBe(1);
    const c = await q.enqueue('dedupe', { party: 'P1' }, { dedupeKey: 'P1' });
    expect(c.deduplicated).toBe(false);
    expect(await q.complete(a.id, 'w1')).toBe(true);
    expect((await q.get(a.id))?.status).toBe('done');
  });

  it('hands out due jobs in order and none before their time', async () => {
    const q = new JobQueue(get().db, at);
    await q.enqueue('order', { n: 2 }, { runAfter: new Date(clock.getTime() + 60_000) });
    const first = await q.enqueue('order', { n: 1 });
    expect((await q.claim('order', 'w'))?.id).toBe(first.id);
    expect(await q.claim('order', 'w')).toBeUndefined();
    advance(60_000);
    expect((await q.claim<{ n: number }>('order', 'w'))?.payload.n).toBe(2);
    expect(await q.claim('other-queue', 'w')).toBeUndefined();
  });

  it('retries a failed job with backoff, then leaves it failed with its last error', async () => {
    const q = new JobQueue(get().db, at);
    const policy = { baseMs: 1000, maxMs: 10_000 };
    const { id } = await q.enqueue('retry', {}, { maxAttempts: 3 });
    for (const attempt of [1, 2]) {
      const job = await q.claim('retry', 'w');
      expect(job?.attempt).toBe(attempt);
      expect(await q.fail(id, 'w', `boom ${attempt}`, policy)).toBe('retry');
      expect(await q.claim('retry', 'w')).toBeUndefined();
      advance(backoffDelay(attempt, policy));
    }
    expect((await q.claim('retry', 'w'))?.attempt).toBe(3);
    expect(await q.fail(id, 'w', 'boom 3', policy)).toBe('failed');
    const row = await q.get(id);
    expect([row?.status, row?.last_error, row?.attempts]).toEqual(['failed', 'boom 3', 3]);
    expect(backoffDelay(10, policy)).toBe(10_000);
  });

  it('claims again the job of a worker whose lock ran out, and the late worker cannot complete it', async () => {
    const q = new JobQueue(get().db, at);
    const { id } = await q.enqueue('expiry', {});
    expect((await q.claim('expiry', 'dead', 1000))?.id).toBe(id);
    expect(await q.claim('expiry', 'alive', 1000)).toBeUndefined();
    advance(1001);
    const again = await q.claim('expiry', 'alive', 1000);
    expect([again?.id, again?.attempt]).toEqual([id, 2]);
    expect(await q.complete(id, 'dead')).toBe(false);
    expect(await q.fail(id, 'dead', 'late')).toBe('lost');
    expect(await q.complete(id, 'alive')).toBe(true);
  });

  it('never gives one job to two workers claiming at the same time', async () => {
    const q = new JobQueue(get().db, at);
    const ids = new Set<number>();
    for (let i = 0; i < 40; i++) ids.add((await q.enqueue('race', { i })).id);
    const claims = await Promise.all(
      Array.from({ length: 60 }, (_, i) => q.claim('race', `w${i % 2}`).then((j) => j?.id)),
    );
    const got = claims.filter((x): x is number => x !== undefined);
    expect(got.length).toBe(40);
    expect(new Set(got)).toEqual(ids);
  });

  it('runs jobs in two worker loops, each once, and stops cleanly', async () => {
    const q = new JobQueue(get().db);
    const seen: number[] = [];
    const handle = async (p: { n: number }) => {
      await new Promise((r) => setTimeout(r, 2));
      if (p.n === 3 && !seen.includes(-3)) {
        seen.push(-3);
        throw new Error('first attempt fails');
      }
      seen.push(p.n);
    };
    for (let n = 0; n < 10; n++) await q.enqueue('loop', { n });
    const backoff = { baseMs: 1, maxMs: 1 };
    const w1 = startWorker(q, { queue: 'loop', handle, pollMs: 10, backoff });
    const w2 = startWorker(q, { queue: 'loop', handle, pollMs: 10, backoff });
    const deadline = Date.now() + 20_000;
    while (seen.filter((n) => n >= 0).length < 10 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await Promise.all([w1.stop(), w2.stop()]);
    expect(seen.filter((n) => n >= 0).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const left = await get().db.selectFrom('jobs').select('status').where('queue', '=', 'loop').execute();
    expect(left.every((r) => r.status === 'done')).toBe(true);
  });
});
