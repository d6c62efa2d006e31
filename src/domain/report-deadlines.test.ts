// Report deadlines against an injected clock: days are counted on the Bishkek calendar, the first
// filed version decides whether a report was on time, and the countdown reaches zero on the due day.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findRulesProfile } from './rules-profile.ts';
import {
  addDays,
  bishkekDay,
  daysBetween,
  deadlinesOf,
  isFlagged,
  isSatisfied,
  nextDeadline,
  partyReportStatuses,
  reportCalendarOf,
  reportState,
} from './report-deadlines.ts';

const profile = findRulesProfile('kg-2021-parliament')!;
const deadlines = deadlinesOf(profile, '2030-10-06');
const CAMPAIGN = { campaignStart: '2030-09-01', over: false };

describe('report deadlines', () => {
  it('come from the rules profile, relative to election day, in date order', () => {
    expect(deadlines).toEqual([
      { kind: 'initial', dueDate: '2030-09-11' },
      { kind: 'first', dueDate: '2030-09-26' },
      { kind: 'final', dueDate: '2030-10-16' },
    ]);
  });

  it('count days on the Bishkek calendar (UTC+6)', () => {
    expect(bishkekDay(new Date('2030-09-11T17:59:59Z'))).toBe('2030-09-11');
    expect(bishkekDay(new Date('2030-09-11T18:00:00Z'))).toBe('2030-09-12');
    const initial = deadlines[0]!;
    expect(reportState(initial, '2030-09-11T17:59:00Z', new Date('2030-10-01T00:00:00Z'))).toEqual({
      state: 'filed',
      filedOn: '2030-09-11',
    });
    expect(reportState(initial, '2030-09-11T18:01:00Z', new Date('2030-10-01T00:00:00Z'))).toEqual({
      state: 'late',
      filedOn: '2030-09-12',
      daysLate: 1,
    });
  });

  it('count down to the due day, then flag the report as missing', () => {
    const first = deadlines[1]!;
    expect(reportState(first, undefined, new Date('2030-09-20T06:00:00Z'))).toEqual({ state: 'due', daysLeft: 6 });
    expect(reportState(first, undefined, new Date('2030-09-26T17:00:00Z'))).toEqual({ state: 'due', daysLeft: 0 });
    expect(reportState(first, undefined, new Date('2030-09-26T18:30:00Z'))).toEqual({
      state: 'missing',
      daysOverdue: 1,
    });
    expect(isFlagged({ state: 'missing', daysOverdue: 1 })).toBe(true);
    expect(isFlagged({ state: 'due', daysLeft: 0 })).toBe(false);
  });

  it('give each party one state per deadline, and the next deadline ahead', () => {
    const now = new Date('2030-10-01T06:00:00Z');
    const states = partyReportStatuses(
      deadlines,
      new Map([['initial', { firstFiledAt: '2030-09-10T09:00:00Z', periodFrom: CAMPAIGN.campaignStart }]]),
      now,
      CAMPAIGN,
    );
    expect(states.map((s) => s.status.state)).toEqual(['filed', 'missing', 'due']);
    expect(nextDeadline(deadlines, now)).toEqual({ kind: 'final', dueDate: '2030-10-16', daysLeft: 15 });
    expect(nextDeadline(deadlines, new Date('2030-12-01T00:00:00Z'))).toBeUndefined();
  });

  it('stop counting once the election is closed or annulled: missing, with no days overdue, and no countdown', () => {
    const years = new Date('2037-01-01T06:00:00Z');
    const over = { ...CAMPAIGN, over: true };
    const states = partyReportStatuses(
      deadlines,
      new Map([['initial', { firstFiledAt: '2030-09-10T09:00:00Z', periodFrom: CAMPAIGN.campaignStart }]]),
      years,
      over,
    );
    expect(states.map((s) => s.status)).toEqual([
      { state: 'filed', filedOn: '2030-09-10' },
      { state: 'missing', daysOverdue: null },
      { state: 'missing', daysOverdue: null },
    ]);
    expect(nextDeadline(deadlines, new Date('2030-09-01T00:00:00Z'), { over: true })).toBeUndefined();
    expect(reportCalendarOf({ campaignStart: '2030-09-06', status: 'annulled' }).over).toBe(true);
    expect(reportCalendarOf({ campaignStart: '2030-09-06', status: 'closed' }).over).toBe(true);
    expect(reportCalendarOf({ campaignStart: '2030-09-06', status: 'campaign' }).over).toBe(false);
  });

  it('count a first report from the campaign start as the initial report too, and no other', () => {
    const now = new Date('2030-10-01T06:00:00Z');
    const fromStart = partyReportStatuses(
      deadlines,
      new Map([['first', { firstFiledAt: '2030-09-25T09:00:00Z', periodFrom: CAMPAIGN.campaignStart }]]),
      now,
      CAMPAIGN,
    );
    expect(fromStart.map((s) => s.status)).toEqual([
      { state: 'filed', filedOn: '2030-09-25', coveredBy: 'first' },
      { state: 'filed', filedOn: '2030-09-25' },
      { state: 'due', daysLeft: 15 },
    ]);
    expect(fromStart.some((s) => isFlagged(s.status))).toBe(false);
    // A first report that starts after the campaign did leaves the initial period unreported.
    const later = partyReportStatuses(
      deadlines,
      new Map([['first', { firstFiledAt: '2030-09-25T09:00:00Z', periodFrom: '2030-09-11' }]]),
      now,
      CAMPAIGN,
    );
    expect(later[0]?.status).toEqual({ state: 'missing', daysOverdue: 20 });
  });

  it('leave out of the countdown the kinds a party has filed', () => {
    const now = new Date('2030-09-05T06:00:00Z');
    expect(nextDeadline(deadlines, now)?.kind).toBe('initial');
    expect(nextDeadline(deadlines, now, { done: new Set(['initial']) })).toEqual({
      kind: 'first',
      dueDate: '2030-09-26',
      daysLeft: 21,
    });
    const filed = partyReportStatuses(
      deadlines,
      new Map([['initial', { firstFiledAt: '2030-09-04T09:00:00Z', periodFrom: CAMPAIGN.campaignStart }]]),
      now,
      CAMPAIGN,
    );
    expect(new Set(filed.filter((s) => isSatisfied(s.status)).map((s) => s.kind))).toEqual(new Set(['initial']));
  });

  it('add and count days consistently across months and years', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: -400, max: 400 }), (offset, n) => {
        const day = addDays('1990-01-01', offset);
        expect(daysBetween(day, addDays(day, n))).toBe(n);
      }),
    );
  });
});
