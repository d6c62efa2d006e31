// Submitting a finance report: the one step that turns working material into a public record. It
// validates first (errors refuse the report and change nothing), then does everything in ONE transaction:
// the filed version row, its lines copied to the itemised tables as the chain's latest (the previous
// version's lines and row lose that flag, so totals never count an amended version twice), its scans,
// the 'filed' status event and the activity record. A crash anywhere in between leaves none of it.
//
// Idempotency: every submission may carry a key (the `Idempotency-Key` header of the API; a key made
// for each rendering of the draft page in the browser). The key is stored on the filed version under a
// unique index, so a retry, a double click or two racing requests with one key make one report: the
// later ones get the first one's answer back, marked as a replay.
//
// Once a version is filed, the `filing.filed` event goes out on the context's event bus (the bank
// reconciliation of the party runs again); a subscriber's failure is logged and does not undo the filing.
import type { Transaction } from 'kysely';
import type { AppContext } from '../platform/app-context.ts';
import type { Database } from '../platform/db/schema.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { err, ok, type Problem, type Result } from '../platform/result.ts';
import { findElection } from '../elections/index.ts';
import { findFiler } from './filer.service.ts';
import { isFundNumber } from '../races/index.ts';
import { builtInRulesProfiles, type RulesProfile } from '../domain/rules-profile.ts';
import { filingSchema, type Filing } from './core/filing.ts';
import { FILING_FORMAT_V2, filingV2Schema, type FilingV2 } from './core/filing-v2.ts';
import { hasErrors, validateFiling } from './core/filing-validation.ts';
import { validateFilingV2 } from './core/filing-v2-validation.ts';
import { draftDocument, noDraft, parseBody, serviceProblem } from './core/draft.ts';
import {
  clearLatest,
  deleteDraft,
  findChain,
  findChainByKey,
  findFiling,
  findFilingByIdempotencyKey,
  insertAttachment,
  insertChain,
  insertFiling,
  insertItemisedLines,
  insertStatusEvent,
  listAttachments,
  lockChain,
  maxFiledVersion,
  type FilingAttachment,
  type FilingChain,
  type FilingRecord,
} from './filing.repository.ts';
import { rulesOf, todayOf } from './filing-rules.service.ts';
import { draftOwner } from './draft.service.ts';
import { findStoredScan, isScanMediaType, scanText } from './scan.service.ts';
import { isUniqueViolation } from '../platform/db/unique-violation.ts';
import { logFiledVersion } from './filing-log.ts';
import { insertInKindAndLoans } from './in-kind-and-loans.repository.ts';

/** Where a failure after filing is written: the request's logger (pino's signature). */
export interface FilingLogger {
  error(obj: object, msg: string): void;
}

export interface SubmitOptions {
  actor: string;
  /** Stored as given: callers namespace it (`web:…`, `api:<party>:…`) so that filers cannot collide. */
  idempotencyKey: string | null;
  /** The request's logger, for a subscriber to `filing.filed` that fails. */
  log?: FilingLogger;
}

export interface SubmitOutcome {
  filingId: number;
  chainId: number;
  version: number;
  /** True when the key had been used already and this is the earlier submission's answer. */
  replayed: boolean;
  /** Warnings of the validation: they did not stop the report, and the filer should still read them. */
  warnings: Problem[];
}

export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

function outcomeOf(r: FilingRecord, replayed: boolean, warnings: Problem[] = []): SubmitOutcome {
  return { filingId: r.id, chainId: r.chainId, version: r.version, replayed, warnings };
}

/** Callers without a request (the demo loader, tests) have no Fastify logger. */
const consoleLog: FilingLogger = { error: (obj, msg) => console.error(msg, obj) };

/** Tells the event bus's subscribers; the report is filed whatever they do, a failure is logged. */
async function announceFiled(ctx: AppContext, filingId: number, opts: SubmitOptions): Promise<void> {
  const listened =
    ctx.events.subscribers('filing.filed').length + ctx.events.subscribers('candidate-fund.filed').length;
  if (listened === 0) return;
  const record = await findFiling(ctx.db, filingId);
  const chain = record && (await findChain(ctx.db, record.chainId));
  if (!chain) return;
  const log = opts.log ?? consoleLog;
  const failed = (subscriber: string, error: unknown) =>
    log.error({ err: error, subscriber, filingId }, `after filing ${filingId}: ${subscriber} failed`);
  const { electionId, partyRegistrationNumber } = chain;
  // A candidate's fund has its own event: the bank reconciliation and the alerts follow parties' campaigns.
  if (isFundNumber(partyRegistrationNumber)) {
    const fund = { electionId, fundNumber: partyRegistrationNumber, filingId, actor: opts.actor };
    await ctx.events.emit('candidate-fund.filed', fund, failed);
    return;
  }
  await ctx.events.emit('filing.filed', { electionId, partyRegistrationNumber, filingId, actor: opts.actor }, failed);
}

