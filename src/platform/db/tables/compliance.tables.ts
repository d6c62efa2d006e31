// Table types of compliance (migration 0009-compliance): registry snapshots and their rows, findings with
// their review events, publication decisions, analysis runs, the generic job queue and the X-Road answer
// cache. Money is integer tyiyn, dates ISO text, flags 0/1, JSON columns text.
import type { Generated, Selectable } from 'kysely';

export interface RegistrySnapshotTable {
  id: Generated<number>;
  /** persons | entities | arrears | state-bodies */
  kind: string;
  as_of: string;
  imported_at: string;
  imported_by: string;
  source_file: string;
  source_key: string;
  /** importing | complete | superseded */
  status: string;
  last_line: Generated<number>;
  row_count: Generated<number>;
  rejected_count: Generated<number>;
  completed_at: string | null;
}

export interface RegistryPersonTable {
  snapshot_id: number;
  pin: string;
  surname: string;
  given_name: string;
  patronymic: string | null;
  birth_date: string;
  citizenship: string;
  death_date: string | null;
}

export interface RegistryEntityTable {
  snapshot_id: number;
  inn: string;
  name: string;
  legal_form: string;
  registered_on: string;
  liquidated_on: string | null;
  foreign_share_pct: number;
  state_share_pct: number;
  has_tax_preferences: number;
  registered_capital: number;
}

export interface RegistryArrearTable {
  snapshot_id: number;
  identifier: string;
  /** The line of the imported file: a number may have several records. */
  line: number;
  kind: string;
  amount: number;
  as_of: string;
}

export interface RegistryStateBodyTable {
  snapshot_id: number;
  inn: string;
  name: string;
  kind: string;
}

export interface ComplianceRunTable {
  id: Generated<number>;
  election_id: string;
  party_registration_number: string | null;
  trigger: string;
  trigger_ref: Generated<string>;
  actor: string;
  started_at: string;
  finished_at: string | null;
  /** running | complete | failed */
  status: string;
  snapshot_ids_json: Generated<string>;
  finding_count: Generated<number>;
  new_count: Generated<number>;
  resolved_count: Generated<number>;
  error: string | null;
}

export interface ComplianceFindingTable {
  /** The rule's stable id for what the finding is about. */
  id: string;
  election_id: string;
  party_registration_number: string;
  rule: string;
  severity: string;
  status: string;
  line_ids_json: string;
  donor_json: string | null;
  amount: number | null;
  excess: number | null;
  remedy_json: string | null;
  evidence_json: string;
  snapshot_ids_json: string;
  first_seen_run: number;
  last_seen_run: number;
  created_at: string;
  updated_at: string;
}

export interface FindingReviewEventTable {
  id: Generated<number>;
  finding_id: string;
  /** confirm | dismiss | request_explanation | answer | remedy_recorded | reopen */
  action: string;
  reason: Generated<string>;
  deadline: string | null;
  detail_json: string | null;
  actor: string;
  at: string;
}

export interface CompliancePublicationTable {
  id: Generated<number>;
  election_id: string;
  publish_findings: number;
  publish_statistics: number;
  rules_json: string | null;
  actor: string;
  at: string;
}

export interface JobTable {
  id: Generated<number>;
  queue: string;
  dedupe_key: string | null;
  payload_json: string;
  /** pending | running | done | failed */
  status: string;
  attempts: Generated<number>;
  max_attempts: number;
  run_after: string;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface XroadAnswerTable {
  id: Generated<number>;
  service: string;
  query_key: string;
  answered_on: string;
  fetched_at: string;
  request_id: string;
  /** found | not_found */
  outcome: string;
  body_json: string | null;
}

export interface ComplianceTables {
  registry_snapshots: RegistrySnapshotTable;
  registry_persons: RegistryPersonTable;
  registry_entities: RegistryEntityTable;
  registry_arrears: RegistryArrearTable;
  registry_state_bodies: RegistryStateBodyTable;
  compliance_runs: ComplianceRunTable;
  compliance_findings: ComplianceFindingTable;
  finding_review_events: FindingReviewEventTable;
  compliance_publications: CompliancePublicationTable;
  jobs: JobTable;
  xroad_answers: XroadAnswerTable;
}

export type RegistrySnapshotRow = Selectable<RegistrySnapshotTable>;
export type ComplianceFindingRow = Selectable<ComplianceFindingTable>;
export type FindingReviewEventRow = Selectable<FindingReviewEventTable>;
export type ComplianceRunRow = Selectable<ComplianceRunTable>;
export type JobRow = Selectable<JobTable>;
export type XroadAnswerRow = Selectable<XroadAnswerTable>;
