// Commission operations on candidate lists: import a whole list (all or nothing), withdraw a
// candidate. Each change is checked against the list rules and written to the activity log.
import type { AppContext } from '../platform/app-context.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { err, ok, problem, type Result } from '../platform/result.ts';
import type { Candidate, PublicCandidate } from '../domain/election.ts';
import { checkCandidateList, type ListRuleResult } from '../domain/list-rules.ts';
import { findElection, findRulesProfileById } from '../elections/election.repository.ts';
import { findParticipation } from '../parties/party.repository.ts';
import {
  candidateToRow,
  findCandidate,
  findPinsOfElection,
  insertCandidates,
  listAllCandidatesOfList,
  setCandidateStatus,
} from './candidate.repository.ts';
import { candidateSearchKey } from './candidate-search-key.ts';
import { readCandidateCsv, readCandidateXlsx } from './candidate-import.ts';

export async function importCandidateList(
  ctx: AppContext,
  input: { electionId: string; partyRegistrationNumber: string; file: Buffer; format: 'csv' | 'xlsx'; actor: string },
): Promise<Result<{ imported: number; rules: ListRuleResult[] }>> {
  const election = await findElection(ctx.db, input.electionId);
  if (!election) return err([problem('election.not_found', `There is no election "${input.electionId}".`)]);
  const participation = await findParticipation(ctx.db, input.electionId, input.partyRegistrationNumber);
  if (!participation) {
    return err([problem('party.not_registered', `Party ${input.partyRegistrationNumber} is not registered for this election.`)]);
  }
  const rules = await findRulesProfileById(ctx.db, election.rulesProfileId);
  if (!rules) return err([problem('rules.not_found', `Rules profile ${election.rulesProfileId} is missing.`)]);

  const importCtx = { electionId: election.id, partyRegistrationNumber: input.partyRegistrationNumber, electionDay: election.electionDay };
  const parsed = input.format === 'csv' ? readCandidateCsv(input.file.toString('utf8'), importCtx) : await readCandidateXlsx(input.file, importCtx);
  if (!parsed.ok) return parsed;
  const candidates = parsed.value;

  const existing = await listAllCandidatesOfList(ctx.db, election.id, input.partyRegistrationNumber);
  if (existing.length > 0) {
    return err([problem('import.list_exists', `Party ${input.partyRegistrationNumber} already has a list of ${existing.length} candidates; withdraw candidates instead of importing again.`)]);
  }
  const pins = await findPinsOfElection(ctx.db, election.id);
  const problems = candidates.flatMap((c) => {
    const other = pins.get(c.pin);
    return other
      ? [problem('import.pin_on_other_list', `Row ${c.listPosition + 1}, column "pin": this person is already on the list of party ${other}.`, { row: c.listPosition + 1, field: 'pin' })]
      : [];
  });
  const ruleResults = checkCandidateList(candidates, election.electionDay, rules.candidateList);
  for (const r of ruleResults.filter((x) => !x.passed)) {
    problems.push(problem(`list_rule.${r.rule}`, `The list breaks the rule "${r.rule}": ${r.actual} where the law requires ${r.required}.`, { field: r.rule, params: { actual: r.actual, required: r.required } }));
  }
  if (problems.length > 0) return err(problems);

  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await insertCandidates(tx, candidates.map((c) => candidateToRow(c, candidateSearchKey(c), now)));
    await recordActivity(tx, {
      actor: input.actor,
      action: 'candidate-list.import',
      entityType: 'candidate-list',
      entityId: `${election.id}/${input.partyRegistrationNumber}`,
      before: null,
      after: { count: candidates.length },
    });
  });
  return ok({ imported: candidates.length, rules: ruleResults });
}

/** Loads already-checked candidates (demo data); the caller answers for their validity. */
export async function insertCheckedCandidates(ctx: AppContext, candidates: Candidate[], actor: string): Promise<void> {
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await insertCandidates(tx, candidates.map((c) => candidateToRow(c, candidateSearchKey(c), now)));
    await recordActivity(tx, { actor, action: 'candidate-list.load', entityType: 'election', entityId: candidates[0]?.electionId ?? '', after: { count: candidates.length } });
  });
}

export async function withdrawCandidate(
  ctx: AppContext,
  input: { candidateId: number; date: string; actor: string },
): Promise<Result<{ candidate: PublicCandidate; rules: ListRuleResult[] }>> {
  const before = await findCandidate(ctx.db, input.candidateId);
  if (!before) return err([problem('candidate.not_found', `There is no candidate ${input.candidateId}.`)]);
  if (before.status !== 'registered') return err([problem('candidate.not_registered', `Candidate ${input.candidateId} is already ${before.status}.`)]);
  const election = await findElection(ctx.db, before.electionId);
  const rules = election && (await findRulesProfileById(ctx.db, election.rulesProfileId));
  if (!election || !rules) return err([problem('election.not_found', 'The election of this candidate is missing.')]);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date)) return err([problem('candidate.bad_date', `"${input.date}" is not a date (YYYY-MM-DD).`, { field: 'date' })]);

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
  });
  const after = (await findCandidate(ctx.db, before.id))!;
  // Withdrawn candidates are not replaced, so shares drift: the list is re-checked at once.
  const list = await listAllCandidatesOfList(ctx.db, before.electionId, before.partyRegistrationNumber);
  return ok({ candidate: after, rules: checkCandidateList(list, election.electionDay, rules.candidateList) });
}

export async function listRulesOf(ctx: AppContext, electionId: string, reg: string): Promise<ListRuleResult[] | undefined> {
  const election = await findElection(ctx.db, electionId);
  const rules = election && (await findRulesProfileById(ctx.db, election.rulesProfileId));
  if (!election || !rules) return undefined;
  const list = await listAllCandidatesOfList(ctx.db, electionId, reg);
  return checkCandidateList(list, election.electionDay, rules.candidateList);
}
