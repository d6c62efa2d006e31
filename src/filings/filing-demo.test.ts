// The demo's finance reports: the same every time (fixed seed), valid reports (warnings only where a
// mistake is planted), private data present where a real report has it (so the privacy test means
// something), and each planted situation there for the compliance checks to find.
import { describe, expect, it } from 'vitest';
import { checkPin } from '../domain/identity-numbers.ts';
import { findRulesProfile } from '../domain/rules-profile.ts';
import { PARTIES_2020 } from '../demo/parties-2020.ts';
import { validateFiling } from './core/filing-validation.ts';
import { dueDate } from './core/deadlines.ts';
import { bishkekDay } from '../domain/report-deadlines.ts';
import { ELECTION_2020 } from '../demo/elections.ts';
import { buildFilingDemo, OVER_CAP_SOM, PLANTED, renderDemoScan, STATE_ENTERPRISE } from './filing-demo.ts';
import { extractPdfText } from './pdf-text.ts';

const reports = buildFilingDemo();
const rules = findRulesProfile('kg-2020-parliament')!;
const byBallot = (n: number) => reports.filter((r) => r.ballotNumber === n);

describe('demo finance reports', () => {
  it('are the same on every build', () => {
    expect(JSON.stringify(buildFilingDemo())).toBe(JSON.stringify(reports));
  });

  it('give every 2020 party two or three reports, and one party no final report', () => {
    for (const [i, party] of PARTIES_2020.entries()) {
      const mine = reports.filter((r) => r.partyRegistrationNumber === party.registrationNumber);
      const kinds = mine.map((r) => r.kind);
      if (i + 1 === PLANTED.noFinal) expect(kinds).not.toContain('final');
      else expect(kinds).toContain('final');
      expect(kinds).toContain('first');
      expect(mine.length).toBeGreaterThanOrEqual(2);
      expect(mine.length).toBeLessThanOrEqual(3);
    }
    expect(reports.some((r) => r.kind === 'initial')).toBe(true);
  });

  it('are valid reports: no errors, warnings only for the planted cash receipt or a possible duplicate', () => {
    for (const r of reports) {
      for (const v of r.versions) {
        const check = validateFiling(v.filing, { today: bishkekDay(v.submittedAt), rules });
        expect(
          check.problems.filter((p) => p.severity === 'error'),
          `${r.partyRegistrationNumber} ${r.kind}`,
        ).toEqual([]);
        for (const w of check.problems)
          expect(['receipt.cash_not_allowed', 'line.possible_duplicate']).toContain(w.code);
      }
    }
  });

  it('carry synthetic private data where real reports do: format-valid PINs and home addresses of individuals', () => {
    const individuals = reports
      .flatMap((r) => r.versions.flatMap((v) => v.filing.receipts))
      .filter((x) => x.donorType === 'individual');
    expect(individuals.length).toBeGreaterThan(100);
    for (const d of individuals) {
      expect(checkPin(d.donorPin!, '2020-10-01').status).toBe('valid');
      expect(d.donorAddress).toMatch(/^г\. .+, д\. \d+, кв\. \d+$/);
    }
    const companies = reports.flatMap((r) =>
      r.versions.flatMap((v) => [
        ...v.filing.receipts.map((x) => x.donorInn),
        ...v.filing.expenditures.map((x) => x.payeeInn),
      ]),
    );
    for (const inn of companies) if (inn !== undefined) expect(inn).toMatch(/^0\d{13}$/);
  });

  it('plant the mistakes that the compliance checks are to find', () => {
    const first = (n: number) =>
      byBallot(n)
        .find((r) => r.kind === 'first')!
        .versions.at(-1)!.filing;
    expect(
      first(PLANTED.overCapDonation).receipts.some(
        (x) => x.donorType === 'individual' && x.amount === OVER_CAP_SOM * 100,
      ),
    ).toBe(true);
    expect(first(PLANTED.cashReceipt).receipts.some((x) => x.channel === 'cash')).toBe(true);
    expect(first(PLANTED.stateEnterpriseDonor).receipts.some((x) => x.donorName === STATE_ENTERPRISE)).toBe(true);
    const late = byBallot(PLANTED.lateFinal).find((r) => r.kind === 'final')!;
    expect(bishkekDay(late.versions[0]!.submittedAt) > dueDate(rules, ELECTION_2020, 'final')!).toBe(true);
    const refund = first(PLANTED.refundOverCap).refunds[0]!;
    expect(refund).toMatchObject({ reason: 'over_cap', kind: 'returned_to_donor' });
    expect(first(PLANTED.refundOverCap).receipts.some((x) => x.lineId === refund.receiptLineId)).toBe(true);
  });

  it('amend returned reports: version 1 returned with reasons, version 2 filed after', () => {
    const amended = reports.filter((r) => r.versions.length > 1);
    expect(amended.map((r) => r.ballotNumber).sort((a, b) => a - b)).toEqual([...PLANTED.amended]);
    for (const r of amended) {
      const [v1, v2] = r.versions;
      expect(v1!.reviews.at(-1)).toMatchObject({ status: 'returned' });
      expect(v1!.reviews.at(-1)!.reason).not.toBe('');
      expect(v2!.submittedAt > v1!.reviews.at(-1)!.at).toBe(true);
      expect(JSON.stringify(v1!.filing)).not.toBe(JSON.stringify(v2!.filing));
    }
  });

  it('render scans as PDFs whose text layer says they are synthetic', async () => {
    const v = reports[0]!.versions[0]!;
    const pdf = await renderDemoScan(v.scans[0]!.lines, v.submittedAt);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await extractPdfText(pdf);
    expect(text).toContain('SYNTHETIC DEMO DOCUMENT');
    expect(text).toContain(v.filing.header.account.number);
  });
});
