// Candidate lists: reading them (whole lists, keyset pages, one candidate with party and election),
// and the commission's operations: import a whole list (all or nothing), withdraw a candidate. Each
// change is checked against the list rules and written to the activity log.
import { logCandidateLists } from './candidate-log.ts';
import type { AppContext } from '../platform/app-context.ts';
import { dialectOf } from '../platform/db/database.ts';
import { recordActivity, type ActivityEntry } from '../platform/activity-log.ts';
import { sqliteWriteMark } from '../platform/data-version.ts';
import { err, ok, problem, type Problem, type Result } from '../platform/result.ts';
import type { Candidate, Election, Party, PublicCandidate } from '../domain/election.ts';
import { checkCandidateList, type ListRuleResult } from '../domain/list-rules.ts';
import { getElection, getRulesProfile } from '../elections/index.ts';
import { getParticipation, getParty } from '../parties/index.ts';
import {
  candidateToRow,
  findCandidate,
  findPinsOfElection,
  insertCandidates,
  listAllCandidatesOfList,
  listCandidates,
  listCandidatesByParty,
  candidatesVersion,
  findPublicCandidates,
  listCandidateKeys,
  listElectionCandidates,
  setCandidateStatus,
  type CandidateKey,
  type CandidatePage,
  type CandidateQuery,
} from './candidate.repository.ts';
import { candidateSearchKey } from './core/candidate-search-key.ts';
import { candidateListing, listingPage } from './core/candidate-listing.ts';
import { prepareNames, type PreparedNames } from '../domain/name-search.ts';
import { readCandidateCsv, readCandidateXlsx } from './core/candidate-import.ts';
import { ruleDetail } from './views/rule-message.ts';

export function getCandidate(ctx: AppContext, id: number): Promise<PublicCandidate | undefined> {
  return findCandidate(ctx.db, id);
}

/** A party's whole list in one election, in list order, withdrawn candidates included. */
export function getCandidateList(
  ctx: AppContext,
  electionId: string,
  registrationNumber: string,
): Promise<PublicCandidate[]> {
  return listAllCandidatesOfList(ctx.db, electionId, registrationNumber);
}

/** Every list of an election by party registration number, in one query. */
export function getListsByParty(ctx: AppContext, electionId: string): Promise<Map<string, PublicCandidate[]>> {
  return listCandidatesByParty(ctx.db, electionId);
}

/**
 * What `load` makes of the candidates, held in `ctx.memo` until they change: one aggregate query tells
 * whether they have, and on SQLite even that is skipped while the database's write mark stays where it
 * was (read with the data version, once per reading request; it moves with writes that record no
 * activity too, such as rows changed straight in the database).
 */
async function heldWhileCandidatesStay<T>(
  ctx: AppContext,
  area: string,
  key: string,
  load: () => Promise<T>,
): Promise<T> {
  type Held = { version: string; mark: string | undefined; value: T };
  const held = ctx.memo.get<Held>(area, key);
  const mark = await sqliteWriteMark(ctx.db);
  if (held && mark !== undefined && held.mark === mark) return held.value;
  const version = await candidatesVersion(ctx.db);
  const value = held?.version === version ? held.value : await load();
  ctx.memo.set(area, key, { version, mark, value } satisfies Held);
  return value;
}

/**
 * Every candidate's name key, taken apart for the search to rank in memory: read again only when the
 * candidates have changed, so a search with a new query costs no table scan.
 */
export function getCandidateNames(ctx: AppContext): Promise<PreparedNames<CandidateKey>> {
  return heldWhileCandidatesStay(ctx, 'candidates.names', 'all', async () =>
    prepareNames(await listCandidateKeys(ctx.db), (k) => k.searchKey),
  );
}

/** The public rows of the candidates `ids`, in that order. */
export function getPublicCandidates(ctx: AppContext, ids: readonly number[]): Promise<PublicCandidate[]> {
  return findPublicCandidates(ctx.db, ids);
}

/** One keyset page of a candidate listing. */
export async function getCandidatePage(ctx: AppContext, q: CandidateQuery): Promise<CandidatePage> {
  // On SQLite the page comes from the election's candidates held in memory (its write mark says for
  // free whether they still stand), which spares the query a page would cost under a crowd. On
  // PostgreSQL knowing that costs an aggregate query, dearer than the page's own.
  if (dialectOf(ctx.db) !== 'sqlite') return listCandidates(ctx.db, q);
  const listing = await heldWhileCandidatesStay(ctx, 'candidates.listing', q.electionId, async () =>
    candidateListing(await listElectionCandidates(ctx.db, q.electionId)),
  );
  return listingPage(listing, q);
}

/** A candidate with the party and the election they stand in (undefined when the candidate is unknown). */
export async function getCandidateRecord(
  ctx: AppContext,
  id: number,
): Promise<{ candidate: PublicCandidate; party: Party | undefined; election: Election | undefined } | undefined> {
  const candidate = await findCandidate(ctx.db, id);
  if (!candidate) return undefined;
  const [party, election] = await Promise.all([
    getParty(ctx, candidate.partyRegistrationNumber),
    getElection(ctx, candidate.electionId),
  ]);
  return { candidate, party, election };
}

/** A broken list rule among an import's problems, with the result a page words in its reader's language. */
export type ListRuleProblem = Problem & { listRule: ListRuleResult };

export const isListRuleProblem = (p: Problem): p is ListRuleProblem => 'listRule' in p;

