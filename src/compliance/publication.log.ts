// What the transparency log holds of compliance: each publication decision of the commission (which
// findings and statistics of an election it makes public, and when), a row that is never changed.
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { LoggedRecords, LoggedRef } from '../platform/capability.ts';
import { appendToLog } from '../transparency-log/index.ts';
import { latestPublicationDecision, listPublicationDecisions } from './publication.repository.ts';

type Db = Kysely<Database>;

const decisionRef = (electionId: string, id: number): string => `findings/${electionId}/decision/${id}`;

async function decisionRecord(db: Db, ref: string): Promise<unknown> {
  const [, electionId = '', id = ''] = /^findings\/([^/]+)\/decision\/(\d+)$/.exec(ref) ?? [];
  const d = (await listPublicationDecisions(db, electionId)).find((x) => x.id === Number(id));
  return (
    d && {
      election: d.electionId,
      decision: d.id,
      publishFindings: d.publishFindings,
      publishStatistics: d.publishStatistics,
      rules: d.rules,
      at: d.at,
    }
  );
}

/** Logs the decision just stored for the election, inside its transaction. */
export async function logPublicationDecision(trx: Db, electionId: string): Promise<void> {
  const d = await latestPublicationDecision(trx, electionId);
  if (!d) return;
  const ref = decisionRef(electionId, d.id);
  await appendToLog(trx, { kind: 'findings.publication', at: d.at, ref, publicRecord: await decisionRecord(trx, ref) });
}

async function existing(db: Db): Promise<LoggedRef[]> {
  const rows = await db
    .selectFrom('compliance_publications')
    .select(['id', 'election_id', 'at'])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ kind: 'findings.publication', at: r.at, ref: decisionRef(r.election_id, Number(r.id)) }));
}

export const publicationLogged: LoggedRecords = {
  kinds: ['findings.publication'],
  recordOf: (db, _kind, ref) => decisionRecord(db, ref),
  existing,
};
