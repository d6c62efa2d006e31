// The downloads of one year: the public JSON of a version, and its donations as CSV. Both are the
// public form (no PIN, no address); the CSV names each donor by its public identifier, so a reader can
// join years and parties without ever seeing a number of a person.
import { csvDocument } from '../../platform/csv.ts';
import { toDecimalString } from '../../domain/money.ts';
import type { AnnualReportView } from '../annual-reports.service.ts';

export function annualReportJson(v: AnnualReportView) {
  return {
    party: v.party.registrationNumber,
    year: v.year,
    version: v.shown.version,
    latestVersion: v.latest.version,
    submittedAt: v.shown.submittedAt,
    deadline: v.deadline,
    firstFiledOn: v.firstFiledOn,
    late: v.late,
    document: v.report,
    donors: v.donations.map((d) => ({ lineId: d.lineId, donorId: d.donorId, basis: d.donorBasis })),
    findings: v.findings,
    versions: v.versions.map((x) => ({ version: x.version, submittedAt: x.submittedAt, isLatest: x.isLatest })),
  };
}

export function donationsCsv(v: AnnualReportView): string {
  return csvDocument(
    [
      'party',
      'year',
      'version',
      'line_id',
      'date',
      'donor_id',
      'donor_type',
      'donor_name',
      'donor_inn',
      'channel',
      'amount_som',
    ],
    v.donations.map((d) => [
      v.party.registrationNumber,
      v.year,
      v.shown.version,
      d.lineId,
      d.date,
      d.donorId,
      d.donorType,
      d.donorName,
      d.donorInn ?? '',
      d.channel,
      toDecimalString(d.amount),
    ]),
  );
}
