import { describe, expect, it } from 'vitest';
import { tyiyn } from '../../domain/money.ts';
import { analyseCampaign, findingId, registryQuery } from './analyse.ts';
import {
  analyse,
  campaign,
  entityReceipt,
  expenditure,
  INN_A,
  kg2021,
  ofRule,
  person,
  PIN_A,
  PIN_B,
  receipt,
  refund,
  report,
  somT,
} from './compliance.test-support.ts';
import { RULES } from './rules/index.ts';

describe('the cap across the campaign', () => {
  it('flags a donor giving 150,000 som in one report and 60,000 in the next once, on the second line', () => {
    const first = report('first', { receipts: [receipt('R-1', { date: '2021-10-25', amount: somT(150_000) })] });
    const final = report(
      'final',
      { receipts: [receipt('R-7', { date: '2021-11-20', amount: somT(60_000) })] },
      '2021-11-16',
    );
    const caps = ofRule(analyse(campaign([first, final])), 'cap.individual');
    expect(caps).toHaveLength(1);
    expect(caps[0]).toMatchObject({
      lineIds: ['R-7'],
      excess: 1_000_000,
      amount: somT(210_000),
      remedy: { kind: 'return_excess', amount: 1_000_000, deadline: '2021-11-30' },
      remedied: false,
    });
  });

  it('counts an amended line once, whichever version amends it', () => {
    const v1 = report('first', { receipts: [receipt('R-1', { amount: somT(150_000) })] });
    const v2 = report('first', { receipts: [receipt('R-1', { amount: somT(120_000) })] });
    const final = report(
      'final',
      { receipts: [receipt('R-2', { date: '2021-11-20', amount: somT(80_000) })] },
      '2021-11-16',
    );
    expect(ofRule(analyse(campaign([v1, v2, final])), 'cap.individual')).toEqual([]);
    const v3 = report('first', { receipts: [receipt('R-1', { amount: somT(120_001) })] });
    const over = ofRule(analyse(campaign([v1, v2, final, v3])), 'cap.individual');
    expect(over).toHaveLength(1);
    expect(over[0]?.excess).toBe(100);
  });

  it('names the crossing line and every line after it', () => {
    const lines = [40_000, 100_000, 70_000, 5_000, 1_000].map((som, i) =>
      receipt(`R-${i + 1}`, { date: `2021-11-0${i + 1}`, amount: somT(som) }),
    );
    const [f] = ofRule(analyse(campaign([report('first', { receipts: lines })])), 'cap.individual');
    expect(f?.lineIds).toEqual(['R-3', 'R-4', 'R-5']);
    expect(f?.excess).toBe(somT(16_000));
  });

  it('is remedied by a refund of the excess recorded in a later report', () => {
    const first = report('first', { receipts: [receipt('R-1', { amount: somT(210_000) })] });
    const final = report(
      'final',
      { refunds: [refund('F-1', 'R-1', somT(10_000), { reason: 'over_cap' })] },
      '2021-11-16',
    );
    const [f] = ofRule(analyse(campaign([first, final])), 'cap.individual');
    expect(f?.remedied).toBe(true);
    const short = report('final', { refunds: [refund('F-1', 'R-1', tyiyn(999_999))] }, '2021-11-16');
    expect(ofRule(analyse(campaign([first, short])), 'cap.individual')[0]?.remedied).toBe(false);
  });
});

describe('remedies recorded anywhere in the campaign', () => {
  const foreign = [person(), person({ pin: PIN_B, surname: 'Иванов', givenName: 'Сергей', citizenship: 'RUS' })];
  const gift = receipt('R-3', { donorName: 'Sergei Ivanov', donorPin: PIN_B, amount: somT(50_000) });

  it('a full refund in a later report marks a prohibited donation remedied', () => {
    const first = report('first', { receipts: [gift] });
    const final = report('final', { refunds: [refund('F-1', 'R-3', somT(50_000))] }, '2021-11-16');
    const [before] = ofRule(analyse(campaign([first]), { persons: foreign }), 'prohibited.foreign_citizen');
    const [after] = ofRule(analyse(campaign([first, final]), { persons: foreign }), 'prohibited.foreign_citizen');
    expect(before?.remedied).toBe(false);
    expect(after?.remedied).toBe(true);
    expect(after?.id).toBe(before?.id);
    expect(after?.remedy).toEqual({ kind: 'return_in_full', amount: somT(50_000), deadline: '2021-11-11' });
  });

  it('a partial refund, or a transfer where a return is due, does not', () => {
    const first = report('first', { receipts: [gift] });
    const partial = report('final', { refunds: [refund('F-1', 'R-3', somT(49_999))] }, '2021-11-16');
    const wrongWay = report(
      'final',
      { refunds: [refund('F-1', 'R-3', somT(50_000), { kind: 'transferred_to_budget' })] },
      '2021-11-16',
    );
    for (const later of [partial, wrongWay]) {
      const [f] = ofRule(analyse(campaign([first, later]), { persons: foreign }), 'prohibited.foreign_citizen');
      expect(f?.remedied).toBe(false);
    }
  });

  it('an anonymous donation is remedied by a transfer to the budget, with the profile’s deadline', () => {
    const anon = receipt('R-1', { donorName: 'Аноним', donorPin: undefined, date: '2021-11-02' });
    const transfer = refund('F-1', 'R-1', anon.amount, { kind: 'transferred_to_budget', reason: 'anonymous' });
    const profile = { ...kg2021(), finance: { ...kg2021().finance, budgetTransferDeadlineDays: 30 } };
    const open = ofRule(
      analyse(campaign([report('first', { receipts: [anon] })]), {}, profile),
      'prohibited.anonymous',
    );
    expect(open[0]?.remedy).toEqual({ kind: 'transfer_to_budget', amount: anon.amount, deadline: '2021-12-02' });
    const done = analyse(campaign([report('first', { receipts: [anon], refunds: [transfer] })]), {}, profile);
    expect(ofRule(done, 'prohibited.anonymous')[0]?.remedied).toBe(true);
  });
});

