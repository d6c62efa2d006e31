import { describe, expect, it } from 'vitest';
import { nextStatusAfterAnalysis } from './status-after-analysis.ts';
import type { FindingStatus } from './finding.ts';

describe('a finding on record, after a new analysis run', () => {
  const cases: Array<[FindingStatus, { present: boolean; remedied: boolean }, FindingStatus | null]> = [
    ['open', { present: true, remedied: false }, null],
    ['open', { present: true, remedied: true }, 'remedied'],
    ['confirmed', { present: true, remedied: true }, 'remedied'],
    ['confirmed', { present: true, remedied: false }, null],
    ['remedied', { present: true, remedied: true }, null],
    ['remedied', { present: true, remedied: false }, 'open'],
    ['open', { present: false, remedied: false }, 'resolved'],
    ['confirmed', { present: false, remedied: false }, 'resolved'],
    ['remedied', { present: false, remedied: false }, 'resolved'],
    ['resolved', { present: false, remedied: false }, null],
    ['resolved', { present: true, remedied: false }, 'open'],
    ['resolved', { present: true, remedied: true }, 'remedied'],
    ['dismissed', { present: true, remedied: true }, null],
    ['dismissed', { present: false, remedied: false }, null],
  ];
  for (const [from, now, to] of cases) {
    it(`${from}, ${now.present ? 'found again' : 'gone'}${now.remedied ? ', remedied' : ''} → ${to ?? 'unchanged'}`, () => {
      expect(nextStatusAfterAnalysis(from, now)?.status ?? null).toBe(to);
    });
  }
});
