// What a new analysis run does to a finding already on record. The analysts' decisions stand (a
// dismissed finding stays dismissed), but the facts move a finding on: its remedy recorded in a report
// makes it remedied, its cause gone (an amendment fixed the line) makes it resolved, and a cause that
// comes back opens it again. Nothing is deleted: each change becomes an event in the finding's history.
import type { FindingStatus } from './finding.ts';

export interface AnalysisChange {
  status: FindingStatus;
  /** The history event: `remedy_recorded`, `resolve` or `reopen`. */
  event: 'remedy_recorded' | 'resolve' | 'reopen';
  reason: string;
}

export function nextStatusAfterAnalysis(
  current: FindingStatus,
  now: { present: boolean; remedied: boolean },
): AnalysisChange | null {
  if (current === 'dismissed') return null;
  if (!now.present) {
    return current === 'resolved' ? null : { status: 'resolved', event: 'resolve', reason: 'cause_gone' };
  }
  if (current === 'resolved') {
    return now.remedied
      ? { status: 'remedied', event: 'reopen', reason: 'cause_back_remedied' }
      : { status: 'open', event: 'reopen', reason: 'cause_back' };
  }
  if (now.remedied && current !== 'remedied') {
    return { status: 'remedied', event: 'remedy_recorded', reason: 'remedy_in_reports' };
  }
  if (!now.remedied && current === 'remedied') {
    return { status: 'open', event: 'reopen', reason: 'remedy_no_longer_recorded' };
  }
  return null;
}
