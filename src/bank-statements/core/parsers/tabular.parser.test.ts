import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  type ColumnMapping,
  columnMappingSchema,
  parseCsvStatement,
  parseLocalAmount,
  parseXlsxStatement,
} from './tabular.parser.ts';

const info = { account: '1290010012345678', currency: 'KGS' };

describe('amounts as spreadsheets write them', () => {
  it.each([
    ['1234.56', undefined, '1234.56'],
    ['1 234,56', undefined, '1234.56'],
    ['1,234.56', undefined, '1234.56'],
    ["1'234.56", undefined, '1234.56'],
    ['1.234.567', undefined, '1234567'],
    ['(150.00)', undefined, '-150.00'],
    ['150.00-', undefined, '-150.00'],
    ['-0,5', undefined, '-0.5'],
    ['1 500,00 сом', ',', '1500.00'],
    ['KGS 1,500.00', '.', '1500.00'],
    ['1.500', ',', '1500'],
  ] as const)('%s → %s', (raw, sep, expected) => {
    expect(parseLocalAmount(raw, sep)).toBe(expected);
  });

  it('refuses what is not an amount', () => {
    expect(parseLocalAmount('abc')).toBeUndefined();
    expect(parseLocalAmount('1.2.3,4,5')).toBeUndefined();
    expect(parseLocalAmount('0.1234567')).toBeUndefined();
  });
});

describe('CSV statements', () => {
  const mapping: ColumnMapping = {
    dateFormat: 'DD.MM.YYYY',
    decimalSeparator: ',',
    columns: {
      bookingDate: 'Дата',
      credit: 'Приход',
      debit: 'Расход',
      counterpartyName: 'Контрагент',
      counterpartyId: 'ИНН',
      remittance: 'Назначение',
    },
  };

  it('reads a windows-1251 export with ";" and decimal commas, credit and debit columns', () => {
    const csv = [
      'Дата;Приход;Расход;Контрагент;ИНН;Назначение',
      '02.09.2021;200 000,00;;Асанов Бакыт;21203198800123;"Пожертвование; без НДС"',
      '06.09.2021;;1 200 000,00;ОсОО "Медиа Ордо";02311201510078;Эфир',
      ';200 000,00;1 200 000,00;;;Итого',
      '',
    ].join('\r\n');
    const r = parseCsvStatement(iconv.encode(csv, 'windows-1251'), mapping, {
      ...info,
      openingBalance: '1000000.00',
      closingBalance: '0.00',
    });
    expect(r.problems.map((p) => [p.code, p.row])).toEqual([['tabular.row_skipped', 4]]);
    expect(r.statements[0]).toMatchObject({
      account: info.account,
      currency: 'KGS',
      from: '2021-09-02',
      to: '2021-09-06',
      openingBalance: '1000000.00',
    });
    expect(r.statements[0]?.transactions).toEqual([
      {
        bookingDate: '2021-09-02',
        amount: '200000.00',
        currency: 'KGS',
        counterpartyName: 'Асанов Бакыт',
        counterpartyId: '21203198800123',
        remittance: 'Пожертвование; без НДС',
      },
      {
        bookingDate: '2021-09-06',
        amount: '-1200000.00',
        currency: 'KGS',
        counterpartyName: 'ОсОО "Медиа Ордо"',
        counterpartyId: '02311201510078',
        remittance: 'Эфир',
      },
    ]);
  });

  it('reads a signed amount column, or an unsigned one with a debit mark, by column number', () => {
    const csv = 'date,amount,dc,name\n2021-09-02,15.50,C,A\n2021-09-03,4.25,D,B\n2021-09-04,-1.00,,C\n';
    const m: ColumnMapping = {
      dateFormat: 'YYYY-MM-DD',
      headerRow: 1,
      columns: { bookingDate: 1, amount: 'Amount', direction: 'dc', counterpartyName: 4 },
    };
    const r = parseCsvStatement(csv, m, info);
    expect(r.problems).toEqual([]);
    expect(r.statements[0]?.transactions.map((t) => [t.amount, t.counterpartyName])).toEqual([
      ['15.50', 'A'],
      ['-4.25', 'B'],
      ['-1.00', 'C'],
    ]);
  });

  it('reports missing columns, bad dates and amounts with row and column', () => {
    const missing = parseCsvStatement(
      'Дата;Сумма\n01.09.2021;1',
      { dateFormat: 'DD.MM.YYYY', columns: { bookingDate: 'Дата', amount: 'Amount' } },
      info,
    );
    expect(missing.problems.map((p) => p.code)).toEqual(['tabular.column_missing']);
    const bad = parseCsvStatement(
      'Дата;Сумма\n31.02.2021;1\n01.03.2021;x\n02.03.2021;5',
      { dateFormat: 'DD.MM.YYYY', columns: { bookingDate: 'дата', amount: 'СУММА' } },
      info,
    );
    expect(bad.problems.map((p) => [p.code, p.row, p.field])).toEqual([
      ['tabular.date_invalid', 2, 'Дата'],
      ['tabular.amount_invalid', 3, 'Сумма'],
    ]);
    expect(bad.statements[0]?.transactions.map((t) => t.amount)).toEqual(['5']);
  });

  it('reports a broken CSV instead of throwing', () => {
    const r = parseCsvStatement(
      'a,b\n"unclosed,1\n',
      { dateFormat: 'YYYY-MM-DD', columns: { bookingDate: 'a', amount: 'b' } },
      info,
    );
    expect(r.problems.map((p) => p.code)).toEqual(['csv.malformed']);
  });

  it('validates mappings with zod', () => {
    expect(columnMappingSchema.safeParse({ dateFormat: 'DD.MM.YYYY', columns: { bookingDate: 'Дата' } }).success).toBe(
      false,
    );
    expect(columnMappingSchema.safeParse(mapping).success).toBe(true);
  });
});

