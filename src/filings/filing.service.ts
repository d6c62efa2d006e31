// Finance reports as treasurers and the commission work on them: a draft per chain (created for one's own
// party, its header and lines edited, lines imported from CSV/XLSX, scans attached), the check that runs on
// every view of a draft, amendments (a new draft from the latest filed version), the commission's review
// (filed → under review → accepted / returned with reasons), and the public view of a filed version with
// everything private taken out. Submission itself, the one step that must be atomic and idempotent, lives
// in filing-submission.ts.
//
// A draft is working material, not a record: it is edited in place (compare-and-swap on its body) and
// deleted when it is submitted or discarded. Filed versions are records and are never changed, except
// their review status, whose history is kept in filing_status_events.
import type { Readable } from 'node:stream';
import type { AppContext } from '../platform/app-context.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { err, ok, type Problem, type Result } from '../platform/result.ts';
import type { Election, Party } from '../domain/election.ts';
import { builtInRulesProfiles, type RulesProfile } from '../domain/rules-profile.ts';
import { tyiyn, type Tyiyn } from '../domain/money.ts';
import { findElection, findRulesProfileById } from '../elections/election.repository.ts';
import { maskPins } from '../domain/pin-masking.ts';
import { findParticipation, findParty } from '../parties/party.repository.ts';
import {
  filingSchema,
  FILING_FORMAT,
  LINE_SECTIONS,
  reportKindSchema,
  type Attachment,
  type Filing,
  type FilingInput,
  type LineSection,
  type ReportKind,
} from './filing.ts';
import { validateFiling, type FilingValidation } from './filing-validation.ts';
import { computeTotals } from './filing-build.ts';
import { filingProblem, problemMessage } from './filing-messages.ts';
import { filingColumns, lineIdPrefix } from './filing-columns.ts';
import { parseLinesCsv, parseLinesXlsx, parseSomText } from './filing-lines-import.ts';
import {
  deleteAttachment,
  deleteDraft,
  findChain,
  findChainByKey,
  findDraftOfChain,
  findFiling,
  insertAttachment,
  insertChain,
  insertFiling,
  insertStatusEvent,
  listAttachments,
  listStatusEvents,
  listVersions,
  replaceDraftBody,
  updateStatus,
  type FilingAttachment,
  type FilingChain,
  type FilingRecord,
  type FilingStatus,
  type FilingStatusEvent,
  type FilingSummary,
} from './filing.repository.ts';
import { storeScan } from './filing-attachments.ts';

// ---------------------------------------------------------------- small things

/** A draft's body: a filing v1 document whose header fields may still be empty. */
export type DraftBody = FilingInput;

/** Calendar day in Bishkek (UTC+6, no daylight saving): the day the commission's deadlines count in. */
export function bishkekDay(at: Date | string): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(ms + 6 * 3_600_000).toISOString().slice(0, 10);
}

export function todayOf(ctx: AppContext): string {
  return bishkekDay(ctx.now());
}

/** A problem of this module (as opposed to the format's own, in filing-messages.ts); pages translate by code. */
export function serviceProblem(code: string, message: string, where: Omit<Problem, 'code' | 'message'> = {}): Problem {
  return { code, message, severity: 'error', ...where };
}

export async function rulesOf(ctx: AppContext, election: Election): Promise<RulesProfile> {
  const found = await findRulesProfileById(ctx.db, election.rulesProfileId);
  // Every election refers to a stored profile; a missing one is a broken database, not a user error.
  if (!found) throw new Error(`rules profile ${election.rulesProfileId} of election ${election.id} is missing`);
  return found;
}

export function parseBody(json: string): DraftBody {
  return JSON.parse(json) as DraftBody;
}

/** The body of a filed version: valid by construction, parsed again so that amounts are typed. */
export function parseFiled(json: string): Filing {
  return filingSchema.parse(JSON.parse(json));
}

export function attachmentsOf(rows: readonly FilingAttachment[]): Attachment[] {
  return rows.map((a) => ({ sha256: a.sha256, fileName: a.fileName, mediaType: a.mediaType, size: a.size }));
}

/** What a draft would be if submitted now: its body with the scans attached to it. */
export function draftDocument(body: DraftBody, attachments: readonly FilingAttachment[]): DraftBody {
  return { ...body, attachments: attachmentsOf(attachments) };
}

