// What the transparency log holds of candidate lists: each list as the party page and API show it
// (public columns only: never a PIN or an address), logged when it is imported and again whenever a
// candidate on it changes. The newest leaf of a list is what `talapker log verify` compares with the
// database.
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { LoggedRecords, LoggedRef } from '../platform/capability.ts';
import { appendToLog } from '../transparency-log/index.ts';
import { listAllCandidatesOfList } from './candidate.repository.ts';

type Db = Kysely<Database>;

/** A list's public identifier: the election and the party, as in the party page's address. */
export const candidateListRef = (electionId: string, party: string): string => `candidates/${electionId}/${party}`;

async function listRecord(db: Db, ref: string): Promise<unknown> {
  const m = /^candidates\/([^/]+)\/([^/]+)$/.exec(ref);
  if (!m) return undefined;
  const [, electionId = '', party = ''] = m;
  const list = await listAllCandidatesOfList(db, electionId, party);
  return list.length === 0 ? undefined : { election: electionId, party, candidates: list };
}

/** Logs the lists among `candidates` as they now stand, inside the transaction that changed them. */
export async function logCandidateLists(
  trx: Db,
  candidates: ReadonlyArray<{ electionId: string; partyRegistrationNumber: string }>,
  at: string,
): Promise<void> {
  const refs = new Set(candidates.map((c) => candidateListRef(c.electionId, c.partyRegistrationNumber)));
  for (const ref of refs)
    await appendToLog(trx, { kind: 'candidates.list', at, ref, publicRecord: await listRecord(trx, ref) });
}

async function existing(db: Db): Promise<LoggedRef[]> {
  const lists = await db
    .selectFrom('candidates')
    .select((eb) => ['election_id', 'party_registration_number', eb.fn.max('updated_at').as('at')])
    .groupBy(['election_id', 'party_registration_number'])
    .orderBy('election_id')
    .orderBy('party_registration_number')
    .execute();
  return lists.map((l) => ({
    kind: 'candidates.list',
    at: String(l.at),
    ref: candidateListRef(l.election_id, l.party_registration_number),
  }));
}

export const candidatesLogged: LoggedRecords = {
  kinds: ['candidates.list'],
  recordOf: (db, _kind, ref) => listRecord(db, ref),
  existing,
};
