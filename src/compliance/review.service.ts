// The commission's review of findings: analysts confirm, dismiss (with a reason), reopen, or ask the
// party for an explanation with a deadline; the party's treasurer answers in their workspace. Each step
// is judged by the pure transitions (core/review-transitions.ts) on the finding's status and history as
// read inside the transaction, and is one transaction: the appended review event, the finding's new
// status, and the activity record. Who may take which step is the routes' question (accounts' `can`).
//
// Also what the review screens read: the findings by filter with their counts per rule, one finding with
// its history, and a party's requests waiting for an answer.
import type { AppContext } from '../platform/app-context.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { problem, type Problem, type Result } from '../platform/result.ts';
import { bishkekDay } from '../domain/report-deadlines.ts';
import { nextReviewState, pendingRequest, type ReviewAction, type ReviewInput } from './core/review-transitions.ts';
import {
  countFindings,
  countFindingsByRule,
  findFinding,
  findingScopes,
  findingsWithRequests,
  insertReviewEvent,
  listFindings,
  listReviewEvents,
  setFindingStatus,
  type FindingFilter,
  type ReviewEvent,
  type RuleCount,
  type StoredFinding,
} from './review.repository.ts';

/** What a person sends for one step. */
export interface ReviewStepInput {
  action: ReviewAction;
  /** Reason (dismiss, reopen), question (request) or answer. */
  text: string;
  deadline?: string | undefined;
}

const notFound = (): Problem[] => [problem('review.not_found', 'There is no such finding.')];

/** Which field the step's text is in, for the form's errors. */
const TEXT_FIELD: Record<ReviewAction, string> = {
  confirm: 'reason',
  dismiss: 'reason',
  reopen: 'reason',
  request_explanation: 'question',
  answer: 'answer',
};

/**
 * Applies one review step to a finding, or says why not. Refused steps write nothing; a step that
 * raced another (the status changed in between) is refused as not allowed.
 */
export async function reviewFinding(
  ctx: AppContext,
  findingId: string,
  step: ReviewStepInput,
  actor: string,
): Promise<Result<{ status: StoredFinding['status'] }>> {
  const now = ctx.now();
  const at = now.toISOString();
  const input: ReviewInput = {
    action: step.action,
    text: step.text,
    today: bishkekDay(now),
    ...(step.deadline !== undefined ? { deadline: step.deadline } : {}),
  };
  return ctx.db.transaction().execute(async (trx): Promise<Result<{ status: StoredFinding['status'] }>> => {
    const finding = await findFinding(trx, findingId);
    if (!finding) return { ok: false, error: notFound() };
    const history = await listReviewEvents(trx, [findingId]);
    const next = nextReviewState(finding.status, history, input);
    if (!next.ok) return next;
    const text = step.text.trim();
    if (next.value.status !== finding.status) {
      const changed = await setFindingStatus(trx, findingId, finding.status, next.value.status, at);
      if (!changed)
        return {
          ok: false,
          error: [problem('review.not_allowed', 'The finding changed meanwhile.', { field: 'action' })],
        };
    }
    await insertReviewEvent(trx, {
      findingId,
      action: step.action,
      reason: text,
      deadline: step.action === 'request_explanation' ? (step.deadline ?? null) : null,
      detail: { field: TEXT_FIELD[step.action] },
      actor,
      at,
    });
    await recordActivity(
      trx,
      {
        actor,
        action: `finding.${step.action}`,
        entityType: 'finding',
        entityId: findingId,
        before: { status: finding.status },
        after: {
          status: next.value.status,
          ...(text ? { text } : {}),
          ...(step.action === 'request_explanation' ? { deadline: step.deadline } : {}),
        },
      },
      now,
    );
    return { ok: true, value: { status: next.value.status } };
  });
}

/** Whether a step would be taken now, without taking it: for the confirmation step of the pages. */
export async function checkReviewStep(
  ctx: AppContext,
  findingId: string,
  step: ReviewStepInput,
): Promise<Result<{ status: StoredFinding['status'] }>> {
  const finding = await findFinding(ctx.db, findingId);
  if (!finding) return { ok: false, error: notFound() };
  const history = await listReviewEvents(ctx.db, [findingId]);
  return nextReviewState(finding.status, history, {
    action: step.action,
    text: step.text,
    today: bishkekDay(ctx.now()),
    ...(step.deadline !== undefined ? { deadline: step.deadline } : {}),
  });
}

/** The most findings one screen lists; the counts say how many there are in all. */
export const SCREEN_LIMIT = 500;

export interface FindingsScreen {
  findings: Array<StoredFinding & { awaitingAnswer: boolean }>;
  total: number;
  counts: RuleCount[];
  scopes: Array<{ electionId: string; party: string }>;
}

export async function loadFindingsScreen(ctx: AppContext, filter: FindingFilter): Promise<FindingsScreen> {
  const [findings, total, counts, scopes] = await Promise.all([
    listFindings(ctx.db, filter, SCREEN_LIMIT),
    countFindings(ctx.db, filter),
    countFindingsByRule(ctx.db, filter),
    findingScopes(ctx.db),
  ]);
  const events = await listReviewEvents(
    ctx.db,
    findings.map((f) => f.id),
  );
  const byFinding = groupEvents(events);
  return {
    findings: findings.map((f) => ({ ...f, awaitingAnswer: pendingRequest(byFinding.get(f.id) ?? []) !== undefined })),
    total,
    counts,
    scopes,
  };
}

function groupEvents(events: readonly ReviewEvent[]): Map<string, ReviewEvent[]> {
  const out = new Map<string, ReviewEvent[]>();
  for (const e of events) out.set(e.findingId, [...(out.get(e.findingId) ?? []), e]);
  return out;
}

export interface FindingWithHistory {
  finding: StoredFinding;
  history: ReviewEvent[];
  /** The request waiting for the party's answer, if any. */
  waiting: ReviewEvent | undefined;
}

export async function loadFinding(ctx: AppContext, id: string): Promise<FindingWithHistory | undefined> {
  const finding = await findFinding(ctx.db, id);
  if (!finding) return undefined;
  const history = await listReviewEvents(ctx.db, [id]);
  return { finding, history, waiting: pendingRequest(history) };
}

/** The party a finding is about (the resource its routes are judged on), or undefined when there is none. */
export async function findingParty(ctx: AppContext, id: string): Promise<string | undefined> {
  return (await findFinding(ctx.db, id))?.party;
}

/** A party's findings with a request waiting for its answer, oldest deadline first. */
export async function loadOpenRequests(ctx: AppContext, party: string): Promise<FindingWithHistory[]> {
  const findings = await findingsWithRequests(ctx.db, party);
  const byFinding = groupEvents(
    await listReviewEvents(
      ctx.db,
      findings.map((f) => f.id),
    ),
  );
  const out: FindingWithHistory[] = [];
  for (const finding of findings) {
    const history = byFinding.get(finding.id) ?? [];
    const waiting = pendingRequest(history);
    if (waiting) out.push({ finding, history, waiting });
  }
  return out.sort((a, b) => (a.waiting?.deadline ?? '').localeCompare(b.waiting?.deadline ?? ''));
}
