// Which periods a report may have, for the treasurer's forms: both ends real days, in order, not in the
// future, from the day the election was called at the earliest (a party's fund may open before the
// campaign formally starts, not before there is an election) and to the last report deadline at the latest. A new
// draft and a corrected header are refused at once with every problem of the period together.
import type { Problem } from '../../platform/result.ts';
import type { Election } from '../../domain/election.ts';
import type { RulesProfile } from '../../domain/rules-profile.ts';
import { deadlinesOf } from '../../domain/report-deadlines.ts';
import { filingProblem } from './validation.messages.ts';

export interface PeriodBounds {
  /** The Bishkek day of the request: a period cannot end after it. */
  today: string;
  /** The day the election was called: no report covers days before it. */
  calledOn: string;
  /** The last report deadline of the election (its campaign end when the rules set none). */
  lastDay: string;
}

export function periodBoundsOf(
  election: Pick<Election, 'calledOn' | 'campaignEnd' | 'electionDay'>,
  rules: Pick<RulesProfile, 'reports'>,
  today: string,
): PeriodBounds {
  const last = deadlinesOf(rules, election.electionDay).at(-1)?.dueDate;
  return {
    today,
    calledOn: election.calledOn,
    lastDay: last && last > election.campaignEnd ? last : election.campaignEnd,
  };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
export const isIsoDay = (s: string): boolean =>
  ISO_DAY.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** The period's order, once both ends are days. */
export function reversedPeriod(from: string, to: string): Problem | undefined {
  if (from <= to) return undefined;
  return filingProblem('period.reversed', {
    severity: 'error',
    field: 'header.periodTo',
    params: { section: 'header', from, to },
  });
}

/**
 * Every problem of a period whose ends are both real days (the caller reports ends that are not): order,
 * future days, and the election's bounds when they are known.
 */
export function periodProblems(from: string, to: string, bounds: PeriodBounds | undefined): Problem[] {
  const problems: Problem[] = [];
  const reversed = reversedPeriod(from, to);
  if (reversed) problems.push(reversed);
  if (!bounds) return problems;
  for (const [field, date] of [
    ['periodFrom', from],
    ['periodTo', to],
  ] as const) {
    if (date > bounds.today)
      problems.push(
        filingProblem('date.in_future', {
          severity: 'error',
          field: `header.${field}`,
          params: { section: 'header', date, today: bounds.today },
        }),
      );
  }
  if (from < bounds.calledOn)
    problems.push(
      filingProblem('period.before_call', {
        severity: 'error',
        field: 'header.periodFrom',
        params: { section: 'header', from, calledOn: bounds.calledOn },
      }),
    );
  if (to > bounds.lastDay)
    problems.push(
      filingProblem('period.after_reports', {
        severity: 'error',
        field: 'header.periodTo',
        params: { section: 'header', to, lastDay: bounds.lastDay },
      }),
    );
  return problems;
}
