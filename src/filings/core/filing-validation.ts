// Validation of a finance report before it is accepted: the schema (with zod issues turned into problems a
// treasurer can act on) and then the checks that need the whole report — period, balance, totals, identity
// numbers, duplicates, refunds against their receipts. Errors block submission; warnings do not, and the
// compliance rules (src/compliance) turn what matters of them into findings for the commission.
import type { z } from 'zod';
import { checkPin } from '../../domain/identity-numbers.ts';
import { add, sub, sum, type Tyiyn } from '../../domain/money.ts';
import type { RulesProfile } from '../../domain/rules-profile.ts';
import type { Problem } from '../../platform/result.ts';
import { isControlCharacterIssue } from '../../platform/plain-text.ts';
import {
  filingSchema,
  LINE_SECTIONS,
  MAX_BALANCE_TYIYN,
  MAX_LINE_AMOUNT_TYIYN,
  type Filing,
  type FilingLine,
  type LineSection,
} from './filing.ts';
import { filingProblem, type FilingProblemCode } from './validation.messages.ts';
import { pathToField, valueAt } from './issue-path.ts';

export interface FilingValidationContext {
  /** ISO date of the day the report is checked; passed in so that validation stays pure. */
  today: string;
  rules: RulesProfile;
}

export interface FilingValidation {
  /** Present when the document has the shape of a filing, even if other errors remain. */
  filing?: Filing;
  problems: Problem[];
}

type Severity = 'error' | 'warning';
type Where = Omit<Problem, 'code' | 'message' | 'severity'>;
type Section = LineSection | 'header' | 'attachments';

export const hasErrors = (problems: readonly Problem[]): boolean => problems.some((p) => p.severity === 'error');

