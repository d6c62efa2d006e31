import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { som, tyiyn } from '../../domain/money.ts';
import { buildFiling } from './filing-build.ts';
import { diffFilings, isEmptyDiff } from './filing-diff.ts';
import { exampleFiling, exampleFilingDraft } from './filing-examples.ts';

describe('diffFilings', () => {
  it('finds nothing between a report and itself', () => {
    const d = diffFilings(exampleFiling(), exampleFiling());
    expect(isEmptyDiff(d)).toBe(true);
    expect(d.receipts.unchangedCount).toBe(3);
    expect(d.expenditures.unchangedCount).toBe(2);
    expect(d.refunds.unchangedCount).toBe(1);
    expect(d.attachments.unchangedCount).toBe(1);
  });

  it('shows an amendment line by line, with header changes', () => {
    const before = exampleFiling();
    const draft = exampleFilingDraft();
    // Amended: one amount corrected, a PIN added, a receipt removed, an expenditure added, a file attached.
    draft.receipts![1]!.amount = som(150_000);
    draft.refunds = [];
    draft.receipts![0]!.donorAddress = 'Bishkek, Chui avenue';
    draft.receipts = draft.receipts!.filter((r) => r.lineId !== 'R-3');
    draft.expenditures!.push({
      lineId: 'E-3',
      date: '2020-10-01',
      category: 'transport',
      payeeName: 'Synthetic Transport',
      amount: som(10_000),
      documentNumber: 'TR-9',
      description: 'Buses for campaigners',
    });
    draft.attachments!.push({
      sha256: 'b'.repeat(64),
      fileName: 'contract.pdf',
      mediaType: 'application/pdf',
      size: 1000,
    });
    const after = buildFiling(draft);

    const d = diffFilings(before, after);
    expect(isEmptyDiff(d)).toBe(false);

    expect(d.receipts.added).toEqual([]);
    expect(d.receipts.removed.map((r) => r.lineId)).toEqual(['R-3']);
    expect(d.receipts.unchangedCount).toBe(0);
    expect(d.receipts.changed.map((c) => [c.lineId, c.changes])).toEqual([
      ['R-1', [{ field: 'donorAddress', before: undefined, after: 'Bishkek, Chui avenue' }]],
      ['R-2', [{ field: 'amount', before: 15_000_050, after: 15_000_000 }]],
    ]);

    expect(d.expenditures.added.map((e) => e.lineId)).toEqual(['E-3']);
    expect(d.expenditures.unchangedCount).toBe(2);
    expect(d.refunds.removed.map((f) => f.lineId)).toEqual(['F-1']);

    expect(d.header).toEqual([
      { field: 'closingBalance', before: 90_000_000, after: -11_000_000 },
      { field: 'totals.receipts', before: 165_000_050, after: 65_000_000 },
      { field: 'totals.expenditures', before: 75_000_000, after: 76_000_000 },
      { field: 'totals.refunds', before: 50, after: 0 },
    ]);
    expect(d.attachments.added.map((a) => a.fileName)).toEqual(['contract.pdf']);
    expect(d.attachments.removed).toEqual([]);
  });

  it('reports a field that was dropped as changed to undefined', () => {
    const draft = exampleFilingDraft();
    delete draft.receipts![1]!.donorAddress;
    const d = diffFilings(exampleFiling(), buildFiling(draft));
    expect(d.receipts.changed).toHaveLength(1);
    expect(d.receipts.changed[0]!.changes).toEqual([{ field: 'donorAddress', before: 'Bishkek', after: undefined }]);
  });

  it('shows nested header fields by path', () => {
    const draft = exampleFilingDraft();
    draft.header.account = { ...draft.header.account, number: '1240000000000002' };
    draft.header.signer = { name: 'Another Treasurer', position: 'Treasurer' };
    const d = diffFilings(exampleFiling(), buildFiling(draft));
    expect(d.header.map((c) => c.field)).toEqual(['account.number', 'signer.name']);
  });

  it('treats a line moved to another place as unchanged, since lines are matched by lineId', () => {
    const draft = exampleFilingDraft();
    draft.receipts!.reverse();
    const d = diffFilings(exampleFiling(), buildFiling(draft));
    expect(isEmptyDiff(d)).toBe(true);
  });

  it('pairs repeated lineIds in order rather than losing lines (for drafts)', () => {
    const base = exampleFilingDraft();
    const twice = { ...base.receipts![0]!, amount: tyiyn(7) };
    const a = buildFiling({ ...base, receipts: [base.receipts![0]!, twice] });
    const b = buildFiling({ ...base, receipts: [base.receipts![0]!] });
    const d = diffFilings(a, b);
    expect(d.receipts.unchangedCount).toBe(1);
    expect(d.receipts.removed).toEqual([twice]);
  });

  it('accounts for every line: unchanged + changed + added = lines after; unchanged + changed + removed = lines before', () => {
    const lineArb = fc.record({ id: fc.integer({ min: 1, max: 8 }), amount: fc.integer({ min: 1, max: 5 }) });
    const draftWith = (lines: { id: number; amount: number }[]) => {
      const base = exampleFilingDraft();
      const r = base.receipts![0]!;
      const unique = [...new Map(lines.map((l) => [l.id, l])).values()];
      return buildFiling({
        ...base,
        receipts: unique.map((l) => ({ ...r, lineId: `R-${l.id}`, amount: tyiyn(l.amount) })),
      });
    };
    fc.assert(
      fc.property(fc.array(lineArb), fc.array(lineArb), (xs, ys) => {
        const a = draftWith(xs);
        const b = draftWith(ys);
        const d = diffFilings(a, b).receipts;
        expect(d.unchangedCount + d.changed.length + d.added.length).toBe(b.receipts.length);
        expect(d.unchangedCount + d.changed.length + d.removed.length).toBe(a.receipts.length);
        expect(d.changed.every((c) => c.changes.length === 1 && c.changes[0]!.field === 'amount')).toBe(true);
      }),
    );
  });
});
