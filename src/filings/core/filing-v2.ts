// The "Talapker filing v2" format: everything of v1 (filing.ts, whose line schemas it reuses) plus gifts in
// kind and loans, which count towards a donor's cap without passing through the fund's account as money.
// `readFiling` takes a document of either format and gives a v2 filing, so that code written for v2 reads
// every report ever filed. The zod schema checks shape only; the rules across lines are in
// filing-v2-validation.ts, and what counts towards a cap in donor-caps.ts.
import { z } from 'zod';
import { defineMessages, translator } from '../../platform/i18n/messages.ts';
import { isControlCharacterIssue } from '../../platform/plain-text.ts';
import { err, ok, type Problem, type Result } from '../../platform/result.ts';
import { builtInRulesProfiles, type FilerKind } from '../../domain/rules-profile.ts';
import { sub, sum, type Tyiyn } from '../../domain/money.ts';
import catalogue from '../filing.messages.json' with { type: 'json' };
import {
  donorTypeSchema,
  expenditureSchema,
  FILING_FORMAT,
  filingHeaderSchema,
  filingSchema,
  LINE_SECTIONS,
  MAX_LINE_AMOUNT_TYIYN,
  MAX_LINES_PER_SECTION,
  receiptSchema,
  type Filing,
} from './filing.ts';
import { validateFiling } from './filing-validation.ts';
import { filingProblem, type FilingProblemCode } from './validation.messages.ts';
import { pathToField, valueAt } from './issue-path.ts';

export const FILING_FORMAT_V2 = 'talapker-filing-v2';
export const FILING_V2_JSON_SCHEMA_ID = '/api/schemas/filing-v2.json';

// The line fields v1 already defines, taken from its schemas so that both formats say the same thing.
const line = receiptSchema.shape;
const lineAmount = line.amount;
const description = expenditureSchema.shape.description;

export const valuationSchema = z
  .enum(['market_price', 'invoice', 'commission_estimate', 'other'])
  .describe('How the value of a gift in kind was estimated.');
export type Valuation = z.infer<typeof valuationSchema>;

/** Where a loan stands at the end of the report period; only the filer knows, so it is filed, not derived. */
export const loanStatusSchema = z.enum(['outstanding', 'repaid', 'forgiven', 'unpaid_at_term']);
export type LoanStatus = z.infer<typeof loanStatusSchema>;

export const filerSchema = z.strictObject({
  kind: z.enum(['party', 'candidate']) satisfies z.ZodType<FilerKind>,
  candidateId: z
    .number()
    .int()
    .positive()
    .optional()
    .describe(
      "Informative only: the fund is the one the header's registration number names (a candidate fund's FUND-… number).",
    ),
});

export const filingHeaderV2Schema = filingHeaderSchema.extend({
  filer: filerSchema
    .optional()
    .describe('Whose fund this is; a party when absent, as every v1 report is a party report.'),
});

export const inKindSchema = z.strictObject({
  lineId: line.lineId,
  date: line.date,
  donorType: line.donorType,
  donorName: line.donorName,
  donorPin: line.donorPin,
  donorInn: line.donorInn,
  donorAddress: line.donorAddress,
  estimatedValue: lineAmount.describe('Estimated value of the gift in tyiyn (1 som = 100 tyiyn), a positive integer.'),
  valuation: valuationSchema,
  description: description.describe('What was given: goods, services, use of premises or vehicles.'),
});

export const loanRepaymentSchema = z.strictObject({
  date: line.date,
  amount: lineAmount,
});

export const loanSchema = z.strictObject({
  lineId: line.lineId,
  date: line.date.describe('Day the loan was received.'),
  lenderType: donorTypeSchema,
  lenderName: line.donorName,
  lenderPin: line.donorPin.describe(
    'Personal identification number of an individual lender (14 digits). Never published.',
  ),
  lenderInn: line.donorInn.describe('INN of a legal entity lender (14 digits).'),
  amount: lineAmount.describe('Amount lent in tyiyn (1 som = 100 tyiyn), a positive integer.'),
  // A percentage, not money: it never enters a sum of tyiyn.
  annualRatePercent: z.number().min(0).max(100).multipleOf(0.01).describe('Annual interest rate in percent.'),
  termMonths: z.number().int().min(1).max(1200).describe('Term of the loan in months.'),
  repayments: z.array(loanRepaymentSchema).max(MAX_LINES_PER_SECTION),
  status: loanStatusSchema,
});

