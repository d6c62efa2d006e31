// Filing and reading annual reports. Filing validates first (errors refuse the report and change
// nothing), runs the preliminary check of the donations against the registries, and then does all of the
// rest in ONE transaction: the chain of the party's year (made on its first report), the new version as
// its latest, the activity record and the transparency log's leaf. A retried submission with the same
// idempotency key gets the first one's answer; the same key with another document is refused.
//
// Reading gives the public form only: no PIN or address leaves this module except inside the stored
// document, and every donor is named by the explore capability's public identifier, the same for one
// person or organisation in every year and every report.
import { createHash } from 'node:crypto';
import type { AppContext } from '../platform/app-context.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { isUniqueViolation } from '../platform/db/unique-violation.ts';
import { err, ok, type Problem, type Result } from '../platform/result.ts';
import { bishkekDay } from '../domain/report-deadlines.ts';
import type { Party } from '../domain/election.ts';
import { findParty } from '../parties/index.ts';
import { getElections } from '../elections/index.ts';
import { SqlRegistry, type AnalysedFinding, type PublicFinding, type RegistryPort } from '../compliance/index.ts';
import { donorIdentity, identityKey } from '../explore/index.ts';
import { annualReportSchema, type AnnualReport } from './core/annual-report.ts';
import { validateAnnualReport } from './core/annual-report-validation.ts';
import { annualReportDeadline, filedLate } from './core/annual-rules.ts';
import { checkAnnualReport, publicAnnualFinding, registryQueryOf } from './core/preliminary-check.ts';
import { toPublicAnnualReport, type PublicAnnualReport } from './core/public-annual-report.ts';
import {
  findChain,
  findVersion,
  findVersionByIdempotencyKey,
  firstFiledOf,
  insertChain,
  insertLatestVersion,
  listLatestOfParty,
  listVersions,
  maxVersion,
  type AnnualVersionRow,
} from './annual-reports.repository.ts';
import { logFiledAnnualReport } from './annual-report-log.ts';

/** The activity log's name for a party's year: `<party>/<year>`. */
export const ANNUAL_REPORT_ENTITY = 'annual_report';
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

export interface AnnualSubmitOptions {
  actor: string;
  /** Stored as given: callers namespace it (`web:…`, `api:<party>:…`) so that filers cannot collide. */
  idempotencyKey: string | null;
  /** The registries the check asks; the newest imported snapshots by default. */
  registry?: RegistryPort;
}

