// The annual report format and its checks: a consistent document passes; every arithmetic and date
// problem is an error at the path of what is wrong; the deadline and an unidentified donor are warnings.
import { describe, expect, it } from 'vitest';
import { annualDocument, donation } from '../annual-reports.test-support.ts';
import { validateAnnualReport } from './annual-report-validation.ts';
import { annualReportDeadline, filedLate } from './annual-rules.ts';
import { problemText } from '../annual-reports.messages.ts';

const today = '2024-02-10';
const problemsOf = (doc: unknown, day = today) => {
  const r = validateAnnualReport(doc, { today: day });
  return r.ok
    ? r.value.warnings.map((p) => [p.code, p.field, p.severity])
    : r.error.map((p) => [p.code, p.field, p.severity]);
};

describe('validateAnnualReport', () => {
  it('accepts a consistent report for a year that is over', () => {
    const r = validateAnnualReport(annualDocument(), { today });
    expect(r.ok).toBe(true);
    expect(r.ok && r.value.warnings).toEqual([]);
  });

  it('refuses a year that is not over', () => {
    expect(problemsOf(annualDocument({ year: 2024 }))).toContainEqual(['annual.year_not_over', 'header.year', 'error']);
    expect(problemsOf(annualDocument({ year: 2023 }), '2023-12-31')).toContainEqual([
      'annual.year_not_over',
      'header.year',
      'error',
    ]);
  });

  it('names the path of shape problems', () => {
    const doc = annualDocument();
    (doc.receipts.donations[0] as { amount: number }).amount = -5;
    expect(problemsOf(doc)).toEqual([['annual.schema', 'receipts.donations[0].amount', 'error']]);
  });

  it('says why a field was refused in the reader’s language, not in the schema library’s English', () => {
    const r = validateAnnualReport({ format: 'talapker-annual-report-v1', year: 2023 }, { today });
    const problems = r.ok ? [] : r.error;
    const header = problems.find((p) => p.field === 'header');
    const unknown = problems.find((p) => p.field === 'document');
    expect(header && problemText('ky', header)).toBe('header: бул талаа милдеттүү.');
    expect(header && problemText('ru', header)).toBe('header: это поле обязательно.');
    expect(unknown && problemText('en', unknown)).toBe('document: unknown fields: year.');
  });

  it('refuses totals that are not the sum of their lines, and cash that does not add up', () => {
    const doc = annualDocument();
    doc.totals.receipts += 100;
    doc.cash.closing += 1;
    const codes = problemsOf(doc);
    expect(codes).toContainEqual(['annual.total_mismatch', 'totals.receipts', 'error']);
    expect(codes).toContainEqual(['annual.cash_mismatch', 'cash.closing', 'error']);
    expect(codes).toContainEqual(['annual.cash_asset_mismatch', 'assets', 'error']);
  });

  it('refuses a donation outside the year, a line id twice and a category twice', () => {
    const doc = annualDocument({
      donations: [donation('D-1', '2022-12-31'), donation('D-1', '2023-01-02')],
      expenditures: [
        { category: 'staff', amount: 100 },
        { category: 'staff', amount: 200 },
      ],
    });
    const codes = problemsOf(doc);
    expect(codes).toContainEqual(['annual.donation_outside_year', 'receipts.donations[0].date', 'error']);
    expect(codes).toContainEqual(['annual.duplicate_line', 'receipts.donations[1].lineId', 'error']);
    expect(codes).toContainEqual(['annual.duplicate_kind', 'expenditures[1]', 'error']);
  });

  it('warns of an unidentified donor and of a report after its deadline, and still accepts it', () => {
    const { donorPin: _none, ...noPin } = donation('D-1', '2022-05-01');
    const late = problemsOf(annualDocument({ year: 2022, donations: [noPin] }));
    expect(late).toEqual([
      ['annual.donor_unidentified', 'receipts.donations[0].donorPin', 'warning'],
      ['annual.after_deadline', 'header.year', 'warning'],
    ]);
  });

  it('counts the deadline as 1 April of the next year, inclusive', () => {
    expect(annualReportDeadline(2023)).toBe('2024-04-01');
    expect(filedLate(2023, '2024-04-01')).toBe(false);
    expect(filedLate(2023, '2024-04-02')).toBe(true);
  });
});
