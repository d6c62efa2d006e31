import { describe, expect, it } from 'vitest';
import { som } from '../../domain/money.ts';
import type { Problem } from '../../platform/result.ts';
import { FILING_FORMAT, filingJsonSchema } from './filing.ts';
import { exampleFiling, exampleFilingV2Input } from './filing-examples.ts';
import {
  FILING_FORMAT_V2,
  FILING_V2_JSON_SCHEMA_ID,
  LINE_SECTIONS_V2,
  filingV2JsonSchema,
  loanBalance,
  readFiling,
  v1PartOf,
} from './filing-v2.ts';

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const loose = (): Loose => JSON.parse(JSON.stringify(exampleFilingV2Input())) as Loose;

function problemsOf(input: unknown): Problem[] {
  const read = readFiling(input);
  if (read.ok) throw new Error('expected problems');
  return read.error;
}
const codesAt = (input: unknown) => problemsOf(input).map((p) => [p.code, p.field]);

describe('reading a filing of either format', () => {
  it('reads a v1 document as v2 with no gifts in kind and no loans', () => {
    const v1 = exampleFiling();
    const read = readFiling(JSON.parse(JSON.stringify(v1)));
    expect(read.ok && read.value).toEqual({ ...v1, format: FILING_FORMAT_V2, inKind: [], loans: [] });
    if (read.ok) expect(v1PartOf(read.value)).toEqual(v1);
  });

  it('reads a v2 document with its gifts in kind, loans and filer', () => {
    const doc = exampleFilingV2Input();
    const read = readFiling({ ...doc, header: { ...doc.header, filer: { kind: 'candidate', candidateId: 7 } } });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.inKind[0]?.estimatedValue).toBe(2_500_000);
    expect(read.value.header.filer).toEqual({ kind: 'candidate', candidateId: 7 });
    expect(loanBalance(read.value.loans[0]!)).toBe(som(60_000));
    expect(v1PartOf(read.value).header).not.toHaveProperty('filer');
  });

  it('refuses a document of neither format, or no document at all', () => {
    for (const input of [{ ...loose(), format: 'talapker-filing-v3' }, null, 'text', []]) {
      expect(codesAt(input)).toEqual([['format.unsupported_version', 'format']]);
    }
    expect(problemsOf(null)[0]?.message).toContain('talapker-filing-v2');
  });

  it('says the problems of a v1 document exactly as v1 validation does', () => {
    const doc = JSON.parse(JSON.stringify(exampleFiling())) as Loose;
    doc.receipts[0].amount = 0;
    expect(codesAt(doc)).toEqual([['amount.not_positive', 'receipts[0].amount']]);
  });

  it('says problems of the v1 part and of the new sections of a v2 document together', () => {
    const doc = loose();
    doc.receipts[1].donorPin = '123';
    doc.inKind[0].estimatedValue = 0;
    doc.inKind[0].valuation = 'guess';
    doc.loans[0].lenderPin = '1234567890123x';
    doc.loans[0].annualRatePercent = 12.345;
    doc.loans[0].repayments[0].amount = 1.5;
    doc.header.filer = { kind: 'union' };
    expect(codesAt(doc)).toEqual(
      expect.arrayContaining([
        ['pin.invalid', 'receipts[1].donorPin'],
        ['amount.not_positive', 'inKind[0].estimatedValue'],
        ['schema.invalid_value', 'inKind[0].valuation'],
        ['pin.invalid', 'loans[0].lenderPin'],
        ['loan.rate_invalid', 'loans[0].annualRatePercent'],
        ['amount.not_integer', 'loans[0].repayments[0].amount'],
        ['schema.invalid_value', 'header.filer.kind'],
      ]),
    );
    const rate = problemsOf(doc).find((p) => p.code === 'loan.rate_invalid');
    expect(rate).toMatchObject({ row: 1, severity: 'error', params: { section: 'loans', lineId: 'L-1' } });
    expect(rate?.message).toMatch(/^The annual interest rate/);
  });

  it('requires both new sections in a v2 document, and refuses unknown fields in them', () => {
    const doc = loose();
    delete doc.inKind;
    doc.loans[0].collateral = 'a car';
    expect(codesAt(doc)).toEqual([
      ['schema.required', 'inKind'],
      ['schema.unknown_field', 'loans[0].collateral'],
    ]);
  });

  it('accepts a rate of 0 to 100 with at most two decimals', () => {
    for (const rate of [0, 0.01, 7.07, 33.33, 100]) {
      const doc = loose();
      doc.loans[0].annualRatePercent = rate;
      expect(readFiling(doc).ok, String(rate)).toBe(true);
    }
    for (const rate of [-0.01, 100.01, 0.001]) {
      const doc = loose();
      doc.loans[0].annualRatePercent = rate;
      expect(codesAt(doc), String(rate)).toEqual([['loan.rate_invalid', 'loans[0].annualRatePercent']]);
    }
  });

  it('lists the line sections of v2 in the order reports show them', () => {
    expect(LINE_SECTIONS_V2).toEqual(['receipts', 'expenditures', 'refunds', 'inKind', 'loans']);
  });
});

describe('the JSON Schema of v2', () => {
  const schema = filingV2JsonSchema() as Loose;

  it('is v1 plus the new sections, generated from the zod schema', () => {
    expect(schema.$id).toBe(FILING_V2_JSON_SCHEMA_ID);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties.format).toMatchObject({ const: FILING_FORMAT_V2 });
    expect(schema.required).toEqual(expect.arrayContaining(['inKind', 'loans', 'receipts', 'header']));
    const v1 = filingJsonSchema() as Loose;
    expect(v1.properties.format).toMatchObject({ const: FILING_FORMAT });
    expect(schema.properties.receipts).toEqual(v1.properties.receipts);
    const loan = schema.properties.loans.items;
    expect(loan.properties.annualRatePercent).toMatchObject({ minimum: 0, maximum: 100, multipleOf: 0.01 });
    expect(loan.properties.status.enum).toEqual(['outstanding', 'repaid', 'forgiven', 'unpaid_at_term']);
    expect(schema.properties.inKind.items.required).toEqual(
      expect.arrayContaining(['estimatedValue', 'valuation', 'description']),
    );
    expect(schema.properties.header.required).not.toContain('filer');
  });
});
