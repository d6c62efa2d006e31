// A draft of a finance report as a value: a filing v1 document whose header fields may still be empty,
// and the rules of editing it from the treasurer's forms (a header, a line added, changed or deleted,
// lines imported from a file). Each edit returns the next body or the problems that refuse it; saving is
// the service's job. Totals are always recomputed from the lines, so a draft never disagrees with itself;
// the closing balance stays as the treasurer typed it, because checking it against the lines is the point.
import { builtInRulesProfiles, type RulesProfile } from '../../domain/rules-profile.ts';
import { tyiyn, type Tyiyn } from '../../domain/money.ts';
import { err, ok, type Problem, type Result } from '../../platform/result.ts';
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
import { validateFiling } from './filing-validation.ts';
import { FILING_FORMAT_V2, filingV2Schema, upgradeFiling, v1PartOf, type FilingV2 } from './filing-v2.ts';
import { computeTotals } from './filing-build.ts';
import { filingProblem, problemMessage } from './validation.messages.ts';
import { filingColumns, lineIdPrefix } from './filing-columns.ts';
import { parseSomText } from './filing-lines-import.ts';
import { isIsoDay, periodProblems, reversedPeriod, type PeriodBounds } from './report-period.ts';

export { isIsoDay, reversedPeriod };

/** A draft's body: a filing v1 document whose header fields may still be empty. */
export type DraftBody = FilingInput;

/** What a form posted: its text fields by name. */
export type FormFields = Record<string, string | undefined>;

/** A problem of the services (as opposed to the format's own, in validation.messages.ts); pages translate by code. */
export function serviceProblem(code: string, message: string, where: Omit<Problem, 'code' | 'message'> = {}): Problem {
  return { code, message, severity: 'error', ...where };
}

export const staleDraft = () =>
  serviceProblem(
    'draft.changed',
    'The draft was changed meanwhile (in another tab or by a colleague); reload it and try again.',
  );
export const noDraft = () =>
  serviceProblem('draft.not_found', 'There is no such draft: it may have been submitted or discarded.');

export function parseBody(json: string): DraftBody {
  return JSON.parse(json) as DraftBody;
}

/**
 * The body of a filed version: valid by construction, parsed again so that amounts are typed. A v2 version
 * gives the part v1 knows (its gifts in kind and loans are read from their own tables, or by parseFiledV2).
 */
export function parseFiled(json: string): Filing {
  const body: unknown = JSON.parse(json);
  return isV2Body(body) ? v1PartOf(filingV2Schema.parse(body)) : filingSchema.parse(body);
}

/** The body of a filed version of either format as v2: a v1 version has no gifts in kind and no loans. */
export function parseFiledV2(json: string): FilingV2 {
  const body: unknown = JSON.parse(json);
  return isV2Body(body) ? filingV2Schema.parse(body) : upgradeFiling(filingSchema.parse(body));
}

const isV2Body = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && (body as { format?: unknown }).format === FILING_FORMAT_V2;

export function attachmentsOf(rows: readonly Attachment[]): Attachment[] {
  return rows.map((a) => ({ sha256: a.sha256, fileName: a.fileName, mediaType: a.mediaType, size: a.size }));
}

/** What a draft would be if submitted now: its body with the scans attached to it. */
export function draftDocument(body: DraftBody, attachments: readonly Attachment[]): DraftBody {
  return { ...body, attachments: attachmentsOf(attachments) };
}

export function withTotals(body: DraftBody): DraftBody {
  const lines = { receipts: body.receipts, expenditures: body.expenditures, refunds: body.refunds } as Pick<
    Filing,
    LineSection
  >;
  const t = computeTotals({ header: { openingBalance: tyiyn(body.header.openingBalance) }, ...lines });
  return {
    ...body,
    header: { ...body.header, totals: { receipts: t.receipts, expenditures: t.expenditures, refunds: t.refunds } },
  };
}

/** The figures a version row carries beside its body. */
export function rowTotals(body: DraftBody) {
  const h = body.header;
  return {
    openingBalance: h.openingBalance,
    closingBalance: h.closingBalance,
    totals: { receipts: h.totals.receipts, expenditures: h.totals.expenditures, refunds: h.totals.refunds },
  };
}

export function isLineSection(s: string): s is LineSection {
  return (LINE_SECTIONS as readonly string[]).includes(s);
}

// ---------------------------------------------------------------- a new draft

export interface NewDraftInput {
  electionId: string;
  partyRegistrationNumber: string;
  reportKind: string;
  periodFrom: string;
  periodTo: string;
}

/** The problems of the kind and period of a new report, and the kind when it is one. */
export function checkNewReport(input: NewDraftInput): { problems: Problem[]; kind: ReportKind | undefined } {
  const problems: Problem[] = [];
  const kind = reportKindSchema.safeParse(input.reportKind);
  if (!kind.success) {
    problems.push(
      filingProblem('schema.invalid_value', {
        severity: 'error',
        field: 'header.reportKind',
        params: { section: 'header', allowed: reportKindSchema.options.join(', ') },
      }),
    );
  }
  for (const f of ['periodFrom', 'periodTo'] as const) {
    if (!isIsoDay(input[f]))
      problems.push(
        filingProblem('date.invalid', { severity: 'error', field: `header.${f}`, params: { section: 'header' } }),
      );
  }
  return { problems, kind: kind.success ? kind.data : undefined };
}

