import iconv from 'iconv-lite';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { collectStream } from '../statement-builder.ts';
import { decodeDetails } from './mt940-details.ts';
import { parseAccountField, parseBalanceField, parseStatementLine } from './mt940-fields.ts';
import { parseMt940, parseMt940Stream } from './mt940.parser.ts';

const statement = (body: string, account = 'KG00TEST0000000000000001') =>
  [':20:REF1', `:25:${account}`, ':28C:7/1', ':60F:C210901KGS1000,00', body, ':62F:C210902KGS1500,00', '-']
    .filter(Boolean)
    .join('\r\n');

const clean = (text: string | Uint8Array) => {
  const r = parseMt940(text);
  expect(r.problems).toEqual([]);
  return r;
};

describe(':61: statement line', () => {
  it.each([
    [
      '2109020903C500,00NTRFNONREF//B1',
      {
        valueDate: '2021-09-02',
        bookingDate: '2021-09-03',
        amount: '500.00',
        reversal: false,
        transactionType: 'NTRF',
        bankReference: 'B1',
      },
    ],
    ['210902D15000,NTRFNONREF', { valueDate: '2021-09-02', amount: '-15000', reversal: false }],
    ['2109020902CR15,5NTRFNONREF', { amount: '15.5', fundsCode: 'R', reversal: false }],
    ['2109020902RC204,88NRTINONREF', { amount: '-204.88', reversal: true }],
    ['2109020902RD204,88NRTINONREF', { amount: '204.88', reversal: true }],
    ['210902    DD212,39NMSCNONREF//', { valueDate: '2021-09-02', amount: '-212.39', fundsCode: 'D' }],
    ['210902C000000000025,00N102EREF', { amount: '25.00', customerReference: 'EREF' }],
    [
      '1407290729C500NTRF29-07-2014 10:05//B4G29',
      { amount: '500', customerReference: '29-07-2014 10:05', bankReference: 'B4G29' },
    ],
  ])('%s', (line, expected) => {
    const r = parseStatementLine([line]);
    expect(r.ok && r.value).toMatchObject(expected);
  });

  it('dates the entry in the next year when booked after New Year', () => {
    const r = parseStatementLine(['2112310103C1,00NTRFNONREF']);
    expect(r.ok && [r.value.valueDate, r.value.bookingDate]).toEqual(['2021-12-31', '2022-01-03']);
  });

  it('keeps supplementary details and reads an amount wrapped onto the next line', () => {
    const r = parseStatementLine(['1811261126CR', '30,00N062NONREF', 'Card transaction']);
    expect(r.ok && r.value).toMatchObject({ amount: '30.00', supplementary: 'Card transaction' });
  });

  it('marks 30 February as a bad date rather than rolling it over', () => {
    const r = parseStatementLine(['1602300301DR6,00N024NONREF']);
    expect(r.ok && r.value).toMatchObject({ badDate: '160230', bookingDate: '2016-03-01' });
    expect(r.ok && r.value.valueDate).toBeUndefined();
  });

  it('refuses text that is no statement line', () => {
    expect(parseStatementLine(['hello']).ok).toBe(false);
    expect(parseStatementLine(['210902C1,234567NTRF']).ok).toBe(false);
  });
});

describe('balances and accounts', () => {
  it.each([
    ['C100318EUR380115,12', '380115.12'],
    ['C100318EUR380115,1', '380115.1'],
    ['C100318EUR380115,', '380115'],
    ['C100318EUR0,12', '0.12'],
    ['C100318EUR00,12', '0.12'],
    ['D100318EUR001,12', '-1.12'],
  ])('balance %s is %s', (text, amount) => {
    const r = parseBalanceField(text);
    expect(r.ok && r.value).toMatchObject({ amount, currency: 'EUR', date: '2010-03-18' });
  });

  it('finds a currency appended to :25:', () => {
    expect(parseAccountField('51210600/9223382012EUR')).toEqual({ account: '51210600/9223382012', currency: 'EUR' });
    expect(parseAccountField('UBRTHUHB/123456789150ABCDEF002/HUF')).toEqual({
      account: 'UBRTHUHB/123456789150ABCDEF002',
      currency: 'HUF',
    });
    expect(parseAccountField('NL91 ABNA 0417 1643 00')).toEqual({ account: 'NL91ABNA0417164300' });
    // A Seychelles IBAN ends in its currency and is kept whole.
    expect(parseAccountField('SC18SSCB11010000000000001497USD')).toEqual({
      account: 'SC18SSCB11010000000000001497USD',
    });
  });
});

