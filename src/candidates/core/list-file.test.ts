import { describe, expect, it } from 'vitest';
import { listFormatOf } from './list-file.ts';

const codes = (r: ReturnType<typeof listFormatOf>) => (r.ok ? r.value : r.error.map((p) => p.code));

describe('which reader an uploaded list needs', () => {
  it('reads a workbook as XLSX and UTF-8 text as CSV', () => {
    expect(codes(listFormatOf(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]), 'list.xlsx'))).toBe('xlsx');
    expect(codes(listFormatOf(Buffer.from('list_position,name_ky\n1,Айгүл\n'), 'list.csv'))).toBe('csv');
  });

  it('refuses an empty file, an old .xls, a PDF, a binary file and a CSV that is not UTF-8', () => {
    expect(codes(listFormatOf(Buffer.alloc(0), 'list.csv'))).toEqual(['commission.no_file']);
    expect(codes(listFormatOf(Buffer.from('anything'), 'list.xls'))).toEqual(['commission.list_format']);
    expect(codes(listFormatOf(Buffer.from('%PDF-1.7'), 'list.csv'))).toEqual(['commission.list_format']);
    expect(codes(listFormatOf(Buffer.from([0x4d, 0x5a, 0x00, 0x01]), 'list.csv'))).toEqual(['commission.list_format']);
    expect(codes(listFormatOf(Buffer.from([0x31, 0x2c, 0xc0, 0xe9, 0xe3]), 'list.csv'))).toEqual([
      'commission.list_encoding',
    ]);
  });
});
