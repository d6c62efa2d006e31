// The caps each kind of fund is held to: a party's as the profile says, a candidate's from the profile's
// candidate caps, and none for a candidate where the profile sets none.
import { describe, expect, it } from 'vitest';
import { builtInRulesProfiles } from '../../domain/rules-profile.ts';
import { profileForFiler } from './filer-profile.ts';

const SOM = 100;
const profile = (id: string) => {
  const p = builtInRulesProfiles.find((x) => x.id === id);
  if (!p) throw new Error(`no profile ${id}`);
  return p;
};

describe('profileForFiler', () => {
  it('leaves a party’s campaign to the party caps', () => {
    const p = profile('kg-2021-parliament');
    expect(profileForFiler(p, 'party')).toBe(p);
  });

  it('holds a candidate’s fund to the single-mandate caps of 2021', () => {
    const f = profileForFiler(profile('kg-2021-parliament'), 'candidate')?.finance;
    expect(f).toMatchObject({
      individualDonorCapTyiyn: 200_000 * SOM,
      legalEntityDonorCapTyiyn: 500_000 * SOM,
      ownFundsCapTyiyn: 150_000 * SOM,
      fundCapTyiyn: 10_000_000 * SOM,
    });
    // Everything else is the election's, as for the party.
    expect(f?.cashAllowed).toBe(profile('kg-2021-parliament').finance.cashAllowed);
  });

  it('has no caps for a candidate where the profile sets none', () => {
    expect(profileForFiler(profile('kg-2020-parliament'), 'candidate')).toBeUndefined();
  });
});