describe(':86: details', () => {
  it('decodes the German layout: ?20–?29 purpose, ?30/?31 bank and account, ?32/?33 name', () => {
    const d = decodeDetails([
      '166?00GUTSCHRIFT?100399?20EREF+EndToEndId TFNR 22 004?21 00001?22',
      'SVWZ+Verw CTSc-01 BC-PPP TF?23Nr 22 004?30DRESDEFF508?31DE1450880',
      '0500194785000?32KARL?33        KAUFMANN',
    ]);
    expect(d).toEqual({
      counterpartyName: 'KARL KAUFMANN',
      counterpartyAccount: 'DE14508800500194785000',
      remittance: 'Verw CTSc-01 BC-PPP TFNr 22 004',
      endToEndReference: 'EndToEndId TFNR 22 004 00001',
    });
  });

  it('decodes the same layout written with ">" (Triodos)', () => {
    expect(decodeDetails(['000>100133967858', '>20 HUUR>21 KANTOOR - FEB 2010>310390123456'])).toEqual({
      remittance: 'HUUR KANTOOR - FEB 2010',
      counterpartyAccount: '0390123456',
    });
  });

  it('flags a "?" with no field number as malformed', () => {
    expect(decodeDetails(['105?20Text?32Name Sentinel?']).malformed).toBeDefined();
  });

  it('decodes the Dutch layout over several lines, joining the cut text', () => {
    const d = decodeDetails([
      '/TRTP/SEPA OVERBOEKING/IBAN/NL59ABNA0626226163/BIC/ABNANL2AXXX',
      '/NAME/WORLDPAY CUSTOMER PAYMENTS/REMI/7510143342 0030001826916174',
      ' VISTAPRINT/EREF/NOTPROVIDED',
    ]);
    expect(d).toEqual({
      counterpartyName: 'WORLDPAY CUSTOMER PAYMENTS',
      counterpartyAccount: 'NL59ABNA0626226163',
      remittance: '7510143342 0030001826916174 VISTAPRINT',
    });
    expect(
      decodeDetails(['/EREF/E1/BENM//NAME/CONTRA ACCOUN', 'T HOLDER/ID/01509201910123/REMI/USTD//Invoice 5/']),
    ).toEqual({
      endToEndReference: 'E1',
      counterpartyName: 'CONTRA ACCOUNT HOLDER',
      counterpartyId: '01509201910123',
      remittance: 'Invoice 5',
    });
  });

  it('keeps free text with its line breaks, reading a leading IBAN and name', () => {
    expect(decodeDetails(['HIER EEN OMSCHRIJVING', 'WANT DAT IS ZO', ''])).toEqual({
      remittance: 'HIER EEN OMSCHRIJVING\nWANT DAT IS ZO',
    });
    expect(decodeDetails(['NL47INGB9999999999 hr gjlm paulissen', '', 'Betaling sieraden'])).toMatchObject({
      counterpartyAccount: 'NL47INGB9999999999',
      counterpartyName: 'hr gjlm paulissen',
    });
  });
});

