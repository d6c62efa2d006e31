// Validation of an annual report before it is accepted. Errors refuse it (nothing is stored); warnings go
// back to the filer with the filed version. Each problem names the path of what it is about
// (`receipts.donations[2].date`, `totals.receipts`), so a page can point at it and an API client fix it.
//
// The arithmetic a reader of the published report relies on: every total is the sum of what it totals;
// the year's cash adds up (opening + receipts − expenditures = closing); the cash the party holds on
// 31 December is the cash among its assets. And the dates: the year must be over, every donation in it.
import type { z } from 'zod';
import { checkPin, checkInn } from '../../domain/identity-numbers.ts';
import { add, sum, toDecimalString, tyiyn, type Tyiyn } from '../../domain/money.ts';
import { isControlCharacterIssue } from '../../platform/plain-text.ts';
import { err, ok, type Problem, type Result } from '../../platform/result.ts';
import { annualReportSchema, type AnnualReport } from './annual-report.ts';
import { annualReportDeadline, dayAfterYear } from './annual-rules.ts';

export interface AnnualValidationContext {
  /** The day of filing (YYYY-MM-DD, Bishkek), passed in so that the check stays pure. */
  today: string;
}

export interface ValidAnnualReport {
  report: AnnualReport;
  warnings: Problem[];
}

const error = (code: string, message: string, field: string, params?: Problem['params']): Problem => ({
  code,
  message,
  field,
  severity: 'error',
  ...(params ? { params } : {}),
});
const warning = (code: string, message: string, field: string, params?: Problem['params']): Problem => ({
  ...error(code, message, field, params),
  severity: 'warning',
});

/** `receipts.donations[2].date` from zod's path. */
export function pathOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out;
}

/** The value at a zod path of the document as sent, to tell a missing field from one of the wrong type. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const p of path) v = typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

/**
 * Why the schema refused a field, in words the catalogue has in every language (`reason` selects them);
 * zod's own message, in English only, stays the problem's `message` for the API.
 */
function schemaReason(issue: z.core.$ZodIssue, input: unknown): Record<string, string | number> {
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(input, issue.path) === undefined
        ? { reason: 'required' }
        : { reason: 'type', expected: issue.expected === 'int' ? 'integer' : String(issue.expected) };
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1 ? { reason: 'empty' } : { reason: 'invalid' };
    case 'too_big':
      return { reason: 'too_long', maximum: Number(issue.maximum) };
    case 'invalid_format':
      return { reason: 'format' };
    case 'invalid_value':
      return { reason: 'value', allowed: issue.values.map(String).join(', ') };
    case 'unrecognized_keys':
      return { reason: 'unknown', keys: issue.keys.join(', ') };
    // Named one by one, so that a new kind of issue is a lint error here.
    case 'custom':
    case 'invalid_element':
    case 'invalid_key':
    case 'invalid_union':
    case 'not_multiple_of':
      return { reason: 'invalid' };
  }
}

function schemaProblem(issue: z.core.$ZodIssue, input: unknown): Problem {
  const field = pathOf(issue.path);
  if (isControlCharacterIssue(issue)) return error('annual.control_character', issue.message, field || 'document');
  return error('annual.schema', issue.message, field || 'document', {
    detail: issue.message,
    ...schemaReason(issue, input),
  });
}

const som = (t: Tyiyn) => toDecimalString(t);

function totalCheck(field: string, stated: Tyiyn, computed: Tyiyn): Problem[] {
  return stated === computed
    ? []
    : [
        error(
          'annual.total_mismatch',
          `The total ${som(stated)} is not the sum of its parts, ${som(computed)}.`,
          field,
          {
            stated: som(stated),
            computed: som(computed),
          },
        ),
      ];
}

/** Kinds listed twice in one section: a category's figure is one line. */
function duplicates(section: string, kinds: readonly string[]): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  kinds.forEach((k, i) => {
    if (seen.has(k))
      out.push(
        error('annual.duplicate_kind', `“${k}” is listed twice; give one figure per kind.`, `${section}[${i}]`, {
          kind: k,
        }),
      );
    seen.add(k);
  });
  return out;
}

function donationProblems(r: AnnualReport, today: string): Problem[] {
  const { year } = r.header;
  const out: Problem[] = [];
  const ids = new Set<string>();
  r.receipts.donations.forEach((d, i) => {
    const at = `receipts.donations[${i}]`;
    if (ids.has(d.lineId))
      out.push(error('annual.duplicate_line', `The line id “${d.lineId}” is used twice.`, `${at}.lineId`));
    ids.add(d.lineId);
    if (!d.date.startsWith(`${String(year).padStart(4, '0')}-`))
      out.push(
        error('annual.donation_outside_year', `The donation is dated ${d.date}, outside ${year}.`, `${at}.date`, {
          date: d.date,
          year,
        }),
      );
    if (d.donorPin !== undefined && checkPin(d.donorPin, today).status === 'invalid')
      out.push(error('annual.bad_pin', 'This is not a valid personal identification number.', `${at}.donorPin`));
    if (d.donorInn !== undefined && checkInn(d.donorInn).status === 'invalid')
      out.push(error('annual.bad_inn', 'This is not a valid INN.', `${at}.donorInn`));
    const identified =
      d.donorType === 'individual'
        ? d.donorPin !== undefined
        : d.donorType === 'legal_entity'
          ? d.donorInn !== undefined
          : true;
    // Not refused: the report must say what the party received. The preliminary check flags it as
    // anonymous, which is what the law calls a donation whose giver cannot be identified.
    if (!identified)
      out.push(
        warning(
          'annual.donor_unidentified',
          'The donor has no identification number; the check will treat the donation as anonymous.',
          `${at}.${d.donorType === 'individual' ? 'donorPin' : 'donorInn'}`,
        ),
      );
  });
  return out;
}