describe('stable findings', () => {
  const input = campaign([
    report('first', {
      receipts: [
        receipt('R-1', { amount: somT(150_000) }),
        receipt('R-2', { amount: somT(60_000), channel: 'cash' }),
        entityReceipt('R-3', { donorInn: '09999999999999' }),
        receipt('R-4', { donorPin: undefined, donorName: 'Аноним' }),
      ],
    }),
  ]);

  it('re-running over the same data gives identical findings and ids', () => {
    const a = analyse(input);
    const b = analyse(structuredClone(input));
    expect(a.length).toBeGreaterThan(3);
    expect(b).toEqual(a);
    expect(new Set(a.map((f) => f.id)).size).toBe(a.length);
  });

  it('an id depends on the rule, election, party and subject only, and holds no PIN', () => {
    expect(findingId('cap.individual', 'e', 'p', 's')).toBe(findingId('cap.individual', 'e', 'p', 's'));
    expect(findingId('cap.individual', 'e', 'p', 's')).not.toBe(findingId('cap.individual', 'e', 'p2', 's'));
    for (const f of analyse(input)) expect(f.id).toMatch(/^f-[0-9a-f]{24}$/);
  });

  it('a finding keeps its id when an amendment changes other lines', () => {
    const amended = campaign([
      ...input.reports.map((r) => r.filing),
      report('first', {
        receipts: [
          receipt('R-1', { amount: somT(150_000) }),
          receipt('R-2', { amount: somT(60_000), channel: 'cash' }),
        ],
      }),
    ]);
    const before = ofRule(analyse(input), 'channel.cash_not_allowed')[0];
    const after = ofRule(analyse(amended), 'channel.cash_not_allowed')[0];
    expect(after?.id).toBe(before?.id);
    expect(ofRule(analyse(amended), 'prohibited.anonymous')).toEqual([]);
  });
});

describe('registryQuery', () => {
  it('lists every donor PIN and INN and every payee INN once, sorted', () => {
    const input = campaign([
      report('first', {
        receipts: [receipt('R-1', { donorPin: PIN_B }), receipt('R-2'), entityReceipt('R-3')],
        expenditures: [expenditure('E-1', { payeeInn: '01001202110012' }), expenditure('E-2', { payeeInn: INN_A })],
      }),
    ]);
    expect(registryQuery(input)).toEqual({ pins: [PIN_A, PIN_B], inns: [INN_A, '01001202110012'] });
  });
});

describe('analyseCampaign', () => {
  it('gives every rule id listed in the law’s table and the issue exactly once', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.startsWith('prohibited.'))).toHaveLength(14);
    for (const r of RULES) {
      expect(r.title.ky && r.title.ru && r.title.en).toBeTruthy();
      expect(r.article).toMatch(/^Art\. 4[12]/);
    }
  });

  it('finds nothing above a notice in a clean campaign', () => {
    const input = campaign(
      [report('first', { receipts: [receipt('R-1', { donorName: 'Chynara Toktogulova' }), entityReceipt('R-2')] })],
      { today: '2021-11-02' },
    );
    expect(analyse(input).filter((f) => f.severity !== 'notice')).toEqual([]);
  });

  it('leaves a registry that was not consulted out of donor.not_found', () => {
    const input = campaign([report('first', { receipts: [receipt('R-1', { donorPin: PIN_B })] })]);
    const answers = {
      persons: new Map(),
      entities: new Map(),
      arrears: new Map(),
      stateBodies: new Map(),
      consulted: [],
    };
    expect(ofRule(analyseCampaign(input, answers, kg2021()), 'donor.not_found')).toEqual([]);
    expect(ofRule(analyse(input), 'donor.not_found')).toHaveLength(1);
  });
});
