import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../domain/election.ts';
import { findRulesProfile } from '../../domain/rules-profile.ts';
import type { Problem } from '../../platform/result.ts';
import { describeProblem } from '../filing.messages.ts';
import { EXAMPLE_TODAY, exampleFiling, exampleFilingV2Input } from './filing-examples.ts';
import { FILING_FORMAT_V2 } from './filing-v2.ts';
import { validateFilingV2 } from './filing-v2-validation.ts';
import { validateFiling } from './filing-validation.ts';

const ctx = { today: EXAMPLE_TODAY, rules: findRulesProfile('kg-2020-parliament')! };

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The example report (period 2020-09-04 – 2020-10-14) with a gift in kind and a loan, as plain JSON. */
const example = (): Loose => JSON.parse(JSON.stringify(exampleFilingV2Input())) as Loose;

const problemsOf = (doc: unknown): Problem[] => validateFilingV2(doc, ctx).problems;
const codesAt = (doc: unknown) => problemsOf(doc).map((p) => [p.code, p.field]);
const NEW_CODES = /^(line_id\.reused|loan\.|date\.)/;
const newCodesAt = (doc: unknown) => codesAt(doc).filter(([code]) => NEW_CODES.test(code ?? ''));

describe('validation of a v2 report', () => {
  it('finds nothing wrong with the example, and nothing v1 would not find in a v1 report', () => {
    expect(problemsOf(example())).toEqual([]);
    const v1 = JSON.parse(JSON.stringify(exampleFiling())) as Loose;
    const result = validateFilingV2(v1, ctx);
    expect(result.problems).toEqual(validateFiling(v1, ctx).problems);
    expect(result.filing?.format).toBe(FILING_FORMAT_V2);
  });

  it('runs v1’s checks on the part v1 knows', () => {
    const doc = example();
    doc.header.totals.receipts += 1;
    expect(codesAt(doc)).toContainEqual(['totals.mismatch', 'header.totals.receipts']);
  });

  it('gives the problems of the shape and no filing when the document is malformed', () => {
    const doc = example();
    doc.loans[0].status = 'late';
    const result = validateFilingV2(doc, ctx);
    expect(result.filing).toBeUndefined();
    expect(result.problems.map((p) => p.code)).toEqual(['schema.invalid_value']);
  });

  it('refuses a line ID used twice across sections, gifts in kind and loans included', () => {
    const doc = example();
    doc.inKind[0].lineId = 'R-1';
    doc.loans[0].lineId = 'R-1';
    expect(newCodesAt(doc)).toEqual([
      ['line_id.reused', 'inKind[0].lineId'],
      ['line_id.reused', 'loans[0].lineId'],
    ]);
    const reused = problemsOf(doc).find((p) => p.field === 'loans[0].lineId');
    expect(reused).toMatchObject({ severity: 'error', row: 1, params: { otherSection: 'receipts', otherRow: 1 } });
    doc.loans[0].lineId = 'K-1';
    doc.inKind[0].lineId = 'K-1';
    expect(newCodesAt(doc)).toEqual([['line_id.reused', 'loans[0].lineId']]);
    doc.loans[0].lineId = 'L-1';
    expect(newCodesAt(doc)).toEqual([]);
  });

  it('refuses a repayment dated before the loan, and takes one on the same day', () => {
    const doc = example();
    doc.loans[0].repayments.push({ date: '2020-09-08', amount: 1 });
    expect(newCodesAt(doc)).toEqual([['loan.repayment_before_loan', 'loans[0].repayments[1].date']]);
    expect(problemsOf(doc)[0]?.message).toBe('Repayment 2 of loan “L-1” is dated before the loan was received.');
    doc.loans[0].repayments[1].date = '2020-09-09';
    expect(newCodesAt(doc)).toEqual([]);
  });

  it('refuses repayments that add up to more than the loan, said once, and takes exactly the amount', () => {
    const doc = example();
    doc.loans[0].repayments.push({ date: '2020-10-02', amount: 6_000_001 }, { date: '2020-10-03', amount: 5 });
    expect(newCodesAt(doc)).toEqual([['loan.repayments_exceed_amount', 'loans[0].repayments[1].amount']]);
    doc.loans[0].repayments = [
      { date: '2020-10-01', amount: 4_000_000 },
      { date: '2020-10-02', amount: 6_000_000 },
    ];
    doc.loans[0].status = 'repaid';
    expect(newCodesAt(doc)).toEqual([]);
  });

  it('refuses a loan marked repaid that still owes, and takes it once the balance is zero', () => {
    const doc = example();
    doc.loans[0].status = 'repaid';
    expect(newCodesAt(doc)).toEqual([['loan.repaid_with_balance', 'loans[0].status']]);
    expect(problemsOf(doc)[0]?.params).toMatchObject({ balance: 6_000_000, status: 'repaid' });
    doc.loans[0].repayments[0].amount = 10_000_000;
    expect(newCodesAt(doc)).toEqual([]);
  });

  it('refuses a loan marked outstanding that owes nothing, and takes it while something is owed', () => {
    const doc = example();
    doc.loans[0].repayments[0].amount = 10_000_000;
    expect(newCodesAt(doc)).toEqual([['loan.outstanding_without_balance', 'loans[0].status']]);
    doc.loans[0].repayments[0].amount = 9_999_999;
    expect(newCodesAt(doc)).toEqual([]);
  });

  it('lets a forgiven or unpaid loan owe anything', () => {
    for (const status of ['forgiven', 'unpaid_at_term']) {
      const doc = example();
      doc.loans[0].status = status;
      expect(newCodesAt(doc), status).toEqual([]);
      doc.loans[0].repayments = [];
      expect(newCodesAt(doc), status).toEqual([]);
    }
  });

  it('refuses gifts in kind and loans dated outside the report period, and takes its first and last days', () => {
    const doc = example();
    doc.inKind[0].date = '2020-09-03';
    doc.loans[0].date = '2020-10-15';
    doc.loans[0].repayments = [];
    expect(newCodesAt(doc)).toEqual([
      ['date.outside_period', 'inKind[0].date'],
      ['date.outside_period', 'loans[0].date'],
    ]);
    expect(problemsOf(doc)[0]).toMatchObject({
      severity: 'error',
      row: 1,
      params: { section: 'inKind', lineId: 'K-1', date: '2020-09-03', from: '2020-09-04', to: '2020-10-14' },
    });
    doc.inKind[0].date = '2020-09-04';
    doc.loans[0].date = '2020-10-14';
    expect(newCodesAt(doc)).toEqual([]);
  });

  it('refuses a gift in kind dated after today when the period is still running', () => {
    const doc = example();
    doc.header.periodTo = '2020-10-30';
    doc.inKind[0].date = '2020-10-25';
    expect(newCodesAt(doc)).toContainEqual(['date.in_future', 'inKind[0].date']);
  });

  it('has words for every new problem in every language', () => {
    const doc = example();
    doc.inKind[0].lineId = 'R-1';
    doc.inKind[0].date = '2020-09-01';
    doc.loans[0].repayments = [
      { date: '2020-09-01', amount: 10_000_000 },
      { date: '2020-10-01', amount: 1 },
    ];
    const more = example();
    more.loans[0].status = 'repaid';
    const most = example();
    most.loans[0].repayments[0].amount = 10_000_000;
    const problems = [...problemsOf(doc), ...problemsOf(more), ...problemsOf(most)];
    expect(new Set(problems.map((p) => p.code))).toEqual(
      new Set([
        'line_id.reused',
        'date.outside_period',
        'loan.repayment_before_loan',
        'loan.repayments_exceed_amount',
        'loan.repaid_with_balance',
        'loan.outstanding_without_balance',
      ]),
    );
    for (const p of problems) {
      expect(p.message, p.code).not.toBe('');
      expect(describeProblem(p, 'en'), p.code).toBe(p.message);
      for (const l of LOCALES) {
        const words = describeProblem(p, l);
        if (l !== 'en') expect(words, `${p.code} ${l}`).not.toBe(p.message);
        expect(words, `${p.code} ${l}`).not.toMatch(/[{}]|filings\.problem/);
      }
    }
  });
});
