// The commission's decisions on what of the findings of an election is public, appended one row per
// decision (the newest is in force, the older ones are its history), and the findings that may be
// published: those the commission confirmed (the service checks remedied ones against their history).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import { findingFromRow, type StoredFinding } from './review.repository.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface PublicationDecision {
  id: number;
  electionId: string;
  publishFindings: boolean;
  publishStatistics: boolean;
  /** The rules whose findings are published; null for every rule. */
  rules: string[] | null;
  actor: string;
  at: string;
}

/** The decisions of an election, newest first. */
export async function listPublicationDecisions(db: Db, electionId: string): Promise<PublicationDecision[]> {
  const rows = await db
    .selectFrom('compliance_publications')
    .selectAll()
    .where('election_id', '=', electionId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    electionId: r.election_id,
    publishFindings: Number(r.publish_findings) === 1,
    publishStatistics: Number(r.publish_statistics) === 1,
    rules: r.rules_json === null ? null : (JSON.parse(r.rules_json) as string[]),
    actor: r.actor,
    at: r.at,
  }));
}

export async function latestPublicationDecision(db: Db, electionId: string): Promise<PublicationDecision | undefined> {
  return (await listPublicationDecisions(db, electionId))[0];
}

export async function insertPublicationDecision(db: Db, d: Omit<PublicationDecision, 'id'>): Promise<void> {
  await db
    .insertInto('compliance_publications')
    .values({
      election_id: d.electionId,
      publish_findings: d.publishFindings ? 1 : 0,
      publish_statistics: d.publishStatistics ? 1 : 0,
      rules_json: d.rules === null ? null : JSON.stringify(d.rules),
      actor: d.actor,
      at: d.at,
    })
    .execute();
}

/** Confirmed and remedied findings of an election (of one party, when given), in a stable order. */
export async function publishableCandidates(db: Db, electionId: string, party?: string): Promise<StoredFinding[]> {
  let q = db
    .selectFrom('compliance_findings')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('status', 'in', ['confirmed', 'remedied']);
  if (party !== undefined) q = q.where('party_registration_number', '=', party);
  const rows = await q.orderBy('party_registration_number').orderBy('rule').orderBy('id').execute();
  return rows.map(findingFromRow);
}
