// Drafts of finance reports as treasurers work on them (their workspace is in treasurer-home.service.ts):
// a draft per chain (created for one's own party, its header and lines edited, lines imported
// from CSV/XLSX), the check that runs on every view of a draft, discarding it, and amendments (a new draft
// from the latest filed version). Scans of a draft are in scan.service.ts; submission, the one step that
// must be atomic and idempotent, in submission.service.ts.
//
// A draft is working material, not a record: it is edited in place (compare-and-swap on its body) and
// deleted when it is submitted or discarded. The rules of each edit are pure, in core/draft.ts.
import type { Transaction } from 'kysely';
import type { AppContext } from '../platform/app-context.ts';
import type { Database } from '../platform/db/schema.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { err, ok, type Problem, type Result } from '../platform/result.ts';
import type { Election } from '../domain/election.ts';
import type { RulesProfile } from '../domain/rules-profile.ts';
import { findElection } from '../elections/index.ts';
import { findFilerName, type NamedFiler } from './filer.service.ts';
import { FILING_FORMAT, type FilingInput, type LineSection } from './core/filing.ts';
import { validateFiling, type FilingValidation } from './core/filing-validation.ts';
import { parseLinesCsv, parseLinesXlsx } from './core/filing-lines-import.ts';
import {
  addLineEdit,
  deleteLineEdit,
  draftDocument,
  headerEdit,
  importEdit,
  isLineSection,
  noDraft,
  parseBody,
  isIsoDay,
  rowTotals,
  serviceProblem,
  staleDraft,
  updateLineEdit,
  withTotals,
  type DraftBody,
  type DraftEdit,
  type FormFields,
  type ImportedLinesBySection,
  type NewDraftInput,
} from './core/draft.ts';
import {
  deleteChain,
  deleteDraft,
  findChain,
  findChainByKey,
  findDraftOfChain,
  findFiling,
  insertAttachment,
  insertFiling,
  listAttachments,
  listVersions,
  replaceDraftBody,
  updateChainPeriod,
  type FilingAttachment,
  type FilingChain,
  type FilingRecord,
  type FilingSummary,
} from './filing.repository.ts';
import { rulesOf, todayOf } from './filing-rules.service.ts';
import { periodBoundsOf } from './core/report-period.ts';

export type { DraftBody, FormFields, NewDraftInput };
export * from './treasurer-home.service.ts';
export { createDraft } from './draft-create.service.ts';

export interface DraftRef {
  draftId: number;
  /** True when the chain already had a draft and that one is returned. */
  existing: boolean;
}

// ---------------------------------------------------------------- reading a draft

export interface DraftView {
  record: FilingRecord;
  chain: FilingChain;
  body: DraftBody;
  attachments: FilingAttachment[];
  election: Election;
  /** The party, or the candidate's fund, the draft is for. */
  party: NamedFiler | undefined;
  rules: RulesProfile;
  /** The filed versions of the chain, oldest first: an amendment's draft has at least one. */
  versions: FilingSummary[];
  /** What submitting now would say: errors block, warnings do not. */
  check: FilingValidation;
}

/** The record of a draft: undefined when there is none with this id (submitted, discarded, never was). */
export async function findDraftRecord(ctx: AppContext, draftId: number): Promise<FilingRecord | undefined> {
  const record = await findFiling(ctx.db, draftId);
  return record && record.status === 'draft' ? record : undefined;
}

/** The chain and party a draft belongs to, for authorisation, without reading its body. */
export async function draftOwner(ctx: AppContext, draftId: number): Promise<FilingChain | undefined> {
  const record = await findDraftRecord(ctx, draftId);
  return record && findChain(ctx.db, record.chainId);
}

export async function loadDraft(ctx: AppContext, draftId: number): Promise<DraftView | undefined> {
  const record = await findDraftRecord(ctx, draftId);
  const chain = record && (await findChain(ctx.db, record.chainId));
  const election = chain && (await findElection(ctx.db, chain.electionId));
  if (!record || !chain || !election) return undefined;
  const [party, attachments, versions, rules] = await Promise.all([
    findFilerName(ctx.db, chain.partyRegistrationNumber),
    listAttachments(ctx.db, draftId),
    listVersions(ctx.db, chain.id),
    rulesOf(ctx, election),
  ]);
  const body = parseBody(record.bodyJson);
  const check = validateFiling(draftDocument(body, attachments), { today: todayOf(ctx), rules });
  return { record, chain, body, attachments, election, party, rules, versions, check };
}

/** A draft with one of its lines, for the page that edits the line; undefined when either is missing. */
export async function loadDraftLine(
  ctx: AppContext,
  draftId: number,
  section: LineSection,
  index: number,
): Promise<{ view: DraftView; line: Record<string, unknown> } | undefined> {
  const view = await loadDraft(ctx, draftId);
  const line = view?.body[section][index] as Record<string, unknown> | undefined;
  return view && line ? { view, line } : undefined;
}

