// Opening a draft for a new report: the election, the party, the kind and the period are checked all at
// once (an impossible period is refused before anything is written), then a chain and its draft are
// created in one transaction with their activity record, or the existing draft is returned.
import type { AppContext } from '../platform/app-context.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { err, ok, type Problem, type Result } from '../platform/result.ts';
import type { Election } from '../domain/election.ts';
import { findElection } from '../elections/index.ts';
import type { Filing } from './core/filing.ts';
import {
  checkNewReport,
  isIsoDay,
  newDraftBody,
  parseFiled,
  rowTotals,
  serviceProblem,
  type NewDraftInput,
} from './core/draft.ts';
import { periodBoundsOf, periodProblems } from './core/report-period.ts';
import {
  findChainByKey,
  findDraftOfChain,
  findLatestFiledBody,
  insertChain,
  insertFiling,
  listVersions,
  type FilingChain,
} from './filing.repository.ts';
import { rulesOf, todayOf } from './filing-rules.service.ts';
import type { DraftRef } from './draft.service.ts';
import { findFiler } from './filer.service.ts';

/** The problems of a new report's election and party, and the election when it is one. */
async function checkElectionAndParty(
  ctx: AppContext,
  input: NewDraftInput,
): Promise<{ problems: Problem[]; election: Election | undefined }> {
  const problems: Problem[] = [];
  const election = await findElection(ctx.db, input.electionId);
  if (!election)
    problems.push(
      serviceProblem('draft.election_not_found', `There is no election "${input.electionId}".`, {
        field: 'electionId',
      }),
    );
  if (input.partyRegistrationNumber === '') {
    problems.push(serviceProblem('draft.party_required', 'Choose the party the report is for.', { field: 'party' }));
  } else if (election && !(await findFiler(ctx.db, election.id, input.partyRegistrationNumber))) {
    problems.push(
      serviceProblem(
        'draft.party_not_in_election',
        `Party ${input.partyRegistrationNumber} does not stand in this election.`,
        {
          field: 'party',
          params: { party: input.partyRegistrationNumber },
        },
      ),
    );
  }
  return { problems, election };
}

/** The answer for a chain that exists: its draft, or "amend it" when it has filed versions only. */
async function existingChainAnswer(ctx: AppContext, chain: FilingChain): Promise<Result<DraftRef>> {
  const draft = await findDraftOfChain(ctx.db, chain.id);
  if (draft) return ok({ draftId: draft.id, existing: true });
  const latest = (await listVersions(ctx.db, chain.id)).at(-1);
  return err([
    serviceProblem('draft.chain_exists', 'This report has been filed already; amend it instead of starting it again.', {
      field: 'reportKind',
      params: { filingId: latest?.id ?? 0, version: latest?.version ?? 0 },
    }),
  ]);
}

/**
 * Opens a draft for a new report. A report is identified by its election, party, kind and first day: if
 * that chain has a draft, the draft is returned; if it has filed versions, the answer is "amend it".
 */
export async function createDraft(ctx: AppContext, input: NewDraftInput, actor: string): Promise<Result<DraftRef>> {
  const { problems, election } = await checkElectionAndParty(ctx, input);
  const report = checkNewReport(input);
  problems.push(...report.problems);
  // Every problem of the period at once, with the campaign's bounds when the election is known.
  if (isIsoDay(input.periodFrom) && isIsoDay(input.periodTo)) {
    const bounds = election && periodBoundsOf(election, await rulesOf(ctx, election), todayOf(ctx));
    problems.push(...periodProblems(input.periodFrom, input.periodTo, bounds));
  }
  const kind = report.kind;
  if (problems.length > 0 || !election || !kind) return err(problems);

  const key = {
    electionId: election.id,
    partyRegistrationNumber: input.partyRegistrationNumber,
    reportKind: kind,
    periodFrom: input.periodFrom,
  };
  const existing = await findChainByKey(ctx.db, key);
  if (existing) return existingChainAnswer(ctx, existing);

  const previousJson = await findLatestFiledBody(ctx.db, election.id, input.partyRegistrationNumber);
  const previous: Filing['header'] | undefined =
    previousJson === undefined ? undefined : parseFiled(previousJson).header;
  const body = newDraftBody({ ...input, electionId: election.id, reportKind: kind }, previous);
  const now = ctx.now().toISOString();
  try {
    const draftId = await ctx.db.transaction().execute(async (trx) => {
      const chain = await insertChain(trx, { ...key, periodTo: input.periodTo }, now);
      const id = await insertFiling(trx, {
        chainId: chain.id,
        version: 0,
        status: 'draft',
        isLatest: false,
        bodyJson: JSON.stringify(body),
        ...rowTotals(body),
        idempotencyKey: null,
        createdBy: actor,
        now,
        submittedAt: null,
      });
      await recordActivity(
        trx,
        {
          actor,
          action: 'filing.draft.create',
          entityType: 'filing',
          entityId: String(id),
          after: { chainId: chain.id, ...key, periodTo: input.periodTo },
        },
        ctx.now(),
      );
      return id;
    });
    return ok({ draftId, existing: false });
  } catch (e) {
    // Two "new report" clicks at once: the unique chain key lets one through; the other gets its draft.
    const chain = await findChainByKey(ctx.db, key);
    const draft = chain && (await findDraftOfChain(ctx.db, chain.id));
    if (draft) return ok({ draftId: draft.id, existing: true });
    throw e;
  }
}
