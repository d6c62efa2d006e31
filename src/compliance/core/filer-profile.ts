// The caps a campaign is held to depend on whose fund it is (domain notes §1): a party's list, or a
// single-mandate candidate. The cap rules read `profile.finance`; for a candidate's fund the candidate's
// caps take the party's place there, so that the same rules check both. Pure.
import { capsFor, type FilerKind, type RulesProfile } from '../../domain/rules-profile.ts';

/**
 * The profile the rules read for a fund of `kind`; undefined for a candidate's fund when the profile sets
 * no caps for candidates (the election has no single-mandate seats, or the profile predates them): the
 * caller then leaves the cap rules out rather than hold a candidate to a party's caps.
 */
export function profileForFiler(profile: RulesProfile, kind: FilerKind): RulesProfile | undefined {
  if (kind === 'party') return profile;
  const caps = capsFor(profile, 'candidate');
  if (!caps) return undefined;
  return {
    ...profile,
    finance: {
      ...profile.finance,
      individualDonorCapTyiyn: caps.individualDonor,
      legalEntityDonorCapTyiyn: caps.legalEntityDonor,
      ownFundsCapTyiyn: caps.ownFunds,
      fundCapTyiyn: caps.fund,
    },
  };
}