/**
 * The party of a draft being submitted, for authorisation: the draft's, or, once it has been submitted,
 * that of the report filed from it under the form's idempotency key (so that a second click of "submit"
 * gets the first one's answer, not "no such draft"). Undefined when there is neither.
 */
export async function submissionOwner(
  ctx: AppContext,
  draftId: number,
  idempotencyKey: string | null,
): Promise<string | undefined> {
  const chain = await draftOwner(ctx, draftId);
  if (chain) return chain.partyRegistrationNumber;
  const filed = idempotencyKey === null ? undefined : await findFilingByIdempotencyKey(ctx.db, idempotencyKey);
  const filedChain = filed ? await findChain(ctx.db, filed.chainId) : undefined;
  return filedChain?.partyRegistrationNumber;
}

function defaultRules(): RulesProfile {
  const rules = builtInRulesProfiles[0];
  if (!rules) throw new Error('no built-in rules profile');
  return rules;
}

const idempotencyConflict = () =>
  serviceProblem(
    'submit.idempotency_conflict',
    'This idempotency key was already used for a different report; use a new key for a new submission.',
  );

interface FileVersionInput {
  /** The document as filed: v1, or v2 with its gifts in kind and loans. */
  filing: Filing | FilingV2;
  attachments: Omit<FilingAttachment, 'filingId'>[];
  /** The chain to add the version to; found or created by the filing's key when absent. */
  chainId?: number;
  /** The draft the version comes from, removed in the same transaction. */
  draftId?: number;
}

class DraftGone extends Error {}

/** Everything a filed version is, written in one transaction. */
async function fileVersion(ctx: AppContext, input: FileVersionInput, opts: SubmitOptions): Promise<FilingRecord> {
  const now = ctx.now().toISOString();
  const h = input.filing.header;
  const id = await ctx.db.transaction().execute(async (trx: Transaction<Database>) => {
    if (input.draftId !== undefined && !(await deleteDraft(trx, input.draftId))) throw new DraftGone();
    let chain: FilingChain | undefined = input.chainId !== undefined ? await findChain(trx, input.chainId) : undefined;
    const key = {
      electionId: h.electionId,
      partyRegistrationNumber: h.partyRegistrationNumber,
      reportKind: h.reportKind,
      periodFrom: h.periodFrom,
    };
    chain ??= (await findChainByKey(trx, key)) ?? (await insertChain(trx, { ...key, periodTo: h.periodTo }, now));
    await lockChain(trx, chain.id);
    const version = (await maxFiledVersion(trx, chain.id)) + 1;
    const previous = await clearLatest(trx, chain.id);
    const filingId = await insertFiling(trx, {
      chainId: chain.id,
      version,
      status: 'filed',
      isLatest: true,
      bodyJson: JSON.stringify(input.filing),
      openingBalance: h.openingBalance,
      closingBalance: h.closingBalance,
      totals: h.totals,
      idempotencyKey: opts.idempotencyKey,
      createdBy: opts.actor,
      now,
      submittedAt: now,
    });
    const where = { electionId: chain.electionId, partyRegistrationNumber: chain.partyRegistrationNumber };
    // A candidate fund's lines stay in its versions only: the itemised tables feed the parties' lists,
    // donors' pages and the compliance analysis, which would count the candidate's money as a party's.
    if (!isFundNumber(chain.partyRegistrationNumber)) {
      await insertItemisedLines(trx, filingId, where, input.filing, true);
      if (input.filing.format === FILING_FORMAT_V2)
        await insertInKindAndLoans(trx, filingId, where, input.filing, true);
    }
    for (const a of input.attachments) await insertAttachment(trx, { ...a, filingId });
    await insertStatusEvent(trx, { filingId, status: 'filed', reason: '', actor: opts.actor, at: now });
    await recordActivity(
      trx,
      {
        actor: opts.actor,
        action: version === 1 ? 'filing.submit' : 'filing.amendment.submit',
        entityType: 'filing',
        entityId: String(filingId),
        before: previous !== undefined ? { latestFilingId: previous } : undefined,
        after: {
          chainId: chain.id,
          version,
          totals: h.totals,
          closingBalance: h.closingBalance,
          idempotencyKey: opts.idempotencyKey,
          fromDraft: input.draftId ?? null,
        },
      },
      ctx.now(),
    );
    await logFiledVersion(trx, filingId, now);
    return filingId;
  });
  const record = await findFiling(ctx.db, id);
  if (!record) throw new Error(`filed version ${id} vanished`);
  return record;
}

