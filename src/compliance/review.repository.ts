// What the commission's review reads and writes of the findings: the findings by election, party, rule,
// severity and status, their counts per rule, one finding with its review history, the requests waiting
// for a party's answer, and the two writes of a review step (an appended event, the finding's status).
// The analysis writes the findings themselves; the review only ever changes a finding's status and
// appends events, never rewrites one.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { ComplianceFindingRow, FindingReviewEventRow } from '../platform/db/tables/compliance.tables.ts';
import type { Finding, FindingStatus } from './core/finding.ts';
import { findingOfRow } from './finding-store.repository.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface FindingFilter {
  electionId?: string | undefined;
  party?: string | undefined;
  rule?: string | undefined;
  severity?: string | undefined;
  status?: string | undefined;
}

/** A finding as stored, with what the pages need beside the finding itself. */
export interface StoredFinding extends Finding {
  snapshotIds: string[];
  createdAt: string;
  updatedAt: string;
}

const parse = <T>(json: string | null, fallback: T): T => (json === null ? fallback : (JSON.parse(json) as T));

export function findingFromRow(r: ComplianceFindingRow): StoredFinding {
  return {
    ...findingOfRow(r),
    snapshotIds: parse<unknown[]>(r.snapshot_ids_json, []).map(String),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function filtered(db: Db, f: FindingFilter, skip: keyof FindingFilter | null = null) {
  let q = db.selectFrom('compliance_findings');
  if (f.electionId && skip !== 'electionId') q = q.where('election_id', '=', f.electionId);
  if (f.party && skip !== 'party') q = q.where('party_registration_number', '=', f.party);
  if (f.rule && skip !== 'rule') q = q.where('rule', '=', f.rule);
  if (f.severity && skip !== 'severity') q = q.where('severity', '=', f.severity);
  if (f.status && skip !== 'status') q = q.where('status', '=', f.status);
  return q;
}

/** The findings that match, in a stable order (election, party, rule, id), at most `limit`. */
export async function listFindings(db: Db, f: FindingFilter, limit: number): Promise<StoredFinding[]> {
  const rows = await filtered(db, f)
    .selectAll()
    .orderBy('election_id')
    .orderBy('party_registration_number')
    .orderBy('rule')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(findingFromRow);
}

export async function countFindings(db: Db, f: FindingFilter): Promise<number> {
  const row = await filtered(db, f)
    .select((e) => e.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface RuleCount {
  rule: string;
  status: FindingStatus;
  n: number;
}

/** Counts per rule and status over the filter, whatever rule and status it names (the table shows them all). */
export async function countFindingsByRule(db: Db, f: FindingFilter): Promise<RuleCount[]> {
  const rows = await filtered(db, { ...f, rule: undefined, status: undefined })
    .select(['rule', 'status', (e) => e.fn.countAll<number | string>().as('n')])
    .groupBy(['rule', 'status'])
    .orderBy('rule')
    .orderBy('status')
    .execute();
  return rows.map((r) => ({ rule: r.rule, status: r.status as FindingStatus, n: Number(r.n) }));
}

/** The elections and parties that have findings, for the filters. */
export async function findingScopes(db: Db): Promise<Array<{ electionId: string; party: string }>> {
  const rows = await db
    .selectFrom('compliance_findings')
    .select(['election_id', 'party_registration_number'])
    .distinct()
    .orderBy('election_id')
    .orderBy('party_registration_number')
    .execute();
  return rows.map((r) => ({ electionId: r.election_id, party: r.party_registration_number }));
}

export async function findFinding(db: Db, id: string): Promise<StoredFinding | undefined> {
  const row = await db.selectFrom('compliance_findings').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? findingFromRow(row) : undefined;
}

/** One step of a finding's review history, oldest first. */
export interface ReviewEvent {
  id: number;
  findingId: string;
  action: string;
  reason: string;
  deadline: string | null;
  detail: Record<string, unknown> | null;
  actor: string;
  at: string;
}

const eventFromRow = (r: FindingReviewEventRow): ReviewEvent => ({
  id: Number(r.id),
  findingId: r.finding_id,
  action: r.action,
  reason: r.reason,
  deadline: r.deadline,
  detail: parse<Record<string, unknown> | null>(r.detail_json, null),
  actor: r.actor,
  at: r.at,
});

export async function listReviewEvents(db: Db, findingIds: readonly string[]): Promise<ReviewEvent[]> {
  if (findingIds.length === 0) return [];
  const rows = await db
    .selectFrom('finding_review_events')
    .selectAll()
    .where('finding_id', 'in', [...findingIds])
    .orderBy('id')
    .execute();
  return rows.map(eventFromRow);
}

/** The findings of a party that have ever had a request for explanation (the service finds those waiting). */
export async function findingsWithRequests(db: Db, party: string): Promise<StoredFinding[]> {
  const rows = await db
    .selectFrom('compliance_findings')
    .selectAll()
    .where('party_registration_number', '=', party)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('finding_review_events as e')
          .select('e.id')
          .whereRef('e.finding_id', '=', 'compliance_findings.id')
          .where('e.action', '=', 'request_explanation'),
      ),
    )
    .orderBy('election_id')
    .orderBy('rule')
    .orderBy('id')
    .execute();
  return rows.map(findingFromRow);
}

/** A review step to append: the event before the database numbers it. */
export type NewReviewEvent = Omit<ReviewEvent, 'id'>;

export async function insertReviewEvent(db: Db, e: NewReviewEvent): Promise<void> {
  await db
    .insertInto('finding_review_events')
    .values({
      finding_id: e.findingId,
      action: e.action,
      reason: e.reason,
      deadline: e.deadline,
      detail_json: e.detail === null ? null : JSON.stringify(e.detail),
      actor: e.actor,
      at: e.at,
    })
    .execute();
}

/** Sets the status of a finding only if it still has the status the step was judged on; false if not. */
export async function setFindingStatus(
  db: Db,
  id: string,
  from: FindingStatus,
  to: FindingStatus,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('compliance_findings')
    .set({ status: to, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