describe('XLSX statements', () => {
  async function workbook(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Выписка');
    ws.addRow(['Выписка по счету 1290010012345678']);
    ws.addRow(['Дата', 'Сумма', 'Плательщик / получатель', 'Назначение']);
    ws.addRow([new Date(Date.UTC(2021, 8, 2)), 200000, 'Асанов Бакыт', 'Пожертвование']);
    ws.addRow([
      new Date(Date.UTC(2021, 8, 6)),
      -1234.56,
      { richText: [{ text: 'ОсОО ' }, { text: '"Медиа Ордо"' }] },
      'Эфир',
    ]);
    ws.addRow(['07.09.2021', { formula: 'B3/4', result: 0.1 + 0.2 }, 'Банк', 'Комиссия']);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const m: ColumnMapping = {
    headerRow: 2,
    sheet: 'Выписка',
    dateFormat: 'DD.MM.YYYY',
    columns: {
      bookingDate: 'Дата',
      amount: 'Сумма',
      counterpartyName: 'Плательщик / получатель',
      remittance: 'Назначение',
    },
  };

  it('reads dates, numbers (without float noise), rich text and formula results', async () => {
    const r = await parseXlsxStatement(await workbook(), m, info);
    expect(r.problems).toEqual([]);
    expect(r.statements[0]?.transactions.map((t) => [t.bookingDate, t.amount, t.counterpartyName])).toEqual([
      ['2021-09-02', '200000', 'Асанов Бакыт'],
      ['2021-09-06', '-1234.56', 'ОсОО "Медиа Ордо"'],
      ['2021-09-07', '0.3', 'Банк'],
    ]);
  });

  it('refuses a damaged archive, a missing sheet and an archive that would inflate absurdly', async () => {
    expect(
      (await parseXlsxStatement(Buffer.from('PK\x03\x04 not really'), m, info)).problems.map((p) => p.code),
    ).toEqual(['xlsx.refused']);
    expect((await parseXlsxStatement(await workbook(), { ...m, sheet: 9 }, info)).problems.map((p) => p.code)).toEqual([
      'xlsx.sheet_missing',
    ]);
    const bomb = await workbook();
    // Declare one entry as inflating to 2 GB in the central directory.
    const cd = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(0x7fffffff, cd + 24);
    expect((await parseXlsxStatement(bomb, m, info)).problems.map((p) => p.code)).toEqual(['xlsx.refused']);
  });
});
