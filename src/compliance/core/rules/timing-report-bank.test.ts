import { describe, expect, it } from 'vitest';
import { tyiyn } from '../../../domain/money.ts';
import { analyse, campaign, kg2021, ofRule, receipt, report, somT } from '../compliance.test-support.ts';

describe('timing and channel', () => {
  it.each([
    { rule: 'timing.before_fund_opened', date: '2021-10-19', over: { fundOpenedOn: '2021-10-20' }, found: true },
    { rule: 'timing.before_fund_opened', date: '2021-10-20', over: { fundOpenedOn: '2021-10-20' }, found: false },
    { rule: 'timing.before_fund_opened', date: '2021-10-19', over: {}, found: false },
    { rule: 'timing.after_election_day', date: '2021-11-29', over: {}, found: true },
    { rule: 'timing.after_election_day', date: '2021-11-28', over: {}, found: false },
  ])('$rule on $date: $found', ({ rule, date, over, found }) => {
    const input = campaign([report('first', { receipts: [receipt('R-1', { date })] })], over);
    expect(ofRule(analyse(input), rule)).toHaveLength(found ? 1 : 0);
  });

  it('lets the party’s own money in after election day', () => {
    const own = receipt('R-1', { date: '2021-12-01', donorType: 'party_own_funds', donorPin: undefined });
    expect(ofRule(analyse(campaign([report('final', { receipts: [own] })])), 'timing.after_election_day')).toEqual([]);
  });

  it('flags cash only where the profile allows none', () => {
    const input = campaign([report('first', { receipts: [receipt('R-1', { channel: 'cash' })] })]);
    expect(ofRule(analyse(input), 'channel.cash_not_allowed')).toHaveLength(1);
    const cashOk = { ...kg2021(), finance: { ...kg2021().finance, cashAllowed: true } };
    expect(ofRule(analyse(input, {}, cashOk), 'channel.cash_not_allowed')).toEqual([]);
    const bank = campaign([report('first', { receipts: [receipt('R-1')] })]);
    expect(ofRule(analyse(bank), 'channel.cash_not_allowed')).toEqual([]);
  });
});

describe('report.late and report.missing', () => {
  // kg-2021: initial 25 days before election day (2021-11-03), first 10 before (11-18), final 10 after (12-08).
  const first = report('first', { receipts: [receipt('R-1')] });

  it('counts a missing report’s days only while the election is open', () => {
    const open = ofRule(analyse(campaign([first], { today: '2021-11-10' })), 'report.missing');
    expect(open.map((f) => f.evidence)).toEqual([
      expect.objectContaining({ reportKind: 'initial', dueDate: '2021-11-03', daysOverdue: 7 }),
    ]);
    const closed = ofRule(
      analyse(campaign([first], { today: '2027-12-01', electionStatus: 'closed' })),
      'report.missing',
    );
    expect(closed.map((f) => f.evidence['reportKind'])).toEqual(['initial', 'final']);
    for (const f of closed) {
      expect(f.evidence).not.toHaveProperty('daysOverdue');
      expect(f.evidence['electionClosed']).toBe(true);
    }
  });

  it('is not missing on the due day, and stops once the report is filed', () => {
    expect(ofRule(analyse(campaign([first], { today: '2021-11-03' })), 'report.missing')).toEqual([]);
    const initial = report('initial', { receipts: [receipt('R-0')] }, '2021-10-01');
    expect(ofRule(analyse(campaign([initial, first], { today: '2021-11-10' })), 'report.missing')).toEqual([]);
  });

  it('is not missing when a later report covers its period from the campaign start, as the public statuses say', () => {
    const fromStart = report('first', { receipts: [receipt('R-1')] }, '2021-10-20');
    const covered = campaign([fromStart], { today: '2021-11-10', campaignStart: '2021-10-20' });
    expect(ofRule(analyse(covered), 'report.missing')).toEqual([]);
    // A day after the campaign started is not from its start: the initial report is missing.
    const later = campaign([fromStart], { today: '2021-11-10', campaignStart: '2021-10-19' });
    expect(ofRule(analyse(later), 'report.missing').map((f) => f.evidence['reportKind'])).toEqual(['initial']);
    // Without the campaign start nothing stands for the first report due.
    expect(ofRule(analyse(campaign([fromStart], { today: '2021-11-10' })), 'report.missing')).toHaveLength(1);
  });

  it('a late report is late by the days to its first filing, amendments aside', () => {
    const input = campaign([first, first], { today: '2021-12-20' });
    const filed = {
      ...input,
      reports: [
        { filing: first, firstFiledOn: '2021-11-20' },
        { filing: first, firstFiledOn: '2021-11-25' },
      ],
    };
    const late = ofRule(analyse(filed), 'report.late');
    expect(late).toHaveLength(1);
    expect(late[0]?.evidence).toMatchObject({ reportKind: 'first', dueDate: '2021-11-18', daysLate: 2 });
    const onTime = { ...filed, reports: [{ filing: first, firstFiledOn: '2021-11-18' }] };
    expect(ofRule(analyse(onTime), 'report.late')).toEqual([]);
  });
});

describe('bank differences', () => {
  it('turns each reconciliation difference into a finding with its transaction and line', () => {
    const input = campaign([report('first', { receipts: [receipt('R-1', { amount: somT(1_000) })] })], {
      bankDifferences: [
        {
          kind: 'unreported',
          transaction: { id: 'TX-9', bookingDate: '2021-11-02', amount: somT(5_000), counterpartyName: 'Бакиев' },
        },
        {
          kind: 'amount_mismatch',
          lineId: 'R-1',
          transaction: { id: 'TX-1', bookingDate: '2021-11-01', amount: somT(10_000) },
          amountDifference: somT(9_000),
          cause: 'factor_10',
        },
        { kind: 'unsupported', lineId: 'R-1' },
        {
          kind: 'date_mismatch',
          lineId: 'R-1',
          transaction: { id: 'TX-2', bookingDate: '2021-11-09', amount: somT(1_000) },
          daysApart: 8,
        },
      ],
    });
    const f = analyse(input);
    expect(ofRule(f, 'bank.unreported')[0]).toMatchObject({ severity: 'error', lineIds: [], amount: somT(5_000) });
    expect(ofRule(f, 'bank.amount_mismatch')[0]).toMatchObject({
      lineIds: ['R-1'],
      evidence: { cause: 'factor_10', amountDifference: somT(9_000) },
    });
    expect(ofRule(f, 'bank.unsupported')[0]).toMatchObject({ lineIds: ['R-1'], amount: tyiyn(somT(1_000)) });
    expect(ofRule(f, 'bank.date_mismatch')[0]).toMatchObject({ severity: 'notice', evidence: { daysApart: 8 } });
  });
});
