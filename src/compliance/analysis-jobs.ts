// When the checks run: the moment a report is filed, a fund is reconciled with its bank, or a registry
// snapshot arrives. Each of these only enqueues "analyse this campaign" (one pending job per campaign, so
// a report and the reconciliation it causes are analysed once); a worker beside the server runs the
// analysis, so a slow registry never slows down filing, and a failure is retried with backoff.
import type { AppContext } from '../platform/app-context.ts';
import { JobQueue, startWorker, type RunningWorker } from '../platform/jobs/index.ts';
import { filedCampaigns } from '../filings/index.ts';
import { getElections } from '../elections/index.ts';
import { analyseParty, type AnalysisTrigger, type CampaignAnalysis } from './analysis.service.ts';
import { SqlRegistry } from './sql-registry.ts';
import type { RegistryPort } from './core/registry.ts';

export const ANALYSIS_QUEUE = 'compliance.analysis';

export interface AnalysisJob extends AnalysisTrigger {
  electionId: string;
  party: string;
}

/** Elections whose findings still matter: not annulled; closed ones keep the findings they have. */
const OPEN_STATUSES = new Set(['called', 'campaign', 'voting', 'results']);

export async function enqueueAnalysis(
  ctx: AppContext,
  job: AnalysisJob,
): Promise<{ id: number; deduplicated: boolean }> {
  return new JobQueue(ctx.db, ctx.now).enqueue(ANALYSIS_QUEUE, job, { dedupeKey: `${job.electionId}/${job.party}` });
}

/** After a registry snapshot: every campaign with a filed report in an election that is not over. */
export async function enqueueOpenCampaigns(ctx: AppContext, why: AnalysisTrigger): Promise<number> {
  const open = new Set((await getElections(ctx)).filter((e) => OPEN_STATUSES.has(e.status)).map((e) => e.id));
  let n = 0;
  for (const c of await filedCampaigns(ctx)) {
    if (!open.has(c.electionId)) continue;
    await enqueueAnalysis(ctx, { electionId: c.electionId, party: c.partyRegistrationNumber, ...why });
    n += 1;
  }
  return n;
}

/** The registry the server's checks consult: the newest imported snapshots. */
const defaultRegistry = (ctx: AppContext): RegistryPort => new SqlRegistry(ctx.db);

export function runAnalysisJob(ctx: AppContext, job: AnalysisJob, registry = defaultRegistry(ctx)) {
  const { electionId, party, ...why } = job;
  return analyseParty(ctx, registry, electionId, party, why);
}

/** Runs every due analysis job now, in this process (the command line, tests); returns what ran. */
export async function drainAnalyses(
  ctx: AppContext,
  registry = defaultRegistry(ctx),
): Promise<Array<CampaignAnalysis | undefined>> {
  const queue = new JobQueue(ctx.db, ctx.now);
  const workerId = `drain:${process.pid}`;
  const out: Array<CampaignAnalysis | undefined> = [];
  for (;;) {
    const job = await queue.claim<AnalysisJob>(ANALYSIS_QUEUE, workerId);
    if (!job) return out;
    try {
      out.push(await runAnalysisJob(ctx, job.payload, registry));
    } catch (e) {
      await queue.fail(job.id, workerId, e instanceof Error ? (e.stack ?? e.message) : String(e));
      continue;
    }
    await queue.complete(job.id, workerId);
  }
}

/** The worker a serving process runs beside the server; every instance may run one (jobs are claimed). */
export function startAnalysisWorker(ctx: AppContext, onError: (e: unknown) => void): RunningWorker {
  return startWorker<AnalysisJob>(new JobQueue(ctx.db, ctx.now), {
    queue: ANALYSIS_QUEUE,
    handle: async (job) => {
      await runAnalysisJob(ctx, job);
    },
    onError,
  });
}
