import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { CsvQuoteError, CsvRecords } from './csv-records.ts';

/** The records of `text` fed in pieces cut at `cuts`. */
function records(text: string, cuts: number[] = []): string[][] {
  const r = new CsvRecords();
  const out: string[][] = [];
  let at = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    r.push(text.slice(at, c), out);
    at = Math.max(at, c);
  }
  r.push(text.slice(at), out);
  r.end(out);
  return out;
}

const csvParse = (text: string): string[][] =>
  parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];

describe('CsvRecords', () => {
  it('reads plain, quoted, CRLF and blank-line records', () => {
    const text = '\ufeffa,b,c\r\n1,"x, ""y""",3\n\n4,"line\nbreak",\n5,6';
    expect(records(text)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, "y"', '3'],
      ['4', 'line\nbreak', ''],
      ['5', '6'],
    ]);
  });

  it('gives what csv-parse gives, however the text is cut into chunks', () => {
    const field = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'б', ' ', '1', '-'), maxLength: 6 }),
      fc
        .string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r\n', 'ж'), maxLength: 6 })
        .map((s) => `"${s.replaceAll('"', '""')}"`),
    );
    const row = fc.array(field, { minLength: 1, maxLength: 5 }).map((fs) => fs.join(','));
    const file = fc.tuple(fc.array(row, { maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.boolean());
    fc.assert(
      fc.property(file, fc.array(fc.nat(200), { maxLength: 6 }), ([rows, eol, bom, trailing], cuts) => {
        const text = `${bom ? '\ufeff' : ''}${rows.join(eol)}${trailing ? eol : ''}`;
        expect(records(text, cuts)).toEqual(csvParse(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses a quote inside an unquoted field, text after a closing quote and an open quote', () => {
    expect(() => records('a,b"c\n')).toThrow(CsvQuoteError);
    expect(() => records('a,"b"c\n')).toThrow(CsvQuoteError);
    expect(() => records('a,"bc\n')).toThrow(CsvQuoteError);
  });
});
