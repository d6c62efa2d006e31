// Parties and their participation in elections: reading a party's record in one election (its list,
// the list rules, its programme), the ballot of an election, and the commission registering a party,
// withdrawing or deregistering it. Every change writes the activity log.
import type { AppContext } from '../platform/app-context.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { err, ok, problem, type Result } from '../platform/result.ts';
import {
  partySchema,
  type Election,
  type Localized,
  type Participation,
  type Party,
  type Programme,
  type PublicCandidate,
} from '../domain/election.ts';
import { checkCandidateList, type ListRuleResult } from '../domain/list-rules.ts';
import type { RulesProfile } from '../domain/rules-profile.ts';
import { getElection, getRulesProfile, recordProblems } from '../elections/index.ts';
import { getCandidateList, getListsByParty } from '../candidates/index.ts';
import { getProgramme } from '../programmes/index.ts';
import {
  findParticipation,
  findParty,
  insertParty,
  listBallot,
  listPartiesOutside,
  listPartiesWithLatestElection,
  listPartyNames,
  updateParty,
  upsertParticipation,
  type BallotEntry,
  type PartyNamesAndPage,
} from './party.repository.ts';

export function getParty(ctx: AppContext, registrationNumber: string): Promise<Party | undefined> {
  return findParty(ctx.db, registrationNumber);
}

export function getParticipation(
  ctx: AppContext,
  electionId: string,
  registrationNumber: string,
): Promise<Participation | undefined> {
  return findParticipation(ctx.db, electionId, registrationNumber);
}

/** The full name of every party, by registration number. */
export function getPartyNames(ctx: AppContext): Promise<Map<string, Localized>> {
  return listPartyNames(ctx.db);
}

/** Every party that takes part in an election, with all its names and the newest such election. */
export function getPartiesWithLatestElection(ctx: AppContext): Promise<PartyNamesAndPage[]> {
  return listPartiesWithLatestElection(ctx.db);
}

/** The parties of an election in ballot order, with their counts. */
export function getBallot(ctx: AppContext, electionId: string): Promise<BallotEntry[]> {
  return listBallot(ctx.db, electionId);
}

/** Parties known from other elections that are not in this one: a registration can start from them. */
export function getPartiesOutside(ctx: AppContext, electionId: string): Promise<Party[]> {
  return listPartiesOutside(ctx.db, electionId);
}

/** One party on the ballot with its list measured against the list rules. */
export interface BallotLine {
  entry: BallotEntry;
  rules: ListRuleResult[];
}

export interface CheckedBallot {
  election: Election;
  /** Undefined when the election names a profile that is missing: then no list can be said to pass. */
  profile: RulesProfile | undefined;
  lines: BallotLine[];
}

/** The ballot of an election with every list checked against the rules, or undefined for no such election. */
export async function getCheckedBallot(ctx: AppContext, electionId: string): Promise<CheckedBallot | undefined> {
  const election = await getElection(ctx, electionId);
  if (!election) return undefined;
  const [profile, ballot, lists] = await Promise.all([
    getRulesProfile(ctx, election.rulesProfileId),
    listBallot(ctx.db, election.id),
    // All lists in one query rather than one per party.
    getListsByParty(ctx, election.id),
  ]);
  const lines = ballot.map((entry) => ({
    entry,
    rules: profile
      ? checkCandidateList(lists.get(entry.party.registrationNumber) ?? [], election.electionDay, profile.candidateList)
      : [],
  }));
  return { election, profile, lines };
}

/** A party in one election: its record, its whole list (withdrawn candidates included), the list rules, its programme. */
export interface PartyRecord {
  party: Party;
  participation: Participation;
  candidates: PublicCandidate[];
  rules: ListRuleResult[];
  programme: Programme | undefined;
}

/**
 * The election and, when the party stands in it, the party's record there. `election` is undefined for
 * an unknown election, `record` for a party that does not stand in it.
 */
export async function getPartyRecord(
  ctx: AppContext,
  electionId: string,
  registrationNumber: string,
): Promise<{ election: Election | undefined; record: PartyRecord | undefined }> {
  const [election, party, participation] = await Promise.all([
    getElection(ctx, electionId),
    findParty(ctx.db, registrationNumber),
    findParticipation(ctx.db, electionId, registrationNumber),
  ]);
  if (!election || !party || !participation) return { election, record: undefined };
  const [candidates, profile, programme] = await Promise.all([
    getCandidateList(ctx, election.id, party.registrationNumber),
    getRulesProfile(ctx, election.rulesProfileId),
    getProgramme(ctx, election.id, party.registrationNumber),
  ]);
  const rules = profile ? checkCandidateList(candidates, election.electionDay, profile.candidateList) : [];
  return { election, record: { party, participation, candidates, rules, programme } };
}

/** Registers a party (creating or updating its record) for an election. */
export async function registerParty(
  ctx: AppContext,
  input: { electionId: string; party: unknown; ballotNumber?: number | null },
  actor: string,
): Promise<Result<{ party: Party; participation: Participation }>> {
  const parsed = partySchema.safeParse(input.party);
  if (!parsed.success) return err(recordProblems(parsed.error));
  const parsedParty = parsed.data;
  const election = await getElection(ctx, input.electionId);
  if (!election)
    return err([problem('election.not_found', `There is no election "${input.electionId}".`, { field: 'electionId' })]);
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
    await recordActivity(tx, {
      actor,
      action: before ? 'party.update' : 'party.create',
      entityType: 'party',
      entityId: party.registrationNumber,
      before: before ?? null,
      after: party,
    });
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
  input: {
    electionId: string;
    partyRegistrationNumber: string;
    status: Participation['status'];
    date: string;
    reason: string;
  },
  actor: string,
): Promise<Result<Participation>> {
  const before = await findParticipation(ctx.db, input.electionId, input.partyRegistrationNumber);
  if (!before)
    return err([
      problem('party.not_registered', `Party ${input.partyRegistrationNumber} is not in election ${input.electionId}.`),
    ]);
  const after: Participation = { ...before, status: input.status, statusDate: input.date, statusReason: input.reason };
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await upsertParticipation(tx, after, now);
    await recordActivity(tx, {
      actor,
      action: 'participation.status',
      entityType: 'participation',
      entityId: `${input.electionId}/${input.partyRegistrationNumber}`,
      before,
      after,
    });
  });
  return ok(after);
}