export interface AnnualSubmitOutcome {
  id: number;
  party: string;
  year: number;
  version: number;
  replayed: boolean;
  warnings: Problem[];
  findings: number;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const serviceProblem = (code: string, message: string, field = 'document'): Problem => ({
  code,
  message,
  field,
  severity: 'error',
});

function replayOf(v: AnnualVersionRow, bodySha: string): Result<AnnualSubmitOutcome> {
  if (v.bodySha256 !== bodySha)
    return err([
      serviceProblem(
        'annual.idempotency_conflict',
        'This idempotency key was already used for a different report; use a new key for a new submission.',
      ),
    ]);
  const findings = (JSON.parse(v.findingsJson) as unknown[]).length;
  return ok({ id: v.id, party: v.party, year: v.year, version: v.version, replayed: true, warnings: [], findings });
}

/** The party a submission under this key filed for, for authorising a repeated form post. */
export async function annualSubmissionOwner(ctx: AppContext, key: string): Promise<string | undefined> {
  return (await findVersionByIdempotencyKey(ctx.db, key))?.party;
}

/** Files an annual report (a first report of a year, or its amendment). */
export async function submitAnnualReport(
  ctx: AppContext,
  body: unknown,
  opts: AnnualSubmitOptions,
): Promise<Result<AnnualSubmitOutcome>> {
  const bodyJson = JSON.stringify(body);
  const bodySha = sha256(bodyJson);
  if (opts.idempotencyKey !== null) {
    const earlier = await findVersionByIdempotencyKey(ctx.db, opts.idempotencyKey);
    if (earlier) return replayOf(earlier, bodySha);
  }
  const today = bishkekDay(ctx.now());
  const valid = validateAnnualReport(body, { today });
  if (!valid.ok) return valid;
  const { report, warnings } = valid.value;
  const party = report.header.partyRegistrationNumber;
  if (!(await findParty(ctx.db, party)))
    return err([
      serviceProblem('annual.unknown_party', `No party is registered as “${party}”.`, 'header.partyRegistrationNumber'),
    ]);

  const registry = opts.registry ?? new SqlRegistry(ctx.db);
  const findings = checkAnnualReport(report, await registry.lookup(registryQueryOf(report, today)), today);

  // Two filings of one year at once both see the same newest version; the unique keys make one of them
  // fail, and it tries again on top of the other's (or finds that it was the same request).
  for (let attempt = 0; ; attempt++) {
    const at = ctx.now();
    try {
      const out = await ctx.db.transaction().execute(async (trx) => {
        const chainId =
          (await findChain(trx, party, report.header.year))?.id ??
          (await insertChain(trx, party, report.header.year, at.toISOString()));
        const version = (await maxVersion(trx, chainId)) + 1;
        const id = await insertLatestVersion(trx, {
          chainId,
          version,
          bodyJson,
          bodySha256: bodySha,
          findingsJson: JSON.stringify(findings),
          totalReceipts: report.totals.receipts,
          totalExpenditures: report.totals.expenditures,
          closingCash: report.cash.closing,
          idempotencyKey: opts.idempotencyKey,
          createdBy: opts.actor,
          submittedAt: at.toISOString(),
        });
        await recordActivity(
          trx,
          {
            actor: opts.actor,
            action: version === 1 ? 'annual-report.filed' : 'annual-report.amended',
            entityType: ANNUAL_REPORT_ENTITY,
            entityId: `${party}/${report.header.year}`,
            ...(version > 1 ? { before: { version: version - 1 } } : {}),
            after: { id, version, findings: findings.length },
          },
          at,
        );
        await logFiledAnnualReport(trx, id, at.toISOString());
        return { id, version };
      });
      return ok({
        id: out.id,
        party,
        year: report.header.year,
        version: out.version,
        replayed: false,
        warnings,
        findings: findings.length,
      });
    } catch (e) {
      if (!isUniqueViolation(e) || attempt >= 3) throw e;
      if (opts.idempotencyKey !== null) {
        const raced = await findVersionByIdempotencyKey(ctx.db, opts.idempotencyKey);
        if (raced) return replayOf(raced, bodySha);
      }
    }
  }
}

// ---- reading

/** A donation as the public page shows it, with its donor's public identifier. */
export type DonationWithDonor = PublicAnnualReport['receipts']['donations'][number] & {
  donorId: string;
  /** Whether the donor is known by an identification number, or only by a name (which two may share). */
  donorBasis: 'number' | 'name';
};

export interface AnnualReportView {
  party: Party;
  year: number;
  /** The version shown: the latest unless an earlier one was asked for. */
  shown: AnnualVersionRow;
  latest: AnnualVersionRow;
  versions: AnnualVersionRow[];
  report: PublicAnnualReport;
  donations: DonationWithDonor[];
  findings: PublicFinding[];
  deadline: string;
  /** The day the year's first version was filed (Bishkek), and whether that was after the deadline. */
  firstFiledOn: string;
  late: boolean;
  /** Elections held in the year (their election day in it): none is the usual case. */
  electionsInYear: Array<{ id: string; name: Party['name'] }>;
}

const parseStored = (v: AnnualVersionRow): AnnualReport => annualReportSchema.parse(JSON.parse(v.bodyJson));
const storedFindings = (v: AnnualVersionRow): PublicFinding[] =>
  (JSON.parse(v.findingsJson) as AnalysedFinding[]).map(publicAnnualFinding);

/** The donations of a stored version with their donors' public identifiers; the PINs stay here. */
async function donationsOf(ctx: AppContext, report: AnnualReport): Promise<DonationWithDonor[]> {
  const key = await identityKey(ctx);
  const shown = toPublicAnnualReport(report).receipts.donations;
  return report.receipts.donations.map((d, i) => {
    const identity = donorIdentity(key, {
      donorType: d.donorType,
      name: d.donorName,
      pin: d.donorPin ?? null,
      inn: d.donorInn ?? null,
    });
    const publicLine = shown[i];
    if (!publicLine) throw new Error('public form lost a donation');
    return { ...publicLine, donorId: identity.id, donorBasis: identity.basis };
  });
}

/** One year of a party's reports: the latest version, or the version asked for, with the history. */
export async function getAnnualReport(
  ctx: AppContext,
  partyRegistrationNumber: string,
  year: number,
  versionWanted?: number,
): Promise<AnnualReportView | undefined> {
  const party = await findParty(ctx.db, partyRegistrationNumber);
  if (!party) return undefined;
  const versions = await listVersions(ctx.db, partyRegistrationNumber, year);
  const latest = versions.find((v) => v.isLatest) ?? versions.at(-1);
  const shown = versionWanted === undefined ? latest : versions.find((v) => v.version === versionWanted);
  const first = versions[0];
  if (!latest || !shown || !first) return undefined;
  const stored = parseStored(shown);
  const firstFiledOn = bishkekDay(first.submittedAt);
  const elections = (await getElections(ctx)).filter((e) => e.electionDay.startsWith(`${year}-`));
  return {
    party,
    year,
    shown,
    latest,
    versions,
    report: toPublicAnnualReport(stored),
    donations: await donationsOf(ctx, stored),
    findings: storedFindings(shown),
    deadline: annualReportDeadline(year),
    firstFiledOn,
    late: filedLate(year, firstFiledOn),
    electionsInYear: elections.map((e) => ({ id: e.id, name: e.name })),
  };
}

export interface AnnualYearSummary {
  year: number;
  version: number;
  id: number;
  submittedAt: string;
  totalReceipts: number;
  totalExpenditures: number;
  closingCash: number;
  findings: number;
  deadline: string;
  late: boolean;
}

/** A party's annual reports, newest year first; undefined when there is no such party. */
export async function getPartyAnnualReports(
  ctx: AppContext,
  partyRegistrationNumber: string,
): Promise<{ party: Party; years: AnnualYearSummary[] } | undefined> {
  const party = await findParty(ctx.db, partyRegistrationNumber);
  if (!party) return undefined;
  const [latest, first] = await Promise.all([
    listLatestOfParty(ctx.db, partyRegistrationNumber),
    firstFiledOf(ctx.db, partyRegistrationNumber),
  ]);
  return {
    party,
    years: latest.map((v) => {
      const firstFiled = first.get(v.year) ?? v.submittedAt;
      return {
        year: v.year,
        version: v.version,
        id: v.id,
        submittedAt: v.submittedAt,
        totalReceipts: v.totalReceipts,
        totalExpenditures: v.totalExpenditures,
        closingCash: v.closingCash,
        findings: (JSON.parse(v.findingsJson) as unknown[]).length,
        deadline: annualReportDeadline(v.year),
        late: filedLate(v.year, bishkekDay(firstFiled)),
      };
    }),
  };
}

/** One filed version by id (the API's address of a version). */
export async function getAnnualVersion(ctx: AppContext, id: number): Promise<AnnualReportView | undefined> {
  const v = await findVersion(ctx.db, id);
  return v ? getAnnualReport(ctx, v.party, v.year, v.version) : undefined;
}

/** The stored document of the latest version, for the treasurer's amendment form (their own party only). */
export async function latestDocumentForAmendment(
  ctx: AppContext,
  party: string,
): Promise<Array<{ year: number; version: number; document: unknown }>> {
  const latest = await listLatestOfParty(ctx.db, party);
  return latest.map((v) => ({ year: v.year, version: v.version, document: JSON.parse(v.bodyJson) as unknown }));
}

export interface DonorGift {
  party: Party;
  year: number;
  lineId: string;
  date: string;
  amount: number;
  donorName: string;
  donorType: DonationWithDonor['donorType'];
}

/**
 * Every donation in the latest version of any party's annual report whose donor has this public
 * identifier: one person or organisation across years and parties, however its name was spelled.
 */
export async function getDonorAcrossYears(ctx: AppContext, donorId: string): Promise<DonorGift[]> {
  const rows = await ctx.db
    .selectFrom('annual_reports')
    .innerJoin('annual_report_chains', 'annual_report_chains.id', 'annual_reports.chain_id')
    .select(['annual_report_chains.party_registration_number as party', 'annual_reports.body_json'])
    .where('annual_reports.is_latest', '=', 1)
    .orderBy('annual_report_chains.year')
    .orderBy('annual_report_chains.party_registration_number')
    .execute();
  const parties = new Map<string, Party | undefined>();
  const out: DonorGift[] = [];
  for (const r of rows) {
    const report = annualReportSchema.parse(JSON.parse(r.body_json));
    for (const d of await donationsOf(ctx, report)) {
      if (d.donorId !== donorId) continue;
      if (!parties.has(r.party)) parties.set(r.party, await findParty(ctx.db, r.party));
      const party = parties.get(r.party);
      if (!party) continue;
      out.push({
        party,
        year: report.header.year,
        lineId: d.lineId,
        date: d.date,
        amount: d.amount,
        donorName: d.donorName,
        donorType: d.donorType,
      });
    }
  }
  return out;
}