// ---------------------------------------------------------------- editing a draft

/**
 * Reads a draft, applies an edit and saves it if nobody saved in between. Totals are always recomputed
 * from the lines, so a draft never disagrees with itself.
 */
async function changeDraft<T>(
  ctx: AppContext,
  draftId: number,
  actor: string,
  action: string,
  edit: (body: DraftBody) => Result<DraftEdit<T>>,
  alsoSave?: (trx: Transaction<Database>, body: DraftBody) => Promise<void>,
): Promise<Result<T>> {
  const record = await findDraftRecord(ctx, draftId);
  if (!record) return err([noDraft()]);
  const changed = edit(parseBody(record.bodyJson));
  if (!changed.ok) return changed;
  const body = withTotals(changed.value.body);
  const bodyJson = JSON.stringify(body);
  const saved = await ctx.db.transaction().execute(async (trx) => {
    if (
      !(await replaceDraftBody(
        trx,
        draftId,
        record.bodyJson,
        { bodyJson, ...rowTotals(body) },
        ctx.now().toISOString(),
      ))
    )
      return false;
    await alsoSave?.(trx, body);
    await recordActivity(
      trx,
      { actor, action, entityType: 'filing', entityId: String(draftId), ...changed.value.log },
      ctx.now(),
    );
    return true;
  });
  return saved ? ok(changed.value.value) : err([staleDraft()]);
}

export async function addLine(
  ctx: AppContext,
  draftId: number,
  section: LineSection,
  form: FormFields,
  actor: string,
): Promise<Result<{ index: number }>> {
  return changeDraft(ctx, draftId, actor, `filing.draft.${section}.add`, (body) => addLineEdit(body, section, form));
}

export async function updateLine(
  ctx: AppContext,
  draftId: number,
  section: LineSection,
  index: number,
  expectedLineId: string,
  form: FormFields,
  actor: string,
): Promise<Result<{ index: number }>> {
  return changeDraft(ctx, draftId, actor, `filing.draft.${section}.update`, (body) =>
    updateLineEdit(body, { section, index, expectedLineId }, form),
  );
}

export async function deleteLine(
  ctx: AppContext,
  draftId: number,
  section: LineSection,
  index: number,
  expectedLineId: string,
  actor: string,
): Promise<Result<void>> {
  return changeDraft(ctx, draftId, actor, `filing.draft.${section}.delete`, (body) =>
    deleteLineEdit(body, { section, index, expectedLineId }),
  );
}

/**
 * Saves the header of a draft. The first day may change while the report was never filed; the chain then
 * moves with it (it is still only a draft's), unless another report of the party already starts that day.
 */
export async function updateHeader(
  ctx: AppContext,
  draftId: number,
  form: FormFields,
  actor: string,
): Promise<Result<void>> {
  const record = await findDraftRecord(ctx, draftId);
  const chain = record && (await findChain(ctx.db, record.chainId));
  const election = chain && (await findElection(ctx.db, chain.electionId));
  if (!chain || !election) return err([noDraft()]);
  const rules = {
    periodFromEditable: (await listVersions(ctx.db, chain.id)).length === 0,
    bounds: periodBoundsOf(election, await rulesOf(ctx, election), todayOf(ctx)),
  };
  const from = (form.periodFrom ?? '').trim();
  if (rules.periodFromEditable && from !== chain.periodFrom && isIsoDay(from)) {
    const other = await findChainByKey(ctx.db, { ...chainKeyOf(chain), periodFrom: from });
    if (other) return err([periodTaken(from)]);
  }
  return changeDraft(
    ctx,
    draftId,
    actor,
    'filing.draft.header.update',
    (body) => headerEdit(body, form, rules),
    async (trx, body) => {
      const h = body.header;
      const periodTo = isIsoDay(h.periodTo) ? h.periodTo : chain.periodTo;
      if (h.periodFrom !== chain.periodFrom || periodTo !== chain.periodTo)
        await updateChainPeriod(trx, chain.id, { periodFrom: h.periodFrom, periodTo });
    },
  );
}

const chainKeyOf = (c: FilingChain) => ({
  electionId: c.electionId,
  partyRegistrationNumber: c.partyRegistrationNumber,
  reportKind: c.reportKind,
  periodFrom: c.periodFrom,
});

const periodTaken = (from: string) =>
  serviceProblem('draft.period_taken', `Another report of this kind already starts on ${from}.`, {
    field: 'header.periodFrom',
    params: { from },
  });

// ---------------------------------------------------------------- importing lines

export interface ImportInput {
  bytes: Uint8Array;
  /** The section of a CSV file; an XLSX workbook names its sections by sheet. */
  section?: string;
  mode: 'append' | 'replace';
}

export interface ImportOutcome {
  counts: Record<LineSection, number>;
  warnings: Problem[];
}

