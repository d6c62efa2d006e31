import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format.ts';

const FIXTURES = new URL('../../../test/fixtures/bank/', import.meta.url);
const read = (p: string) => readFileSync(new URL(p, FIXTURES));

describe('detectFormat', () => {
  it('recognises each format from its content', async () => {
    expect(detectFormat(read('camt053/iso20022js__nordea_example_camt.xml'))).toBe('camt053');
    expect(detectFormat(read('mt940/wolph__jejik__abnamro.sta'))).toBe('mt940');
    expect(detectFormat(read('mt940/wolph__ASNB__mt940.sta'))).toBe('mt940');
    expect(detectFormat(read('mt940/wolph__mBank__mt940.sta'))).toBe('mt940');
    expect(detectFormat(read('mt940/wolph__self-provided__mt942.sta'))).toBe('mt942');
    expect(detectFormat(read('1c/synthetic-party-fund-rsk-2021.cp1251.txt'))).toBe('1c');
    expect(detectFormat(read('1c/synthetic-candidate-fund-aiyl-2021.utf8.txt'))).toBe('1c');
    expect(
      detectFormat(
        iconv.encode('Дата;Сумма;Плательщик\n01.09.2021;100,00;Асанов\n02.09.2021;5,00;Иванова\n', 'windows-1251'),
      ),
    ).toBe('csv');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['a']);
    expect(detectFormat(Buffer.from(await wb.xlsx.writeBuffer()))).toBe('xlsx');
  });

  it('names the camt messages it refuses and gives up on the rest', () => {
    expect(
      detectFormat(
        Buffer.from(
          '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.052.001.02"><BkToCstmrAcctRpt/></Document>',
        ),
      ),
    ).toBe('camt052');
    expect(detectFormat(Buffer.from('<Document><BkToCstmrDbtCdtNtfctn/></Document>'))).toBe('camt054');
    expect(detectFormat(Buffer.from('<html><body>statement</body></html>'))).toBe('unknown');
    expect(detectFormat(Buffer.from('just a note'))).toBe('unknown');
    expect(detectFormat(new Uint8Array())).toBe('unknown');
    expect(detectFormat(Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0))).toBe('unknown');
  });

  it('does not look at the file name (there is none): the same bytes, the same answer', () => {
    const bytes = read('mt940/wolph__jejik__ing.sta');
    expect(detectFormat(bytes)).toBe(detectFormat(Buffer.from(bytes)));
  });
});
