import { describe, expect, it } from 'vitest';
import { ageOn, checkAddressChange, lastDayForRequests, suggestedRefusal, type VoterFacts } from './address-change.ts';

const rules = { minimumAge: 18, addressChangeClosesDaysBefore: 5 };
const voter: VoterFacts = {
  surnameMatches: true,
  birthDate: '1990-03-15',
  deathDate: null,
  stationNumber: '1001',
  movedByRequest: null,
};
const base = {
  number: 'AC-0000-0001',
  voter,
  toStation: '7001',
  filedOn: '2027-02-01',
  electionDay: '2027-03-01',
  rules,
};
const failed = (r: Parameters<typeof checkAddressChange>[0]) =>
  checkAddressChange(r).flatMap((c) => (c.passed === false ? [c.code] : []));

describe('the checks of an address-change request', () => {
  it('passes a voter of age, in the list, in time, asking for another station', () => {
    expect(failed(base)).toEqual([]);
    expect(suggestedRefusal(checkAddressChange(base))).toBeUndefined();
  });

  it('counts age on election day', () => {
    expect(ageOn('2009-03-01', '2027-03-01')).toBe(18);
    expect(ageOn('2009-03-02', '2027-03-01')).toBe(17);
    expect(failed({ ...base, voter: { ...voter, birthDate: '2009-03-02' } })).toEqual(['of_age']);
  });

  it('fails a voter not in the list, or whose surname does not match, and cannot tell the rest', () => {
    const none = checkAddressChange({ ...base, voter: undefined });
    expect(none.find((c) => c.code === 'in_list')?.passed).toBe(false);
    expect(none.find((c) => c.code === 'alive')?.passed).toBeNull();
    expect(failed({ ...base, voter: { ...voter, surnameMatches: false } })).toEqual(['in_list']);
    expect(suggestedRefusal(none)).toBe('not_in_list');
  });

  it('fails the deceased, the already moved and the same station', () => {
    expect(failed({ ...base, voter: { ...voter, deathDate: '2026-01-15' } })).toEqual(['alive']);
    expect(failed({ ...base, voter: { ...voter, movedByRequest: 'AC-OTHR-0001' } })).toEqual(['not_moved']);
    expect(failed({ ...base, voter: { ...voter, movedByRequest: base.number } })).toEqual([]);
    expect(failed({ ...base, toStation: '1001' })).toEqual(['other_station']);
  });

  it('closes the days before election day that the rules profile says', () => {
    expect(lastDayForRequests('2027-03-01', rules)).toBe('2027-02-23');
    expect(failed({ ...base, filedOn: '2027-02-23' })).toEqual([]);
    expect(failed({ ...base, filedOn: '2027-02-24' })).toEqual(['in_time']);
    expect(checkAddressChange({ ...base, rules: undefined }).find((c) => c.code === 'in_time')?.passed).toBeNull();
  });
});
