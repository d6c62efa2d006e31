// When a report of a party was due and whether its first version came late, by the rules profile of the
// election (the law's calendar itself is in src/domain/report-deadlines.ts).
import { bishkekDay, daysBetween, deadlinesOf } from '../../domain/report-deadlines.ts';
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

/** The kinds of report the rules required by `today` of which the party filed none. */
export function missingReports(
  rules: RulesProfile,
  election: Election,
  filedKinds: readonly ReportKind[],
  today: string,
): Array<{ kind: ReportKind; due: string }> {
  return rules.reports
    .map((r) => ({ kind: r.kind, due: dueDate(rules, election, r.kind) ?? '' }))
    .filter((m) => m.due !== '' && m.due < today && !filedKinds.includes(m.kind));
}