/**
 * Runs a submission, turning the outcomes of a race into answers: the same key used twice at once gives
 * the first one's report; a draft submitted twice at once is filed once.
 */
async function fileOnce(
  ctx: AppContext,
  input: FileVersionInput,
  opts: SubmitOptions,
  warnings: Problem[],
): Promise<Result<SubmitOutcome>> {
  try {
    const filed = await fileVersion(ctx, input, opts);
    await announceFiled(ctx, filed.id, opts);
    return ok(outcomeOf(filed, false, warnings));
  } catch (e) {
    const byKey =
      opts.idempotencyKey !== null ? await findFilingByIdempotencyKey(ctx.db, opts.idempotencyKey) : undefined;
    if (byKey && (e instanceof DraftGone || isUniqueViolation(e))) return ok(outcomeOf(byKey, true));
    if (e instanceof DraftGone) return err([noDraft()]);
    if (isUniqueViolation(e)) {
      return err([
        serviceProblem(
          'submit.conflict',
          'Another version of this report was filed at the same moment; reload and check before submitting again.',
        ),
      ]);
    }
    throw e;
  }
}

/** Submits a draft of the web form. Errors of the check refuse it and change nothing. */
export async function submitDraft(
  ctx: AppContext,
  draftId: number,
  opts: SubmitOptions,
): Promise<Result<SubmitOutcome>> {
  if (opts.idempotencyKey !== null) {
    const replay = await findFilingByIdempotencyKey(ctx.db, opts.idempotencyKey);
    if (replay) return ok(outcomeOf(replay, true));
  }
  const record = await findFiling(ctx.db, draftId);
  const chain = record && record.status === 'draft' ? await findChain(ctx.db, record.chainId) : undefined;
  const election = chain && (await findElection(ctx.db, chain.electionId));
  if (!record || !chain || !election) return err([noDraft()]);
  const attachments = await listAttachments(ctx.db, draftId);
  const check = validateFiling(draftDocument(parseBody(record.bodyJson), attachments), {
    today: todayOf(ctx),
    rules: await rulesOf(ctx, election),
  });
  if (!check.filing || hasErrors(check.problems)) return err(check.problems.filter((p) => p.severity === 'error'));
  const warnings = check.problems.filter((p) => p.severity !== 'error');
  return fileOnce(
    ctx,
    { filing: check.filing, attachments: attachments.map(({ filingId: _f, ...a }) => a), chainId: chain.id, draftId },
    opts,
    warnings,
  );
}

/** Whether a document says it is v2; anything else is read as v1, exactly as before v2 existed. */
const isV2Document = (input: unknown): boolean =>
  typeof input === 'object' && input !== null && (input as { format?: unknown }).format === FILING_FORMAT_V2;

/** The document read with its own format's schema (for a replay's comparison and the header's checks). */
const readShape = (input: unknown) => (isV2Document(input) ? filingV2Schema : filingSchema).safeParse(input);