const isZip = (b: Uint8Array): boolean =>
  b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** The lines of an uploaded file by section, with the warnings of reading it. */
async function readImport(input: ImportInput): Promise<Result<{ lines: ImportedLinesBySection; warnings: Problem[] }>> {
  if (isZip(input.bytes)) {
    const r = await parseLinesXlsx(input.bytes);
    if (!r.ok) return r;
    return ok({
      lines: { receipts: r.value.receipts, expenditures: r.value.expenditures, refunds: r.value.refunds },
      warnings: r.value.warnings,
    });
  }
  const section = input.section ?? '';
  if (!isLineSection(section)) {
    return err([
      serviceProblem(
        'import.section_required',
        'Say which section the CSV file holds: receipts, expenditures or refunds.',
        { field: 'section' },
      ),
    ]);
  }
  const r = parseLinesCsv(section, input.bytes);
  if (!r.ok) return r;
  return ok({ lines: { [section]: r.value.lines } as ImportedLinesBySection, warnings: r.value.warnings });
}

export async function importLines(
  ctx: AppContext,
  draftId: number,
  input: ImportInput,
  actor: string,
): Promise<Result<ImportOutcome>> {
  const read = await readImport(input);
  if (!read.ok) return read;
  return changeDraft(ctx, draftId, actor, `filing.draft.import.${input.mode}`, (body) => {
    const edit = importEdit(body, read.value.lines, input.mode);
    return ok({ ...edit, value: { counts: edit.value, warnings: read.value.warnings } });
  });
}

// ---------------------------------------------------------------- discarding, amending

export async function discardDraft(
  ctx: AppContext,
  draftId: number,
  actor: string,
): Promise<Result<{ chainId: number }>> {
  const record = await findDraftRecord(ctx, draftId);
  if (!record) return err([noDraft()]);
  const removed = await ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteDraft(trx, draftId))) return false;
    // A chain that never had a filed version is nothing without its draft.
    const versions = await listVersions(trx, record.chainId);
    if (versions.length === 0) await deleteChain(trx, record.chainId);
    await recordActivity(
      trx,
      {
        actor,
        action: 'filing.draft.discard',
        entityType: 'filing',
        entityId: String(draftId),
        before: { chainId: record.chainId },
      },
      ctx.now(),
    );
    return true;
  });
  return removed ? ok({ chainId: record.chainId }) : err([noDraft()]);
}

/** Opens a draft in the chain of a filed version, starting from the latest version, to correct it. */
export async function amendFiling(ctx: AppContext, filingId: number, actor: string): Promise<Result<DraftRef>> {
  const filed = await findFiling(ctx.db, filingId);
  if (!filed || filed.version === 0)
    return err([serviceProblem('amend.not_filed', 'Only a filed report can be amended.')]);
  // The web form edits v1 reports; a draft of a v2 one would lose its gifts in kind and loans.
  if (parseBody(filed.bodyJson).format !== FILING_FORMAT) {
    return err([
      serviceProblem(
        'amend.v2_by_api',
        'This report has gifts in kind or loans (format v2); amend it by filing its next version through the API.',
      ),
    ]);
  }
  const existing = await findDraftOfChain(ctx.db, filed.chainId);
  if (existing) return ok({ draftId: existing.id, existing: true });
  if (!filed.isLatest) {
    const latest = (await listVersions(ctx.db, filed.chainId)).at(-1);
    return err([
      serviceProblem('amend.not_latest', 'A later version of this report exists; amend the latest one.', {
        params: { filingId: latest?.id ?? 0, version: latest?.version ?? 0 },
      }),
    ]);
  }
  const attachments = await listAttachments(ctx.db, filingId);
  const now = ctx.now().toISOString();
  try {
    const draftId = await ctx.db.transaction().execute(async (trx) => {
      const body: FilingInput = parseBody(filed.bodyJson);
      const id = await insertFiling(trx, {
        chainId: filed.chainId,
        version: 0,
        status: 'draft',
        isLatest: false,
        bodyJson: JSON.stringify({ ...body, attachments: [] }),
        ...rowTotals(body),
        idempotencyKey: null,
        createdBy: actor,
        now,
        submittedAt: null,
      });
      // The scans go along: an amendment usually corrects figures, not the documents behind them.
      for (const a of attachments) await insertAttachment(trx, { ...a, filingId: id });
      await recordActivity(
        trx,
        {
          actor,
          action: 'filing.amend',
          entityType: 'filing',
          entityId: String(id),
          after: { chainId: filed.chainId, amends: filed.id, version: filed.version },
        },
        ctx.now(),
      );
      return id;
    });
    return ok({ draftId, existing: false });
  } catch (e) {
    const draft = await findDraftOfChain(ctx.db, filed.chainId);
    if (draft) return ok({ draftId: draft.id, existing: true });
    throw e;
  }
}
