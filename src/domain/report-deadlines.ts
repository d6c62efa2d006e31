// The law's calendar for finance reports, shared by filings and the public finance pages: report deadlines of an election and the state of each party's reports against them: filed on
// time, filed late, missing, or still due with a countdown. Pure: the clock and the filing dates
// are passed in, so the flags can be tested for any day (domain notes §4: missing reports went
// unnoticed; here they are flagged on the public pages).
import type { ReportKind, RulesProfile } from './rules-profile.ts';

/** Deadlines are counted in days in Kyrgyzstan (UTC+6 all year): a report filed at 23:30 in Bishkek is filed that day. */
export const DEADLINE_TIME_ZONE = 'Asia/Bishkek';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: DEADLINE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day (YYYY-MM-DD) of an instant (a Date or an ISO timestamp) in Bishkek. */
export function bishkekDay(instant: Date | string): string {
  // en-CA formats as YYYY-MM-DD.
  return dayFormat.format(typeof instant === 'string' ? new Date(instant) : instant);
}

const MS_PER_DAY = 86_400_000;
const utcMidnight = (isoDay: string): number => Date.parse(`${isoDay.slice(0, 10)}T00:00:00Z`);

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / MS_PER_DAY);
}

export function addDays(isoDay: string, days: number): string {
  return new Date(utcMidnight(isoDay) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

export interface ReportDeadline {
  kind: ReportKind;
  /** Last day on which the report is on time, inclusive. */
  dueDate: string;
}

/** The deadlines the rules profile sets, in date order. */
export function deadlinesOf(profile: Pick<RulesProfile, 'reports'>, electionDay: string): ReportDeadline[] {
  return profile.reports
    .map((r) => ({ kind: r.kind, dueDate: addDays(electionDay, r.dueDaysFromElectionDay) }))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}

export type ReportState =
  | { state: 'filed'; filedOn: string }
  | { state: 'late'; filedOn: string; daysLate: number }
  | { state: 'missing'; daysOverdue: number }
  | { state: 'due'; daysLeft: number };

export interface PartyReportStatus extends ReportDeadline {
  status: ReportState;
}

/**
 * The state of one report. `firstFiledAt` is when its first version was filed: an amendment after
 * the deadline does not make an on-time report late, and a late report stays late once amended.
 */
export function reportState(deadline: ReportDeadline, firstFiledAt: string | undefined, now: Date): ReportState {
  const today = bishkekDay(now);
  if (firstFiledAt !== undefined) {
    const filedOn = bishkekDay(new Date(firstFiledAt));
    const daysLate = daysBetween(deadline.dueDate, filedOn);
    return daysLate > 0 ? { state: 'late', filedOn, daysLate } : { state: 'filed', filedOn };
  }
  const daysLeft = daysBetween(today, deadline.dueDate);
  return daysLeft < 0 ? { state: 'missing', daysOverdue: -daysLeft } : { state: 'due', daysLeft };
}

/** Every deadline of the profile with the party's state, given when each kind was first filed. */
export function partyReportStatuses(
  deadlines: readonly ReportDeadline[],
  firstFiledAtByKind: ReadonlyMap<string, string>,
  now: Date,
): PartyReportStatus[] {
  return deadlines.map((d) => ({ ...d, status: reportState(d, firstFiledAtByKind.get(d.kind), now) }));
}

/** Late and missing reports are what the public pages flag. */
export const isFlagged = (s: ReportState): boolean => s.state === 'late' || s.state === 'missing';

/** The nearest deadline that is still ahead (or today), for the countdown. */
export function nextDeadline(
  deadlines: readonly ReportDeadline[],
  now: Date,
): (ReportDeadline & { daysLeft: number }) | undefined {
  const today = bishkekDay(now);
  const ahead = deadlines.filter((d) => d.dueDate >= today);
  const first = ahead[0];
  return first ? { ...first, daysLeft: daysBetween(today, first.dueDate) } : undefined;
}