/** The receipts of the year as the lines add them up. */
export function receiptsTotal(r: AnnualReport): Tyiyn {
  return add(
    r.receipts.membershipDues,
    sum(r.receipts.donations.map((d) => d.amount)),
    r.receipts.stateFunding,
    r.receipts.other,
  );
}

export const expendituresTotal = (r: AnnualReport): Tyiyn => sum(r.expenditures.map((e) => e.amount));
export const assetsTotal = (r: AnnualReport): Tyiyn => sum(r.assets.map((a) => a.amount));
export const liabilitiesTotal = (r: AnnualReport): Tyiyn => sum(r.liabilities.map((a) => a.amount));
export const cashAmongAssets = (r: AnnualReport): Tyiyn =>
  sum(r.assets.filter((a) => a.kind === 'cash').map((a) => a.amount));

export function validateAnnualReport(
  input: unknown,
  ctx: AnnualValidationContext,
): Result<ValidAnnualReport, Problem[]> {
  const parsed = annualReportSchema.safeParse(input);
  if (!parsed.success) return err(parsed.error.issues.map((issue) => schemaProblem(issue, input)));
  const r = parsed.data;
  const { year } = r.header;
  const problems: Problem[] = [];

  if (ctx.today < dayAfterYear(year))
    problems.push(
      error(
        'annual.year_not_over',
        `The year ${year} is not over; its report can be filed from ${dayAfterYear(year)}.`,
        'header.year',
        {
          year,
          from: dayAfterYear(year),
        },
      ),
    );
  problems.push(...donationProblems(r, ctx.today));
  problems.push(
    ...duplicates(
      'expenditures',
      r.expenditures.map((e) => e.category),
    ),
  );
  problems.push(
    ...duplicates(
      'assets',
      r.assets.map((a) => a.kind),
    ),
  );
  problems.push(
    ...duplicates(
      'liabilities',
      r.liabilities.map((a) => a.kind),
    ),
  );

  const receipts = receiptsTotal(r);
  const expenditures = expendituresTotal(r);
  problems.push(...totalCheck('totals.receipts', r.totals.receipts, receipts));
  problems.push(...totalCheck('totals.expenditures', r.totals.expenditures, expenditures));
  problems.push(...totalCheck('totals.assets', r.totals.assets, assetsTotal(r)));
  problems.push(...totalCheck('totals.liabilities', r.totals.liabilities, liabilitiesTotal(r)));

  const expected = tyiyn(r.cash.opening + receipts - expenditures);
  if (expected !== r.cash.closing)
    problems.push(
      error(
        'annual.cash_mismatch',
        `Opening cash ${som(r.cash.opening)} + receipts ${som(receipts)} − expenditures ${som(expenditures)} = ${som(expected)}, not the closing ${som(r.cash.closing)}.`,
        'cash.closing',
        {
          opening: som(r.cash.opening),
          receipts: som(receipts),
          expenditures: som(expenditures),
          expected: som(expected),
          stated: som(r.cash.closing),
        },
      ),
    );
  if (r.cash.opening < 0) problems.push(error('annual.negative_cash', 'Cash cannot be negative.', 'cash.opening'));
  if (r.cash.closing < 0) problems.push(error('annual.negative_cash', 'Cash cannot be negative.', 'cash.closing'));
  const cash = cashAmongAssets(r);
  if (cash !== r.cash.closing)
    problems.push(
      error(
        'annual.cash_asset_mismatch',
        `The cash among the assets, ${som(cash)}, is not the closing cash ${som(r.cash.closing)}.`,
        'assets',
        { assets: som(cash), closing: som(r.cash.closing) },
      ),
    );
  if (r.receipts.other > 0 && !r.receipts.otherDescription)
    problems.push(
      warning('annual.other_undescribed', 'Say what the other receipts were.', 'receipts.otherDescription'),
    );
  if (ctx.today > annualReportDeadline(year))
    problems.push(
      warning('annual.after_deadline', `The report was due by ${annualReportDeadline(year)}.`, 'header.year', {
        deadline: annualReportDeadline(year),
      }),
    );

  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) return err(problems);
  return ok({ report: r, warnings: problems });
}

export const hasErrors = (problems: readonly Problem[]): boolean => problems.some((p) => p.severity !== 'warning');
