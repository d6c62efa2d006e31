// The reports a party's page lists as not filed: a first report that covers the campaign from its start
// stands for the initial one, and a closed election lists what is missing without counting on.
import { describe, expect, it } from 'vitest';
import { findRulesProfile } from '../../domain/rules-profile.ts';
import type { Election } from '../../domain/election.ts';
import { missingReports } from './deadlines.ts';

const rules = findRulesProfile('kg-2021-parliament')!;
const election: Election = {
  id: 'e-2030',
  kind: 'parliamentary',
  name: { ky: 'e', ru: 'e', en: 'e' },
  electionDay: '2030-10-06',
  calledOn: '2030-07-01',
  campaignStart: '2030-08-20',
  campaignEnd: '2030-10-04',
  seats: 90,
  thresholdBasisPoints: 500,
  status: 'campaign',
  rulesProfileId: rules.id,
  synthetic: false,
};
const now = new Date('2030-10-01T06:00:00Z');

describe('missing reports of a party', () => {
  it('count a first report from the campaign start as the initial report', () => {
    const first = { reportKind: 'first' as const, firstSubmittedAt: '2030-09-25T06:00:00Z' };
    expect(missingReports(rules, election, [{ ...first, periodFrom: '2030-08-20' }], now)).toEqual([]);
    expect(missingReports(rules, election, [{ ...first, periodFrom: '2030-09-11' }], now)).toEqual([
      { kind: 'initial', due: '2030-09-11' },
    ]);
  });

  it('list every report of a closed election that never came, and ignore drafts', () => {
    const closed = { ...election, status: 'closed' as const };
    const draft = { reportKind: 'initial' as const, periodFrom: '2030-08-20', firstSubmittedAt: null };
    expect(missingReports(rules, closed, [draft], new Date('2037-01-01T00:00:00Z')).map((m) => m.kind)).toEqual([
      'initial',
      'first',
      'final',
    ]);
  });
});
