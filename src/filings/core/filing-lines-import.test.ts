import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { formatSom, tyiyn } from '../../domain/money.ts';
import { findRulesProfile } from '../../domain/rules-profile.ts';
import type { Problem } from '../../platform/result.ts';
import { buildFiling } from './filing-build.ts';
import { EXAMPLE_TODAY, exampleFilingDraft } from './filing-examples.ts';
import { parseLinesCsv, parseLinesXlsx, parseSomText } from './filing-lines-import.ts';
import { problemMessage } from './validation.messages.ts';
import { validateFiling } from './filing-validation.ts';
import { zipBomb } from '../../../test/support/crafted-zip.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const BOM = '\uFEFF';

function okValue<T>(r: { ok: true; value: T } | { ok: false; error: Problem[] }): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error.map((p) => p.message))}`);
  return r.value;
}
function problemsOf(r: { ok: true } | { ok: false; error: Problem[] }): Problem[] {
  if (r.ok) throw new Error('expected problems');
  return r.error;
}

describe('parseSomText', () => {
  it.each([
    ['1500.50', 150_050],
    ['1500,50', 150_050],
    ['1 500,50', 150_050],
    ['1\u00A0500,50', 150_050],
    ['1\u202F500,50', 150_050],
    ['1,500.50', 150_050],
    ['1.500,50', 150_050],
    ['1’500.50', 150_050],
    ['1 500', 150_000],
    ['1500', 150_000],
    ['0,5', 50],
    ['1,2', 120],
    ['0.05', 5],
    ['7,', 700],
    ['1500 сом', 150_000],
    ['1 500,50 KGS', 150_050],
    ['1,500,000', 150_000_000],
    ['1.500.000', 150_000_000],
    ['1,500,000.25', 150_000_025],
    ['  42  ', 4_200],
    ['-5', -500],
    ['+5', 500],
  ])('%s → %i tyiyn', (text, expected) => {
    expect(parseSomText(text)).toBe(expected);
  });

  // "1,500" and "1.505": one separator followed by three digits could be thousands or decimals.
  it.each([
    '1,500',
    '1.505',
    '15.555',
    '1,50,000',
    '1.5.5,3',
    '12,345.678',
    'abc',
    '',
    ',5',
    '1e5',
    '1 500,50,1',
    '--5',
    '5-',
  ])('refuses %j', (text) => {
    expect(parseSomText(text)).toBeUndefined();
  });

  it('reads back every amount as the platform formats it, in every locale (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_000_000 }), fc.constantFrom('ky', 'ru', 'en'), (n, locale) => {
        expect(parseSomText(formatSom(tyiyn(n), locale))).toBe(n);
      }),
    );
  });
});

describe('parseLinesCsv', () => {
  it('reads comma-separated receipts with English keys and a BOM', () => {
    const csv =
      BOM +
      'lineId,date,donorType,donorName,donorPin,donorInn,donorAddress,amount,channel,bankReference\r\n' +
      'R-1,2020-09-05,party_own_funds,Synthetic Party,,,,500000,bank_transfer,PP-0001\r\n' +
      'R-2,2020-09-10,individual,"Asanov, Asan",21503198500123,,"Bishkek,\nChui 1",150000.50,bank_transfer,PP-0002\r\n';
    const { lines, warnings } = okValue(parseLinesCsv('receipts', enc(csv)));
    expect(warnings).toEqual([]);
    expect(lines).toEqual([
      {
        lineId: 'R-1',
        date: '2020-09-05',
        donorType: 'party_own_funds',
        donorName: 'Synthetic Party',
        amount: 50_000_000,
        channel: 'bank_transfer',
        bankReference: 'PP-0001',
      },
      {
        lineId: 'R-2',
        date: '2020-09-10',
        donorType: 'individual',
        donorName: 'Asanov, Asan',
        donorPin: '21503198500123',
        donorAddress: 'Bishkek,\nChui 1',
        amount: 15_000_050,
        channel: 'bank_transfer',
        bankReference: 'PP-0002',
      },
    ]);
  });

  it('reads semicolon-separated lines with Russian headers, labels, dates and decimal commas', () => {
    const csv =
      'Дата;Тип жертвователя;ФИО или наименование жертвователя;ИНН жертвователя;Сумма (сом);Способ поступления\n' +
      '12.09.2020;Юридическое лицо;ОсОО «Синтетика»;02504200910123;1 000 000,00;Банковский перевод\n' +
      '13.09.2020;физическое лицо;Асанов Асан;;1 500,50;Мобильный банкинг\n';
    const { lines } = okValue(parseLinesCsv('receipts', csv));
    expect(lines).toEqual([
      {
        lineId: 'R-2',
        date: '2020-09-12',
        donorType: 'legal_entity',
        donorName: 'ОсОО «Синтетика»',
        donorInn: '02504200910123',
        amount: 100_000_000,
        channel: 'bank_transfer',
      },
      {
        lineId: 'R-3',
        date: '2020-09-13',
        donorType: 'individual',
        donorName: 'Асанов Асан',
        amount: 150_050,
        channel: 'mobile_banking',
      },
    ]);
  });

  it('reads Kyrgyz headers as the template writes them, with the required marks', () => {
    const csv =
      'Саптын идентификатору;Күнү *;Чыгашанын түрү *;Алуучу *;Сумма (сом) *;Документтин номери *;Сүрөттөмө *\n' +
      'E-1;2020-09-20;Интернеттеги жарнама;Synthetic Media;250 000;INV-44;Жарнама, сентябрь\n';
    const { lines } = okValue(parseLinesCsv('expenditures', csv));
    expect(lines).toEqual([
      {
        lineId: 'E-1',
        date: '2020-09-20',
        category: 'advertising_online',
        payeeName: 'Synthetic Media',
        amount: 25_000_000,
        documentNumber: 'INV-44',
        description: 'Жарнама, сентябрь',
      },
    ]);
  });

  it('reads refunds, skipping blank rows without losing row numbers', () => {
    const csv =
      'date,receiptLineId,kind,reason,amount\n\n2020-09-15,R-2,Returned to the donor,over_cap,0.50\n,,,,\n2020-09-16,R-3,transferred_to_budget,Anonymous donation,10\n';
    const { lines } = okValue(parseLinesCsv('refunds', csv));
    expect(lines).toEqual([
      {
        lineId: 'F-3',
        date: '2020-09-15',
        receiptLineId: 'R-2',
        kind: 'returned_to_donor',
        reason: 'over_cap',
        amount: 50,
      },
      {
        lineId: 'F-5',
        date: '2020-09-16',
        receiptLineId: 'R-3',
        kind: 'transferred_to_budget',
        reason: 'anonymous',
        amount: 1_000,
      },
    ]);
  });

  it('says plainly that a windows-1251 file is not UTF-8', () => {
    // "Дата" in windows-1251.
    const bytes = new Uint8Array([0xc4, 0xe0, 0xf2, 0xe0, 0x3b, 0x41, 0x0a]);
    const [p] = problemsOf(parseLinesCsv('receipts', bytes));
    expect(p).toMatchObject({ code: 'import.not_utf8', severity: 'error' });
    expect(problemMessage(p!, 'ru')).toBe(
      'Файл не в кодировке UTF-8. Сохраните его как «CSV UTF-8» и загрузите снова.',
    );
  });

  it('names missing, duplicate and unknown columns', () => {
    const problems = problemsOf(
      parseLinesCsv('receipts', 'date,donorType,donorName,channel,Channel,VAT\n2020-09-05,individual,A,cash,cash,1\n'),
    );
    expect(problems.map((p) => [p.code, p.severity, p.row, p.field])).toEqual([
      ['import.column_duplicate', 'error', 1, 'channel'],
      ['import.column_unknown', 'warning', 1, 'VAT'],
      ['import.column_missing', 'error', 1, 'amount'],
    ]);
    expect(problems[2]!.message).toBe('Row 1, column “Amount (som)”: The required column is missing.');
    expect(problemMessage(problems[2]!, 'ky')).toBe('1-сап, «Сумма (сом)» тилкеси: Милдеттүү тилке жок.');
  });

  it('keeps unknown columns as warnings when everything else reads', () => {
    const r = okValue(
      parseLinesCsv(
        'refunds',
        'date,receiptLineId,kind,reason,amount,note\n2020-09-15,R-2,returned_to_donor,over_cap,1,hi\n',
      ),
    );
    expect(r.lines).toHaveLength(1);
    expect(r.warnings.map((w) => [w.code, w.field])).toEqual([['import.column_unknown', 'note']]);
  });

  it('names every bad cell by row and column, in plain words', () => {
    const csv =
      'date;donorType;donorName;amount;channel\n' +
      '2020-13-01;individual;A;100;cash\n' +
      '2020-09-05;foreigner;B;1,500;cash\n' +
      '2020-09-05;individual;;0;crypto\n';
    const problems = problemsOf(parseLinesCsv('receipts', csv));
    expect(problems.map((p) => [p.code, p.row, p.field])).toEqual([
      ['import.date_invalid', 2, 'date'],
      ['import.value_not_allowed', 3, 'donorType'],
      ['import.amount_invalid', 3, 'amount'],
      ['import.value_required', 4, 'donorName'],
      ['import.amount_not_positive', 4, 'amount'],
      ['import.value_not_allowed', 4, 'channel'],
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      'Row 2, column “Date”: “2020-13-01” is not a date; write 2020-09-15 or 15.09.2020.',
      'Row 3, column “Donor type”: “foreigner” is not one of the values of the list: Individual; Legal entity; Party’s own funds; Candidate’s own funds; Other.',
      'Row 3, column “Amount (som)”: “1,500” is not an amount in som with at most two decimals (for example 1500,50 or 1 500.50).',
      'Row 4, column “Donor name”: A value is required.',
      'Row 4, column “Amount (som)”: The amount must be greater than zero (“0”).',
      'Row 4, column “Channel”: “crypto” is not one of the values of the list: Bank transfer; Cash; Mobile banking; Other.',
    ]);
    expect(problemMessage(problems[1]!, 'ru')).toBe(
      'Строка 3, столбец «Тип жертвователя»: «foreigner» нет в списке допустимых значений: Физическое лицо; Юридическое лицо; Собственные средства партии; Собственные средства кандидата; Иное.',
    );
  });

  it('says when the file cannot be read as CSV, or is empty', () => {
    expect(problemsOf(parseLinesCsv('receipts', 'date,amount\n"2020-09-05,100\n'))[0]!.code).toBe('import.unreadable');
    expect(problemsOf(parseLinesCsv('receipts', ''))[0]!.code).toBe('import.no_header');
    expect(problemsOf(parseLinesCsv('receipts', 'a,b,c\n1,2,3\n'))[0]!.code).toBe('import.column_unknown');
  });

  it('gives lines that make a clean report', () => {
    const receipts = okValue(
      parseLinesCsv(
        'receipts',
        'lineId;date;donorType;donorName;donorPin;donorInn;amount;channel;bankReference\n' +
          'R-1;05.09.2020;Party’s own funds;Synthetic Party;;;500 000;Bank transfer;PP-0001\n' +
          'R-2;10.09.2020;Individual;Asanov Asan;21503198500123;;150 000,50;Bank transfer;PP-0002\n',
      ),
    ).lines;
    const refunds = okValue(
      parseLinesCsv(
        'refunds',
        'lineId,date,receiptLineId,kind,reason,amount\nF-1,2020-09-15,R-2,returned_to_donor,over_cap,"0,50"\n',
      ),
    ).lines;
    const draft = exampleFilingDraft();
    const filing = buildFiling({ ...draft, receipts, refunds, expenditures: [] });
    expect(
      validateFiling(filing, { today: EXAMPLE_TODAY, rules: findRulesProfile('kg-2020-parliament')! }).problems,
    ).toEqual([]);
  });
});

describe('parseLinesXlsx: files that are not the template', () => {
  it('says when the bytes are not a workbook', async () => {
    const [p] = problemsOf(await parseLinesXlsx(enc('not a zip')));
    expect(p!.code).toBe('import.unreadable');
  });

  it('says when none of the sheets is there', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 'hello';
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const [p] = problemsOf(await parseLinesXlsx(bytes));
    expect(p!.code).toBe('import.no_sheets');
  });

  it('accepts sheets named in Russian or Kyrgyz, and cells of every kind', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Поступления');
    ws.addRow([
      'Дата',
      'Тип жертвователя',
      'ФИО или наименование жертвователя',
      'Сумма',
      'Способ поступления',
      'ПИН жертвователя',
    ]);
    ws.addRow([
      new Date(Date.UTC(2020, 8, 10)),
      'Физическое лицо',
      { richText: [{ text: 'Асанов ' }, { text: 'Асан' }] },
      { formula: '1000+500.5', result: 1500.5 },
      'Наличные',
      '21503198500123',
    ]);
    ws.addRow([44084, 'individual', 'Serial date', 0.1 + 0.2, 'cash', 21503198500123]);
    const ws2 = wb.addWorksheet('Кайтаруулар');
    ws2.addRow(['Күнү', 'Түшүүнүн идентификатору', 'Кайтаруунун түрү', 'Кайтаруунун себеби', 'Сумма (сом)']);
    ws2.addRow(['15.09.2020', 'R-2', 'Бюджетке которулду', 'Анонимдүү кайрымдуулук', '1 500,50']);
    const r = okValue(await parseLinesXlsx(new Uint8Array(await wb.xlsx.writeBuffer())));
    expect(r.receipts).toEqual([
      {
        lineId: 'R-2',
        date: '2020-09-10',
        donorType: 'individual',
        donorName: 'Асанов Асан',
        donorPin: '21503198500123',
        amount: 150_050,
        channel: 'cash',
      },
      // Excel serial 44084 is 2020-09-10; 0.1 + 0.2 shows as 0.3 in a spreadsheet and is read so.
      {
        lineId: 'R-3',
        date: '2020-09-10',
        donorType: 'individual',
        donorName: 'Serial date',
        donorPin: '21503198500123',
        amount: 30,
        channel: 'cash',
      },
    ]);
    expect(r.refunds).toEqual([
      {
        lineId: 'F-2',
        date: '2020-09-15',
        receiptLineId: 'R-2',
        kind: 'transferred_to_budget',
        reason: 'anonymous',
        amount: 150_050,
      },
    ]);
    expect(r.expenditures).toEqual([]);
  });

  it('names the sheet of a bad cell, and refuses amounts with more than two decimals', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Expenditures');
    ws.addRow(['date', 'category', 'payeeName', 'amount', 'documentNumber', 'description']);
    ws.addRow(['2020-09-20', 'transport', 'Bus Co', 10.005, 'TR-1', 'Buses']);
    const problems = problemsOf(await parseLinesXlsx(new Uint8Array(await wb.xlsx.writeBuffer())));
    expect(problems.map((p) => [p.code, p.row, p.field, p.params?.sheet])).toEqual([
      ['import.amount_invalid', 2, 'amount', 'Expenditures'],
    ]);
    expect(problems[0]!.message).toMatch(
      /^Sheet “Expenditures”, row 2, column “Amount \(som\)”: “10.005” is not an amount/,
    );
  });
});

describe('parseLinesXlsx: hostile archives', () => {
  it('refuses a zip bomb before unpacking it, saying why in every language', async () => {
    const r = await parseLinesXlsx(zipBomb(70));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((p) => p.code)).toEqual(['import.archive_refused']);
    expect(problemMessage(r.error[0]!, 'en')).toContain('70 MB');
    expect(problemMessage(r.error[0]!, 'ru')).toContain('64 МБ');
  });

  it('refuses an archive that understates what it unpacks to', async () => {
    const r = await parseLinesXlsx(zipBomb(50, 1000));
    expect(!r.ok && r.error[0]?.params?.reason).toBe('mismatch');
  });
});
