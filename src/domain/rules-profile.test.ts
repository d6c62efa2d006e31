import { describe, expect, it } from 'vitest';
import { som } from './money.ts';
import { capsFor, findRulesProfile, rulesProfileSchema } from './rules-profile.ts';

const kg2021 = findRulesProfile('kg-2021-parliament')!;
const kg2020 = findRulesProfile('kg-2020-parliament')!;

describe('caps per kind of filer', () => {
  it('gives a party the party caps of the profile', () => {
    expect(capsFor(kg2021, 'party')).toEqual({
      filerKind: 'party',
      individualDonor: som(200_000),
      legalEntityDonor: som(3_000_000),
      fund: som(300_000_000),
    });
  });

  it('gives a single-mandate candidate the 2021 candidate caps', () => {
    expect(capsFor(kg2021, 'candidate')).toEqual({
      filerKind: 'candidate',
      individualDonor: som(200_000),
      legalEntityDonor: som(500_000),
      ownFunds: som(150_000),
      nominatingParty: som(1_000_000),
      fund: som(10_000_000),
    });
  });

  it('has no candidate caps for 2020, an election without single-mandate seats', () => {
    expect(kg2020.candidateFinance).toBeUndefined();
    expect(capsFor(kg2020, 'candidate')).toBeUndefined();
  });

  it('takes a party own-funds cap when the profile sets one', () => {
    const withOwn = { ...kg2021, finance: { ...kg2021.finance, ownFundsCapTyiyn: som(1_000_000) } };
    expect(capsFor(withOwn, 'party')?.ownFunds).toBe(som(1_000_000));
  });

  it('still reads a profile stored before candidate caps existed', () => {
    const { candidateFinance: _, ...stored } = kg2021;
    const read = rulesProfileSchema.parse(JSON.parse(JSON.stringify(stored)));
    expect(read.candidateFinance).toBeUndefined();
    expect(rulesProfileSchema.parse(JSON.parse(JSON.stringify(kg2021)))).toEqual(kg2021);
  });
});
