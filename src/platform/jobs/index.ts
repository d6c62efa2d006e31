// The SQL job queue and its worker loop, for any capability that has work to do in the background.
export {
  JobQueue,
  DEFAULT_BACKOFF,
  backoffDelay,
  type Job,
  type EnqueueOptions,
  type BackoffPolicy,
} from './job-queue.ts';
export { startWorker, type RunningWorker, type WorkerOptions } from './job-worker.ts';
