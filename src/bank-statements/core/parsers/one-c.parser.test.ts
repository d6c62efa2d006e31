import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { compareDecimals, sumDecimals } from '../decimal.ts';
import { collectStream } from '../statement-builder.ts';
import { detectOneCEncoding, parseOneC, parseOneCStream } from './one-c.parser.ts';

const FIXTURES = new URL('../../../../test/fixtures/bank/1c/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES));

const ACCOUNT = '1290010012345678';
const head = (extra = '') =>
  [
    '1CClientBankExchange',
    'ВерсияФормата=1.02',
    'Кодировка=Windows',
    'ДатаНачала=01.09.2021',
    'ДатаКонца=02.09.2021',
    `РасчСчет=${ACCOUNT}`,
    extra,
  ].filter(Boolean);
const account = (opening = '0.00', closing = '0.00', acc = ACCOUNT) => [
  'СекцияРасчСчет',
  'ДатаНачала=01.09.2021',
  'ДатаКонца=02.09.2021',
  `РасчСчет=${acc}`,
  `НачальныйОстаток=${opening}`,
  `КонечныйОстаток=${closing}`,
  'КонецРасчСчет',
];
const document = (fields: Record<string, string>) => [
  'СекцияДокумент=Платежное поручение',
  ...Object.entries(fields).map(([k, v]) => `${k}=${v}`),
  'КонецДокумента',
];
const file = (...parts: string[][]) => [...parts.flat(), 'КонецФайла'].join('\r\n');

describe('1C synthetic fixtures', () => {
  it('reads the windows-1251 party fund statement: 9 documents, balances agree', () => {
    const r = parseOneC(fixture('synthetic-party-fund-rsk-2021.cp1251.txt'));
    expect(r.problems).toEqual([]);
    const [s] = r.statements;
    expect(s).toMatchObject({
      account: ACCOUNT,
      currency: 'KGS',
      from: '2021-09-01',
      to: '2021-09-13',
      openingBalance: '0.00',
      closingBalance: '5299999.50',
    });
    expect(s?.transactions).toHaveLength(9);
    const amounts = s?.transactions.map((t) => t.amount) ?? [];
    expect(compareDecimals(sumDecimals(amounts.filter((a) => !a.startsWith('-'))), '7865000.00')).toBe(0);
    expect(compareDecimals(sumDecimals(amounts.filter((a) => a.startsWith('-'))), '-2565000.50')).toBe(0);
    expect(s?.transactions[1]).toEqual({
      bookingDate: '2021-09-02',
      amount: '200000.00',
      currency: 'KGS',
      counterpartyName: 'Асанов Бакыт Жумабекович',
      counterpartyAccount: '1350010000112233',
      counterpartyId: '21203198800123',
      remittance: 'Добровольное пожертвование в избирательный фонд партии "Ынтымак", без НДС',
      bankReference: '17',
    });
    // A debit: the counterparty is the payee.
    expect(s?.transactions[4]).toMatchObject({
      amount: '-1200000.00',
      counterpartyName: 'ОсОО "Медиа Ордо"',
      counterpartyId: '02311201510078',
    });
  });

  it('reads the UTF-8 candidate fund statement with Kyrgyz letters and an INN-prefixed payer name', () => {
    const r = parseOneC(fixture('synthetic-candidate-fund-aiyl-2021.utf8.txt'));
    expect(r.problems).toEqual([]);
    const [s] = r.statements;
    expect(s).toMatchObject({ account: '1350010000987654', openingBalance: '0.00', closingBalance: '1111250.00' });
    expect(s?.transactions.map((t) => [t.amount, t.counterpartyName])).toEqual([
      ['150000.00', 'Өмүрбеков Нурлан Сүйүнбекович'],
      ['1000000.00', 'Политическая партия "Ынтымак"'],
      ['7500', 'Түгөлбаева Жаңыл Асылбековна'],
      ['-45000.00', 'ЖЧК "Бишкек Басма"'],
      ['-1250.00', 'ОАО "Айыл Банк"'],
    ]);
  });

  it('detects the encodings from the bytes', () => {
    expect(detectOneCEncoding(fixture('synthetic-party-fund-rsk-2021.cp1251.txt')).encoding).toBe('windows-1251');
    expect(detectOneCEncoding(fixture('synthetic-candidate-fund-aiyl-2021.utf8.txt')).encoding).toBe('utf-8');
    const dos = iconv.encode(
      file(
        head(),
        account(),
        document({ Номер: '1', Дата: '01.09.2021', Сумма: '1.00', ПолучательСчет: ACCOUNT, Плательщик1: 'Иванов' }),
      ),
      'cp866',
    );
    expect(detectOneCEncoding(dos).encoding).toBe('cp866');
    expect(parseOneC(dos).statements[0]?.transactions[0]?.counterpartyName).toBe('Иванов');
  });

  it('streams to the same result', async () => {
    const bytes = fixture('synthetic-party-fund-rsk-2021.cp1251.txt');
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 100) chunks.push(bytes.subarray(i, i + 100));
    expect(await collectStream(parseOneCStream(Readable.from(chunks)))).toEqual(parseOneC(bytes));
  });
});

