import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csvCell, csvDocument, csvNumeral, csvRecords } from './csv.ts';

describe('the CSV writer', () => {
  it('quotes every field with a line break, a lone carriage return, a quote or a comma', () => {
    const text = csvRecords([['a\rb', 'c\nd', 'e"f', 'g,h', 'plain']]);
    expect(text).toBe('"a\rb","c\nd","e""f","g,h",plain\r\n');
    expect(parse(text, { relax_column_count: false })).toEqual([['a\rb', 'c\nd', 'e"f', 'g,h', 'plain']]);
  });

  it('keeps a record whole when a lone CR is followed by a formula', () => {
    const rows = parse(csvRecords([['name\r=HYPERLINK("http://x")', 'next']]));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual(['name\r=HYPERLINK("http://x")', 'next']);
  });

  it('neutralises text that starts like a formula, -1+1 included', () => {
    for (const s of ['=1+1', '+1', '-1+1', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(csvCell(s).replace(/^"|"$/g, '')).toBe(`'${s}`);
    }
    expect(csvCell('Асанова')).toBe('Асанова');
  });

  it('writes numbers as numbers, negative ones too', () => {
    expect(csvCell(-125)).toBe('-125');
    expect(csvCell(csvNumeral('-1250.00'))).toBe('-1250.00');
    expect(() => csvNumeral('-1+1')).toThrow();
    expect(csvCell(null)).toBe('');
  });

  it('writes a whole file with the byte-order mark and CRLF', () => {
    expect(csvDocument(['a', 'b'], [[1, 'x']])).toBe('\ufeffa,b\r\n1,x\r\n');
  });
});
