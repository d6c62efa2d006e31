import { describe, expect, it } from 'vitest';
import type { Receipt } from '../../../filings/index.ts';
import {
  analyse,
  campaign,
  entity,
  entityReceipt,
  INN_A,
  INN_B,
  ofRule,
  person,
  PIN_A,
  receipt,
  report,
  somT,
  type TestRegistries,
} from '../compliance.test-support.ts';
import type { EntityRecord, StateBodyRecord } from '../registry.ts';
import { arrearsOnDay } from './prohibited.ts';

interface Case {
  name: string;
  rule: string;
  line: Receipt;
  registries: TestRegistries;
  found: boolean;
}

const entityCase = (name: string, rule: string, over: Partial<EntityRecord>, found: boolean): Case => ({
  name,
  rule,
  line: entityReceipt('R-1'),
  registries: { entities: [entity(over)] },
  found,
});

const stateBodyCase = (name: string, rule: string, kind: StateBodyRecord['kind'], found: boolean): Case => ({
  name,
  rule,
  line: entityReceipt('R-1', { donorInn: INN_B, donorName: 'Орган' }),
  registries: { stateBodies: [{ inn: INN_B, name: 'Орган', kind }] },
  found,
});

const citizenCase = (name: string, rule: string, citizenship: string, found: boolean): Case => ({
  name,
  rule,
  line: receipt('R-1'),
  registries: { persons: [person({ citizenship })] },
  found,
});

const cases: Case[] = [
  entityCase('a foreign legal entity', 'prohibited.foreign_state_or_entity', { legalForm: 'foreign_entity' }, true),
  entityCase(
    'a branch of a foreign entity',
    'prohibited.foreign_state_or_entity',
    { legalForm: 'foreign_branch' },
    true,
  ),
  entityCase('a Kyrgyz company is not foreign', 'prohibited.foreign_state_or_entity', {}, false),
  citizenCase('a citizen of Kazakhstan', 'prohibited.foreign_citizen', 'KAZ', true),
  citizenCase('a citizen of Kyrgyzstan', 'prohibited.foreign_citizen', 'KGZ', false),
  citizenCase('a stateless person is item 5, not item 2', 'prohibited.foreign_citizen', 'STATELESS', false),
  entityCase('an international organisation', 'prohibited.international_org', { legalForm: 'international' }, true),
  entityCase('an NGO is not international', 'prohibited.international_org', { legalForm: 'ngo' }, false),
  entityCase('a foreign share of 0.01 %', 'prohibited.foreign_participation', { foreignSharePct: 0.01 }, true),
  entityCase('no foreign share', 'prohibited.foreign_participation', { foreignSharePct: 0 }, false),
  entityCase(
    'a foreign entity is item 1, not item 4',
    'prohibited.foreign_participation',
    { legalForm: 'foreign_entity', foreignSharePct: 100 },
    false,
  ),
  citizenCase('a stateless person', 'prohibited.stateless', 'STATELESS', true),
  citizenCase('a citizen is not stateless', 'prohibited.stateless', 'KGZ', false),
  stateBodyCase('a ministry', 'prohibited.state_body', 'state_body', true),
  stateBodyCase('a local self-government body', 'prohibited.state_body', 'local_government', true),
  stateBodyCase('a court is item 10, not item 6', 'prohibited.state_body', 'court', false),
  entityCase('a state enterprise', 'prohibited.state_institution', { legalForm: 'state_enterprise' }, true),
  entityCase('a municipal institution', 'prohibited.state_institution', { legalForm: 'municipal_institution' }, true),
  entityCase('a commercial company', 'prohibited.state_institution', { legalForm: 'commercial' }, false),
  entityCase(
    'a state share and tax preferences',
    'prohibited.state_share_with_preferences',
    { stateSharePct: 30, hasTaxPreferences: true },
    true,
  ),
  entityCase(
    'a state share without tax preferences is allowed',
    'prohibited.state_share_with_preferences',
    { stateSharePct: 30, hasTaxPreferences: false },
    false,
  ),
  entityCase(
    'tax preferences without a state share are allowed',
    'prohibited.state_share_with_preferences',
    { stateSharePct: 0, hasTaxPreferences: true },
    false,
  ),
  stateBodyCase('a military unit', 'prohibited.military_unit', 'military_unit', true),
  stateBodyCase('a ministry is not a military unit', 'prohibited.military_unit', 'state_body', false),
  stateBodyCase('a court', 'prohibited.law_enforcement_or_court', 'court', true),
  stateBodyCase('the police', 'prohibited.law_enforcement_or_court', 'law_enforcement', true),
  stateBodyCase('a military unit is item 9', 'prohibited.law_enforcement_or_court', 'military_unit', false),
  entityCase('a charity', 'prohibited.charity', { legalForm: 'charity' }, true),
  entityCase('an NGO is not a charity', 'prohibited.charity', { legalForm: 'ngo' }, false),
  entityCase('a religious organisation', 'prohibited.religious', { legalForm: 'religious' }, true),
  entityCase('a party is not religious', 'prohibited.religious', { legalForm: 'party' }, false),
  {
    name: 'an individual without a PIN',
    rule: 'prohibited.anonymous',
    line: receipt('R-1', { donorPin: undefined }),
    registries: {},
    found: true,
  },
  {
    name: 'a donor named "Anonymous"',
    rule: 'prohibited.anonymous',
    line: receipt('R-1', { donorName: 'Аноним' }),
    registries: {},
    found: true,
  },
  {
    name: 'a channel that cannot identify the sender',
    rule: 'prohibited.anonymous',
    line: receipt('R-1', { channel: 'other' }),
    registries: {},
    found: true,
  },
  {
    name: 'an identified donor by bank transfer',
    rule: 'prohibited.anonymous',
    line: receipt('R-1'),
    registries: {},
    found: false,
  },
  {
    name: 'the party’s own funds need no identity number',
    rule: 'prohibited.anonymous',
    line: receipt('R-1', { donorType: 'party_own_funds', donorPin: undefined, donorName: 'Партия' }),
    registries: {},
    found: false,
  },
  {
    name: 'a company owing the Social Fund on the donation day',
    rule: 'prohibited.debtor',
    line: entityReceipt('R-1', { date: '2021-11-01' }),
    registries: { arrears: [{ identifier: INN_A, kind: 'social_fund', amount: somT(100), asOf: '2021-10-15' }] },
    found: true,
  },
  {
    name: 'an individual entrepreneur owing tax',
    rule: 'prohibited.debtor',
    line: receipt('R-1'),
    registries: { arrears: [{ identifier: PIN_A, kind: 'tax', amount: somT(1), asOf: '2021-10-01' }] },
    found: true,
  },
  {
    name: 'a debt paid off before the donation',
    rule: 'prohibited.debtor',
    line: entityReceipt('R-1', { date: '2021-11-01' }),
    registries: {
      arrears: [
        { identifier: INN_A, kind: 'tax', amount: somT(500), asOf: '2021-09-01' },
        { identifier: INN_A, kind: 'tax', amount: somT(0), asOf: '2021-10-20' },
      ],
    },
    found: false,
  },
];