describe('MT940 files', () => {
  it('reads a statement with details and checks the balance', () => {
    const r = clean(
      statement(
        ':61:2109020902C500,00NTRFNONREF//B1\r\n:86:/ORDP//NAME/Асанов Бакыт/ID/21203198800123/REMI/Пожертвование',
      ),
    );
    expect(r.statements).toEqual([
      {
        account: 'KG00TEST0000000000000001',
        currency: 'KGS',
        statementNumber: '7/1',
        from: '2021-09-01',
        to: '2021-09-02',
        openingBalance: '1000.00',
        closingBalance: '1500.00',
        transactions: [
          {
            bookingDate: '2021-09-02',
            valueDate: '2021-09-02',
            amount: '500.00',
            currency: 'KGS',
            counterpartyName: 'Асанов Бакыт',
            counterpartyId: '21203198800123',
            remittance: 'Пожертвование',
            bankReference: 'B1',
          },
        ],
      },
    ]);
  });

  it('reads the FIN envelope, bank header lines, :28: and several statements, with or without separators', () => {
    const one = statement(':61:2109020902C500,00NTRFNONREF');
    const fin = `{1:F01AIYLKG22AXXX0000000000}{2:O940AIYLKG22XXXXN}{4:\r\n${one.replace(/-$/, '-}{5:}')}`;
    const header = `AIYLKG22\r\n940\r\nAIYLKG22\r\n${one.replace(':28C:', ':28:')}`;
    const noSeparator = one.replace(/\r\n-$/, '') + '\r\n' + one.replace(/\r\n-$/, '');
    for (const text of [fin, header, noSeparator, `${fin}\r\n${fin}`]) {
      const r = clean(text);
      expect(r.statements.length).toBeGreaterThanOrEqual(1);
      expect(r.statements.every((s) => s.transactions.length === 1 && s.statementNumber === '7/1')).toBe(true);
    }
    expect(clean(noSeparator).statements).toHaveLength(2);
  });

  it('reads intermediate balances :60M:/:62M: of a statement split over pages', () => {
    const page = (n: string, o: string, c: string, tag: string) =>
      `:20:R\r\n:25:ACC\r\n:28C:5/${n}\r\n:60${tag}:C210901KGS${o}\r\n:61:210901C1,NTRF\r\n:62${tag}:C210901KGS${c}\r\n-`;
    const r = clean(
      `${page('1', '0,', '1,', 'F').replace(':62F:', ':62M:')}\r\n${page('2', '1,', '2,', 'F').replace(':60F:', ':60M:')}`,
    );
    expect(r.statements.map((s) => [s.statementNumber, s.openingBalance, s.closingBalance])).toEqual([
      ['5/1', '0', '1'],
      ['5/2', '1', '2'],
    ]);
  });

  it('takes the currency from :25: when no balance precedes', () => {
    const r = parseMt940(':20:X\n:25:51210600/9223382012EUR\n:61:210902C1,00NTRF\n:62F:C210902EUR1,00\n-');
    expect(r.statements[0]).toMatchObject({ account: '51210600/9223382012', currency: 'EUR', closingBalance: '1.00' });
    expect(r.statements[0]?.transactions[0]?.currency).toBe('EUR');
  });

  it('reports 30 February as a problem on its line and keeps the transaction on its entry date', () => {
    const r = parseMt940(statement(':61:2102300301C500,00NTRFNONREF'));
    expect(r.problems).toMatchObject([{ code: 'mt940.date_invalid', row: 5, severity: 'error' }]);
    expect(r.statements[0]?.transactions[0]?.bookingDate).toBe('2021-03-01');
  });

  it('drops a transaction with no usable date, reporting it', () => {
    const r = parseMt940(statement(':61:210230C500,00NTRFNONREF'));
    expect(r.problems.map((p) => p.code)).toEqual(['mt940.date_invalid', 'mt940.date_missing', 'statement.unbalanced']);
    expect(r.statements[0]?.transactions).toEqual([]);
  });

  it('refuses MT942 interim reports with a clear message, by their tags or their envelope', () => {
    const tags =
      ':20:X\n:25:ACC\n:28C:1\n:34F:EURD0,00\n:13D:1610301730+0000\n:61:1610301031D0,42NTRFNONREF\n:90D:1EUR0,42\n-';
    const envelope = `{1:F01BANKXXXXAXXX0000000000}{2:O942BANKXXXXXXXXN}{4:\n${statement(':61:2109020902C500,00NTRFNONREF').replace(/\r\n/g, '\n')}`;
    for (const text of [tags, envelope]) {
      const r = parseMt940(text);
      expect(r.statements).toEqual([]);
      expect(r.problems.map((p) => p.code)).toEqual(['mt940.mt942_refused']);
      expect(r.problems[0]?.message).toMatch(/MT942.*MT940/);
    }
  });

  it('does not give statement-level :86: (after :62F:) to the last transaction, and keeps unknown tags as text', () => {
    const r = clean(
      statement(':61:2109020902C500,00NTRFNONREF\r\n:86:106?20Time 12-09-2014T16\r\n:26:37 ok').replace(
        ':62F:C210902KGS1500,00',
        ':62F:C210902KGS1500,00\r\n:86:STATEMENT INFO',
      ),
    );
    expect(r.statements[0]?.transactions[0]?.remittance).toBe('Time 12-09-2014T16:26:37 ok');
  });

  it('reads a tag broken after its colon and ignores control characters with a warning', () => {
    const r = parseMt940(statement(':61:2109020902C500,00NTRFNONREF\r\n:\r\n86:/REMI/ab\x07c'));
    expect(r.statements[0]?.transactions[0]?.remittance).toBe('abc');
    expect(r.problems.map((p) => p.code)).toEqual(['mt940.control_characters']);
    // SOH/ETX around mBank messages are the SWIFT envelope, not noise.
    expect(clean(`\x01\r\n${statement(':61:2109020902C500,00NTRFNONREF')}\x03`).statements).toHaveLength(1);
  });

  it('reports a missing account or currency instead of inventing one', () => {
    const r = parseMt940(':61:2109020902C500,00NTRFNONREF\n:86:text');
    expect(r.statements).toEqual([]);
    expect(r.problems.map((p) => p.code)).toEqual(['mt940.currency_missing', 'statement.incomplete']);
    expect(parseMt940('').problems.map((p) => p.code)).toEqual(['mt940.no_statements']);
    expect(parseMt940('\x00\x01garbage\xff').problems.some((p) => p.code === 'mt940.no_statements')).toBe(true);
  });

  it('decodes windows-1251, windows-1252 and cp852 text that is not UTF-8', () => {
    const cyr = statement(
      ':61:2109020902C500,00NTRFNONREF\r\n:86:Пожертвование от Асанова Бакыта в избирательный фонд',
    );
    const r1 = parseMt940(iconv.encode(cyr, 'windows-1251'));
    expect(r1.statements[0]?.transactions[0]?.remittance).toBe('Пожертвование от Асанова Бакыта в избирательный фонд');
    expect(r1.problems.map((p) => [p.code, p.params?.['encoding']])).toEqual([
      ['text.encoding_guessed', 'windows-1251'],
    ]);
    const de = statement(':61:2109020902C500,00NTRFNONREF\r\n:86:166?20Überweisung für Müller?32Jürgen Groß');
    const r2 = parseMt940(iconv.encode(de, 'windows-1252'));
    expect(r2.statements[0]?.transactions[0]).toMatchObject({
      remittance: 'Überweisung für Müller',
      counterpartyName: 'Jürgen Groß',
    });
    const hu = statement(':61:2109020902C500,00NTRFNONREF\r\n:86:Csoportos átutalás jóváírása, összevont utánvét');
    const r3 = parseMt940(iconv.encode(hu, 'cp852'));
    expect(r3.statements[0]?.transactions[0]?.remittance).toBe('Csoportos átutalás jóváírása, összevont utánvét');
  });

  it('streams by lines: the same result from chunks that split CRLF and multi-byte characters', async () => {
    const text = statement(':61:2109020902C500,00NTRFNONREF//B1\r\n:86:/ORDP//NAME/Өмүрбеков Нурлан/REMI/Шайлоо фонду');
    const bytes = Buffer.from(text, 'utf8');
    for (const size of [1, 2, 3, 5, 64]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      expect(await collectStream(parseMt940Stream(Readable.from(chunks)))).toEqual(parseMt940(text));
    }
  });
});
