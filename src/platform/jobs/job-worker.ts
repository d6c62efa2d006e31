// The loop that runs one queue's jobs: claim, run the handler, complete or fail (with retry and backoff);
// when nothing is due, wait `pollMs` (or until woken). `stop()` lets the job in hand finish, then returns,
// so a shutting-down process never leaves a job half done and locked for nothing.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Job, JobQueue, BackoffPolicy } from './job-queue.ts';

export interface WorkerOptions<P> {
  queue: string;
  handle: (payload: P, job: Job<P>) => Promise<void>;
  pollMs?: number;
  lockMs?: number;
  backoff?: BackoffPolicy;
  workerId?: string;
  /** Told about failures the loop itself survives (a lost database connection while polling). */
  onError?: (e: unknown) => void;
}

export interface RunningWorker {
  readonly workerId: string;
  /** Claim now instead of at the next poll (after an enqueue in this process). */
  wake(): void;
  /** Finishes the job in hand, then stops. */
  stop(): Promise<void>;
}

export function startWorker<P>(jobs: JobQueue, opts: WorkerOptions<P>): RunningWorker {
  const workerId = opts.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const pollMs = opts.pollMs ?? 1000;
  let stopped = false;
  let wakeUp: (() => void) | undefined;
  const sleep = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, pollMs);
      function done() {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      }
      wakeUp = done;
    });

  const runOne = async (): Promise<boolean> => {
    const job = await jobs.claim<P>(opts.queue, workerId, opts.lockMs);
    if (!job) return false;
    try {
      await opts.handle(job.payload, job);
    } catch (e) {
      await jobs.fail(job.id, workerId, e instanceof Error ? (e.stack ?? e.message) : String(e), opts.backoff);
      return true;
    }
    await jobs.complete(job.id, workerId);
    return true;
  };

  const loop = (async () => {
    while (!stopped) {
      let worked = false;
      try {
        worked = await runOne();
      } catch (e) {
        opts.onError?.(e);
      }
      if (!worked && !stopped) await sleep();
    }
  })();

  return {
    workerId,
    wake: () => wakeUp?.(),
    async stop() {
      stopped = true;
      wakeUp?.();
      await loop;
    },
  };
}
