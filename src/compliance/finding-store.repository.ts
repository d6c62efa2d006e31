// The findings of each campaign as the commission keeps them. An analysis run never deletes a finding:
// one found again is refreshed, one whose cause disappeared (an amendment fixed it) becomes `resolved`,
// one whose remedy is now recorded becomes `remedied`; every change of status the analysis makes is an
// event in the finding's append-only history, beside the analysts' own decisions.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { ComplianceFindingRow } from '../platform/db/tables/compliance.tables.ts';
import { tyiyn } from '../domain/money.ts';
import type { AnalysedFinding, DonorKind, Finding, FindingStatus, Remedy, Severity } from './core/finding.ts';
import { nextStatusAfterAnalysis, type AnalysisChange } from './core/status-after-analysis.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The analysis itself, as the author of the status changes it makes. */
export const ANALYSIS_ACTOR = 'compliance-analysis';

export function findingOfRow(r: ComplianceFindingRow): Finding {
  const donor = r.donor_json
    ? (JSON.parse(r.donor_json) as { type: DonorKind; name: string; identifier?: string })
    : undefined;
  return {
    id: r.id,
    rule: r.rule,
    severity: r.severity as Severity,
    status: r.status as FindingStatus,
    election: r.election_id,
    party: r.party_registration_number,
    lineIds: JSON.parse(r.line_ids_json) as string[],
    ...(donor ? { donor } : {}),
    ...(r.amount !== null ? { amount: tyiyn(Number(r.amount)) } : {}),
    ...(r.excess !== null ? { excess: tyiyn(Number(r.excess)) } : {}),
    ...(r.remedy_json ? { remedy: JSON.parse(r.remedy_json) as Remedy } : {}),
    evidence: JSON.parse(r.evidence_json) as Record<string, unknown>,
  };
}

export async function findingsOfCampaign(db: Db, electionId: string, party: string): Promise<ComplianceFindingRow[]> {
  return db
    .selectFrom('compliance_findings')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('party_registration_number', '=', party)
    .orderBy('id')
    .execute();
}

export interface NewRun {
  electionId: string;
  party: string;
  trigger: string;
  triggerRef: string;
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
      trigger_ref: run.triggerRef,
      actor: run.actor,
      started_at: run.at,
      status: 'running',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export interface RunCounts {
  findingCount: number;
  newCount: number;
  resolvedCount: number;
  snapshotIds: readonly string[];
}

export async function finishRun(db: Db, runId: number, at: string, counts: RunCounts): Promise<void> {
  await db
    .updateTable('compliance_runs')
    .set({
      status: 'complete',
      finished_at: at,
      finding_count: counts.findingCount,
      new_count: counts.newCount,
      resolved_count: counts.resolvedCount,
      snapshot_ids_json: JSON.stringify(counts.snapshotIds),
    })
    .where('id', '=', runId)
    .execute();
}

export async function failRun(db: Db, runId: number, at: string, error: string): Promise<void> {
  await db
    .updateTable('compliance_runs')
    .set({ status: 'failed', finished_at: at, error })
    .where('id', '=', runId)
    .execute();
}

const rowValues = (f: AnalysedFinding, snapshotIds: readonly string[]) => ({
  rule: f.rule,
  severity: f.severity,
  line_ids_json: JSON.stringify(f.lineIds),
  donor_json: f.donor ? JSON.stringify(f.donor) : null,
  amount: f.amount ?? null,
  excess: f.excess ?? null,
  remedy_json: f.remedy ? JSON.stringify(f.remedy) : null,
  evidence_json: JSON.stringify(f.evidence),
  snapshot_ids_json: JSON.stringify(snapshotIds),
});

async function recordChange(db: Db, findingId: string, change: AnalysisChange, at: string): Promise<void> {
  await db
    .insertInto('finding_review_events')
    .values({
      finding_id: findingId,
      action: change.event,
      reason: change.reason,
      deadline: null,
      detail_json: null,
      actor: ANALYSIS_ACTOR,
      at,
    })
    .execute();
}

/**
 * Stores what one run found for one campaign, in the caller's transaction: new findings inserted, known
 * ones refreshed, vanished ones resolved. Returns the counts for the run's record.
 */
export async function storeFindings(
  db: Db,
  campaign: { electionId: string; party: string },
  runId: number,
  found: readonly AnalysedFinding[],
  snapshotIds: readonly string[],
  at: string,
): Promise<RunCounts> {
  const known = new Map(
    (await findingsOfCampaign(db, campaign.electionId, campaign.party)).map((r) => [r.id, r] as const),
  );
  let newCount = 0;
  let resolvedCount = 0;
  for (const f of found) {
    const before = known.get(f.id);
    known.delete(f.id);
    if (!before) {
      newCount++;
      await db
        .insertInto('compliance_findings')
        .values({
          id: f.id,
          election_id: f.election,
          party_registration_number: f.party,
          status: f.remedied ? 'remedied' : 'open',
          first_seen_run: runId,
          last_seen_run: runId,
          created_at: at,
          updated_at: at,
          ...rowValues(f, snapshotIds),
        })
        .execute();
      continue;
    }
    const change = nextStatusAfterAnalysis(before.status as FindingStatus, { present: true, remedied: f.remedied });
    await db
      .updateTable('compliance_findings')
      .set({
        ...rowValues(f, snapshotIds),
        status: change?.status ?? before.status,
        last_seen_run: runId,
        updated_at: at,
      })
      .where('id', '=', f.id)
      .execute();
    if (change) await recordChange(db, f.id, change, at);
  }
  for (const gone of known.values()) {
    const change = nextStatusAfterAnalysis(gone.status as FindingStatus, { present: false, remedied: false });
    if (!change) continue;
    resolvedCount++;
    await db
      .updateTable('compliance_findings')
      .set({ status: change.status, updated_at: at })
      .where('id', '=', gone.id)
      .execute();
    await recordChange(db, gone.id, change, at);
  }
  return { findingCount: found.length, newCount, resolvedCount, snapshotIds };
}
