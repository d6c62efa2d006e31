// Compliance: registry snapshots imported from the state registries, the findings of the rules with their
// review history, what the commission publishes, the analysis runs, a generic job queue, and the dated
// cache of X-Road answers.
//
// Registry rows are keyed by snapshot and identity number: a snapshot is never changed once complete, a
// newer one of the same kind supersedes it, and a finding names the snapshot it used so that its evidence
// can be shown as of that date. A snapshot being imported carries the last line committed, so that an
// interrupted import continues where it stopped instead of starting over.
//
// Findings keep their stable id as primary key (the rules derive it from what the finding is about), so a
// re-run updates the same row; a finding whose cause disappeared is marked resolved, never deleted. Review
// steps and publication decisions are appended, never updated, so their history stays visible.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.ts';
import { idColumn } from '../migration-helpers.ts';

async function registryTables(db: Kysely<unknown>): Promise<void> {
  await idColumn(db, db.schema.createTable('registry_snapshots'))
    /** persons | entities | arrears | state-bodies */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .addColumn('source_file', 'text', (c) => c.notNull())
    /** Size and content hash of the file's head: the same file run again resumes its unfinished import. */
    .addColumn('source_key', 'text', (c) => c.notNull())
    /** importing | complete | superseded */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('last_line', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('row_count', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected_count', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema
    .createIndex('registry_snapshots_kind_idx')
    .on('registry_snapshots')
    .columns(['kind', 'status', 'as_of', 'id'])
    .execute();

  // Without a rowid on SQLite the (snapshot, number) key is the table itself: one B-tree to write
  // instead of two, which is what keeps a national-size import fast.
  const keyed = (table: string) => {
    const t = db.schema.createTable(table);
    return dialectOf(db) === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t;
  };
  await keyed('registry_persons')
    .addColumn('snapshot_id', 'bigint', (c) => c.notNull())
    .addColumn('pin', 'text', (c) => c.notNull())
    .addColumn('surname', 'text', (c) => c.notNull())
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('patronymic', 'text')
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('citizenship', 'text', (c) => c.notNull())
    .addColumn('death_date', 'text')
    .addPrimaryKeyConstraint('registry_persons_pk', ['snapshot_id', 'pin'])
    .execute();
  await keyed('registry_entities')
    .addColumn('snapshot_id', 'bigint', (c) => c.notNull())
    .addColumn('inn', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('legal_form', 'text', (c) => c.notNull())
    .addColumn('registered_on', 'text', (c) => c.notNull())
    .addColumn('liquidated_on', 'text')
    .addColumn('foreign_share_pct', 'double precision', (c) => c.notNull())
    .addColumn('state_share_pct', 'double precision', (c) => c.notNull())
    .addColumn('has_tax_preferences', 'integer', (c) => c.notNull())
    .addColumn('registered_capital', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('registry_entities_pk', ['snapshot_id', 'inn'])
    .execute();
  // A number may owe tax and the Social Fund, on several dates: the line number keeps rows apart.
  await keyed('registry_arrears')
    .addColumn('snapshot_id', 'bigint', (c) => c.notNull())
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('registry_arrears_pk', ['snapshot_id', 'identifier', 'line'])
    .execute();
  await keyed('registry_state_bodies')
    .addColumn('snapshot_id', 'bigint', (c) => c.notNull())
    .addColumn('inn', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('registry_state_bodies_pk', ['snapshot_id', 'inn'])
    .execute();
}

async function findingTables(db: Kysely<unknown>): Promise<void> {
  await idColumn(db, db.schema.createTable('compliance_runs'))
    .addColumn('election_id', 'text', (c) => c.notNull())
    /** Null when the run covered every party of the election. */
    .addColumn('party_registration_number', 'text')
    /** filing | statement | registry | manual | demo */
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('trigger_ref', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    /** running | complete | failed */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('snapshot_ids_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('finding_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('new_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('resolved_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .execute();
  await db.schema
    .createIndex('compliance_runs_election_idx')
    .on('compliance_runs')
    .columns(['election_id', 'party_registration_number', 'id'])
    .execute();

  await db.schema
    .createTable('compliance_findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('election_id', 'text', (c) => c.notNull())
    .addColumn('party_registration_number', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    /** open | confirmed | dismissed | remedied | resolved */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('line_ids_json', 'text', (c) => c.notNull())
    .addColumn('donor_json', 'text')
    .addColumn('amount', 'bigint')
    .addColumn('excess', 'bigint')
    .addColumn('remedy_json', 'text')
    .addColumn('evidence_json', 'text', (c) => c.notNull())
    .addColumn('snapshot_ids_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('first_seen_run', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_run', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('compliance_findings_party_idx')
    .on('compliance_findings')
    .columns(['election_id', 'party_registration_number', 'rule'])
    .execute();
  await db.schema
    .createIndex('compliance_findings_status_idx')
    .on('compliance_findings')
    .columns(['election_id', 'status', 'severity'])
    .execute();

  await idColumn(db, db.schema.createTable('finding_review_events'))
    .addColumn('finding_id', 'text', (c) => c.notNull().references('compliance_findings.id'))
    /** confirm | dismiss | request_explanation | answer | remedy_recorded | reopen */
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    /** For a request for explanation: the day the party's answer is due. */
    .addColumn('deadline', 'text')
    .addColumn('detail_json', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('finding_review_events_finding_idx')
    .on('finding_review_events')
    .columns(['finding_id', 'id'])
    .execute();

  await idColumn(db, db.schema.createTable('compliance_publications'))
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    /** Confirmed findings, their remedy and its state on the party pages and the election register. */
    .addColumn('publish_findings', 'integer', (c) => c.notNull())
    /** Per-rule counts for the election. */
    .addColumn('publish_statistics', 'integer', (c) => c.notNull())
    /** The rules whose confirmed findings are published; null for all of them. */
    .addColumn('rules_json', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('compliance_publications_election_idx')
    .on('compliance_publications')
    .columns(['election_id', 'id'])
    .execute();
}

async function platformTables(db: Kysely<unknown>): Promise<void> {
  await idColumn(db, db.schema.createTable('jobs'))
    .addColumn('queue', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text')
    .addColumn('payload_json', 'text', (c) => c.notNull())
    /** pending | running | done | failed */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('run_after', 'text', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One pending job per key: a second enqueue while the first still waits is the same work. A running
  // job does not count, since what it read may already be out of date.
  await db.schema
    .createIndex('jobs_pending_key_uq')
    .unique()
    .on('jobs')
    .columns(['queue', 'dedupe_key'])
    .where(sql.ref('status'), '=', 'pending')
    .execute();
  await db.schema.createIndex('jobs_claim_idx').on('jobs').columns(['queue', 'status', 'run_after', 'id']).execute();

  await idColumn(db, db.schema.createTable('xroad_answers'))
    .addColumn('service', 'text', (c) => c.notNull())
    /** The identity number (or other key) the service was asked about. */
    .addColumn('query_key', 'text', (c) => c.notNull())
    /** The day the answer is as of (Bishkek calendar day of the request). */
    .addColumn('answered_on', 'text', (c) => c.notNull())
    .addColumn('fetched_at', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull())
    /** found | not_found */
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('body_json', 'text')
    .execute();
  await db.schema
    .createIndex('xroad_answers_key_uq')
    .unique()
    .on('xroad_answers')
    .columns(['service', 'query_key', 'answered_on'])
    .execute();
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await registryTables(db);
  await findingTables(db);
  await platformTables(db);
}
