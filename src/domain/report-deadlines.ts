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
  /** Filed by its deadline; `coveredBy` names a later report whose period took this one's in. */
  | { state: 'filed'; filedOn: string; coveredBy?: ReportKind }
  | { state: 'late'; filedOn: string; daysLate: number }
  /** `daysOverdue` is null once the election is closed or annulled: the count stops with it. */
  | { state: 'missing'; daysOverdue: number | null }
  | { state: 'due'; daysLeft: number };

export interface PartyReportStatus extends ReportDeadline {
  status: ReportState;
}

/** What the clock needs of the election: when its campaign began and whether it is over. */
export interface ReportCalendar {
  campaignStart: string;
  /** Closed or annulled: nothing is counted down any more, and missing reports stop ageing. */
  over: boolean;
}

/** An election is over for its reports once it is closed or annulled. */
export const electionOver = (status: string): boolean => status === 'closed' || status === 'annulled';

export const reportCalendarOf = (e: { campaignStart: string; status: string }): ReportCalendar => ({
  campaignStart: e.campaignStart,
  over: electionOver(e.status),
});

/** A kind of report a party filed: when its first version came and the first day it covers. */
export interface FiledKind {
  firstFiledAt: string;
  periodFrom: string;
}

/**
 * The state of one report. `firstFiledAt` is when its first version was filed: an amendment after
 * the deadline does not make an on-time report late, and a late report stays late once amended.
 */
export function reportState(
  deadline: ReportDeadline,
  firstFiledAt: string | undefined,
  now: Date,
  over = false,
): ReportState {
  const today = bishkekDay(now);
  if (firstFiledAt !== undefined) {
    const filedOn = bishkekDay(new Date(firstFiledAt));
    const daysLate = daysBetween(deadline.dueDate, filedOn);
    return daysLate > 0 ? { state: 'late', filedOn, daysLate } : { state: 'filed', filedOn };
  }
  if (over) return { state: 'missing', daysOverdue: null };
  const daysLeft = daysBetween(today, deadline.dueDate);
  return daysLeft < 0 ? { state: 'missing', daysOverdue: -daysLeft } : { state: 'due', daysLeft };
}

/**
 * The later report whose period takes in the period of `deadlines[i]`, if one was filed: a report
 * covers an earlier kind when it starts no later than that kind's period does (the campaign start
 * for the first deadline, the previous deadline for the others). A first report from the campaign
 * start thus stands for the initial report the party did not file separately.
 */
function coveringReport(
  deadlines: readonly ReportDeadline[],
  i: number,
  filed: ReadonlyMap<string, FiledKind>,
  campaignStart: string,
): { kind: ReportKind; filed: FiledKind } | undefined {
  const start = i === 0 ? campaignStart : (deadlines[i - 1]?.dueDate ?? campaignStart);
  for (const later of deadlines.slice(i + 1)) {
    const f = filed.get(later.kind);
    if (f && f.periodFrom <= start) return { kind: later.kind, filed: f };
  }
  return undefined;
}

/** Every deadline of the profile with the party's state, given the reports it filed of each kind. */
export function partyReportStatuses(
  deadlines: readonly ReportDeadline[],
  filed: ReadonlyMap<string, FiledKind>,
  now: Date,
  calendar: ReportCalendar,
): PartyReportStatus[] {
  return deadlines.map((d, i) => {
    const own = filed.get(d.kind);
    if (!own) {
      const cover = coveringReport(deadlines, i, filed, calendar.campaignStart);
      if (cover)
        return {
          ...d,
          status: { state: 'filed', filedOn: bishkekDay(cover.filed.firstFiledAt), coveredBy: cover.kind },
        };
    }
    return { ...d, status: reportState(d, own?.firstFiledAt, now, calendar.over) };
  });
}

/** Late and missing reports are what the public pages flag. */
export const isFlagged = (s: ReportState): boolean => s.state === 'late' || s.state === 'missing';

/** Whether a report no longer waits for anything: filed, late or on time, or covered by a later one. */
export const isSatisfied = (s: ReportState): boolean => s.state === 'filed' || s.state === 'late';

/**
 * The nearest deadline that is still ahead (or today), for the countdown: none once the election is
 * over, and none for a kind in `done` (every report of it is in).
 */
export function nextDeadline(
  deadlines: readonly ReportDeadline[],
  now: Date,
  opts: { over?: boolean; done?: ReadonlySet<string> } = {},
): (ReportDeadline & { daysLeft: number }) | undefined {
  if (opts.over) return undefined;
  const today = bishkekDay(now);
  const ahead = deadlines.filter((d) => d.dueDate >= today && !opts.done?.has(d.kind));
  const first = ahead[0];
  return first ? { ...first, daysLeft: daysBetween(today, first.dueDate) } : undefined;
}