export function validateFiling(input: unknown, ctx: FilingValidationContext): FilingValidation {
  // A malformed `today` is the caller's bug, not a problem of the report.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(ctx.today)) throw new RangeError(`today is not an ISO date: ${ctx.today}`);
  const parsed = filingSchema.safeParse(input);
  if (!parsed.success) {
    // The later checks need typed lines; a report with the wrong shape gets its shape fixed first.
    const problems = parsed.error.issues.flatMap((issue) => schemaProblems(issue, input));
    // zod may report one value twice (2^60 is neither a safe integer nor under the maximum): say it once.
    const seen = new Set<string>();
    const unique = problems.filter((p) => {
      const key = `${p.code}\u0000${p.field ?? ''}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
    return { problems: sortProblems(unique) };
  }
  const filing = parsed.data;
  const problems = new Collector();
  checkHeader(filing, ctx, problems);
  checkLineIds(filing, problems);
  checkLineDates(filing, ctx, problems);
  checkReceipts(filing, ctx, problems);
  checkRefunds(filing, problems);
  checkDuplicates(filing, problems);
  checkTotalsAndBalance(filing, problems);
  return { filing, problems: sortProblems(problems.list) };
}

class Collector {
  readonly list: Problem[] = [];
  add(code: FilingProblemCode, severity: Severity, where: Where): void {
    this.list.push(filingProblem(code, { severity, ...where }));
  }
}

function lineWhere(
  section: LineSection,
  index: number,
  line: FilingLine,
  field: string,
  params: Problem['params'] = {},
): Where {
  return {
    row: index + 1,
    field: `${section}[${index}].${field}`,
    params: { section, lineId: line.lineId, ...params },
  };
}

/** Each line of each section with its index, for checks that treat all lines alike. */
function* allLines(filing: Filing): Generator<[LineSection, number, FilingLine]> {
  for (const section of LINE_SECTIONS) {
    const lines: readonly FilingLine[] = filing[section];
    for (const [i, line] of lines.entries()) yield [section, i, line];
  }
}

function checkHeader(filing: Filing, ctx: FilingValidationContext, out: Collector): void {
  const h = filing.header;
  if (h.periodFrom > h.periodTo) {
    out.add('period.reversed', 'error', {
      field: 'header.periodTo',
      params: { section: 'header', from: h.periodFrom, to: h.periodTo },
    });
  }
  for (const field of ['periodFrom', 'periodTo'] as const) {
    if (h[field] > ctx.today) {
      out.add('date.in_future', 'error', {
        field: `header.${field}`,
        params: { section: 'header', date: h[field], today: ctx.today },
      });
    }
  }
  if (!ctx.rules.reports.some((r) => r.kind === h.reportKind)) {
    out.add('report_kind.not_in_profile', 'warning', {
      field: 'header.reportKind',
      params: { section: 'header', reportKind: h.reportKind, profile: ctx.rules.id },
    });
  }
}

function checkLineIds(filing: Filing, out: Collector): void {
  const seen = new Map<string, { section: LineSection; row: number }>();
  for (const [section, i, line] of allLines(filing)) {
    const first = seen.get(line.lineId);
    if (first) {
      out.add(
        'line_id.duplicate',
        'error',
        lineWhere(section, i, line, 'lineId', { otherSection: first.section, otherRow: first.row }),
      );
    } else {
      seen.set(line.lineId, { section, row: i + 1 });
    }
  }
}

function checkLineDates(filing: Filing, ctx: FilingValidationContext, out: Collector): void {
  const { periodFrom: from, periodTo: to } = filing.header;
  // With a reversed period every date would be "outside"; the header error says all there is to say.
  const periodUsable = from <= to;
  for (const [section, i, line] of allLines(filing)) {
    if (periodUsable && (line.date < from || line.date > to)) {
      out.add('date.outside_period', 'error', lineWhere(section, i, line, 'date', { date: line.date, from, to }));
    } else if (line.date > ctx.today) {
      out.add('date.in_future', 'error', lineWhere(section, i, line, 'date', { date: line.date, today: ctx.today }));
    }
  }
}

function checkReceipts(filing: Filing, ctx: FilingValidationContext, out: Collector): void {
  // A receipt already refunded to the budget as anonymous is reported without a PIN by definition.
  const refundedAsAnonymous = new Set(
    filing.refunds.filter((r) => r.reason === 'anonymous').map((r) => r.receiptLineId),
  );
  for (const [i, r] of filing.receipts.entries()) {
    if (r.donorPin !== undefined) {
      const pin = checkPin(r.donorPin, ctx.today);
      if (pin.status === 'invalid') {
        out.add('pin.invalid', 'error', lineWhere('receipts', i, r, 'donorPin', { reason: pin.reason }));
      } else if (pin.status === 'unverified') {
        out.add('pin.unverified', 'warning', lineWhere('receipts', i, r, 'donorPin', { reason: pin.reason }));
      }
    } else if (r.donorType === 'individual' && !refundedAsAnonymous.has(r.lineId)) {
      out.add('donor.pin_missing', 'warning', lineWhere('receipts', i, r, 'donorPin'));
    }
    if (r.donorType === 'legal_entity' && r.donorInn === undefined) {
      out.add('donor.inn_missing', 'warning', lineWhere('receipts', i, r, 'donorInn'));
    }
    if (r.channel === 'cash' && !ctx.rules.finance.cashAllowed) {
      out.add('receipt.cash_not_allowed', 'warning', lineWhere('receipts', i, r, 'channel'));
    }
  }
}

function checkRefunds(filing: Filing, out: Collector): void {
  const receipts = new Map<string, Filing['receipts'][number]>();
  for (const r of filing.receipts) if (!receipts.has(r.lineId)) receipts.set(r.lineId, r);
  const refunded = new Map<string, Tyiyn>();
  const reportedOver = new Set<string>();
  for (const [i, f] of filing.refunds.entries()) {
    const receipt = receipts.get(f.receiptLineId);
    if (!receipt) {
      out.add(
        'refund.receipt_not_found',
        'error',
        lineWhere('refunds', i, f, 'receiptLineId', { receiptLineId: f.receiptLineId }),
      );
      continue;
    }
    if (f.date < receipt.date) {
      out.add(
        'refund.before_receipt',
        'error',
        lineWhere('refunds', i, f, 'date', { date: f.date, receiptLineId: receipt.lineId, receiptDate: receipt.date }),
      );
    }
    const total = add(refunded.get(receipt.lineId) ?? (0 as Tyiyn), f.amount);
    refunded.set(receipt.lineId, total);
    // Said once, on the refund that crosses the line: later ones would only repeat it.
    if (total > receipt.amount && !reportedOver.has(receipt.lineId)) {
      reportedOver.add(receipt.lineId);
      out.add(
        'refund.exceeds_receipt',
        'error',
        lineWhere('refunds', i, f, 'amount', {
          receiptLineId: receipt.lineId,
          refunded: total,
          receiptAmount: receipt.amount,
        }),
      );
    }
  }
}

const normaliseName = (s: string): string => s.normalize('NFC').trim().toLocaleLowerCase('ru').replace(/\s+/g, ' ');
const normaliseRef = (s: string | undefined): string => (s ?? '').trim().toLowerCase().replace(/\s+/g, '');

interface DuplicateKey {
  /** Date, amount and counterparty: what makes two lines look alike. */
  same: string;
  /** What tells alike lines apart (bank reference, document number); '' when the line gives none. */
  ref: string;
}

function duplicateKey(section: LineSection, line: FilingLine): DuplicateKey {
  switch (section) {
    case 'receipts': {
      const r = line as Filing['receipts'][number];
      const who = r.donorPin ?? r.donorInn ?? `${r.donorType}:${normaliseName(r.donorName)}`;
      return { same: `${r.date}|${r.amount}|${who}`, ref: normaliseRef(r.bankReference) };
    }
    case 'expenditures': {
      const e = line as Filing['expenditures'][number];
      return {
        same: `${e.date}|${e.amount}|${e.payeeInn ?? normaliseName(e.payeeName)}`,
        ref: normaliseRef(e.documentNumber),
      };
    }
    case 'refunds': {
      // A refund has no reference of its own; the receipt it concerns is its counterparty.
      const f = line as Filing['refunds'][number];
      return { same: `${f.date}|${f.amount}|${f.receiptLineId}|${f.kind}`, ref: '' };
    }
  }
}

function checkDuplicates(filing: Filing, out: Collector): void {
  for (const section of LINE_SECTIONS) {
    const lines: readonly FilingLine[] = filing[section];
    const earlier = new Map<string, { index: number; line: FilingLine; ref: string }[]>();
    for (const [i, line] of lines.entries()) {
      const key = duplicateKey(section, line);
      const group = earlier.get(key.same) ?? [];
      // The same reference twice is the same operation entered twice: an error. A missing reference
      // leaves it open (two equal cash gifts on one day happen), so it is only a warning.
      const exact = key.ref !== '' ? group.find((g) => g.ref === key.ref) : undefined;
      const possible = exact ? undefined : group.find((g) => g.ref === '' || key.ref === '');
      const other = exact ?? possible;
      if (other) {
        out.add(
          exact ? 'line.duplicate' : 'line.possible_duplicate',
          exact ? 'error' : 'warning',
          lineWhere(section, i, line, 'amount', { otherRow: other.index + 1, otherLineId: other.line.lineId }),
        );
      }
      group.push({ index: i, line, ref: key.ref });
      earlier.set(key.same, group);
    }
  }
}

function checkTotalsAndBalance(filing: Filing, out: Collector): void {
  const h = filing.header;
  for (const section of LINE_SECTIONS) {
    const lines: readonly FilingLine[] = filing[section];
    const computed = sum(lines.map((l) => l.amount));
    if (computed !== h.totals[section]) {
      out.add('totals.mismatch', 'error', {
        field: `header.totals.${section}`,
        params: { section, declared: h.totals[section], computed, count: lines.length },
      });
    }
  }
  // The balance is checked on the header's own figures, so that one wrong line shows up once, as a
  // totals error of its section, and a wrong header figure shows up as a balance error.
  const expected = sub(sub(add(h.openingBalance, h.totals.receipts), h.totals.expenditures), h.totals.refunds);
  if (expected !== h.closingBalance) {
    out.add('balance.mismatch', 'error', {
      field: 'header.closingBalance',
      params: {
        section: 'header',
        opening: h.openingBalance,
        receipts: h.totals.receipts,
        expenditures: h.totals.expenditures,
        refunds: h.totals.refunds,
        expectedClosing: expected,
        closing: h.closingBalance,
      },
    });
  }
  if (h.closingBalance < 0) {
    out.add('balance.negative_closing', 'warning', {
      field: 'header.closingBalance',
      params: { section: 'header', closing: h.closingBalance },
    });
  }
}

// ---- zod issues → problems ----

const SECTION_ORDER: Record<Section, number> = { header: 0, receipts: 1, expenditures: 2, refunds: 3, attachments: 4 };
const DATE_FIELDS = new Set(['date', 'periodFrom', 'periodTo']);
const MONEY_LEAVES = new Set(['amount', 'openingBalance', 'closingBalance']);

function isMoneyPath(path: readonly PropertyKey[]): boolean {
  const leaf = path.at(-1);
  return (
    (typeof leaf === 'string' && MONEY_LEAVES.has(leaf)) ||
    (path[0] === 'header' && path[1] === 'totals' && path.length === 3)
  );
}

/** Section, row and lineId of a path, so that schema problems are located like the others. */
function locate(
  path: readonly PropertyKey[],
  input: unknown,
): Pick<Problem, 'row'> & { params: Record<string, string | number> } {
  const [first, index] = path;
  if (
    (first === 'receipts' || first === 'expenditures' || first === 'refunds' || first === 'attachments') &&
    typeof index === 'number'
  ) {
    const lineId = valueAt(input, [first, index, 'lineId']);
    return {
      row: index + 1,
      params: { section: first, ...(typeof lineId === 'string' && lineId !== '' ? { lineId } : {}) },
    };
  }
  return { params: first === 'header' ? { section: 'header' } : {} };
}

function schemaProblems(issue: z.core.$ZodIssue, input: unknown): Problem[] {
  const path = issue.path;
  const leaf = path.at(-1);
  const at = locate(path, input);
  const make = (
    code: FilingProblemCode,
    params: Record<string, string | number> = {},
    field = pathToField(path),
  ): Problem => filingProblem(code, { severity: 'error', ...at, field, params: { ...at.params, ...params } });

  if (path.length === 0 && issue.code === 'invalid_type') return [make('format.unsupported')];
  if (leaf === 'format' && path.length === 1) return [make('format.unsupported')];

  const value = valueAt(input, path);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return [make('schema.required')];
      if (typeof leaf === 'string' && DATE_FIELDS.has(leaf)) return [make('date.invalid')];
      if (isMoneyPath(path) && typeof value === 'number') {
        if (!Number.isInteger(value)) return [make('amount.not_integer')];
        // An integer beyond 2^53: said in the same words as any other amount over the bounds.
        return leaf === 'amount'
          ? [make('amount.too_large', { maximum: MAX_LINE_AMOUNT_TYIYN })]
          : [make('amount.out_of_range', { maximum: MAX_BALANCE_TYIYN })];
      }
      return [make('schema.invalid_type', { expected: issue.expected === 'int' ? 'integer' : issue.expected })];
    case 'too_small':
      if (isMoneyPath(path)) {
        return leaf === 'amount'
          ? [make('amount.not_positive')]
          : [make('amount.out_of_range', { maximum: MAX_BALANCE_TYIYN })];
      }
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return [make('schema.empty')];
      return [make('schema.invalid')];
    case 'too_big':
      if (isMoneyPath(path)) {
        // Our bounds, not the issue's: zod's own safe-integer check reports ±2^53 instead.
        return leaf === 'amount'
          ? [make('amount.too_large', { maximum: MAX_LINE_AMOUNT_TYIYN })]
          : [make('amount.out_of_range', { maximum: MAX_BALANCE_TYIYN })];
      }
      return [make('schema.too_long', { maximum: Number(issue.maximum) })];
    case 'invalid_format':
      if (typeof leaf === 'string' && DATE_FIELDS.has(leaf)) return [make('date.invalid')];
      if (leaf === 'donorPin' || leaf === 'donorInn' || leaf === 'payeeInn') {
        // The schema only knows "14 digits"; say which half of that is wrong.
        const reason = typeof value === 'string' && /^\d*$/.test(value) ? 'length' : 'not_digits';
        return [make(leaf === 'donorPin' ? 'pin.invalid' : 'inn.invalid', { reason })];
      }
      return [make('schema.invalid_format')];
    case 'invalid_value':
      return [make('schema.invalid_value', { allowed: issue.values.map(String).join(', ') })];
    case 'unrecognized_keys':
      return issue.keys.map((key) => make('schema.unknown_field', { key }, pathToField([...path, key])));
    case 'custom':
      return isControlCharacterIssue(issue) ? [make('schema.control_character')] : [make('schema.invalid')];
    // Not produced by the filing schema today; named so that a new kind of issue is a lint error here.
    case 'invalid_element':
    case 'invalid_key':
    case 'invalid_union':
    case 'not_multiple_of':
      return [make('schema.invalid')];
  }
}

/** Header-level problems first, then lines by section and row; otherwise in the order found. */
function sortProblems(problems: Problem[]): Problem[] {
  const rank = (p: Problem): [number, number] => {
    if (p.row === undefined) return [-1, 0];
    const section = p.params?.section;
    return [typeof section === 'string' && section in SECTION_ORDER ? SECTION_ORDER[section as Section] : 9, p.row];
  };
  return problems
    .map((p, i) => ({ p, i, r: rank(p) }))
    .sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1] || a.i - b.i)
    .map((x) => x.p);
}
