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
  nextDeadline,
  partyReportStatuses,
  reportState,
} from './report-deadlines.ts';

const profile = findRulesProfile('kg-2021-parliament')!;
const deadlines = deadlinesOf(profile, '2030-10-06');

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
    const states = partyReportStatuses(deadlines, new Map([['initial', '2030-09-10T09:00:00Z']]), now);
    expect(states.map((s) => s.status.state)).toEqual(['filed', 'missing', 'due']);
    expect(nextDeadline(deadlines, now)).toEqual({ kind: 'final', dueDate: '2030-10-16', daysLeft: 15 });
    expect(nextDeadline(deadlines, new Date('2030-12-01T00:00:00Z'))).toBeUndefined();
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