export const filingV2Schema = z.strictObject({
  ...filingSchema.shape,
  format: z.literal(FILING_FORMAT_V2),
  header: filingHeaderV2Schema,
  inKind: z.array(inKindSchema).max(MAX_LINES_PER_SECTION),
  loans: z.array(loanSchema).max(MAX_LINES_PER_SECTION),
});

export type FilerV2 = z.infer<typeof filerSchema>;
export type FilingHeaderV2 = z.infer<typeof filingHeaderV2Schema>;
export type InKindReceipt = z.infer<typeof inKindSchema>;
export type LoanRepayment = z.infer<typeof loanRepaymentSchema>;
export type Loan = z.infer<typeof loanSchema>;
/** A parsed v2 filing: amounts are Tyiyn. */
export type FilingV2 = z.infer<typeof filingV2Schema>;
/** A v2 filing as sent over the wire: amounts are plain numbers. */
export type FilingV2Input = z.input<typeof filingV2Schema>;

/** The sections that hold lines, in the order reports show them. */
export const LINE_SECTIONS_V2 = [...LINE_SECTIONS, 'inKind', 'loans'] as const;
export type LineSectionV2 = (typeof LINE_SECTIONS_V2)[number];
/** The sections v2 adds. */
export type NewLineSection = 'inKind' | 'loans';

/** What is still owed on a loan: the amount less the repayments (negative when over-repaid). */
export function loanBalance(loan: Pick<Loan, 'amount' | 'repayments'>): Tyiyn {
  return sub(loan.amount, sum(loan.repayments.map((r) => r.amount)));
}

/** A v1 filing as v2: a party's report with no gifts in kind and no loans. */
export function upgradeFiling(filing: Filing): FilingV2 {
  return { ...filing, format: FILING_FORMAT_V2, inKind: [], loans: [] };
}

/** The part of a v2 filing that v1 knows, as a v1 filing (for the v1 validation). */
export function v1PartOf(filing: FilingV2): Filing {
  const { filer: _filer, ...header } = filing.header;
  const { inKind: _inKind, loans: _loans, ...rest } = filing;
  return { ...rest, format: FILING_FORMAT, header };
}

// ---- Problems in the words of the finance reports' catalogue ----

const reportWords = translator(defineMessages(catalogue));

/**
 * A problem v2 adds to those of v1: its words are `filings.problem.<code>` in the finance reports'
 * catalogue, which is where pages look for any code the format's own catalogue does not have.
 */
export function filingV2Problem(
  code: string,
  where: Omit<Problem, 'code' | 'message'> & { severity: 'error' | 'warning' },
): Problem {
  const message = reportWords.lookup('en', `filings.problem.${code}`, where.params ?? {});
  if (message === undefined) throw new Error(`no words for the problem ${code}`);
  return { code, message, ...where };
}

// ---- Reading a document of either format ----

/** Reads a v1 or v2 document; a v1 report comes back as v2 with no gifts in kind and no loans. */
export function readFiling(input: unknown): Result<FilingV2> {
  const format = isRecord(input) ? input.format : undefined;
  if (format === FILING_FORMAT) {
    const parsed = filingSchema.safeParse(input);
    return parsed.success ? ok(upgradeFiling(parsed.data)) : err(v1ShapeProblems(input));
  }
  if (format !== FILING_FORMAT_V2 || !isRecord(input)) {
    return err([filingV2Problem('format.unsupported_version', { severity: 'error', field: 'format', params: {} })]);
  }
  const parsed = filingV2Schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  // v1's part is put to v1's own reading, so that its problems are said exactly as for a v1 report.
  const { inKind: _inKind, loans: _loans, ...rest } = input;
  const header = isRecord(rest.header) ? withoutFiler(rest.header) : rest.header;
  const problems = [...v1ShapeProblems({ ...rest, format: FILING_FORMAT, header })];
  for (const issue of parsed.error.issues) {
    if (isNewPart(issue.path)) problems.push(...newPartProblems(issue, input));
  }
  return err(dedupe(problems));
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function withoutFiler(header: Record<string, unknown>): Record<string, unknown> {
  const { filer: _filer, ...rest } = header;
  return rest;
}

/** The schema problems of a v1 document, as v1 validation states them (the rules that follow need no context). */
function v1ShapeProblems(input: unknown): Problem[] {
  const rules = builtInRulesProfiles[0];
  if (!rules) throw new Error('no built-in rules profile');
  const v = validateFiling(input, { today: '9999-12-31', rules });
  return v.filing ? [] : v.problems;
}

const isNewPart = (path: readonly PropertyKey[]): boolean =>
  path[0] === 'inKind' || path[0] === 'loans' || (path[0] === 'header' && path[1] === 'filer');

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.code}\u0000${p.field ?? ''}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

