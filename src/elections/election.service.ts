// Elections and their rules profiles: reading them, and the commission creating an election.
import type { AppContext } from '../platform/app-context.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { heldWhileDataStays } from '../platform/data-version.ts';
import { err, ok, problem, type Result } from '../platform/result.ts';
import { electionSchema, type Election } from '../domain/election.ts';
import { builtInRulesProfiles, type RulesProfile } from '../domain/rules-profile.ts';
import { getBallot, type BallotEntry } from '../parties/index.ts';
import { getPartiesWithProgramme } from '../programmes/index.ts';
import {
  findElection,
  findRulesProfileById,
  insertElection,
  listElectionOverview,
  listElections,
  listRulesProfiles,
  saveRulesProfile,
  type ElectionOverview,
} from './election.repository.ts';
import { recordProblems } from './core/record-problems.ts';

/**
 * Every election, newest election day first, held while the data version stays (creating or changing an
 * election writes an activity record): pages a crowd can ask for uncached, the search above all, then
 * read no table for it. Shared between requests, so never changed by a caller.
 */
export function getElections(ctx: AppContext): Promise<readonly Election[]> {
  return heldWhileDataStays(ctx, 'elections.all', 'all', () => listElections(ctx.db));
}

export function getElection(ctx: AppContext, id: string): Promise<Election | undefined> {
  return findElection(ctx.db, id);
}

/** Whether any election holds synthetic demo people (pages that show no election then say so). */
export async function anySyntheticElection(ctx: AppContext): Promise<boolean> {
  return (await getElections(ctx)).some((e) => e.synthetic);
}

/** The latest version of a rules profile. */
export function getRulesProfile(ctx: AppContext, id: string): Promise<RulesProfile | undefined> {
  return findRulesProfileById(ctx.db, id);
}

/** The latest version of each rules profile, for the election form's choice. */
export function getRulesProfiles(ctx: AppContext): Promise<RulesProfile[]> {
  return listRulesProfiles(ctx.db);
}

/** Every election, newest election day first, with how many parties take part: the commission's home. */
export function getElectionOverview(ctx: AppContext): Promise<ElectionOverview[]> {
  return listElectionOverview(ctx.db);
}

/** An election as the commission's page shows it: its rules profile and its parties, noting which have a programme. */
export interface CommissionElection {
  election: Election;
  profile: RulesProfile | undefined;
  entries: BallotEntry[];
  withProgramme: Set<string>;
}

export async function getCommissionElection(ctx: AppContext, id: string): Promise<CommissionElection | undefined> {
  const election = await findElection(ctx.db, id);
  if (!election) return undefined;
  const [entries, withProgramme, profile] = await Promise.all([
    getBallot(ctx, election.id),
    getPartiesWithProgramme(ctx, election.id),
    findRulesProfileById(ctx.db, election.rulesProfileId),
  ]);
  return { election, profile, entries, withProgramme };
}

/** The built-in profiles are data in the database too, so an election always shows its rules. */
export async function ensureBuiltInRulesProfiles(ctx: AppContext): Promise<void> {
  const now = ctx.now().toISOString();
  for (const p of builtInRulesProfiles) await saveRulesProfile(ctx.db, p, now);
}

export async function createElection(ctx: AppContext, input: unknown, actor: string): Promise<Result<Election>> {
  const parsed = electionSchema.safeParse(input);
  if (!parsed.success) return err(recordProblems(parsed.error));
  const e = parsed.data;
  if (await findElection(ctx.db, e.id))
    return err([problem('election.exists', `An election with id "${e.id}" already exists.`, { field: 'id' })]);
  if (!(await findRulesProfileById(ctx.db, e.rulesProfileId))) {
    return err([
      problem('rules.not_found', `There is no rules profile "${e.rulesProfileId}".`, { field: 'rulesProfileId' }),
    ]);
  }
  if (!(e.calledOn <= e.campaignStart && e.campaignStart <= e.campaignEnd && e.campaignEnd <= e.electionDay)) {
    return err([
      problem('election.dates', 'Dates must run: called ≤ campaign start ≤ campaign end ≤ election day.', {
        field: 'electionDay',
      }),
    ]);
  }
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await insertElection(tx, e, now);
    await recordActivity(tx, {
      actor,
      action: 'election.create',
      entityType: 'election',
      entityId: e.id,
      before: null,
      after: e,
    });
  });
  return ok(e);
}
