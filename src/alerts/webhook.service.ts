// Webhook subscriptions and their deliveries. A filed report becomes one delivery per subscription that
// wants it, each a job in the SQL queue; the worker POSTs the signed notice, and a non-2xx answer or a
// network error is tried again after the next wait of the schedule, until the last attempt, after which
// the subscription is marked failing (a later success makes it active again).
import { randomBytes, randomUUID } from 'node:crypto';
import type { AppContext } from '../platform/app-context.ts';
import type { DomainEvents } from '../domain/events.ts';
import { JobQueue, startWorker, type RunningWorker } from '../platform/jobs/index.ts';
import { err, ok, problem, type Result } from '../platform/result.ts';
import { openText, sealText } from '../platform/sealed-text.ts';
import { findElection } from '../elections/index.ts';
import { findParticipation } from '../parties/index.ts';
import { loadCampaignFilings } from '../filings/index.ts';
import {
  checkWebhookUrl,
  DELIVERY_HEADER,
  EVENT_HEADER,
  MAX_ATTEMPTS,
  retryDelay,
  SIGNATURE_HEADER,
  signature,
  wants,
  type FiledNotice,
} from './core/webhook.ts';
import { reportUrl } from './core/paths.ts';
import {
  findDelivery,
  findWebhook,
  insertDelivery,
  insertWebhook,
  listWebhooks,
  recordAttempt,
  setWebhookStatus,
  type Delivery,
} from './alerts.repository.ts';
import { mailNotice, subscriptionsFor } from './subscription.service.ts';

export const WEBHOOK_QUEUE = 'alerts.webhook';
export const MAIL_QUEUE = 'alerts.mail';
/** How long a receiver has to answer before the attempt counts as failed. */
const TIMEOUT_MS = 10_000;

export interface NewWebhook {
  electionId: string;
  /** Empty or null: every party's filings in the election. */
  party: string | null;
  url: string;
}

/** Creates a subscription; the secret is in the answer and nowhere else in plain text, so it is shown once. */
export async function createWebhook(
  ctx: AppContext,
  input: NewWebhook,
  actor: string,
): Promise<Result<{ id: number; secret: string }>> {
  const url = checkWebhookUrl(input.url);
  if (!url.ok) return url;
  const election = await findElection(ctx.db, input.electionId);
  if (!election) {
    return err([
      problem('webhook.election_not_found', `There is no election "${input.electionId}".`, { field: 'electionId' }),
    ]);
  }
  const party = input.party?.trim() || null;
  if (party !== null && !(await findParticipation(ctx.db, election.id, party))) {
    return err([
      problem('webhook.party_not_in_election', `Party "${party}" is not in this election.`, { field: 'party' }),
    ]);
  }
  const secret = randomBytes(32).toString('hex');
  const id = await insertWebhook(ctx.db, {
    electionId: election.id,
    party,
    url: url.value,
    // Sealed at rest with the configuration's key for short secrets (the one TOTP secrets use), when set.
    storedSecret: sealText(ctx.config.accounts.totpKey, secret),
    createdBy: actor,
    at: ctx.now().toISOString(),
  });
  return ok({ id, secret });
}

/** Stops deliveries to a subscription; false when there is none (or it was removed already). */
export async function removeWebhook(ctx: AppContext, id: number): Promise<boolean> {
  return setWebhookStatus(ctx.db, id, 'removed', ctx.now().toISOString());
}

/**
 * After a report is filed: one delivery per webhook that wants it and one message per confirmed e-mail
 * subscription that does, each a job for the worker, so a slow receiver never slows down filing.
 */
export async function announceFiling(ctx: AppContext, e: DomainEvents['filing.filed']): Promise<number> {
  const hooks = (await listWebhooks(ctx.db, e.electionId)).filter((w) =>
    wants(w, e.electionId, e.partyRegistrationNumber),
  );
  const mails = await subscriptionsFor(ctx, e.electionId, e.partyRegistrationNumber);
  if (hooks.length === 0 && mails.length === 0) return 0;
  const filed = (await loadCampaignFilings(ctx, e.electionId, e.partyRegistrationNumber)).find(
    (f) => f.filingId === e.filingId,
  );
  if (!filed) return 0;
  const at = ctx.now().toISOString();
  const notice: FiledNotice = {
    event: 'filing.filed',
    electionId: e.electionId,
    party: e.partyRegistrationNumber,
    filingId: e.filingId,
    version: filed.version,
    // Notices to machines point to the Kyrgyz page, the first language; the others are one click away.
    url: reportUrl(ctx.config.publicUrl, 'ky', e.electionId, e.partyRegistrationNumber, e.filingId),
    at,
  };
  const body = JSON.stringify(notice);
  const queue = new JobQueue(ctx.db, ctx.now);
  for (const w of hooks) {
    const id = randomUUID();
    await insertDelivery(ctx.db, { id, webhookId: w.id, event: notice.event, body, at });
    await queue.enqueue(WEBHOOK_QUEUE, { deliveryId: id }, { dedupeKey: id });
  }
  for (const subscriptionId of mails) {
    await queue.enqueue(MAIL_QUEUE, { subscriptionId, notice } satisfies MailJob, {
      dedupeKey: `${subscriptionId}/${e.filingId}`,
    });
  }
  return hooks.length + mails.length;
}

interface Answer {
  status: number | null;
  error: string | null;
}

