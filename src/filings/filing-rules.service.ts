// The rules a report is checked against: the election's rules profile, and the day it is in Bishkek.
import { bishkekDay } from '../domain/report-deadlines.ts';
import type { Election } from '../domain/election.ts';
import type { RulesProfile } from '../domain/rules-profile.ts';
import type { AppContext } from '../platform/app-context.ts';
import { findRulesProfileById } from '../elections/index.ts';

export function todayOf(ctx: AppContext): string {
  return bishkekDay(ctx.now());
}

export async function rulesOf(ctx: AppContext, election: Election): Promise<RulesProfile> {
  const found = await findRulesProfileById(ctx.db, election.rulesProfileId);
  // Every election refers to a stored profile; a missing one is a broken database, not a user error.
  if (!found) throw new Error(`rules profile ${election.rulesProfileId} of election ${election.id} is missing`);
  return found;
}