/** The body of a new report, starting from the header of the party's previous report when there is one. */
export function newDraftBody(
  input: NewDraftInput & { reportKind: ReportKind },
  previous: Filing['header'] | undefined,
): DraftBody {
  const opening = previous?.closingBalance ?? tyiyn(0);
  return withTotals({
    format: FILING_FORMAT,
    header: {
      partyRegistrationNumber: input.partyRegistrationNumber,
      electionId: input.electionId,
      reportKind: input.reportKind,
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
}

// ---------------------------------------------------------------- checking one part alone

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

function probeRules(): RulesProfile {
  const rules = builtInRulesProfiles[0];
  if (!rules) throw new Error('no built-in rules profile');
  return rules;
}

/** Shape problems of a document (the whole-report checks are for the submission). */
function shapeProblems(doc: FilingInput): Problem[] {
  const v = validateFiling(doc, { today: '9999-12-31', rules: probeRules() });
  return v.filing ? [] : v.problems;
}

/** Re-locates a problem found on a line probed alone (row 1) to the line's real place in the draft. */
function relocate(p: Problem, section: LineSection, index: number): Problem {
  const moved: Problem = {
    ...p,
    row: index + 1,
    field: p.field?.replace(new RegExp(`^${section}\\[0\\]`), `${section}[${index}]`),
  };
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
      if (amount === undefined)
        problems.push(
          filingProblem('import.amount_invalid', {
            severity: 'error',
            field: `${section}[0].amount`,
            params: { section, value: raw },
          }),
        );
      else if (amount <= 0)
        problems.push(
          filingProblem('amount.not_positive', {
            severity: 'error',
            field: `${section}[0].amount`,
            params: { section },
          }),
        );
      else line.amount = amount;
    } else {
      line[col.key] = raw;
    }
  }
  return { line, problems };
}

export function nextLineId(section: LineSection, body: DraftBody): string {
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
export function lineIdUse(
  body: DraftBody,
  lineId: string,
  except?: { section: LineSection; index: number },
): { section: LineSection; row: number } | undefined {
  for (const s of LINE_SECTIONS) {
    const lines: ReadonlyArray<{ lineId: string }> = body[s];
    for (const [i, l] of lines.entries()) {
      if (l.lineId === lineId && !(except && except.section === s && except.index === i))
        return { section: s, row: i + 1 };
    }
  }
  return undefined;
}

type DraftLine = FilingInput[LineSection][number];

/** A line from a form, checked on its own: the problems name the line's place and field. */
function checkedLine(section: LineSection, form: FormFields, body: DraftBody, index: number): Result<DraftLine> {
  const { line, problems } = lineFromForm(section, form);
  line.lineId ??= nextLineId(section, body);
  const probe: FilingInput = {
    format: FILING_FORMAT,
    header: PROBE_HEADER,
    receipts: [],
    expenditures: [],
    refunds: [],
    attachments: [],
  };
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
  return all.length > 0 ? err(all) : ok(line as DraftLine);
}

// ---------------------------------------------------------------- edits

/** An edit of a draft: the next body, what the caller gets back, and what the activity log records. */
export interface DraftEdit<T> {
  body: DraftBody;
  value: T;
  log?: { before?: unknown; after?: unknown };
}

export function addLineEdit(
  body: DraftBody,
  section: LineSection,
  form: FormFields,
): Result<DraftEdit<{ index: number }>> {
  const index = body[section].length;
  const line = checkedLine(section, form, body, index);
  if (!line.ok) return line;
  const next = { ...body, [section]: [...body[section], line.value] } as DraftBody;
  return ok({ body: next, value: { index }, log: { after: line.value } });
}

/** The line at `index` must still carry `expectedLineId`, so that a form from a stale page changes nothing. */
function lineAt(body: DraftBody, section: LineSection, index: number, expectedLineId: string): Result<DraftLine> {
  const line = body[section][index];
  if (!line || line.lineId !== expectedLineId) {
    return err([
      serviceProblem(
        'draft.line_not_found',
        'This line is no longer in the draft (it was changed or deleted meanwhile); reload the draft.',
        {
          params: { section },
        },
      ),
    ]);
  }
  return ok(line);
}

export interface LinePlace {
  section: LineSection;
  index: number;
  expectedLineId: string;
}

export function updateLineEdit(body: DraftBody, at: LinePlace, form: FormFields): Result<DraftEdit<{ index: number }>> {
  const before = lineAt(body, at.section, at.index, at.expectedLineId);
  if (!before.ok) return before;
  const line = checkedLine(at.section, form, body, at.index);
  if (!line.ok) return line;
  const lines = [...body[at.section]];
  lines[at.index] = line.value;
  return ok({
    body: { ...body, [at.section]: lines } as DraftBody,
    value: { index: at.index },
    log: { before: before.value, after: line.value },
  });
}

export function deleteLineEdit(body: DraftBody, at: LinePlace): Result<DraftEdit<void>> {
  const before = lineAt(body, at.section, at.index, at.expectedLineId);
  if (!before.ok) return before;
  const lines = body[at.section].filter((_, i) => i !== at.index);
  return ok({ body: { ...body, [at.section]: lines } as DraftBody, value: undefined, log: { before: before.value } });
}

/**
 * The header fields a treasurer edits; election, party and kind define the report and stay, and so does
 * the first day of a report filed before (its amendments keep it).
 */
export const HEADER_FORM_FIELDS = [
  'periodFrom',
  'periodTo',
  'bank',
  'accountNumber',
  'openingBalance',
  'closingBalance',
  'signerName',
  'signerPosition',
] as const;

const HEADER_FIELD_OF_PATH: Record<string, (typeof HEADER_FORM_FIELDS)[number]> = {
  'header.periodFrom': 'periodFrom',
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

/** How a header may change: whether its first day may (a report never filed), and the period's bounds. */
export interface HeaderEditRules {
  periodFromEditable: boolean;
  bounds?: PeriodBounds;
}

export function headerEdit(
  body: DraftBody,
  form: FormFields,
  rules: HeaderEditRules = { periodFromEditable: false },
): Result<DraftEdit<void>> {
  const problems: Problem[] = [];
  const text = (name: string) => (form[name] ?? '').trim();
  // A form without the field (an amendment's, or an older page) keeps the first day as it was.
  const periodFrom =
    rules.periodFromEditable && form.periodFrom !== undefined ? text('periodFrom') : body.header.periodFrom;
  // A first day that is there but wrong is the shape check's to name; an empty one it would let wait.
  if (periodFrom === '')
    problems.push(
      filingProblem('date.invalid', { severity: 'error', field: 'header.periodFrom', params: { section: 'header' } }),
    );
  const money = (name: 'openingBalance' | 'closingBalance'): Tyiyn | undefined => {
    const raw = text(name);
    const v = raw === '' ? tyiyn(0) : parseSomText(raw);
    if (v === undefined)
      problems.push(
        filingProblem('import.amount_invalid', {
          severity: 'error',
          field: `header.${name}`,
          params: { section: 'header', value: raw },
        }),
      );
    return v;
  };
  const opening = money('openingBalance');
  const closing = money('closingBalance');
  const header: FilingInput['header'] = {
    ...body.header,
    periodFrom,
    periodTo: text('periodTo'),
    account: { bank: text('bank'), number: text('accountNumber') },
    openingBalance: opening ?? body.header.openingBalance,
    closingBalance: closing ?? body.header.closingBalance,
    signer: { name: text('signerName'), position: text('signerPosition') },
  };
  // Empty fields may wait in a draft (the check lists them, and submission refuses them); wrong ones may not.
  const shape = shapeProblems({
    format: FILING_FORMAT,
    header,
    receipts: [],
    expenditures: [],
    refunds: [],
    attachments: [],
  }).filter(
    (p) => p.code !== 'schema.empty' && !(p.field?.endsWith('Balance') && problems.some((q) => q.field === p.field)),
  );
  if (header.periodTo !== '' && isIsoDay(header.periodTo) && isIsoDay(periodFrom))
    shape.push(
      ...periodProblems(periodFrom, header.periodTo, rules.bounds).filter(
        (p) => !shape.some((q) => q.field === p.field && q.code === p.code),
      ),
    );
  const all = [...problems, ...shape].filter(
    (p, i, list) => list.findIndex((q) => q.code === p.code && q.field === p.field) === i,
  );
  if (all.length > 0) return err(all);
  return ok({ body: { ...body, header }, value: undefined, log: { before: body.header, after: header } });
}

/** Lines read from a file, by section: a CSV file fills one, a workbook any. */
export type ImportedLinesBySection = Partial<Record<LineSection, FilingInput[LineSection]>>;

/** Appends the imported lines to their sections, or replaces those sections with them. */
export function importEdit(
  body: DraftBody,
  imported: ImportedLinesBySection,
  mode: 'append' | 'replace',
): DraftEdit<Record<LineSection, number>> {
  let next: DraftBody = { ...body };
  const counts: Record<LineSection, number> = { receipts: 0, expenditures: 0, refunds: 0 };
  for (const section of LINE_SECTIONS) {
    const lines = imported[section];
    if (lines === undefined) continue;
    if (mode === 'replace') next = { ...next, [section]: [] } as DraftBody;
    const kept: DraftLine[] = [...next[section]];
    for (const line of lines) {
      const taken = lineIdUse({ ...next, [section]: kept } as DraftBody, line.lineId);
      // Appending a file whose row numbers made the same ids as lines already here: give them new ones.
      const lineId =
        taken && mode === 'append' ? nextLineId(section, { ...next, [section]: kept } as DraftBody) : line.lineId;
      kept.push({ ...line, lineId });
    }
    next = { ...next, [section]: kept } as DraftBody;
    counts[section] = lines.length;
  }
  return { body: next, value: counts, log: { after: counts } };
}
