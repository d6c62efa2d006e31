// Reports filed late or not at all, against the deadlines of the rules profile (domain notes §3–4:
// missing reports went without consequence). A late report's delay is fixed the day it was filed; a
// missing one is counted in days only while the election is open: once it is closed the finding says
// the report was never filed, not that it is thousands of days overdue.
import { daysBetween, deadlinesOf, type ReportDeadline } from '../../../domain/report-deadlines.ts';
import { ART_41, ruleTitle, type Rule, type RuleHit } from '../rule.ts';

const CLOSED = new Set(['closed', 'annulled']);

export const reportLate: Rule = {
  id: 'report.late',
  title: ruleTitle('report.late'),
  article: ART_41,
  severity: 'warning',
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const d of deadlinesOf(ctx.profile, ctx.input.electionDay)) {
      // The first filing of any report of that kind decides: an amendment after the deadline is not late.
      const filed = ctx.lines.reports
        .filter((r) => r.kind === d.kind && r.firstFiledOn !== undefined)
        .map((r) => r.firstFiledOn as string)
        .sort()[0];
      if (!filed || filed <= d.dueDate) continue;
      hits.push({
        subject: `report:${d.kind}`,
        lineIds: [],
        evidence: { reportKind: d.kind, dueDate: d.dueDate, filedOn: filed, daysLate: daysBetween(d.dueDate, filed) },
      });
    }
    return hits;
  },
};

/**
 * Whether a later kind's report starts early enough to take in the period of `deadlines[i]` (from the
 * campaign start for the first deadline, from the previous deadline for the others), as the public report
 * statuses count it: then the earlier report is not missing, it is covered. Without the campaign start the
 * first deadline is never covered.
 */
function coveredByLaterReport(
  reports: ReadonlyArray<{ report: string; kind: string }>,
  deadlines: readonly ReportDeadline[],
  i: number,
  campaignStart: string | undefined,
): boolean {
  const start = i === 0 ? campaignStart : deadlines[i - 1]?.dueDate;
  if (start === undefined) return false;
  const later = new Set<string>(deadlines.slice(i + 1).map((d) => d.kind));
  // A report's key is its kind and the first day of its period.
  return reports.some((r) => later.has(r.kind) && (r.report.split(':')[1] ?? '9999') <= start);
}

export const reportMissing: Rule = {
  id: 'report.missing',
  title: ruleTitle('report.missing'),
  article: ART_41,
  severity: 'error',
  check(ctx) {
    const { today, electionDay, electionStatus } = ctx.input;
    const closed = CLOSED.has(electionStatus);
    const hits: RuleHit[] = [];
    const deadlines = deadlinesOf(ctx.profile, electionDay);
    deadlines.forEach((d, i) => {
      if (d.dueDate >= today || ctx.lines.reports.some((r) => r.kind === d.kind)) return;
      if (coveredByLaterReport(ctx.lines.reports, deadlines, i, ctx.input.campaignStart)) return;
      hits.push({
        subject: `report:${d.kind}`,
        lineIds: [],
        evidence: closed
          ? { reportKind: d.kind, dueDate: d.dueDate, electionClosed: true }
          : { reportKind: d.kind, dueDate: d.dueDate, daysOverdue: daysBetween(d.dueDate, today) },
      });
    });
    return hits;
  },
};

export const reportRules: readonly Rule[] = [reportLate, reportMissing];
