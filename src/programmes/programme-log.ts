// What the transparency log holds of programmes: the text in each language and the SHA-256 of the
// original PDF, logged whenever one is attached; the newest leaf is what the database must still say.
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { LoggedRecords, LoggedRef } from '../platform/capability.ts';
import { appendToLog } from '../transparency-log/index.ts';
import { findProgramme } from './programme.repository.ts';

type Db = Kysely<Database>;

export const programmeRef = (electionId: string, party: string): string => `programme/${electionId}/${party}`;

async function programmeRecord(db: Db, ref: string): Promise<unknown> {
  const [, electionId = '', party = ''] = /^programme\/([^/]+)\/([^/]+)$/.exec(ref) ?? [];
  const p = await findProgramme(db, electionId, party);
  return p && { election: p.electionId, party: p.partyRegistrationNumber, text: p.text, pdfSha256: p.pdfBlobKey };
}

/** Logs a programme just attached, inside its transaction. */
export async function logProgramme(trx: Db, electionId: string, party: string, at: string): Promise<void> {
  const ref = programmeRef(electionId, party);
  await appendToLog(trx, { kind: 'programme.attached', at, ref, publicRecord: await programmeRecord(trx, ref) });
}

async function existing(db: Db): Promise<LoggedRef[]> {
  const rows = await db
    .selectFrom('programmes')
    .select(['election_id', 'party_registration_number', 'updated_at'])
    .orderBy('election_id')
    .orderBy('party_registration_number')
    .execute();
  return rows.map((r) => ({
    kind: 'programme.attached',
    at: r.updated_at,
    ref: programmeRef(r.election_id, r.party_registration_number),
  }));
}

export const programmesLogged: LoggedRecords = {
  kinds: ['programme.attached'],
  recordOf: (db, _kind, ref) => programmeRecord(db, ref),
  existing,
};
