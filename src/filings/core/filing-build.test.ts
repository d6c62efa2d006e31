import { describe, expect, it } from 'vitest';
import { som, tyiyn } from '../../domain/money.ts';
import { buildFiling, computeTotals } from './filing-build.ts';
import { exampleFiling, exampleFilingDraft } from './filing-examples.ts';
import { filingSchema } from './filing.ts';

describe('computeTotals and buildFiling', () => {
  it('adds up each section and carries the opening balance to the closing one', () => {
    const f = exampleFiling();
    expect(computeTotals(f)).toEqual({
      receipts: som(1_650_000.5),
      expenditures: som(750_000),
      refunds: som(0.5),
      closingBalance: som(900_000),
    });
    expect(f.header.totals).toEqual({ receipts: som(1_650_000.5), expenditures: som(750_000), refunds: som(0.5) });
    expect(f.header.closingBalance).toBe(som(900_000));
  });

  it('starts from the opening balance and allows empty sections', () => {
    const draft = exampleFilingDraft();
    const f = buildFiling({ header: { ...draft.header, openingBalance: tyiyn(12_345) } });
    expect(f.header.totals).toEqual({ receipts: 0, expenditures: 0, refunds: 0 });
    expect(f.header.closingBalance).toBe(12_345);
    expect(f.receipts).toEqual([]);
    expect(f.attachments).toEqual([]);
  });

  it('builds a filing that parses as one, with header fields in the order of the format', () => {
    const f = exampleFiling();
    expect(filingSchema.parse(JSON.parse(JSON.stringify(f)))).toEqual(f);
    expect(Object.keys(f.header)).toEqual(Object.keys(filingSchema.shape.header.shape));
  });
});
