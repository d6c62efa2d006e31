// The 2021 demo election has its finance reports: every party files what the deadlines ask, so the
// public pages flag none of them as missing, and one party's first report stands for its initial one.
import { describe, expect, it } from 'vitest';
import { ELECTION_2021 } from '../demo/elections.ts';
import { PARTICIPANTS_2021 } from '../demo/parties-2020.ts';
import { findRulesProfile } from '../domain/rules-profile.ts';
import {
  deadlinesOf,
  isFlagged,
  partyReportStatuses,
  reportCalendarOf,
  type FiledKind,
} from '../domain/report-deadlines.ts';
import { validateFiling } from './core/filing-validation.ts';
import { buildFilingDemo2021, FIRST_COVERS_INITIAL_2021 } from './filing-demo-2021.ts';
import { buildFilingDemo } from './filing-demo.ts';

const reports = buildFilingDemo2021();
const rules = findRulesProfile(ELECTION_2021.rulesProfileId)!;

describe('the 2021 demo reports', () => {
  it('are the same every run and leave the 2020 reports as they were', () => {
    expect(JSON.stringify(buildFilingDemo2021())).toBe(JSON.stringify(reports));
    expect(buildFilingDemo().every((r) => r.electionId === 'kg-2020-parliament')).toBe(true);
  });

  it('give every party of 2021 its reports, none missing or late, in a closed election years later', () => {
    const deadlines = deadlinesOf(rules, ELECTION_2021.electionDay);
    for (const { registrationNumber: reg, ballotNumber } of PARTICIPANTS_2021) {
      const mine = reports.filter((r) => r.partyRegistrationNumber === reg);
      expect(mine.length, reg).toBeGreaterThanOrEqual(2);
      const filed = new Map<string, FiledKind>(
        mine.map((r) => [
          r.kind,
          { firstFiledAt: r.versions[0]!.submittedAt, periodFrom: r.versions[0]!.filing.header.periodFrom },
        ]),
      );
      const states = partyReportStatuses(
        deadlines,
        filed,
        new Date('2027-06-01T00:00:00Z'),
        reportCalendarOf(ELECTION_2021),
      );
      expect(
        states.filter((s) => isFlagged(s.status)),
        reg,
      ).toEqual([]);
      if (ballotNumber === FIRST_COVERS_INITIAL_2021)
        expect(states[0]!.status).toMatchObject({ state: 'filed', coveredBy: 'first' });
    }
  });

  it('pass the filing checks on the day they are filed', () => {
    for (const r of reports) {
      const v = r.versions[0]!;
      const today = v.submittedAt.slice(0, 10);
      const check = validateFiling(v.filing, { today, rules });
      expect(
        check.problems.filter((p) => p.severity === 'error'),
        `${r.partyRegistrationNumber} ${r.kind}`,
      ).toEqual([]);
    }
  });
});