async function post(url: string, headers: Record<string, string>, body: string): Promise<Answer> {
  try {
    const r = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Talapker-Webhook/1', ...headers },
      body,
      // A redirect could send the notice somewhere the subscription never named.
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await r.body?.cancel();
    return { status: r.status, error: r.status >= 200 && r.status < 300 ? null : `HTTP ${r.status}` };
  } catch (e) {
    const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : '';
    return { status: null, error: `${e instanceof Error ? e.message : String(e)}${cause}` };
  }
}

/**
 * One attempt at a delivery: POST, record the answer, and queue the next attempt after the schedule's
 * wait, or give up and mark the subscription failing. A removed subscription's deliveries are dropped.
 */
export async function attemptDelivery(ctx: AppContext, deliveryId: string): Promise<Delivery | undefined> {
  const d = await findDelivery(ctx.db, deliveryId);
  if (!d || d.status !== 'pending') return d;
  const w = await findWebhook(ctx.db, d.webhookId);
  const attempts = d.attempts + 1;
  if (!w || w.status === 'removed') {
    await recordAttempt(ctx.db, d.id, {
      attempts: d.attempts,
      status: 'failed',
      lastStatus: null,
      lastError: 'subscription removed',
      nextAttemptAt: null,
      at: ctx.now().toISOString(),
    });
    return findDelivery(ctx.db, d.id);
  }
  const secret = openText(ctx.config.accounts.totpKey, w.storedSecret);
  const answer = await post(
    w.url,
    { [SIGNATURE_HEADER]: signature(secret, d.body), [EVENT_HEADER]: d.event, [DELIVERY_HEADER]: d.id },
    d.body,
  );
  const now = ctx.now();
  if (answer.error === null) {
    await recordAttempt(ctx.db, d.id, {
      attempts,
      status: 'delivered',
      lastStatus: answer.status,
      lastError: null,
      nextAttemptAt: null,
      at: now.toISOString(),
    });
    if (w.status === 'failing') await setWebhookStatus(ctx.db, w.id, 'active', now.toISOString());
    return findDelivery(ctx.db, d.id);
  }
  const wait = attempts < MAX_ATTEMPTS ? retryDelay(attempts) : undefined;
  const next = wait === undefined ? null : new Date(now.getTime() + wait);
  await recordAttempt(ctx.db, d.id, {
    attempts,
    status: next ? 'pending' : 'failed',
    lastStatus: answer.status,
    lastError: answer.error,
    nextAttemptAt: next?.toISOString() ?? null,
    at: now.toISOString(),
  });
  if (next) {
    // A job of its own, due after the wait; the job in hand (running, so not folded into it) then completes.
    // The queue's own retries are for what fails here (the database), not for the receiver's answers.
    await new JobQueue(ctx.db, ctx.now).enqueue(
      WEBHOOK_QUEUE,
      { deliveryId: d.id },
      { dedupeKey: d.id, runAfter: next },
    );
  } else {
    await setWebhookStatus(ctx.db, w.id, 'failing', now.toISOString());
  }
  return findDelivery(ctx.db, d.id);
}

interface DeliveryJob {
  deliveryId: string;
}

interface MailJob {
  subscriptionId: number;
  notice: FiledNotice;
}

/** Runs every due job of `queue` now, in this process; returns how many ran. */
async function drain<P>(ctx: AppContext, queueName: string, run: (payload: P) => Promise<unknown>): Promise<number> {
  const queue = new JobQueue(ctx.db, ctx.now);
  const workerId = `drain:${process.pid}`;
  let n = 0;
  for (;;) {
    const job = await queue.claim<P>(queueName, workerId);
    if (!job) return n;
    try {
      await run(job.payload);
    } catch (e) {
      await queue.fail(job.id, workerId, e instanceof Error ? (e.stack ?? e.message) : String(e));
      continue;
    }
    await queue.complete(job.id, workerId);
    n += 1;
  }
}

/** Every due webhook delivery, now (the command line, tests). */
export const drainDeliveries = (ctx: AppContext) =>
  drain<DeliveryJob>(ctx, WEBHOOK_QUEUE, (j) => attemptDelivery(ctx, j.deliveryId));

/** Every due notice by mail, now (tests). */
export const drainMail = (ctx: AppContext) =>
  drain<MailJob>(ctx, MAIL_QUEUE, (j) => mailNotice(ctx, j.subscriptionId, j.notice));

/** The workers a serving process runs beside the server; every instance may run them (jobs are claimed). */
export function startDeliveryWorker(ctx: AppContext, onError: (e: unknown) => void): RunningWorker {
  const workers = [
    startWorker<DeliveryJob>(new JobQueue(ctx.db, ctx.now), {
      queue: WEBHOOK_QUEUE,
      handle: async (job) => {
        await attemptDelivery(ctx, job.deliveryId);
      },
      onError,
    }),
    startWorker<MailJob>(new JobQueue(ctx.db, ctx.now), {
      queue: MAIL_QUEUE,
      handle: async (job) => {
        await mailNotice(ctx, job.subscriptionId, job.notice);
      },
      onError,
    }),
  ];
  return {
    workerId: workers.map((w) => w.workerId).join(','),
    wake: () => workers.forEach((w) => w.wake()),
    stop: async () => {
      await Promise.all(workers.map((w) => w.stop()));
    },
  };
}