/** The election and the filer (a party, or a candidate's fund) a document's header names must exist and stand together. */
async function headerProblems(
  ctx: AppContext,
  header: Filing['header'] | FilingV2['header'] | undefined,
): Promise<{ problems: Problem[]; rules: RulesProfile }> {
  const election = header && (await findElection(ctx.db, header.electionId));
  if (header && !election) {
    const problem = serviceProblem('draft.election_not_found', `There is no election "${header.electionId}".`, {
      field: 'header.electionId',
      params: { section: 'header' },
    });
    return { problems: [problem], rules: defaultRules() };
  }
  const filer = header && election && (await findFiler(ctx.db, election.id, header.partyRegistrationNumber));
  if (header && election && !filer) {
    const problem = serviceProblem(
      'draft.party_not_in_election',
      `Party ${header.partyRegistrationNumber} does not stand in this election.`,
      {
        field: 'header.partyRegistrationNumber',
        params: { section: 'header', party: header.partyRegistrationNumber },
      },
    );
    return { problems: [problem], rules: defaultRules() };
  }
  // A v2 header may say whose fund it is; it must be what the registration number is.
  const said = header && 'filer' in header ? header.filer?.kind : undefined;
  if (header && filer && said !== undefined && said !== filer.kind) {
    const problem = serviceProblem(
      'submit.filer_kind',
      `The kind of fund in the report's header (${String(said)}) does not match the registration number ${header.partyRegistrationNumber}.`,
      {
        field: 'header.filer.kind',
        params: { section: 'header', kind: String(said), party: header.partyRegistrationNumber },
      },
    );
    return { problems: [problem], rules: defaultRules() };
  }
  // Without a readable header there is no election to take rules from; the shape problems say why.
  return { problems: [], rules: election ? await rulesOf(ctx, election) : defaultRules() };
}

/**
 * Submits a complete filing document sent by software: v1, or v2 with gifts in kind and loans (stored as
 * filed, and copied to their own tables). A document for a report that was filed before (same election,
 * party, kind and first day) is its amendment: the next version of that chain. Whether the submitter may
 * file for the document's party is the route's question (authorization.ts).
 */
export async function submitFiling(
  ctx: AppContext,
  input: unknown,
  opts: SubmitOptions,
): Promise<Result<SubmitOutcome>> {
  if (opts.idempotencyKey !== null) {
    const replay = await findFilingByIdempotencyKey(ctx.db, opts.idempotencyKey);
    if (replay) {
      // The same request again gets the same answer; a different report under a used key is refused,
      // or a filer's second report would silently vanish behind the first.
      const parsed = readShape(input);
      return parsed.success && JSON.stringify(parsed.data) === replay.bodyJson
        ? ok(outcomeOf(replay, true))
        : err([idempotencyConflict()]);
    }
  }
  const shape = readShape(input);
  const { problems: refused, rules } = await headerProblems(ctx, shape.success ? shape.data.header : undefined);
  if (refused.length > 0) return err(refused);
  const context = { today: todayOf(ctx), rules };
  const check = isV2Document(input) ? validateFilingV2(input, context) : validateFiling(input, context);
  if (!check.filing || hasErrors(check.problems)) return err(check.problems.filter((p) => p.severity === 'error'));
  const filing = check.filing;
  // Scans are named by hash: each must have been uploaded, be the filer's own, and be what the document says it is.
  const attachments: Omit<FilingAttachment, 'filingId'>[] = [];
  const problems: Problem[] = [];
  for (const [i, a] of filing.attachments.entries()) {
    const stored = await findStoredScan(ctx, a.sha256, {
      party: filing.header.partyRegistrationNumber,
      actor: opts.actor,
    });
    if (!stored || !isScanMediaType(stored.mediaType) || !(await ctx.blobs.has(a.sha256))) {
      problems.push(
        serviceProblem(
          'submit.attachment_unknown',
          `Attachment ${i + 1} (${a.fileName}) has not been uploaded; upload the file first.`,
          {
            row: i + 1,
            field: `attachments[${i}].sha256`,
            params: { section: 'attachments', fileName: a.fileName },
          },
        ),
      );
    } else if (stored.mediaType !== a.mediaType || stored.size !== a.size) {
      problems.push(
        serviceProblem(
          'submit.attachment_mismatch',
          `Attachment ${i + 1} (${a.fileName}) is ${stored.mediaType} of ${stored.size} bytes, not what the report says.`,
          {
            row: i + 1,
            field: `attachments[${i}].mediaType`,
            params: { section: 'attachments', fileName: a.fileName, mediaType: stored.mediaType, size: stored.size },
          },
        ),
      );
    } else {
      attachments.push({
        sha256: a.sha256,
        fileName: a.fileName,
        mediaType: a.mediaType,
        size: a.size,
        extractedText: await scanText(ctx, a.sha256, a.mediaType),
      });
    }
  }
  if (problems.length > 0) return err(problems);
  const warnings = check.problems.filter((p) => p.severity !== 'error');
  return fileOnce(ctx, { filing, attachments }, opts, warnings);
}