/** The due date of a report kind under a rules profile: election day plus the profile's offset. */
export function dueDate(rules: RulesProfile, election: Election, kind: ReportKind): string | undefined {
  const r = rules.reports.find((x) => x.kind === kind);
  if (!r) return undefined;
  const d = new Date(`${election.electionDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + r.dueDaysFromElectionDay);
  return d.toISOString().slice(0, 10);
}

function withTotals(body: DraftBody): DraftBody {
  const lines = { receipts: body.receipts, expenditures: body.expenditures, refunds: body.refunds } as Pick<Filing, LineSection>;
  const t = computeTotals({ header: { openingBalance: tyiyn(body.header.openingBalance) }, ...lines });
  return { ...body, header: { ...body.header, totals: { receipts: t.receipts, expenditures: t.expenditures, refunds: t.refunds } } };
}

function rowTotals(body: DraftBody) {
  const h = body.header;
  return {
    openingBalance: h.openingBalance,
    closingBalance: h.closingBalance,
    totals: { receipts: h.totals.receipts, expenditures: h.totals.expenditures, refunds: h.totals.refunds },
  };
}

// ---------------------------------------------------------------- creating a draft

export interface NewDraftInput {
  electionId: string;
  partyRegistrationNumber: string;
  reportKind: string;
  periodFrom: string;
  periodTo: string;
}

export interface DraftRef {
  draftId: number;
  /** True when the chain already had a draft and that one is returned. */
  existing: boolean;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isIsoDay = (s: string): boolean => ISO_DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** The header of the party's most recent filed report in the election, to start the next one from. */
async function previousHeader(ctx: AppContext, electionId: string, reg: string): Promise<Filing['header'] | undefined> {
  const row = await ctx.db
    .selectFrom('filings')
    .innerJoin('filing_chains', 'filing_chains.id', 'filings.chain_id')
    .select('filings.body_json')
    .where('filing_chains.election_id', '=', electionId)
    .where('filing_chains.party_registration_number', '=', reg)
    .where('filings.is_latest', '=', 1)
    .orderBy('filing_chains.period_to', 'desc')
    .orderBy('filings.id', 'desc')
    .executeTakeFirst();
  return row ? parseFiled(row.body_json).header : undefined;
}

/**
 * Opens a draft for a new report. A report is identified by its election, party, kind and first day: if
 * that chain has a draft, the draft is returned; if it has filed versions, the answer is "amend it".
 */
export async function createDraft(ctx: AppContext, input: NewDraftInput, actor: string): Promise<Result<DraftRef>> {
  const problems: Problem[] = [];
  const election = await findElection(ctx.db, input.electionId);
  if (!election) problems.push(serviceProblem('draft.election_not_found', `There is no election "${input.electionId}".`, { field: 'electionId' }));
  if (input.partyRegistrationNumber === '') {
    problems.push(serviceProblem('draft.party_required', 'Choose the party the report is for.', { field: 'party' }));
  } else if (election && !(await findParticipation(ctx.db, election.id, input.partyRegistrationNumber))) {
    problems.push(
      serviceProblem('draft.party_not_in_election', `Party ${input.partyRegistrationNumber} does not stand in this election.`, {
        field: 'party',
        params: { party: input.partyRegistrationNumber },
      }),
    );
  }
  const kind = reportKindSchema.safeParse(input.reportKind);
  if (!kind.success) problems.push(filingProblem('schema.invalid_value', { severity: 'error', field: 'header.reportKind', params: { section: 'header', allowed: reportKindSchema.options.join(', ') } }));
  for (const f of ['periodFrom', 'periodTo'] as const) {
    if (!isIsoDay(input[f])) problems.push(filingProblem('date.invalid', { severity: 'error', field: `header.${f}`, params: { section: 'header' } }));
  }
  if (problems.length === 0 && input.periodFrom > input.periodTo) {
    problems.push(filingProblem('period.reversed', { severity: 'error', field: 'header.periodTo', params: { section: 'header', from: input.periodFrom, to: input.periodTo } }));
  }
  if (problems.length > 0 || !election || !kind.success) return err(problems);

  const key = { electionId: election.id, partyRegistrationNumber: input.partyRegistrationNumber, reportKind: kind.data, periodFrom: input.periodFrom };
  const existing = await findChainByKey(ctx.db, key);
  if (existing) {
    const draft = await findDraftOfChain(ctx.db, existing.id);
    if (draft) return ok({ draftId: draft.id, existing: true });
    const versions = await listVersions(ctx.db, existing.id);
    const latest = versions.at(-1);
    return err([
      serviceProblem('draft.chain_exists', 'This report has been filed already; amend it instead of starting it again.', {
        field: 'reportKind',
        params: { filingId: latest?.id ?? 0, version: latest?.version ?? 0 },
      }),
    ]);
  }

  const previous = await previousHeader(ctx, election.id, input.partyRegistrationNumber);
  const opening = previous?.closingBalance ?? tyiyn(0);
  const body: DraftBody = withTotals({
    format: FILING_FORMAT,
    header: {
      partyRegistrationNumber: input.partyRegistrationNumber,
      electionId: election.id,
      reportKind: kind.data,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      account: { bank: previous?.account.bank ?? '', number: previous?.account.number ?? '' },
      openingBalance: opening,
      closingBalance: opening,
      totals: { receipts: 0, expenditures: 0, refunds: 0 },
      signer: { name: previous?.signer.name ?? '', position: previous?.signer.position ?? '' },
    },
    receipts: [],
    expenditures: [],
    refunds: [],
    attachments: [],
  });
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
      await recordActivity(trx, { actor, action: 'filing.draft.create', entityType: 'filing', entityId: String(id), after: { chainId: chain.id, ...key, periodTo: input.periodTo } }, ctx.now());
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

// ---------------------------------------------------------------- reading a draft

export interface DraftView {
  record: FilingRecord;
  chain: FilingChain;
  body: DraftBody;
  attachments: FilingAttachment[];
  election: Election;
  party: Party | undefined;
  rules: RulesProfile;
  /** The filed versions of the chain, oldest first: an amendment's draft has at least one. */
  versions: FilingSummary[];
  /** What submitting now would say: errors block, warnings do not. */
  check: FilingValidation;
}

/** The chain and party a draft belongs to, for authorisation, without reading its body. */
export async function draftOwner(ctx: AppContext, draftId: number): Promise<FilingChain | undefined> {
  const record = await findFiling(ctx.db, draftId);
  if (!record || record.status !== 'draft') return undefined;
  return findChain(ctx.db, record.chainId);
}

export async function loadDraft(ctx: AppContext, draftId: number): Promise<DraftView | undefined> {
  const record = await findFiling(ctx.db, draftId);
  if (!record || record.status !== 'draft') return undefined;
  const chain = await findChain(ctx.db, record.chainId);
  const election = chain && (await findElection(ctx.db, chain.electionId));
  if (!chain || !election) return undefined;
  const [party, attachments, versions, rules] = await Promise.all([
    findParty(ctx.db, chain.partyRegistrationNumber),
    listAttachments(ctx.db, draftId),
    listVersions(ctx.db, chain.id),
    rulesOf(ctx, election),
  ]);
  const body = parseBody(record.bodyJson);
  const check = validateFiling(draftDocument(body, attachments), { today: todayOf(ctx), rules });
  return { record, chain, body, attachments, election, party, rules, versions, check };
}

// ---------------------------------------------------------------- editing a draft

export type FormFields = Record<string, string | undefined>;

const staleDraft = () => serviceProblem('draft.changed', 'The draft was changed meanwhile (in another tab or by a colleague); reload it and try again.');
const noDraft = () => serviceProblem('draft.not_found', 'There is no such draft: it may have been submitted or discarded.');

/**
 * Reads a draft, applies a change and saves it if nobody saved in between. Totals are always recomputed
 * from the lines, so a draft never disagrees with itself; the closing balance stays as the treasurer
 * typed it, because checking it against the lines is the point.
 */
async function changeDraft<T>(
  ctx: AppContext,
  draftId: number,
  actor: string,
  action: string,
  change: (body: DraftBody) => Result<{ body: DraftBody; value: T; log?: { before?: unknown; after?: unknown } }>,
): Promise<Result<T>> {
  const record = await findFiling(ctx.db, draftId);
  if (!record || record.status !== 'draft') return err([noDraft()]);
  const changed = change(parseBody(record.bodyJson));
  if (!changed.ok) return changed;
  const body = withTotals(changed.value.body);
  const bodyJson = JSON.stringify(body);
  const saved = await ctx.db.transaction().execute(async (trx) => {
    if (!(await replaceDraftBody(trx, draftId, record.bodyJson, { bodyJson, ...rowTotals(body) }, ctx.now().toISOString()))) return false;
    await recordActivity(trx, { actor, action, entityType: 'filing', entityId: String(draftId), ...changed.value.log }, ctx.now());
    return true;
  });
  return saved ? ok(changed.value.value) : err([staleDraft()]);
}

/** A valid header and rules, for checking the shape of one part of a report on its own. */
const PROBE_HEADER: FilingInput['header'] = {
  partyRegistrationNumber: 'PROBE',
  electionId: 'probe',
  reportKind: 'first',
  periodFrom: '2000-01-01',
  periodTo: '2000-01-01',
  account: { bank: 'probe', number: 'probe' },
  openingBalance: 0,
  closingBalance: 0,
  totals: { receipts: 0, expenditures: 0, refunds: 0 },
  signer: { name: 'probe', position: 'probe' },
};
const PROBE_RULES = builtInRulesProfiles[0]!;

/** Shape problems of a document (the whole-report checks are for the submission). */
function shapeProblems(doc: FilingInput): Problem[] {
  const v = validateFiling(doc, { today: '9999-12-31', rules: PROBE_RULES });
  return v.filing ? [] : v.problems;
}

/** Re-locates a problem found on a line probed alone (row 1) to the line's real place in the draft. */
function relocate(p: Problem, section: LineSection, index: number): Problem {
  const moved: Problem = { ...p, row: index + 1, field: p.field?.replace(new RegExp(`^${section}\\[0\\]`), `${section}[${index}]`) };
  return { ...moved, message: problemMessage(moved, 'en') };
}

/** The line a form describes, with the problems of reading it. Amounts are typed in som. */
function lineFromForm(section: LineSection, form: FormFields): { line: Record<string, unknown>; problems: Problem[] } {
  const line: Record<string, unknown> = {};
  const problems: Problem[] = [];
  for (const col of filingColumns[section]) {
    const raw = (form[col.key] ?? '').trim();
    if (raw === '') continue;
    if (col.kind === 'amount') {
      const amount = parseSomText(raw);
      if (amount === undefined) problems.push(filingProblem('import.amount_invalid', { severity: 'error', field: `${section}[0].amount`, params: { section, value: raw } }));
      else if (amount <= 0) problems.push(filingProblem('amount.not_positive', { severity: 'error', field: `${section}[0].amount`, params: { section } }));
      else line.amount = amount;
    } else {
      line[col.key] = raw;
    }
  }
  return { line, problems };
}

function nextLineId(section: LineSection, body: DraftBody): string {
  const prefix = lineIdPrefix[section];
  let max = 0;
  for (const s of LINE_SECTIONS) {
    for (const l of body[s]) {
      const m = new RegExp(`^${prefix}-(\\d+)$`).exec(l.lineId);
      if (m) max = Math.max(max, Number(m[1]));
    }
  }
  return `${prefix}-${max + 1}`;
}

/** Where else in the draft a line id is used, other than at (section, index). */
function lineIdUse(body: DraftBody, lineId: string, except?: { section: LineSection; index: number }): { section: LineSection; row: number } | undefined {
  for (const s of LINE_SECTIONS) {
    const lines: ReadonlyArray<{ lineId: string }> = body[s];
    for (const [i, l] of lines.entries()) {
      if (l.lineId === lineId && !(except && except.section === s && except.index === i)) return { section: s, row: i + 1 };
    }
  }
  return undefined;
}

/** A line from a form, checked on its own: the problems name the line's place and field. */
function checkedLine(section: LineSection, form: FormFields, body: DraftBody, index: number): Result<FilingInput[LineSection][number]> {
  const { line, problems } = lineFromForm(section, form);
  line.lineId ??= nextLineId(section, body);
  const probe: FilingInput = { format: FILING_FORMAT, header: PROBE_HEADER, receipts: [], expenditures: [], refunds: [], attachments: [] };
  (probe[section] as unknown[]) = [line];
  // Amount problems were found while reading the form; the schema would only repeat them as "required".
  const readProblems = problems.map((p) => relocate(p, section, index));
  const shape = shapeProblems(probe)
    .filter((p) => !(readProblems.length > 0 && p.field?.endsWith('.amount')))
    .map((p) => relocate(p, section, index));
  const all = [...readProblems, ...shape];
  const other = typeof line.lineId === 'string' ? lineIdUse(body, line.lineId, { section, index }) : undefined;
  if (other) {
    all.push(
      filingProblem('line_id.duplicate', {
        severity: 'error',
        row: index + 1,
        field: `${section}[${index}].lineId`,
        params: { section, lineId: String(line.lineId), otherSection: other.section, otherRow: other.row },
      }),
    );
  }
  return all.length > 0 ? err(all) : ok(line as FilingInput[LineSection][number]);
}

export function isLineSection(s: string): s is LineSection {
  return (LINE_SECTIONS as readonly string[]).includes(s);
}

export async function addLine(ctx: AppContext, draftId: number, section: LineSection, form: FormFields, actor: string): Promise<Result<{ index: number }>> {
  return changeDraft(ctx, draftId, actor, `filing.draft.${section}.add`, (body) => {
    const index = body[section].length;
    const line = checkedLine(section, form, body, index);
    if (!line.ok) return line;
    const next = { ...body, [section]: [...body[section], line.value] } as DraftBody;
    return ok({ body: next, value: { index }, log: { after: line.value } });
  });
}

/** The line at `index` must still carry `expectedLineId`, so that a form from a stale page changes nothing. */
function lineAt(body: DraftBody, section: LineSection, index: number, expectedLineId: string): Result<FilingInput[LineSection][number]> {
  const line = body[section][index];
  if (!line || line.lineId !== expectedLineId) {
    return err([serviceProblem('draft.line_not_found', 'This line is no longer in the draft (it was changed or deleted meanwhile); reload the draft.', { params: { section } })]);
  }
  return ok(line);
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
  return changeDraft(ctx, draftId, actor, `filing.draft.${section}.update`, (body) => {
    const before = lineAt(body, section, index, expectedLineId);
    if (!before.ok) return before;
    const line = checkedLine(section, form, body, index);
    if (!line.ok) return line;
    const lines = [...body[section]];
    lines[index] = line.value;
    return ok({ body: { ...body, [section]: lines } as DraftBody, value: { index }, log: { before: before.value, after: line.value } });
  });
}

export async function deleteLine(ctx: AppContext, draftId: number, section: LineSection, index: number, expectedLineId: string, actor: string): Promise<Result<void>> {
  return changeDraft(ctx, draftId, actor, `filing.draft.${section}.delete`, (body) => {
    const before = lineAt(body, section, index, expectedLineId);
    if (!before.ok) return before;
    const lines = body[section].filter((_, i) => i !== index);
    return ok({ body: { ...body, [section]: lines } as DraftBody, value: undefined, log: { before: before.value } });
  });
}

/** The header fields a treasurer edits; election, party, kind and first day define the report and stay. */
export const HEADER_FORM_FIELDS = ['periodTo', 'bank', 'accountNumber', 'openingBalance', 'closingBalance', 'signerName', 'signerPosition'] as const;

const HEADER_FIELD_OF_PATH: Record<string, (typeof HEADER_FORM_FIELDS)[number]> = {
  'header.periodTo': 'periodTo',
  'header.account.bank': 'bank',
  'header.account.number': 'accountNumber',
  'header.openingBalance': 'openingBalance',
  'header.closingBalance': 'closingBalance',
  'header.signer.name': 'signerName',
  'header.signer.position': 'signerPosition',
};

/** The form field a header problem is about, e.g. `header.account.bank` → `bank`. */
export function headerFormField(path: string | undefined): string | undefined {
  return path === undefined ? undefined : HEADER_FIELD_OF_PATH[path];
}

export async function updateHeader(ctx: AppContext, draftId: number, form: FormFields, actor: string): Promise<Result<void>> {
  return changeDraft(ctx, draftId, actor, 'filing.draft.header.update', (body) => {
    const problems: Problem[] = [];
    const text = (name: string) => (form[name] ?? '').trim();
    const money = (name: 'openingBalance' | 'closingBalance'): Tyiyn | undefined => {
      const raw = text(name);
      const v = raw === '' ? tyiyn(0) : parseSomText(raw);
      if (v === undefined) problems.push(filingProblem('import.amount_invalid', { severity: 'error', field: `header.${name}`, params: { section: 'header', value: raw } }));
      return v;
    };
    const opening = money('openingBalance');
    const closing = money('closingBalance');
    const header: FilingInput['header'] = {
      ...body.header,
      periodTo: text('periodTo'),
      account: { bank: text('bank'), number: text('accountNumber') },
      openingBalance: opening ?? body.header.openingBalance,
      closingBalance: closing ?? body.header.closingBalance,
      signer: { name: text('signerName'), position: text('signerPosition') },
    };
    // Empty fields may wait in a draft (the check lists them, and submission refuses them); wrong ones may not.
    const shape = shapeProblems({ format: FILING_FORMAT, header, receipts: [], expenditures: [], refunds: [], attachments: [] }).filter(
      (p) => p.code !== 'schema.empty' && !(p.field?.endsWith('Balance') && problems.some((q) => q.field === p.field)),
    );
    if (header.periodTo !== '' && isIsoDay(header.periodTo) && header.periodTo < header.periodFrom) {
      shape.push(filingProblem('period.reversed', { severity: 'error', field: 'header.periodTo', params: { section: 'header', from: header.periodFrom, to: header.periodTo } }));
    }
    const all = [...problems, ...shape];
    if (all.length > 0) return err(all);
    return ok({ body: { ...body, header }, value: undefined, log: { before: body.header, after: header } });
  });
}

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

const isZip = (b: Uint8Array): boolean => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export async function importLines(ctx: AppContext, draftId: number, input: ImportInput, actor: string): Promise<Result<ImportOutcome>> {
  let imported: Partial<Record<LineSection, FilingInput[LineSection]>>;
  let warnings: Problem[];
  if (isZip(input.bytes)) {
    const r = await parseLinesXlsx(input.bytes);
    if (!r.ok) return r;
    imported = { receipts: r.value.receipts, expenditures: r.value.expenditures, refunds: r.value.refunds };
    warnings = r.value.warnings;
  } else {
    const section = input.section ?? '';
    if (!isLineSection(section)) {
      return err([serviceProblem('import.section_required', 'Say which section the CSV file holds: receipts, expenditures or refunds.', { field: 'section' })]);
    }
    const r = parseLinesCsv(section, input.bytes);
    if (!r.ok) return r;
    imported = { [section]: r.value.lines };
    warnings = r.value.warnings;
  }
  return changeDraft(ctx, draftId, actor, `filing.draft.import.${input.mode}`, (body) => {
    let next: DraftBody = { ...body };
    const counts: Record<LineSection, number> = { receipts: 0, expenditures: 0, refunds: 0 };
    for (const section of LINE_SECTIONS) {
      const lines = imported[section];
      if (lines === undefined) continue;
      if (input.mode === 'replace') {
        next = { ...next, [section]: [] } as DraftBody;
      }
      const kept: FilingInput[LineSection][number][] = [...next[section]];
      for (const line of lines) {
        const taken = lineIdUse({ ...next, [section]: kept } as DraftBody, line.lineId);
        // Appending a file whose row numbers made the same ids as lines already here: give them new ones.
        const lineId = taken && input.mode === 'append' ? nextLineId(section, { ...next, [section]: kept } as DraftBody) : line.lineId;
        kept.push({ ...line, lineId });
      }
      next = { ...next, [section]: kept } as DraftBody;
      counts[section] = lines.length;
    }
    return ok({ body: next, value: { counts, warnings }, log: { after: counts } });
  });
}

// ---------------------------------------------------------------- scans

export async function attachScan(ctx: AppContext, draftId: number, stream: Readable, fileName: string | undefined, actor: string): Promise<Result<FilingAttachment>> {
  const record = await findFiling(ctx.db, draftId);
  if (!record || record.status !== 'draft') {
    stream.resume();
    return err([noDraft()]);
  }
  const stored = await storeScan(ctx, stream, fileName);
  if (!stored.ok) return stored;
  const attachment: FilingAttachment = { filingId: draftId, ...stored.value };
  await ctx.db.transaction().execute(async (trx) => {
    await insertAttachment(trx, attachment);
    await recordActivity(
      trx,
      { actor, action: 'filing.draft.scan.add', entityType: 'filing', entityId: String(draftId), after: { sha256: attachment.sha256, fileName: attachment.fileName, mediaType: attachment.mediaType, size: attachment.size } },
      ctx.now(),
    );
  });
  return ok(attachment);
}

export async function removeScan(ctx: AppContext, draftId: number, sha256: string, actor: string): Promise<Result<void>> {
  const record = await findFiling(ctx.db, draftId);
  if (!record || record.status !== 'draft') return err([noDraft()]);
  await ctx.db.transaction().execute(async (trx) => {
    if (await deleteAttachment(trx, draftId, sha256)) {
      await recordActivity(trx, { actor, action: 'filing.draft.scan.remove', entityType: 'filing', entityId: String(draftId), before: { sha256 } }, ctx.now());
    }
  });
  return ok(undefined);
}

export async function discardDraft(ctx: AppContext, draftId: number, actor: string): Promise<Result<{ chainId: number }>> {
  const record = await findFiling(ctx.db, draftId);
  if (!record || record.status !== 'draft') return err([noDraft()]);
  const removed = await ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteDraft(trx, draftId))) return false;
    // A chain that never had a filed version is nothing without its draft.
    const versions = await listVersions(trx, record.chainId);
    if (versions.length === 0) await trx.deleteFrom('filing_chains').where('id', '=', record.chainId).execute();
    await recordActivity(trx, { actor, action: 'filing.draft.discard', entityType: 'filing', entityId: String(draftId), before: { chainId: record.chainId } }, ctx.now());
    return true;
  });
  return removed ? ok({ chainId: record.chainId }) : err([noDraft()]);
}

// ---------------------------------------------------------------- amendments

/** Opens a draft in the chain of a filed version, starting from the latest version, to correct it. */
export async function amendFiling(ctx: AppContext, filingId: number, actor: string): Promise<Result<DraftRef>> {
  const filed = await findFiling(ctx.db, filingId);
  if (!filed || filed.version === 0) return err([serviceProblem('amend.not_filed', 'Only a filed report can be amended.')]);
  const existing = await findDraftOfChain(ctx.db, filed.chainId);
  if (existing) return ok({ draftId: existing.id, existing: true });
  if (!filed.isLatest) {
    const latest = (await listVersions(ctx.db, filed.chainId)).at(-1);
    return err([
      serviceProblem('amend.not_latest', 'A later version of this report exists; amend the latest one.', { params: { filingId: latest?.id ?? 0, version: latest?.version ?? 0 } }),
    ]);
  }
  const attachments = await listAttachments(ctx.db, filingId);
  const now = ctx.now().toISOString();
  try {
    const draftId = await ctx.db.transaction().execute(async (trx) => {
      const body = parseBody(filed.bodyJson);
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
      await recordActivity(trx, { actor, action: 'filing.amend', entityType: 'filing', entityId: String(id), after: { chainId: filed.chainId, amends: filed.id, version: filed.version } }, ctx.now());
      return id;
    });
    return ok({ draftId, existing: false });
  } catch (e) {
    const draft = await findDraftOfChain(ctx.db, filed.chainId);
    if (draft) return ok({ draftId: draft.id, existing: true });
    throw e;
  }
}

// ---------------------------------------------------------------- review by the commission

export const REVIEW_STATUSES = ['under_review', 'accepted', 'returned'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** Where a report may go from each status; a returned report is corrected by an amendment, not reopened. */
export const REVIEW_TRANSITIONS: Record<FilingStatus, readonly ReviewStatus[]> = {
  draft: [],
  filed: ['under_review', 'accepted', 'returned'],
  under_review: ['accepted', 'returned'],
  accepted: [],
  returned: [],
};

export const MAX_REASON_LENGTH = 2000;

export async function reviewFiling(
  ctx: AppContext,
  filingId: number,
  input: { status: string; reason: string },
  actor: string,
): Promise<Result<{ status: ReviewStatus }>> {
  const filed = await findFiling(ctx.db, filingId);
  if (!filed || filed.version === 0) return err([serviceProblem('review.not_found', 'There is no such filed report.')]);
  if (!filed.isLatest) return err([serviceProblem('review.not_latest', 'Only the latest version of a report is reviewed.', { field: 'status' })]);
  const to = REVIEW_STATUSES.find((s) => s === input.status);
  if (!to || !REVIEW_TRANSITIONS[filed.status].includes(to)) {
    return err([serviceProblem('review.transition', `A report that is ${filed.status} cannot become ${input.status}.`, { field: 'status', params: { from: filed.status, to: input.status } })]);
  }
  const reason = input.reason.trim();
  if (to === 'returned' && reason === '') {
    return err([serviceProblem('review.reason_required', 'Say why the report is returned: the party and the public read it.', { field: 'reason' })]);
  }
  if (reason.length > MAX_REASON_LENGTH) {
    return err([serviceProblem('review.reason_too_long', `The reason is too long: at most ${MAX_REASON_LENGTH} characters.`, { field: 'reason', params: { maximum: MAX_REASON_LENGTH } })]);
  }
  const now = ctx.now().toISOString();
  const done = await ctx.db.transaction().execute(async (trx) => {
    if (!(await updateStatus(trx, filingId, filed.status, to, now))) return false;
    await insertStatusEvent(trx, { filingId, status: to, reason, actor, at: now });
    await recordActivity(trx, { actor, action: `filing.review.${to}`, entityType: 'filing', entityId: String(filingId), before: { status: filed.status }, after: { status: to, reason } }, ctx.now());
    return true;
  });
  if (!done) return err([serviceProblem('review.changed', 'The status was changed meanwhile; reload the page.', { field: 'status' })]);
  return ok({ status: to });
}

// ---------------------------------------------------------------- the public view

/** A receipt as the public sees it: no PIN, no address; an INN only where it cannot be a person's PIN. */
export interface PublicReceipt {
  lineId: string;
  date: string;
  donorType: Filing['receipts'][number]['donorType'];
  donorName: string;
  donorInn?: string;
  amount: number;
  channel: Filing['receipts'][number]['channel'];
  bankReference?: string;
}

export interface PublicExpenditure {
  lineId: string;
  date: string;
  category: Filing['expenditures'][number]['category'];
  payeeName: string;
  payeeInn?: string;
  amount: number;
  documentNumber: string;
  description: string;
}

export type PublicRefund = Filing['refunds'][number];

export interface PublicFilingDoc {
  format: typeof FILING_FORMAT;
  header: Filing['header'];
  receipts: PublicReceipt[];
  expenditures: PublicExpenditure[];
  refunds: PublicRefund[];
  attachments: Attachment[];
}

/**
 * An INN is published only when it cannot be a person's: individuals' tax number is their PIN, and PINs
 * start with 1 or 2 (domain notes §7), so those are withheld whatever the line says the payer is.
 */
export function publishableInn(inn: string | undefined, donorType?: string): string | undefined {
  if (inn === undefined) return undefined;
  if (donorType !== undefined && donorType !== 'legal_entity') return undefined;
  return /^[12]/.test(inn) ? undefined : inn;
}

/** A filed version with everything private taken out (domain notes §3: PIN and home address never public). */
export function toPublicFiling(f: Filing): PublicFilingDoc {
  return {
    format: FILING_FORMAT,
    header: f.header,
    receipts: f.receipts.map((r) => {
      const inn = publishableInn(r.donorInn, r.donorType);
      return {
        lineId: r.lineId,
        date: r.date,
        donorType: r.donorType,
        donorName: maskPins(r.donorName),
        ...(inn !== undefined ? { donorInn: inn } : {}),
        amount: r.amount,
        channel: r.channel,
        ...(r.bankReference !== undefined ? { bankReference: maskPins(r.bankReference) } : {}),
      };
    }),
    expenditures: f.expenditures.map((e) => {
      const inn = publishableInn(e.payeeInn);
      return {
        lineId: e.lineId,
        date: e.date,
        category: e.category,
        payeeName: maskPins(e.payeeName),
        ...(inn !== undefined ? { payeeInn: inn } : {}),
        amount: e.amount,
        documentNumber: maskPins(e.documentNumber),
        description: maskPins(e.description),
      };
    }),
    refunds: f.refunds.map((r) => ({ ...r })),
    attachments: f.attachments.map((a) => ({ ...a })),
  };
}

export interface Deadline {
  due: string;
  /** Bishkek day the first version was submitted. */
  filedOn: string;
  daysLate: number;
}

export interface PublicReport {
  election: Election;
  party: Party | undefined;
  chain: FilingChain;
  filing: FilingSummary;
  doc: PublicFilingDoc;
  versions: FilingSummary[];
  latest: FilingSummary;
  events: FilingStatusEvent[];
  attachments: FilingAttachment[];
  deadline: Deadline | undefined;
  rules: RulesProfile;
}

const daysBetween = (a: string, b: string): number => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

export function deadlineOf(rules: RulesProfile, election: Election, chain: FilingChain, versions: readonly FilingSummary[]): Deadline | undefined {
  const due = dueDate(rules, election, chain.reportKind);
  const first = versions[0];
  if (!due || !first?.submittedAt) return undefined;
  const filedOn = bishkekDay(first.submittedAt);
  return { due, filedOn, daysLate: Math.max(0, daysBetween(due, filedOn)) };
}

/** A filed version as the public sees it, with its chain's versions and history; undefined for drafts. */
export async function loadPublicReport(ctx: AppContext, filingId: number): Promise<PublicReport | undefined> {
  const record = await findFiling(ctx.db, filingId);
  if (!record || record.version === 0) return undefined;
  const chain = await findChain(ctx.db, record.chainId);
  const election = chain && (await findElection(ctx.db, chain.electionId));
  if (!chain || !election) return undefined;
  const [party, versions, attachments, rules] = await Promise.all([
    findParty(ctx.db, chain.partyRegistrationNumber),
    listVersions(ctx.db, chain.id),
    listAttachments(ctx.db, filingId),
    rulesOf(ctx, election),
  ]);
  const events = await listStatusEvents(
    ctx.db,
    versions.map((v) => v.id),
  );
  const latest = versions.find((v) => v.isLatest) ?? versions.at(-1)!;
  const { bodyJson: _body, idempotencyKey: _key, ...filing } = record;
  return {
    election,
    party,
    chain,
    filing,
    doc: toPublicFiling(parseFiled(record.bodyJson)),
    versions,
    latest,
    events,
    attachments,
    deadline: deadlineOf(rules, election, chain, versions),
    rules,
  };
}

/** The public document of another version of the same chain, for a diff; undefined if it is not one. */
export async function loadPublicVersion(ctx: AppContext, chainId: number, filingId: number): Promise<{ filing: FilingSummary; doc: PublicFilingDoc } | undefined> {
  const record = await findFiling(ctx.db, filingId);
  if (!record || record.version === 0 || record.chainId !== chainId) return undefined;
  const { bodyJson, idempotencyKey: _key, ...filing } = record;
  return { filing, doc: toPublicFiling(parseFiled(bodyJson)) };
}
