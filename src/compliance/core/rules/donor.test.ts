import { describe, expect, it } from 'vitest';
import type { Receipt } from '../../../filings/index.ts';
import {
  analyse,
  campaign,
  entity,
  entityReceipt,
  INN_B,
  ofRule,
  person,
  PIN_B,
  receipt,
  report,
  type TestRegistries,
} from '../compliance.test-support.ts';
import { entityNameMatches, personNameMatches } from '../name-match.ts';
import { anniversary } from './donor.ts';

const findings = (rule: string, line: Receipt, registries: TestRegistries = {}) =>
  ofRule(analyse(campaign([report('first', { receipts: [line] })]), registries), rule);

describe('donor.not_found', () => {
  it.each([
    { name: 'a PIN the civil registry does not know', line: receipt('R-1', { donorPin: PIN_B }), found: true },
    { name: 'a known PIN', line: receipt('R-1'), found: false },
    {
      name: 'an INN neither registry knows',
      line: entityReceipt('R-1', { donorInn: INN_B }),
      found: true,
    },
    { name: 'a known INN', line: entityReceipt('R-1'), found: false },
    {
      name: 'a malformed PIN is the filing validation’s, not a registry question',
      line: receipt('R-1', { donorPin: '20000000000000' }),
      found: false,
    },
  ])('$name', ({ line, found }) => {
    expect(findings('donor.not_found', line)).toHaveLength(found ? 1 : 0);
  });

  it('an INN on the list of state bodies is found', () => {
    const registries = { stateBodies: [{ inn: INN_B, name: 'Министерство финансов', kind: 'state_body' as const }] };
    expect(findings('donor.not_found', entityReceipt('R-1', { donorInn: INN_B }), registries)).toEqual([]);
  });
});

describe('donor.name_mismatch', () => {
  it.each([
    ['Токтогулова Чынара', false],
    ['Toktogulova Chynara', false],
    ['Chynara Toktogulova', false],
    ['TOKTOGULOVA CHYNARA ASANOVNA', false],
    ['токтогулова чынара асановна', false],
    ['Токтогулова Айгүл', true],
    ['Чынара', true],
    ['Sultanov Bakyt', true],
  ])('a person reported as "%s": mismatch %s', (donorName, mismatch) => {
    expect(findings('donor.name_mismatch', receipt('R-1', { donorName }))).toHaveLength(mismatch ? 1 : 0);
  });

  it.each([
    ['ОсОО «Ала-Тоо Трейд»', false],
    ['Ала-Тоо Трейд', false],
    ['Ala-Too Treyd LLC', false],
    ['ООО "Ала-Тоо Трейд"', false],
    ['ОсОО «Ош Курулуш»', true],
  ])('an entity reported as "%s": mismatch %s', (donorName, mismatch) => {
    expect(findings('donor.name_mismatch', entityReceipt('R-1', { donorName }))).toHaveLength(mismatch ? 1 : 0);
  });

  it('compares on search keys: the examples of the law’s notes', () => {
    const p = person();
    expect(personNameMatches('Toktogulova Chynara', p)).toBe(true);
    expect(personNameMatches('Чынара Токтогулова', p)).toBe(true);
    expect(personNameMatches('', p)).toBe(false);
    expect(entityNameMatches('LLC', { name: 'ОсОО «Ала-Тоо Трейд»' })).toBe(false);
  });
});

describe('donor.minor', () => {
  const born = (birthDate: string): TestRegistries => ({ persons: [person({ birthDate })] });
  it.each([
    { name: 'the 18th birthday is the donation day', birth: '2003-11-01', found: false },
    { name: 'the day before the 18th birthday', birth: '2003-11-02', found: true },
    { name: 'a grown-up', birth: '1985-03-12', found: false },
    { name: 'born on 29 February, of age on 1 March', birth: '2004-02-29', date: '2022-03-01', found: false },
    { name: 'born on 29 February, still 17 on 28 February', birth: '2004-02-29', date: '2022-02-28', found: true },
  ])('$name', ({ birth, found, date }) => {
    const line = receipt('R-1', { date: date ?? '2021-11-01' });
    const f = findings('donor.minor', line, born(birth));
    expect(f).toHaveLength(found ? 1 : 0);
    if (found) expect(f[0]?.remedy?.kind).toBe('return_in_full');
  });

  it('counts birthdays by calendar', () => {
    expect(anniversary('2003-11-01', 18)).toBe('2021-11-01');
  });
});

describe('donor.deceased', () => {
  it.each([
    { name: 'died the day before', death: '2021-10-31', found: true },
    { name: 'died on the donation day', death: '2021-11-01', found: false },
    { name: 'alive', death: null, found: false },
  ])('$name', ({ death, found }) => {
    const f = findings('donor.deceased', receipt('R-1'), { persons: [person({ deathDate: death })] });
    expect(f).toHaveLength(found ? 1 : 0);
  });
});

describe('donor.entity_not_active', () => {
  it.each([
    { name: 'registered the day after the donation', over: { registeredOn: '2021-11-02' }, found: true },
    { name: 'registered on the donation day', over: { registeredOn: '2021-11-01' }, found: false },
    { name: 'liquidated the day before', over: { liquidatedOn: '2021-10-31' }, found: true },
    { name: 'liquidated on the donation day', over: { liquidatedOn: '2021-11-01' }, found: false },
    { name: 'active', over: {}, found: false },
  ])('$name', ({ over, found }) => {
    const f = findings('donor.entity_not_active', entityReceipt('R-1'), { entities: [entity(over)] });
    expect(f).toHaveLength(found ? 1 : 0);
  });
});