// ---- zod issues of the new parts → problems, in the codes and words v1 uses for the same faults ----

const DATE_LEAVES = new Set(['date']);
const MONEY_LEAVES = new Set(['amount', 'estimatedValue']);
const PIN_LEAVES = new Set(['donorPin', 'lenderPin']);
const INN_LEAVES = new Set(['donorInn', 'lenderInn']);

function locate(path: readonly PropertyKey[], input: unknown): { row?: number; params: Record<string, string> } {
  const [section, index] = path;
  if (typeof section === 'string' && section !== 'header' && typeof index === 'number') {
    const lineId = valueAt(input, [section, index, 'lineId']);
    return { row: index + 1, params: { section, ...(typeof lineId === 'string' && lineId !== '' ? { lineId } : {}) } };
  }
  return { params: { section: typeof section === 'string' ? section : 'header' } };
}

function newPartProblems(issue: z.core.$ZodIssue, input: unknown): Problem[] {
  const path = issue.path;
  const leaf = path.at(-1);
  const leafName = typeof leaf === 'string' ? leaf : '';
  const at = locate(path, input);
  const where = (params: Record<string, string | number>, field: string) => ({
    severity: 'error' as const,
    ...(at.row !== undefined ? { row: at.row } : {}),
    field,
    params: { ...at.params, ...params },
  });
  const make = (code: FilingProblemCode, params: Record<string, string | number> = {}, field = pathToField(path)) =>
    filingProblem(code, where(params, field));
  const rate = () => filingV2Problem('loan.rate_invalid', where({}, pathToField(path)));
  const value = valueAt(input, path);
  const money = MONEY_LEAVES.has(leafName);

  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return [make('schema.required')];
      if (DATE_LEAVES.has(leafName)) return [make('date.invalid')];
      if (money && typeof value === 'number') {
        return Number.isInteger(value)
          ? [make('amount.too_large', { maximum: MAX_LINE_AMOUNT_TYIYN })]
          : [make('amount.not_integer')];
      }
      return [make('schema.invalid_type', { expected: issue.expected === 'int' ? 'integer' : issue.expected })];
    case 'too_small':
      if (money) return [make('amount.not_positive')];
      if (leafName === 'annualRatePercent') return [rate()];
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return [make('schema.empty')];
      return [make('schema.invalid')];
    case 'too_big':
      if (money) return [make('amount.too_large', { maximum: MAX_LINE_AMOUNT_TYIYN })];
      if (leafName === 'annualRatePercent') return [rate()];
      return [make('schema.too_long', { maximum: Number(issue.maximum) })];
    case 'not_multiple_of':
      return leafName === 'annualRatePercent' ? [rate()] : [make('schema.invalid')];
    case 'invalid_format':
      if (DATE_LEAVES.has(leafName)) return [make('date.invalid')];
      if (PIN_LEAVES.has(leafName) || INN_LEAVES.has(leafName)) {
        const reason = typeof value === 'string' && /^\d*$/.test(value) ? 'length' : 'not_digits';
        return [make(PIN_LEAVES.has(leafName) ? 'pin.invalid' : 'inn.invalid', { reason })];
      }
      return [make('schema.invalid_format')];
    case 'invalid_value':
      return [make('schema.invalid_value', { allowed: issue.values.map(String).join(', ') })];
    case 'unrecognized_keys':
      return issue.keys.map((key) => make('schema.unknown_field', { key }, pathToField([...path, key])));
    case 'custom':
      return isControlCharacterIssue(issue) ? [make('schema.control_character')] : [make('schema.invalid')];
    case 'invalid_element':
    case 'invalid_key':
    case 'invalid_union':
      return [make('schema.invalid')];
  }
}

// ---- The published JSON Schema ----

/**
 * The JSON Schema of v2, generated from the zod schema like v1's so that the two cannot drift; `io: 'input'`
 * because it describes what a filer sends.
 */
export function filingV2JsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(filingV2Schema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: FILING_V2_JSON_SCHEMA_ID,
    title: 'Talapker filing v2',
    description:
      'A finance report of an electoral fund: everything of v1 (header, itemised receipts, expenditures and refunds, attachments) and gifts in kind at their estimated value and loans with their repayments. Money is in integer tyiyn (1 som = 100 tyiyn).',
    ...rest,
  };
}