describe('prohibited sources, Art. 41(3)', () => {
  it.each(cases)('$rule: $name', ({ rule, line, registries, found }) => {
    const findings = ofRule(analyse(campaign([report('first', { receipts: [line] })]), registries), rule);
    expect(findings).toHaveLength(found ? 1 : 0);
    if (found) {
      expect(findings[0]).toMatchObject({ severity: 'error', lineIds: ['R-1'], amount: line.amount });
      expect(findings[0]?.remedy?.amount).toBe(line.amount);
    }
  });

  it('sets the law’s remedy for each kind of source', () => {
    const kinds = (rule: string, c: Case) =>
      ofRule(analyse(campaign([report('first', { receipts: [c.line] })]), c.registries), rule)[0]?.remedy?.kind;
    const byRule = (rule: string) => cases.find((c) => c.rule === rule && c.found) as Case;
    expect(kinds('prohibited.charity', byRule('prohibited.charity'))).toBe('return_in_full');
    expect(kinds('prohibited.anonymous', byRule('prohibited.anonymous'))).toBe('transfer_to_budget');
    expect(kinds('prohibited.debtor', byRule('prohibited.debtor'))).toBe('transfer_to_budget_or_social_fund');
  });

  it('covers all fourteen rows of the table', () => {
    const rules = new Set(cases.filter((c) => c.found).map((c) => c.rule));
    expect(rules.size).toBe(14);
  });
});

describe('arrearsOnDay', () => {
  const snapshot = { kind: 'arrears' as const, id: 's', source: 'snapshot' as const, asOf: '2021-12-01' };
  const on = (asOf: string, amount: number) => ({
    record: { identifier: INN_A, kind: 'tax' as const, amount: somT(amount), asOf },
    snapshot,
  });

  it('takes the latest record on or before the day, else the earliest after it, and says so', () => {
    expect(arrearsOnDay([on('2021-10-01', 5), on('2021-11-01', 7)], '2021-11-01')).toEqual([
      { ...on('2021-11-01', 7), after: false },
    ]);
    expect(arrearsOnDay([on('2021-12-01', 5), on('2021-11-15', 3)], '2021-11-01')).toEqual([
      { ...on('2021-11-15', 3), after: true },
    ]);
  });
});
