// What the transparency log holds of finance reports: each filed version (its public document, as the
// report page and API show it, and the SHA-256 of each scan) and each review outcome. The same
// functions make the leaf when the change happens and read the record back for `talapker log verify`.
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { LoggedRecords, LoggedRef } from '../platform/capability.ts';
import { appendToLog } from '../transparency-log/index.ts';
import { parseFiled } from './core/draft.ts';
import { toPublicFiling } from './core/public-filing.ts';
import { findFiling, listStatusEvents } from './filing.repository.ts';
import { listAttachments } from './attachment.repository.ts';

type Db = Kysely<Database>;

/** A report version's public identifier: its id, as in `/{locale}/reports/{id}`. */
export const filingRef = (filingId: number): string => `filing/${filingId}`;
const idOf = (ref: string): number => Number(/^filing\/(\d+)$/.exec(ref)?.[1] ?? NaN);

async function versionRecord(db: Db, filingId: number): Promise<unknown> {
  const f = await findFiling(db, filingId);
  if (!f || f.version === 0) return undefined;
  const scans = await listAttachments(db, filingId);
  return {
    filing: f.id,
    chain: f.chainId,
    version: f.version,
    submittedAt: f.submittedAt,
    document: toPublicFiling(parseFiled(f.bodyJson)),
    scans: scans.map((s) => ({ sha256: s.sha256 })),
  };
}

/** The review outcome now: the version's status with the reason and time of its newest event. */
async function statusRecord(db: Db, filingId: number): Promise<unknown> {
  const f = await findFiling(db, filingId);
  const last = (await listStatusEvents(db, [filingId])).at(-1);
  if (!f || f.version === 0 || !last) return undefined;
  return { filing: f.id, status: f.status, reason: last.reason, at: last.at };
}

/** Logs a version just filed, inside its transaction. */
export async function logFiledVersion(trx: Db, filingId: number, at: string): Promise<void> {
  const publicRecord = await versionRecord(trx, filingId);
  await appendToLog(trx, { kind: 'filing.version', at, ref: filingRef(filingId), publicRecord });
}

/** Logs a review outcome just recorded, inside its transaction. */
export async function logReviewOutcome(trx: Db, filingId: number, at: string): Promise<void> {
  const publicRecord = await statusRecord(trx, filingId);
  await appendToLog(trx, { kind: 'filing.status', at, ref: filingRef(filingId), publicRecord });
}

async function existing(db: Db): Promise<LoggedRef[]> {
  const versions = await db
    .selectFrom('filings')
    .select(['id', 'submitted_at'])
    .where('version', '>', 0)
    .orderBy('id')
    .execute();
  const reviews = await db
    .selectFrom('filing_status_events')
    .select(['filing_id', 'at'])
    .where('status', '<>', 'filed')
    .orderBy('id')
    .execute();
  return [
    ...versions.map((v) => ({ kind: 'filing.version', at: v.submitted_at ?? '', ref: filingRef(Number(v.id)) })),
    ...reviews.map((e) => ({ kind: 'filing.status', at: e.at, ref: filingRef(Number(e.filing_id)) })),
  ];
}

export const filingsLogged: LoggedRecords = {
  kinds: ['filing.version', 'filing.status'],
  recordOf: (db, kind, ref) => (kind === 'filing.version' ? versionRecord(db, idOf(ref)) : statusRecord(db, idOf(ref))),
  existing,
};
