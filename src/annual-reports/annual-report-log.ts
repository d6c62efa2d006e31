// What the transparency log holds of annual reports: each filed version in its public form (the document
// without PINs and addresses, as the page and the API show it) with the preliminary check's findings on
// it. The same function makes the leaf when the version is filed and reads it back for `talapker log verify`.
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { LoggedRecords, LoggedRef } from '../platform/capability.ts';
import { appendToLog } from '../transparency-log/index.ts';
import type { AnalysedFinding } from '../compliance/index.ts';
import { annualReportSchema } from './core/annual-report.ts';
import { publicAnnualFinding } from './core/preliminary-check.ts';
import { toPublicAnnualReport } from './core/public-annual-report.ts';
import { findVersion, listAllVersionIds, type AnnualVersionRow } from './annual-reports.repository.ts';

type Db = Kysely<Database>;

export const ANNUAL_REPORT_LEAF = 'annual-report.version';

/** A version's public identifier, as in `/api/v1/annual-reports/{id}`. */
export const annualReportRef = (id: number): string => `annual-report/${id}`;
const idOf = (ref: string): number => Number(/^annual-report\/(\d+)$/.exec(ref)?.[1] ?? NaN);

/** The public record of a version: what its page and API answer show of it. */
export function publicVersionRecord(v: AnnualVersionRow) {
  return {
    annualReport: v.id,
    party: v.party,
    year: v.year,
    version: v.version,
    submittedAt: v.submittedAt,
    document: toPublicAnnualReport(annualReportSchema.parse(JSON.parse(v.bodyJson))),
    findings: (JSON.parse(v.findingsJson) as AnalysedFinding[]).map(publicAnnualFinding),
  };
}

async function versionRecord(db: Db, id: number): Promise<unknown> {
  const v = await findVersion(db, id);
  return v ? publicVersionRecord(v) : undefined;
}

/** Logs a version just filed, inside its transaction. */
export async function logFiledAnnualReport(trx: Db, id: number, at: string): Promise<void> {
  const publicRecord = await versionRecord(trx, id);
  await appendToLog(trx, { kind: ANNUAL_REPORT_LEAF, at, ref: annualReportRef(id), publicRecord });
}

async function existing(db: Db): Promise<LoggedRef[]> {
  return (await listAllVersionIds(db)).map((v) => ({
    kind: ANNUAL_REPORT_LEAF,
    at: v.submittedAt,
    ref: annualReportRef(v.id),
  }));
}

export const annualReportsLogged: LoggedRecords = {
  kinds: [ANNUAL_REPORT_LEAF],
  recordOf: (db, _kind, ref) => versionRecord(db, idOf(ref)),
  existing,
};
