// Findings in the database, by their stable id. Saving a run's findings updates the rows it finds again,
// inserts the new ones and marks `resolved` those of the same scope it no longer finds (an amendment
// fixed the cause): nothing is deleted, and every status the run changes is appended to the finding's
// review events, so its history shows why it moved.
//
// A finding's status is derived: an analyst's dismissal stands; otherwise a recorded remedy makes it
// `remedied`; otherwise it is what the analyst decided (`confirmed`) or `open`.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { ComplianceFindingRow, ComplianceRunRow } from '../platform/db/tables/compliance.tables.ts';
import type { Tyiyn } from '../domain/money.ts';
import type { AnalysedFinding, Finding, FindingStatus, Severity } from './core/finding.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewRun {
  electionId: string;
  /** Null when the run covers every party of the election. */
  party: string | null;
  trigger: string;
  triggerRef?: string;
  actor: string;
  at: string;
}

export async function startRun(db: Db, run: NewRun): Promise<number> {
  const row = await db
    .insertInto('compliance_runs')
    .values({
      election_id: run.electionId,
      party_registration_number: run.party,
      trigger: run.trigger,
      trigger_ref: run.triggerRef ?? '',
      actor: run.actor,
      started_at: run.at,
      finished_at: null,
      status: 'running',
      error: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function failRun(db: Db, runId: number, error: string, at: string): Promise<void> {
  await db
    .updateTable('compliance_runs')
    .set({ status: 'failed', error: error.slice(0, 4000), finished_at: at })
    .where('id', '=', runId)
    .execute();
}

export async function getRun(db: Db, runId: number): Promise<ComplianceRunRow | undefined> {
  return db.selectFrom('compliance_runs').selectAll().where('id', '=', runId).executeTakeFirst();
}

export interface SaveFindingsInput {
  runId: number;
  electionId: string;
  /** The parties the run analysed; findings of other parties are left alone. */
  parties: readonly string[];
  findings: readonly AnalysedFinding[];
  /** The snapshots (or dated X-Road answers) the run consulted. */
  snapshotIds: readonly string[];
  actor: string;
  at: string;
}

export interface SaveFindingsOutcome {
  created: number;
  updated: number;
  resolved: number;
}

/** The analyst's standing decision per finding: confirm or dismiss, undone by reopen. */
async function reviewDecisions(db: Db, ids: readonly string[]): Promise<Map<string, 'confirmed' | 'dismissed'>> {
  const out = new Map<string, 'confirmed' | 'dismissed'>();
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await db
      .selectFrom('finding_review_events')
      .select(['finding_id', 'action'])
      .where('finding_id', 'in', ids.slice(i, i + 5000))
      .where('action', 'in', ['confirm', 'dismiss', 'reopen'])
      .orderBy('id')
      .execute();
    for (const r of rows) {
      if (r.action === 'reopen') out.delete(r.finding_id);
      else out.set(r.finding_id, r.action === 'confirm' ? 'confirmed' : 'dismissed');
    }
  }
  return out;
}

export function derivedStatus(decision: 'confirmed' | 'dismissed' | undefined, remedied: boolean): FindingStatus {
  if (decision === 'dismissed') return 'dismissed';
  if (remedied) return 'remedied';
  return decision ?? 'open';
}

function columnsOf(f: AnalysedFinding, snapshotIds: readonly string[]) {
  return {
    rule: f.rule,
    severity: f.severity,
    line_ids_json: JSON.stringify(f.lineIds),
    donor_json: f.donor ? JSON.stringify(f.donor) : null,
    amount: f.amount ?? null,
    excess: f.excess ?? null,
    remedy_json: f.remedy ? JSON.stringify(f.remedy) : null,
    evidence_json: JSON.stringify(f.evidence),
    snapshot_ids_json: JSON.stringify(snapshotIds),
  };
}

async function statusEvent(db: Db, findingId: string, from: string | null, to: string, input: SaveFindingsInput) {
  await db
    .insertInto('finding_review_events')
    .values({
      finding_id: findingId,
      action: 'status_changed',
      reason: '',
      deadline: null,
      detail_json: JSON.stringify({ from, to, run: input.runId }),
      actor: input.actor,
      at: input.at,
    })
    .execute();
}

/** Saves one run's findings for its parties and closes the run, in one transaction. */
export async function saveFindings(db: Kysely<Database>, input: SaveFindingsInput): Promise<SaveFindingsOutcome> {
  return db.transaction().execute(async (trx) => {
    const existing = new Map<string, ComplianceFindingRow>();
    if (input.parties.length > 0) {
      const rows = await trx
        .selectFrom('compliance_findings')
        .selectAll()
        .where('election_id', '=', input.electionId)
        .where('party_registration_number', 'in', [...input.parties])
        .execute();
      for (const r of rows) existing.set(r.id, r);
    }
    const decisions = await reviewDecisions(trx, [...existing.keys()]);
    const outcome: SaveFindingsOutcome = { created: 0, updated: 0, resolved: 0 };
    const seen = new Set<string>();
    for (const f of input.findings) {
      if (seen.has(f.id)) continue;
      seen.add(f.id);
      const before = existing.get(f.id);
      const status = derivedStatus(decisions.get(f.id), f.remedied);
      if (!before) {
        await trx
          .insertInto('compliance_findings')
          .values({
            id: f.id,
            election_id: f.election,
            party_registration_number: f.party,
            status,
            ...columnsOf(f, input.snapshotIds),
            first_seen_run: input.runId,
            last_seen_run: input.runId,
            created_at: input.at,
            updated_at: input.at,
          })
          .execute();
        await statusEvent(trx, f.id, null, status, input);
        outcome.created++;
        continue;
      }
      await trx
        .updateTable('compliance_findings')
        .set({ status, ...columnsOf(f, input.snapshotIds), last_seen_run: input.runId, updated_at: input.at })
        .where('id', '=', f.id)
        .execute();
      if (before.status !== status) await statusEvent(trx, f.id, before.status, status, input);
      outcome.updated++;
    }
    for (const [id, row] of existing) {
      if (seen.has(id) || row.status === 'resolved') continue;
      await trx
        .updateTable('compliance_findings')
        .set({ status: 'resolved', updated_at: input.at })
        .where('id', '=', id)
        .execute();
      await statusEvent(trx, id, row.status, 'resolved', input);
      outcome.resolved++;
    }
    await trx
      .updateTable('compliance_runs')
      .set({
        status: 'complete',
        finished_at: input.at,
        snapshot_ids_json: JSON.stringify(input.snapshotIds),
        finding_count: seen.size,
        new_count: outcome.created,
        resolved_count: outcome.resolved,
      })
      .where('id', '=', input.runId)
      .execute();
    return outcome;
  });
}

export interface StoredFinding extends Finding {
  snapshotIds: string[];
  firstSeenRun: number;
  lastSeenRun: number;
  createdAt: string;
  updatedAt: string;
}

export function findingOf(r: ComplianceFindingRow): StoredFinding {
  return {
    id: r.id,
    rule: r.rule,
    severity: r.severity as Severity,
    status: r.status as FindingStatus,
    election: r.election_id,
    party: r.party_registration_number,
    lineIds: JSON.parse(r.line_ids_json) as string[],
    ...(r.donor_json ? { donor: JSON.parse(r.donor_json) as Finding['donor'] } : {}),
    ...(r.amount !== null ? { amount: Number(r.amount) as Tyiyn } : {}),
    ...(r.excess !== null ? { excess: Number(r.excess) as Tyiyn } : {}),
    ...(r.remedy_json ? { remedy: JSON.parse(r.remedy_json) as Finding['remedy'] } : {}),
    evidence: JSON.parse(r.evidence_json) as Record<string, unknown>,
    snapshotIds: JSON.parse(r.snapshot_ids_json) as string[],
    firstSeenRun: Number(r.first_seen_run),
    lastSeenRun: Number(r.last_seen_run),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface FindingFilter {
  electionId: string;
  party?: string;
  rule?: string;
  severity?: Severity;
  status?: FindingStatus;
}

/** Findings by election (and party, rule, severity, status), in a stable order: party, rule, id. */
export async function listFindings(db: Db, filter: FindingFilter): Promise<StoredFinding[]> {
  let q = db.selectFrom('compliance_findings').selectAll().where('election_id', '=', filter.electionId);
  if (filter.party !== undefined) q = q.where('party_registration_number', '=', filter.party);
  if (filter.rule !== undefined) q = q.where('rule', '=', filter.rule);
  if (filter.severity !== undefined) q = q.where('severity', '=', filter.severity);
  if (filter.status !== undefined) q = q.where('status', '=', filter.status);
  const rows = await q.orderBy('party_registration_number').orderBy('rule').orderBy('id').execute();
  return rows.map(findingOf);
}

export async function getFinding(db: Db, id: string): Promise<StoredFinding | undefined> {
  const row = await db.selectFrom('compliance_findings').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? findingOf(row) : undefined;
}

/** Per rule and status, for the election's statistics. */
export async function countFindings(
  db: Db,
  electionId: string,
): Promise<Array<{ rule: string; severity: string; status: string; count: number }>> {
  const rows = await db
    .selectFrom('compliance_findings')
    .select(['rule', 'severity', 'status', (eb) => eb.fn.countAll<number>().as('count')])
    .where('election_id', '=', electionId)
    .groupBy(['rule', 'severity', 'status'])
    .orderBy('rule')
    .orderBy('status')
    .execute();
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}
