// What the downloads are made of: a party's whole list in one election, and a whole election (its
// ballot and every list), read through the capabilities that own them.
import type { AppContext } from '../platform/app-context.ts';
import type { Election, PublicCandidate } from '../domain/election.ts';
import { getElection } from '../elections/index.ts';
import { getBallot, getParticipation, type BallotEntry } from '../parties/index.ts';
import { getCandidateList, getListsByParty } from '../candidates/index.ts';

export type PartyListFile =
  { found: 'list'; election: Election; list: PublicCandidate[] } | { found: 'no-election' } | { found: 'no-party' };

/** A party's whole list in an election, in list order, withdrawn candidates included. */
export async function getPartyListFile(
  ctx: AppContext,
  electionId: string,
  registrationNumber: string,
): Promise<PartyListFile> {
  const election = await getElection(ctx, electionId);
  if (!election) return { found: 'no-election' };
  if (!(await getParticipation(ctx, electionId, registrationNumber))) return { found: 'no-party' };
  return { found: 'list', election, list: await getCandidateList(ctx, electionId, registrationNumber) };
}

export interface WholeElection {
  election: Election;
  ballot: BallotEntry[];
  lists: Map<string, PublicCandidate[]>;
}

/** An election with its ballot and every list, or undefined for no such election. */
export async function getWholeElection(ctx: AppContext, electionId: string): Promise<WholeElection | undefined> {
  const election = await getElection(ctx, electionId);
  if (!election) return undefined;
  const [ballot, lists] = await Promise.all([getBallot(ctx, election.id), getListsByParty(ctx, election.id)]);
  return { election, ballot, lists };
}

/** What the open-data page lists: the election and its parties in ballot order. */
export interface DataPageSubject {
  election: Election;
  parties: BallotEntry['party'][];
}

/** The election and its parties for its open-data page, or undefined for no such election. */
export async function getDataPageSubject(ctx: AppContext, electionId: string): Promise<DataPageSubject | undefined> {
  const election = await getElection(ctx, electionId);
  if (!election) return undefined;
  const ballot = await getBallot(ctx, election.id);
  return { election, parties: ballot.map((b) => b.party) };
}
