// When a report of a party was due and whether its first version came late, by the rules profile of the
// election (the law's calendar itself is in src/domain/report-deadlines.ts).
import {
  bishkekDay,
  daysBetween,
  deadlinesOf,
  partyReportStatuses,
  reportCalendarOf,
  type FiledKind,
} from '../../domain/report-deadlines.ts';
import type { Election } from '../../domain/election.ts';
import type { ReportKind, RulesProfile } from '../../domain/rules-profile.ts';

export interface Deadline {
  due: string;
  /** Bishkek day the first version was submitted. */
  filedOn: string;
  daysLate: number;
}

/** The due date of a report kind under a rules profile: election day plus the profile's offset. */
export function dueDate(rules: RulesProfile, election: Election, kind: ReportKind): string | undefined {
  return deadlinesOf(rules, election.electionDay).find((d) => d.kind === kind)?.dueDate;
}

/** The deadline of a report (a chain) and how late its first filed version was. */
export function deadlineOf(
  rules: RulesProfile,
  election: Election,
  chain: { reportKind: ReportKind },
  versions: ReadonlyArray<{ submittedAt: string | null }>,
): Deadline | undefined {
  const due = dueDate(rules, election, chain.reportKind);
  const first = versions[0];
  if (!due || !first?.submittedAt) return undefined;
  const filedOn = bishkekDay(first.submittedAt);
  return { due, filedOn, daysLate: Math.max(0, daysBetween(due, filedOn)) };
}

/** A filed report of a party as the deadlines see it: its kind, the first day it covers, its first version. */
export interface FiledReportOfParty {
  reportKind: ReportKind;
  periodFrom: string;
  firstSubmittedAt: string | null;
}

/**
 * The kinds of report whose deadline passed with nothing filed: neither the report itself nor a later one
 * that takes its period in (domain/report-deadlines.ts has the rule).
 */
export function missingReports(
  rules: RulesProfile,
  election: Election,
  filed: readonly FiledReportOfParty[],
  now: Date,
): Array<{ kind: ReportKind; due: string }> {
  const byKind = new Map<string, FiledKind>();
  for (const f of filed) {
    if (f.firstSubmittedAt === null) continue;
    const known = byKind.get(f.reportKind);
    byKind.set(f.reportKind, {
      firstFiledAt: known && known.firstFiledAt < f.firstSubmittedAt ? known.firstFiledAt : f.firstSubmittedAt,
      periodFrom: known && known.periodFrom < f.periodFrom ? known.periodFrom : f.periodFrom,
    });
  }
  return partyReportStatuses(deadlinesOf(rules, election.electionDay), byKind, now, reportCalendarOf(election))
    .filter((s) => s.status.state === 'missing')
    .map((s) => ({ kind: s.kind, due: s.dueDate }));
}