export async function importCandidateList(
  ctx: AppContext,
  input: { electionId: string; partyRegistrationNumber: string; file: Buffer; format: 'csv' | 'xlsx'; actor: string },
): Promise<Result<{ imported: number; rules: ListRuleResult[] }>> {
  const election = await getElection(ctx, input.electionId);
  if (!election) return err([problem('election.not_found', `There is no election "${input.electionId}".`)]);
  const participation = await getParticipation(ctx, input.electionId, input.partyRegistrationNumber);
  if (!participation) {
    return err([
      problem('party.not_registered', `Party ${input.partyRegistrationNumber} is not registered for this election.`),
    ]);
  }
  const rules = await getRulesProfile(ctx, election.rulesProfileId);
  if (!rules) return err([problem('rules.not_found', `Rules profile ${election.rulesProfileId} is missing.`)]);

  const importCtx = {
    electionId: election.id,
    partyRegistrationNumber: input.partyRegistrationNumber,
    electionDay: election.electionDay,
  };
  const parsed =
    input.format === 'csv'
      ? readCandidateCsv(input.file.toString('utf8'), importCtx)
      : await readCandidateXlsx(input.file, importCtx);
  if (!parsed.ok) return parsed;
  const candidates = parsed.value;

  const existing = await listAllCandidatesOfList(ctx.db, election.id, input.partyRegistrationNumber);
  if (existing.length > 0) {
    return err([
      problem(
        'import.list_exists',
        `Party ${input.partyRegistrationNumber} already has a list of ${existing.length} candidates; withdraw candidates instead of importing again.`,
      ),
    ]);
  }
  const pins = await findPinsOfElection(ctx.db, election.id);
  const problems = candidates.flatMap((c) => {
    const other = pins.get(c.pin);
    return other
      ? [
          problem(
            'import.pin_on_other_list',
            `Row ${c.listPosition + 1}, column "pin": this person is already on the list of party ${other}.`,
            { row: c.listPosition + 1, field: 'pin' },
          ),
        ]
      : [];
  });
  const ruleResults = checkCandidateList(candidates, election.electionDay, rules.candidateList);
  for (const r of ruleResults.filter((x) => !x.passed)) {
    const p: ListRuleProblem = {
      ...problem(`list_rule.${r.rule}`, `The list breaks the rule "${r.rule}": ${ruleDetail('en', r)}.`, {
        field: r.rule,
        params: { actual: r.actual, required: r.required },
      }),
      listRule: r,
    };
    problems.push(p);
  }
  if (problems.length > 0) return err(problems);

  await storeCandidates(ctx, candidates, {
    actor: input.actor,
    action: 'candidate-list.import',
    entityType: 'candidate-list',
    entityId: `${election.id}/${input.partyRegistrationNumber}`,
    before: null,
    after: { count: candidates.length },
  });
  return ok({ imported: candidates.length, rules: ruleResults });
}

/** Loads already-checked candidates (demo data); the caller answers for their validity. */
export async function insertCheckedCandidates(ctx: AppContext, candidates: Candidate[], actor: string): Promise<void> {
  await storeCandidates(ctx, candidates, {
    actor,
    action: 'candidate-list.load',
    entityType: 'election',
    entityId: candidates[0]?.electionId ?? '',
    after: { count: candidates.length },
  });
}

/** Writes the candidates and the activity record about them in one transaction: both or neither. */
async function storeCandidates(ctx: AppContext, candidates: Candidate[], activity: ActivityEntry): Promise<void> {
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await insertCandidates(
      tx,
      candidates.map((c) => candidateToRow(c, candidateSearchKey(c), now)),
    );
    await recordActivity(tx, activity);
    await logCandidateLists(tx, candidates, now);
  });
}

export async function withdrawCandidate(
  ctx: AppContext,
  input: { candidateId: number; date: string; actor: string },
): Promise<Result<{ candidate: PublicCandidate; rules: ListRuleResult[] }>> {
  const before = await findCandidate(ctx.db, input.candidateId);
  if (!before) return err([problem('candidate.not_found', `There is no candidate ${input.candidateId}.`)]);
  if (before.status !== 'registered')
    return err([problem('candidate.not_registered', `Candidate ${input.candidateId} is already ${before.status}.`)]);
  const election = await getElection(ctx, before.electionId);
  const rules = election && (await getRulesProfile(ctx, election.rulesProfileId));
  if (!election || !rules) return err([problem('election.not_found', 'The election of this candidate is missing.')]);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date))
    return err([problem('candidate.bad_date', `"${input.date}" is not a date (YYYY-MM-DD).`, { field: 'date' })]);

  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await setCandidateStatus(tx, before.id, 'withdrawn', input.date, now);
    await recordActivity(tx, {
      actor: input.actor,
      action: 'candidate.withdraw',
      entityType: 'candidate',
      entityId: String(before.id),
      before: { status: before.status, withdrawnOn: before.withdrawnOn },
      after: { status: 'withdrawn', withdrawnOn: input.date },
    });
    await logCandidateLists(tx, [before], now);
  });
  const after: PublicCandidate = { ...before, status: 'withdrawn', withdrawnOn: input.date };
  // Withdrawn candidates are not replaced, so shares drift: the list is re-checked at once.
  const list = await listAllCandidatesOfList(ctx.db, before.electionId, before.partyRegistrationNumber);
  return ok({ candidate: after, rules: checkCandidateList(list, election.electionDay, rules.candidateList) });
}

export async function listRulesOf(
  ctx: AppContext,
  electionId: string,
  reg: string,
): Promise<ListRuleResult[] | undefined> {
  const election = await getElection(ctx, electionId);
  const rules = election && (await getRulesProfile(ctx, election.rulesProfileId));
  if (!election || !rules) return undefined;
  const list = await listAllCandidatesOfList(ctx.db, electionId, reg);
  return checkCandidateList(list, election.electionDay, rules.candidateList);
}