describe('1C edge cases', () => {
  it('tells debits from credits by the statement account, using ДатаСписано / ДатаПоступило', () => {
    const r = parseOneC(
      file(
        head(),
        account('10.00', '15.00'),
        document({
          Номер: '1',
          Дата: '01.09.2021',
          Сумма: '7.00',
          ПлательщикСчет: 'X1',
          Плательщик: 'ИНН 21203198800123 Асанов Бакыт',
          ПлательщикИНН: '21203198800123',
          ПолучательСчет: ACCOUNT,
          ДатаПоступило: '02.09.2021',
          НазначениеПлатежа1: 'Взнос,',
          НазначениеПлатежа2: 'без НДС',
        }),
        document({
          Номер: '2',
          Дата: '01.09.2021',
          Сумма: '2,00',
          ПлательщикСчет: ACCOUNT,
          ПолучательСчет: 'Y2',
          Получатель1: 'Типография',
          ДатаСписано: '01.09.2021',
        }),
      ),
    );
    expect(r.problems).toEqual([]);
    expect(r.statements[0]?.transactions).toEqual([
      {
        bookingDate: '2021-09-02',
        amount: '7.00',
        currency: 'KGS',
        counterpartyName: 'Асанов Бакыт',
        counterpartyAccount: 'X1',
        counterpartyId: '21203198800123',
        remittance: 'Взнос, без НДС',
        bankReference: '1',
      },
      {
        bookingDate: '2021-09-01',
        amount: '-2.00',
        currency: 'KGS',
        counterpartyName: 'Типография',
        counterpartyAccount: 'Y2',
        bankReference: '2',
      },
    ]);
  });

  it('makes one statement per account and books a transfer between them on both', () => {
    const other = '1350010000987654';
    const r = parseOneC(
      file(
        head(`РасчСчет=${other}`),
        account('5.00', '4.00'),
        account('0.00', '1.00', other),
        document({ Дата: '01.09.2021', Сумма: '1.00', ПлательщикСчет: ACCOUNT, ПолучательСчет: other }),
      ),
      { currency: 'USD' },
    );
    expect(r.problems).toEqual([]);
    expect(r.statements.map((s) => [s.account, s.currency, s.transactions.map((t) => t.amount)])).toEqual([
      [ACCOUNT, 'USD', ['-1.00']],
      [other, 'USD', ['1.00']],
    ]);
  });

  it('checks ВсегоПоступило / ВсегоСписано and the balances against the documents', () => {
    const section = [...account('0.00', '9.00'), ''];
    section.splice(5, 0, 'ВсегоПоступило=10.00', 'ВсегоСписано=0.00');
    const r = parseOneC(
      file(head(), section.filter(Boolean), document({ Дата: '01.09.2021', Сумма: '7.00', ПолучательСчет: ACCOUNT })),
    );
    expect(r.problems.map((p) => p.code)).toEqual(['onec.total_mismatch', 'statement.unbalanced']);
  });

  it('reports bad lines, dates and amounts with their line numbers, and unrelated documents', () => {
    const r = parseOneC(
      file(
        head(),
        account(),
        ['just text'],
        document({ Дата: '31.02.2021', Сумма: '1.00', ПолучательСчет: ACCOUNT }),
        document({ Дата: '01.09.2021', Сумма: 'abc', ПолучательСчет: ACCOUNT }),
        document({ Дата: '01.09.2021', Сумма: '1.00', ПлательщикСчет: 'A', ПолучательСчет: 'B' }),
      ),
    );
    expect(r.problems.map((p) => [p.code, p.row])).toEqual([
      ['onec.line_invalid', 14],
      ['onec.date_invalid', 15],
      ['onec.date_missing', 15],
      ['onec.amount_invalid', 20],
      ['onec.document_unrelated', 25],
    ]);
  });

  it('refuses what is not 1C, and says when the file is cut short', () => {
    expect(parseOneC('hello').problems.map((p) => p.code)).toEqual(['onec.not_1c']);
    expect(parseOneC('').problems.map((p) => p.code)).toEqual(['onec.empty']);
    const cut = file(
      head(),
      account(),
      document({ Дата: '01.09.2021', Сумма: '1.00', ПолучательСчет: ACCOUNT }),
    ).replace(/КонецДокумента[\s\S]*$/, '');
    const r = parseOneC(cut);
    expect(r.problems.map((p) => p.code)).toEqual(['onec.truncated', 'statement.unbalanced']);
    expect(r.statements[0]?.transactions).toHaveLength(1);
  });
});
