// The background fetch from Meta's Ad Library API, when `TALAPKER_META_ADS_TOKEN` and
// `TALAPKER_META_ADS_EVERY` are set: one "sweep" job in the SQL job queue fetches every election in its
// campaign and, before it does, enqueues the next sweep that many hours later. The job's dedupe key keeps
// one sweep pending however many instances start, and a starting instance's own request for a sweep now
// is the pending one when there is one, so restarts do not ask Meta more often.
import type { AppContext } from '../../platform/app-context.ts';
import { JobQueue, startWorker, type RunningWorker } from '../../platform/jobs/index.ts';
import { getElections } from '../../elections/index.ts';
import { bishkekDay } from '../../domain/report-deadlines.ts';
import { campaignsToFetch } from './core/schedule.ts';
import { fetchMetaAds, type MetaFetched, type MetaFetchInput } from './meta-fetch.service.ts';

export const META_FETCH_QUEUE = 'ads.meta-fetch';
const SWEEP = 'sweep';
const HOUR_MS = 3_600_000;

export interface SweepOutcome {
  electionId: string;
  fetched?: MetaFetched;
  error?: string;
}

/**
 * Fetches every election in its campaign now; one election's failure does not stop the others, and the
 * sweep then fails with every failure's message (none carries the token), to be seen on the job.
 */
export async function runMetaSweep(ctx: AppContext, client?: MetaFetchInput['client']): Promise<SweepOutcome[]> {
  const due = campaignsToFetch(await getElections(ctx), bishkekDay(ctx.now()));
  const out: SweepOutcome[] = [];
  for (const e of due) {
    const r = await fetchMetaAds(ctx, { electionId: e.id, actor: 'system:meta-ads', ...(client ? { client } : {}) });
    out.push(
      r.ok
        ? { electionId: e.id, fetched: r.value }
        : { electionId: e.id, error: r.error.map((p) => p.message).join(' ') },
    );
  }
  const failed = out.filter((o) => o.error !== undefined);
  if (failed.length > 0) throw new Error(failed.map((o) => `${o.electionId}: ${o.error ?? ''}`).join('\n'));
  return out;
}

const idle: RunningWorker = { workerId: 'ads.meta-fetch:off', wake: () => undefined, stop: async () => undefined };

/** The worker beside the server; does nothing unless both the token and the interval are configured. */
export function startMetaFetchWorker(
  ctx: AppContext,
  onError: (e: unknown) => void,
  opts: { pollMs?: number; client?: MetaFetchInput['client'] } = {},
): RunningWorker {
  const conf = ctx.config.metaAds;
  if (!conf?.token || !(conf.everyHours > 0)) return idle;
  const queue = new JobQueue(ctx.db, ctx.now);
  const everyMs = conf.everyHours * HOUR_MS;
  const worker = startWorker(queue, {
    queue: META_FETCH_QUEUE,
    // Sweeps are hours apart: a minute's delay in noticing one costs nothing.
    pollMs: opts.pollMs ?? 60_000,
    // A sweep waits out rate limits, which may take minutes per election.
    lockMs: 60 * 60_000,
    handle: async () => {
      // Enqueued first, so that a failing sweep still leaves the next one in place.
      await queue.enqueue(
        META_FETCH_QUEUE,
        {},
        { dedupeKey: SWEEP, runAfter: new Date(ctx.now().getTime() + everyMs) },
      );
      await runMetaSweep(ctx, opts.client);
    },
    onError,
  });
  void queue
    .enqueue(META_FETCH_QUEUE, {}, { dedupeKey: SWEEP })
    .then(() => worker.wake())
    .catch(onError);
  return worker;
}
