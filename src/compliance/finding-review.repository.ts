// The commission's review of findings and its publication decisions, both append-only: each step
// (confirm, dismiss with a reason, request an explanation with a deadline, the party's answer, a remedy
// recorded, reopen) is a new event, and the finding's status follows from them (finding.repository.ts).
// Every step is written to the activity log in the same transaction.
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { FindingReviewEventRow } from '../platform/db/tables/compliance.tables.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { err, ok, problem, type Result } from '../platform/result.ts';
import { derivedStatus, getFinding, type StoredFinding } from './finding.repository.ts';

export const REVIEW_ACTIONS = [
  'confirm',
  'dismiss',
  'request_explanation',
  'answer',
  'remedy_recorded',
  'reopen',
] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export interface ReviewStep {
  findingId: string;
  action: ReviewAction;
  reason?: string;
  /** For a request for explanation: the day the answer is due. */
  deadline?: string;
  detail?: Record<string, unknown>;
  actor: string;
  at: Date;
}

/** Records one review step; refuses a dismissal without a reason and a request without a deadline. */
export async function recordReview(db: Kysely<Database>, step: ReviewStep): Promise<Result<StoredFinding>> {
  const reason = (step.reason ?? '').trim();
  if (step.action === 'dismiss' && reason === '') {
    return err([problem('review.reason_required', 'a dismissal needs a reason', { field: 'reason' })]);
  }
  if (step.action === 'request_explanation' && !/^\d{4}-\d{2}-\d{2}$/.test(step.deadline ?? '')) {
    return err([
      problem('review.deadline_required', 'a request for explanation needs a deadline', { field: 'deadline' }),
    ]);
  }
  return db.transaction().execute(async (trx) => {
    const before = await getFinding(trx, step.findingId);
    if (!before) return err([problem('finding.unknown', `no finding ${step.findingId}`)]);
    const at = step.at.toISOString();
    await trx
      .insertInto('finding_review_events')
      .values({
        finding_id: step.findingId,
        action: step.action,
        reason,
        deadline: step.action === 'request_explanation' ? (step.deadline ?? null) : null,
        detail_json: step.detail ? JSON.stringify(step.detail) : null,
        actor: step.actor,
        at,
      })
      .execute();
    let status = before.status;
    // A resolved finding's cause is gone: a decision is recorded, but the status stays until it returns.
    if (before.status !== 'resolved') {
      const remedied = before.status === 'remedied' || step.action === 'remedy_recorded';
      if (step.action === 'confirm') status = derivedStatus('confirmed', remedied);
      else if (step.action === 'dismiss') status = 'dismissed';
      else if (step.action === 'reopen') status = derivedStatus(undefined, remedied);
      else if (step.action === 'remedy_recorded' && before.status !== 'dismissed') status = 'remedied';
    }
    if (status !== before.status) {
      await trx
        .updateTable('compliance_findings')
        .set({ status, updated_at: at })
        .where('id', '=', step.findingId)
        .execute();
    }
    await recordActivity(
      trx,
      {
        actor: step.actor,
        action: `finding.${step.action}`,
        entityType: 'compliance_finding',
        entityId: step.findingId,
        before: { status: before.status },
        after: { status, ...(reason ? { reason } : {}), ...(step.deadline ? { deadline: step.deadline } : {}) },
      },
      step.at,
    );
    return ok({ ...before, status, updatedAt: status !== before.status ? at : before.updatedAt });
  });
}

export async function reviewEvents(db: Kysely<Database>, findingId: string): Promise<FindingReviewEventRow[]> {
  return db.selectFrom('finding_review_events').selectAll().where('finding_id', '=', findingId).orderBy('id').execute();
}

/** Requests for explanation still waiting for the party's answer, for the treasurer's workspace. */
export async function openRequests(
  db: Kysely<Database>,
  electionId: string,
  party: string,
): Promise<Array<{ findingId: string; deadline: string | null; reason: string; at: string }>> {
  const rows = await db
    .selectFrom('finding_review_events as e')
    .innerJoin('compliance_findings as f', 'f.id', 'e.finding_id')
    .select(['e.finding_id', 'e.action', 'e.deadline', 'e.reason', 'e.at'])
    .where('f.election_id', '=', electionId)
    .where('f.party_registration_number', '=', party)
    .where('e.action', 'in', ['request_explanation', 'answer'])
    .orderBy('e.id')
    .execute();
  const open = new Map<string, { findingId: string; deadline: string | null; reason: string; at: string }>();
  for (const r of rows) {
    if (r.action === 'answer') open.delete(r.finding_id);
    else open.set(r.finding_id, { findingId: r.finding_id, deadline: r.deadline, reason: r.reason, at: r.at });
  }
  return [...open.values()];
}

export interface PublicationDecision {
  electionId: string;
  publishFindings: boolean;
  publishStatistics: boolean;
  /** The rules whose confirmed findings are published; undefined for all. */
  rules?: string[];
  actor: string;
  at: Date;
}

export async function decidePublication(db: Kysely<Database>, d: PublicationDecision): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await currentPublication(trx, d.electionId);
    const after = {
      publishFindings: d.publishFindings,
      publishStatistics: d.publishStatistics,
      rules: d.rules ?? null,
    };
    await trx
      .insertInto('compliance_publications')
      .values({
        election_id: d.electionId,
        publish_findings: d.publishFindings ? 1 : 0,
        publish_statistics: d.publishStatistics ? 1 : 0,
        rules_json: d.rules ? JSON.stringify(d.rules) : null,
        actor: d.actor,
        at: d.at.toISOString(),
      })
      .execute();
    await recordActivity(
      trx,
      {
        actor: d.actor,
        action: 'compliance.publication',
        entityType: 'election',
        entityId: d.electionId,
        before,
        after,
      },
      d.at,
    );
  });
}

/** What the commission last decided to publish for the election; nothing until it decides. */
export async function currentPublication(
  db: Kysely<Database>,
  electionId: string,
): Promise<{ publishFindings: boolean; publishStatistics: boolean; rules: string[] | null }> {
  const row = await db
    .selectFrom('compliance_publications')
    .selectAll()
    .where('election_id', '=', electionId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!row) return { publishFindings: false, publishStatistics: false, rules: null };
  return {
    publishFindings: row.publish_findings === 1,
    publishStatistics: row.publish_statistics === 1,
    rules: row.rules_json ? (JSON.parse(row.rules_json) as string[]) : null,
  };
}
