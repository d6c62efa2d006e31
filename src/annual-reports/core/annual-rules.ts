// When an annual report is due. The rules profile holds every number the law sets for one election, and
// an annual report belongs to no election: a year without one has no profile to read a deadline from.
// So the deadline is kept here, as a setting of the capability, until the law on political parties sets
// one and the platform has profiles for years rather than elections. Nothing in the law found so far
// fixes the day (domain notes §3: "report kinds and deadlines: profile data", status [?]); 1 April of the
// following year is the common deadline of annual accounts in the region and leaves a quarter to close
// the books.
import { addDays } from '../../domain/report-deadlines.ts';

export interface AnnualReportRules {
  /** The last day a report is on time, as a day of the year after the reporting year (`MM-DD`). */
  dueMonthDay: string;
  /**
   * Days to return a prohibited donation or pass it to the budget. The same default as the campaign
   * profiles (domain notes §2: "a profile setting, default 10 days").
   */
  refundDeadlineDays: number;
}

export const ANNUAL_REPORT_RULES: AnnualReportRules = { dueMonthDay: '04-01', refundDeadlineDays: 10 };

/** The last day on which the report of `year` is on time (inclusive). */
export const annualReportDeadline = (year: number, rules: AnnualReportRules = ANNUAL_REPORT_RULES): string =>
  `${String(year + 1).padStart(4, '0')}-${rules.dueMonthDay}`;

/** The first day after the year: a report can be filed only once the year is over. */
export const dayAfterYear = (year: number): string => addDays(`${String(year).padStart(4, '0')}-12-31`, 1);

/** Whether a report first filed on `filedOn` (YYYY-MM-DD, Bishkek) came after its deadline. */
export const filedLate = (year: number, filedOn: string, rules: AnnualReportRules = ANNUAL_REPORT_RULES): boolean =>
  filedOn > annualReportDeadline(year, rules);
