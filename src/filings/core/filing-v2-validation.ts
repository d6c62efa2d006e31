// Validation of a v2 finance report: v1's checks on the part of the report v1 knows (run by v1's own
// validation, so that both formats are held to one rule book), then what gifts in kind and loans add —
// line IDs unique across every section, loan repayments that fit the loan, a status that agrees with the
// balance, and dates inside the report period.
import type { Problem } from '../../platform/result.ts';
import { add, ZERO, type Tyiyn } from '../../domain/money.ts';
import {
  filingV2Problem,
  LINE_SECTIONS_V2,
  loanBalance,
  readFiling,
  v1PartOf,
  type FilingV2,
  type LineSectionV2,
  type NewLineSection,
} from './filing-v2.ts';
import { validateFiling, type FilingValidationContext } from './filing-validation.ts';
import { filingProblem } from './validation.messages.ts';

export interface FilingV2Validation {
  /** Present when the document has the shape of a filing, even if other errors remain. */
  filing?: FilingV2;
  problems: Problem[];
}

type Where = Omit<Problem, 'code' | 'message' | 'severity'>;

/** Validates a v1 or v2 document as a v2 report. */
export function validateFilingV2(input: unknown, ctx: FilingValidationContext): FilingV2Validation {
  const read = readFiling(input);
  if (!read.ok) return { problems: read.error };
  const filing = read.value;
  // v1's checks first (they also refuse a malformed `today`), so that its problems read as they always have.
  const v1 = validateFiling(v1PartOf(filing), ctx);
  const problems = [
    ...v1.problems,
    ...lineIdsReused(filing),
    ...newLineDates(filing, ctx),
    ...loanRepayments(filing),
    ...loanStatuses(filing),
  ];
  return { filing, problems };
}

function lineWhere(
  section: NewLineSection,
  index: number,
  lineId: string,
  field: string,
  params: Problem['params'] = {},
): Where {
  return { row: index + 1, field: `${section}[${index}].${field}`, params: { section, lineId, id: lineId, ...params } };
}

/** Each line of each section with its index, in the order reports show them. */
function* allLines(filing: FilingV2): Generator<[LineSectionV2, number, { lineId: string; date: string }]> {
  for (const section of LINE_SECTIONS_V2) {
    const lines: readonly { lineId: string; date: string }[] = filing[section];
    for (const [i, line] of lines.entries()) yield [section, i, line];
  }
}

const isNewSection = (s: LineSectionV2): s is NewLineSection => s === 'inKind' || s === 'loans';

/**
 * A line ID names one line of the whole report (a refund or an amendment points at it), whatever its
 * section. v1's validation already speaks of IDs repeated among its own sections; this speaks of every
 * repetition that involves a gift in kind or a loan.
 */
function lineIdsReused(filing: FilingV2): Problem[] {
  const out: Problem[] = [];
  const seen = new Map<string, { section: LineSectionV2; row: number }>();
  for (const [section, i, line] of allLines(filing)) {
    const first = seen.get(line.lineId);
    if (!first) {
      seen.set(line.lineId, { section, row: i + 1 });
    } else if (isNewSection(section)) {
      const where = lineWhere(section, i, line.lineId, 'lineId', { otherSection: first.section, otherRow: first.row });
      out.push(filingV2Problem('line_id.reused', { severity: 'error', ...where }));
    }
  }
  return out;
}

/** The same date rules as v1's lines: inside the report period, and not a day still to come. */
function newLineDates(filing: FilingV2, ctx: FilingValidationContext): Problem[] {
  const out: Problem[] = [];
  const { periodFrom: from, periodTo: to } = filing.header;
  // With a reversed period every date would be "outside"; v1's header error says all there is to say.
  const periodUsable = from <= to;
  for (const [section, i, line] of allLines(filing)) {
    if (!isNewSection(section)) continue;
    if (periodUsable && (line.date < from || line.date > to)) {
      const where = lineWhere(section, i, line.lineId, 'date', { date: line.date, from, to });
      out.push(filingProblem('date.outside_period', { severity: 'error', ...where }));
    } else if (line.date > ctx.today) {
      const where = lineWhere(section, i, line.lineId, 'date', { date: line.date, today: ctx.today });
      out.push(filingProblem('date.in_future', { severity: 'error', ...where }));
    }
  }
  return out;
}

/** Repayments come after the loan and never add up to more than it. */
function loanRepayments(filing: FilingV2): Problem[] {
  const out: Problem[] = [];
  for (const [i, loan] of filing.loans.entries()) {
    let repaid: Tyiyn = ZERO;
    let saidOver = false;
    for (const [j, r] of loan.repayments.entries()) {
      if (r.date < loan.date) {
        const where = lineWhere('loans', i, loan.lineId, `repayments[${j}].date`, {
          n: j + 1,
          date: r.date,
          loanDate: loan.date,
        });
        out.push(filingV2Problem('loan.repayment_before_loan', { severity: 'error', ...where }));
      }
      repaid = add(repaid, r.amount);
      // Said once, on the repayment that crosses the amount: later ones would only repeat it.
      if (repaid > loan.amount && !saidOver) {
        saidOver = true;
        const where = lineWhere('loans', i, loan.lineId, `repayments[${j}].amount`, {
          n: j + 1,
          repaid,
          amount: loan.amount,
        });
        out.push(filingV2Problem('loan.repayments_exceed_amount', { severity: 'error', ...where }));
      }
    }
  }
  return out;
}

/**
 * The filed status agrees with the derived balance: a repaid loan owes nothing, an outstanding one still
 * owes something. A forgiven or unpaid loan may owe anything; what it owes counts as a donation.
 */
function loanStatuses(filing: FilingV2): Problem[] {
  const out: Problem[] = [];
  for (const [i, loan] of filing.loans.entries()) {
    const balance = loanBalance(loan);
    // Over-repayment is already said by loanRepayments; a status problem on top would only add noise.
    if (balance < 0) continue;
    const params = { status: loan.status, balance, amount: loan.amount };
    if (loan.status === 'repaid' && balance !== 0) {
      const where = lineWhere('loans', i, loan.lineId, 'status', params);
      out.push(filingV2Problem('loan.repaid_with_balance', { severity: 'error', ...where }));
    } else if (loan.status === 'outstanding' && balance === 0) {
      const where = lineWhere('loans', i, loan.lineId, 'status', params);
      out.push(filingV2Problem('loan.outstanding_without_balance', { severity: 'error', ...where }));
    }
  }
  return out;
}
