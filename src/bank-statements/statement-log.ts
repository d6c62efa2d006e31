// What the transparency log holds of bank statements: that a statement of a party's fund for a period
// was taken in, with the SHA-256 of the original file. No account number, amount or transaction: the
// public sees the bank figures, not the statement, and the hash pins the file without showing it.
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { LoggedRecords, LoggedRef } from '../platform/capability.ts';
import { appendToLog } from '../transparency-log/index.ts';
import { findStatement } from './statement.repository.ts';

type Db = Kysely<Database>;

export const statementRef = (id: number): string => `bank-statement/${id}`;
const idOf = (ref: string): number => Number(/^bank-statement\/(\d+)$/.exec(ref)?.[1] ?? NaN);

async function statementRecord(db: Db, id: number): Promise<unknown> {
  const s = Number.isSafeInteger(id) ? await findStatement(db, id) : undefined;
  return (
    s && {
      statement: s.id,
      election: s.electionId,
      party: s.partyRegistrationNumber,
      sequence: s.sequence,
      from: s.from,
      to: s.to,
      fileSha256: s.blobSha256,
    }
  );
}

/** Logs a statement just taken in, inside its transaction. */
export async function logStatement(trx: Db, id: number, at: string): Promise<void> {
  await appendToLog(trx, {
    kind: 'bank.statement',
    at,
    ref: statementRef(id),
    publicRecord: await statementRecord(trx, id),
  });
}

async function existing(db: Db): Promise<LoggedRef[]> {
  const rows = await db.selectFrom('bank_statements').select(['id', 'uploaded_at']).orderBy('id').execute();
  return rows.map((r) => ({ kind: 'bank.statement', at: r.uploaded_at, ref: statementRef(Number(r.id)) }));
}

export const statementsLogged: LoggedRecords = {
  kinds: ['bank.statement'],
  recordOf: (db, _kind, ref) => statementRecord(db, idOf(ref)),
  existing,
};
