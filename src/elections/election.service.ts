// Commission operations on elections and on parties' participation in them.
import type { AppContext } from '../platform/app-context.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { err, ok, problem, type Problem, type Result } from '../platform/result.ts';
import { electionSchema, partySchema, type Election, type Party, type Participation } from '../domain/election.ts';
import { builtInRulesProfiles } from '../domain/rules-profile.ts';
import { findElection, findRulesProfileById, insertElection, saveRulesProfile } from './election.repository.ts';
import { findParticipation, findParty, insertParty, updateParty, upsertParticipation } from '../parties/party.repository.ts';

function zodProblems(e: { issues: Array<{ path: PropertyKey[]; message: string }> }): Problem[] {
  return e.issues.map((i) => problem('input.invalid', `${i.path.join('.') || 'input'}: ${i.message}`, { field: i.path.join('.') }));
}

/** The built-in profiles are data in the database too, so an election always shows its rules. */
export async function ensureBuiltInRulesProfiles(ctx: AppContext): Promise<void> {
  const now = ctx.now().toISOString();
  for (const p of builtInRulesProfiles) await saveRulesProfile(ctx.db, p, now);
}

export async function createElection(ctx: AppContext, input: unknown, actor: string): Promise<Result<Election>> {
  const parsed = electionSchema.safeParse(input);
  if (!parsed.success) return err(zodProblems(parsed.error));
  const e = parsed.data;
  if (await findElection(ctx.db, e.id)) return err([problem('election.exists', `An election with id "${e.id}" already exists.`, { field: 'id' })]);
  if (!(await findRulesProfileById(ctx.db, e.rulesProfileId))) {
    return err([problem('rules.not_found', `There is no rules profile "${e.rulesProfileId}".`, { field: 'rulesProfileId' })]);
  }
  if (!(e.calledOn <= e.campaignStart && e.campaignStart <= e.campaignEnd && e.campaignEnd <= e.electionDay)) {
    return err([problem('election.dates', 'Dates must run: called ≤ campaign start ≤ campaign end ≤ election day.', { field: 'electionDay' })]);
  }
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await insertElection(tx, e, now);
    await recordActivity(tx, { actor, action: 'election.create', entityType: 'election', entityId: e.id, before: null, after: e });
  });
  return ok(e);
}

/** Registers a party (creating or updating its record) for an election. */
export async function registerParty(
  ctx: AppContext,
  input: { electionId: string; party: unknown; ballotNumber?: number | null },
  actor: string,
): Promise<Result<{ party: Party; participation: Participation }>> {
  const parsed = partySchema.safeParse(input.party);
  if (!parsed.success) return err(zodProblems(parsed.error));
  const parsedParty = parsed.data;
  const election = await findElection(ctx.db, input.electionId);
  if (!election) return err([problem('election.not_found', `There is no election "${input.electionId}".`, { field: 'electionId' })]);
  let party: Party = parsedParty;
  const participation: Participation = {
    electionId: election.id,
    partyRegistrationNumber: parsedParty.registrationNumber,
    ballotNumber: input.ballotNumber ?? null,
    status: 'registered',
    statusDate: null,
    statusReason: '',
  };
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    const before = await findParty(tx, parsedParty.registrationNumber);
    // A registration without a logo keeps the logo the party already has.
    party = { ...parsedParty, logoBlobKey: parsedParty.logoBlobKey ?? before?.logoBlobKey ?? null };
    if (before) await updateParty(tx, party, now);
    else await insertParty(tx, party, now);
    await recordActivity(tx, { actor, action: before ? 'party.update' : 'party.create', entityType: 'party', entityId: party.registrationNumber, before: before ?? null, after: party });
    const beforeP = await findParticipation(tx, election.id, party.registrationNumber);
    await upsertParticipation(tx, participation, now);
    await recordActivity(tx, {
      actor,
      action: 'participation.register',
      entityType: 'participation',
      entityId: `${election.id}/${party.registrationNumber}`,
      before: beforeP ?? null,
      after: participation,
    });
  });
  return ok({ party, participation });
}

export async function setParticipationStatus(
  ctx: AppContext,
  input: { electionId: string; partyRegistrationNumber: string; status: Participation['status']; date: string; reason: string },
  actor: string,
): Promise<Result<Participation>> {
  const before = await findParticipation(ctx.db, input.electionId, input.partyRegistrationNumber);
  if (!before) return err([problem('party.not_registered', `Party ${input.partyRegistrationNumber} is not in election ${input.electionId}.`)]);
  const after: Participation = { ...before, status: input.status, statusDate: input.date, statusReason: input.reason };
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await upsertParticipation(tx, after, now);
    await recordActivity(tx, { actor, action: 'participation.status', entityType: 'participation', entityId: `${input.electionId}/${input.partyRegistrationNumber}`, before, after });
  });
  return ok(after);
}
