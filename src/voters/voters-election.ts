// The election voter services work for: the next one whose election day is today or later (Bishkek),
// with its rules profile's voter settings.
import type { AppContext } from '../platform/app-context.ts';
import type { Election } from '../domain/election.ts';
import { bishkekDay } from '../domain/report-deadlines.ts';
import { getElections, getRulesProfile } from '../elections/index.ts';
import { findRulesProfile } from '../domain/rules-profile.ts';
import type { VoterRules } from './core/address-change.ts';

export async function nextElection(
  ctx: AppContext,
): Promise<{ election: Election; rules: VoterRules | undefined } | undefined> {
  const today = bishkekDay(ctx.now());
  const next = (await getElections(ctx))
    .filter((e) => e.electionDay >= today && e.status !== 'annulled')
    .sort((a, b) => a.electionDay.localeCompare(b.electionDay))[0];
  if (!next) return undefined;
  const profile = await getRulesProfile(ctx, next.rulesProfileId);
  // A profile stored before the voter settings existed takes them from the built-in profile of its id.
  return { election: next, rules: profile?.voters ?? findRulesProfile(next.rulesProfileId)?.voters };
}
