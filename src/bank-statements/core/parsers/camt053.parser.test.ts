import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { collectStream } from '../statement-builder.ts';
import { parseCamt053, parseCamt053Stream } from './camt053.parser.ts';

const ns = (v: string) => `urn:iso:std:iso:20022:tech:xsd:camt.053.001.${v}`;

/** A small statement around the given entries; balances optional. */
function doc(
  entries: string,
  o: { version?: string; prefix?: string; balances?: string; acct?: string; more?: string } = {},
): string {
  const p = o.prefix ? `${o.prefix}:` : '';
  const xmlns = o.prefix ? `xmlns:${o.prefix}` : 'xmlns';
  const body = `<Stmt><Id>S1</Id><LglSeqNb>42</LglSeqNb><CreDtTm>2021-09-10T10:00:00</CreDtTm>
    <Acct>${o.acct ?? '<Id><IBAN>KG00TEST0000000000000001</IBAN></Id><Ccy>KGS</Ccy>'}</Acct>
    ${o.balances ?? ''}${entries}</Stmt>${o.more ?? ''}`;
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<Document ${xmlns}="${ns(o.version ?? '02')}"><BkToCstmrStmt><GrpHdr><MsgId>M</MsgId><CreDtTm>2021-09-10T10:00:00</CreDtTm></GrpHdr>${body}</BkToCstmrStmt></Document>`;
  return o.prefix ? xml.replace(/<(\/?)(?!\?)([A-Za-z]+)/g, `<$1${p}$2`) : xml;
}

const bal = (code: string, amt: string, ind = 'CRDT', date = '<Dt>2021-09-01</Dt>') =>
  `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="KGS">${amt}</Amt><CdtDbtInd>${ind}</CdtDbtInd><Dt>${date}</Dt></Bal>`;

const entry = (amt: string, ind: string, inner = '', extra = '') =>
  `<Ntry><Amt Ccy="KGS">${amt}</Amt><CdtDbtInd>${ind}</CdtDbtInd>${extra}<Sts>BOOK</Sts><BookgDt><Dt>2021-09-02</Dt></BookgDt><ValDt><Dt>2021-09-03</Dt></ValDt><AcctSvcrRef>BANKREF</AcctSvcrRef>${inner ? `<NtryDtls>${inner}</NtryDtls>` : ''}</Ntry>`;

const parties = `<RltdPties>
  <Dbtr><Nm>Асанов Бакыт</Nm><Id><PrvtId><Othr><Id>21203198800123</Id></Othr></PrvtId></Id></Dbtr>
  <DbtrAcct><Id><Othr><Id>1350010000112233</Id></Othr></Id></DbtrAcct>
  <Cdtr><Nm>Фонд партии</Nm><Id><OrgId><Othr><Id>01509201910123</Id></Othr></OrgId></Id></Cdtr>
  <CdtrAcct><Id><IBAN>KG00TEST0000000000000001</IBAN></Id></CdtrAcct></RltdPties>`;

describe('camt.053 statements', () => {
  const only = (xml: string) => {
    const r = parseCamt053(xml);
    expect(r.problems.filter((p) => p.severity !== 'warning')).toEqual([]);
    return r;
  };

  it('reads account, number, balances, dates and one entry with its counterparty', () => {
    const r = only(
      doc(
        entry(
          '150000.00',
          'CRDT',
          `<TxDtls><Refs><EndToEndId>E2E-1</EndToEndId></Refs>${parties}<RmtInf><Ustrd>Пожертвование</Ustrd></RmtInf></TxDtls>`,
        ),
        { balances: bal('OPBD', '0.00') + bal('CLBD', '150000.00', 'CRDT', '<Dt>2021-09-02</Dt>') },
      ),
    );
    expect(r.problems).toEqual([]);
    expect(r.statements).toEqual([
      {
        account: 'KG00TEST0000000000000001',
        currency: 'KGS',
        statementNumber: '42',
        from: '2021-09-01',
        to: '2021-09-02',
        openingBalance: '0.00',
        closingBalance: '150000.00',
        transactions: [
          {
            bookingDate: '2021-09-02',
            valueDate: '2021-09-03',
            amount: '150000.00',
            currency: 'KGS',
            counterpartyName: 'Асанов Бакыт',
            counterpartyAccount: '1350010000112233',
            counterpartyId: '21203198800123',
            remittance: 'Пожертвование',
            bankReference: 'BANKREF',
            endToEndReference: 'E2E-1',
          },
        ],
      },
    ]);
  });

  it('takes the creditor as counterparty of a debit, with its organisation id', () => {
    const t = only(doc(entry('10.00', 'DBIT', `<TxDtls>${parties}</TxDtls>`))).statements[0]?.transactions[0];
    expect(t).toMatchObject({
      amount: '-10.00',
      counterpartyName: 'Фонд партии',
      counterpartyId: '01509201910123',
      counterpartyAccount: 'KG00TEST0000000000000001',
    });
  });

  it('reads parties inside Pty (version 08 and later) and the ultimate debtor when there is no debtor', () => {
    const v8 = `<TxDtls><RltdPties><Dbtr><Pty><Nm>Жаңыл Түгөлбаева</Nm><Id><PrvtId><Othr><Id>11203199200789</Id></Othr></PrvtId></Id></Pty></Dbtr></RltdPties></TxDtls>`;
    expect(only(doc(entry('1', 'CRDT', v8), { version: '08' })).statements[0]?.transactions[0]).toMatchObject({
      counterpartyName: 'Жаңыл Түгөлбаева',
      counterpartyId: '11203199200789',
    });
    const ultimate = `<TxDtls><RltdPties><UltmtDbtr><Nm>Real Donor</Nm></UltmtDbtr></RltdPties></TxDtls>`;
    expect(only(doc(entry('1', 'CRDT', ultimate))).statements[0]?.transactions[0]?.counterpartyName).toBe('Real Donor');
  });

  it.each(['02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13'])(
    'reads version 001.%s the same way',
    (v) => {
      const r = parseCamt053(doc(entry('5.00', 'CRDT'), { version: v }));
      expect(r.problems).toEqual([]);
      expect(r.statements[0]?.transactions[0]?.amount).toBe('5.00');
    },
  );

  it('warns about an unknown version but still reads it', () => {
    const r = parseCamt053(doc(entry('5.00', 'CRDT'), { version: '99' }));
    expect(r.problems.map((p) => p.code)).toEqual(['camt053.unknown_version']);
    expect(r.statements[0]?.transactions).toHaveLength(1);
  });

  it('ignores namespace prefixes and reads a Document wrapped with a business application header', () => {
    const prefixed = parseCamt053(doc(entry('7.00', 'DBIT'), { prefix: 'ns2' }));
    expect(prefixed.problems).toEqual([]);
    expect(prefixed.statements[0]?.transactions[0]?.amount).toBe('-7.00');
    const inner = doc(entry('7.00', 'DBIT')).replace(/^<\?xml[^>]*>\s*/, '');
    const wrapped = `<?xml version="1.0"?><BizMsgEnvlp xmlns="urn:bank:envelope"><AppHdr xmlns="urn:iso:std:iso:20022:tech:xsd:head.001.001.02"><Fr><FIId><FinInstnId><BICFI>AIYLKG22</BICFI></FinInstnId></FIId></Fr><BizMsgIdr>X</BizMsgIdr><MsgDefIdr>camt.053.001.08</MsgDefIdr><CreDt>2021-09-10T10:00:00Z</CreDt></AppHdr>${inner}</BizMsgEnvlp>`;
    const r = parseCamt053(wrapped);
    expect(r.problems).toEqual([]);
    expect(r.statements[0]?.transactions[0]?.amount).toBe('-7.00');
  });

  it('reads several statements per file', () => {
    const second = `<Stmt><Id>S2</Id><Acct><Id><Othr><Id>1290010012345678</Id></Othr></Id><Ccy>KGS</Ccy></Acct>${bal('OPBD', '1.00')}${bal('CLBD', '0.50')}${entry('0.50', 'DBIT')}</Stmt>`;
    const r = only(doc(entry('1.00', 'CRDT'), { more: second }));
    expect(r.statements.map((s) => [s.account, s.transactions.length])).toEqual([
      ['KG00TEST0000000000000001', 1],
      ['1290010012345678', 1],
    ]);
    expect(r.problems).toEqual([]);
  });

  it('splits a batch entry into one transaction per TxDtls, amounts from TxDtls/Amt or AmtDtls', () => {
    const tx = (amt: string, name: string, v3 = true) =>
      `<TxDtls>${v3 ? `<Amt Ccy="KGS">${amt}</Amt><CdtDbtInd>CRDT</CdtDbtInd>` : `<AmtDtls><TxAmt><Amt Ccy="KGS">${amt}</Amt></TxAmt></AmtDtls>`}<RltdPties><Dbtr><Nm>${name}</Nm></Dbtr></RltdPties></TxDtls>`;
    const r = only(
      doc(
        entry(
          '350.00',
          'CRDT',
          `<Btch><NbOfTxs>3</NbOfTxs></Btch>${tx('100.00', 'A')}${tx('200.00', 'B', false)}${tx('50.00', 'C')}`,
        ),
      ),
    );
    expect(r.problems).toEqual([]);
    expect(r.statements[0]?.transactions.map((t) => [t.amount, t.counterpartyName, t.bankReference])).toEqual([
      ['100.00', 'A', 'BANKREF'],
      ['200.00', 'B', 'BANKREF'],
      ['50.00', 'C', 'BANKREF'],
    ]);
  });

  it('warns when a batch does not add up to its entry', () => {
    const tx = (amt: string) => `<TxDtls><Amt Ccy="KGS">${amt}</Amt></TxDtls>`;
    const r = parseCamt053(doc(entry('300.00', 'DBIT', tx('100.00') + tx('100.00'))));
    expect(r.problems.map((p) => p.code)).toEqual(['camt053.batch_sum_mismatch']);
    expect(r.problems[0]?.field).toBe('Document/BkToCstmrStmt/Stmt[1]/Ntry[1]');
    expect(r.statements[0]?.transactions.map((t) => t.amount)).toEqual(['-100.00', '-100.00']);
  });

  it('uses the entry amount when there is a single TxDtls (its own amount may be a foreign instructed amount)', () => {
    const r = only(doc(entry('8.85', 'CRDT', '<TxDtls><Amt Ccy="SEK">0</Amt></TxDtls>')));
    expect(r.statements[0]?.transactions[0]?.amount).toBe('8.85');
  });

  it('marks reversals and keeps the booked direction', () => {
    const r = only(doc(entry('30.00', 'DBIT', '', '<RvslInd>true</RvslInd>')));
    expect(r.statements[0]?.transactions[0]).toMatchObject({ amount: '-30.00', reversal: true });
    const notReversed = only(doc(entry('30.00', 'DBIT', '', '<RvslInd>false</RvslInd>')));
    expect(notReversed.statements[0]?.transactions[0]?.reversal).toBeUndefined();
  });

  it('reads DtTm as well as Dt, and keeps up to 5 decimals exactly', () => {
    const e = `<Ntry><Amt Ccy="KGS">0.00001</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><DtTm>2021-09-02T23:59:59+06:00</DtTm></BookgDt></Ntry>`;
    const r = only(
      doc(e, { balances: bal('OPBD', '1.10000') + bal('CLBD', '1.10001', 'CRDT', '<DtTm>2021-09-02T23:59:59</DtTm>') }),
    );
    expect(r.problems).toEqual([]);
    expect(r.statements[0]).toMatchObject({ openingBalance: '1.10000', closingBalance: '1.10001', to: '2021-09-02' });
    expect(r.statements[0]?.transactions[0]).toMatchObject({ amount: '0.00001', bookingDate: '2021-09-02' });
  });

  it('refuses amounts with more than 5 decimals, or negative, with the element path', () => {
    const r = parseCamt053(doc(entry('1.000001', 'CRDT') + entry('-5', 'CRDT')));
    expect(r.problems.map((p) => [p.code, p.field])).toEqual([
      ['camt053.amount_precision', 'Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/Amt'],
      ['camt053.amount_invalid', 'Document/BkToCstmrStmt/Stmt[1]/Ntry[2]/Amt'],
    ]);
    expect(r.statements[0]?.transactions).toEqual([]);
  });

  it('reports an impossible date, a missing direction and a missing booking date', () => {
    const bad = `<Ntry><Amt Ccy="KGS">1</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2021-02-30</Dt></BookgDt><ValDt><Dt>2021-03-01</Dt></ValDt></Ntry><Ntry><Amt Ccy="KGS">1</Amt><BookgDt><Dt>2021-03-01</Dt></BookgDt></Ntry>`;
    const r = parseCamt053(doc(bad));
    expect(r.problems.map((p) => p.code)).toEqual([
      'camt053.date_invalid',
      'camt053.booking_date_missing',
      'camt053.direction_invalid',
    ]);
    // The first entry still books, on its value date.
    expect(r.statements[0]?.transactions.map((t) => t.bookingDate)).toEqual(['2021-03-01']);
  });

  it('checks that opening balance plus transactions is the closing balance', () => {
    const r = parseCamt053(
      doc(entry('10.00', 'CRDT'), { balances: bal('OPBD', '5.00', 'DBIT') + bal('CLBD', '6.00') }),
    );
    expect(r.problems).toMatchObject([
      {
        code: 'statement.unbalanced',
        severity: 'warning',
        params: { opening: '-5.00', closing: '6.00', expected: '5.00', difference: '1.00' },
      },
    ]);
  });

  it('prefers OPBD to PRCD for the opening balance, and takes account currency from balances when the account has none', () => {
    const r = only(
      doc(entry('1.00', 'CRDT'), {
        acct: '<Id><Othr><Id>ACC-1</Id></Othr></Id>',
        balances: bal('PRCD', '9.00') + bal('OPBD', '1.00') + bal('CLBD', '2.00'),
      }),
    );
    expect(r.statements[0]).toMatchObject({
      account: 'ACC-1',
      currency: 'KGS',
      openingBalance: '1.00',
      closingBalance: '2.00',
    });
    expect(r.problems).toEqual([]);
  });

  it('leaves out entries that are not booked', () => {
    const pending = `<Ntry><Amt Ccy="KGS">1</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>PDNG</Sts><BookgDt><Dt>2021-09-02</Dt></BookgDt></Ntry>`;
    const r = parseCamt053(doc(pending));
    expect(r.problems.map((p) => p.code)).toEqual(['camt053.entry_not_booked']);
    expect(r.statements[0]?.transactions).toEqual([]);
  });

  it('joins Ustrd pieces cut at 35 characters without a space, other lines with one', () => {
    const rmt = `<TxDtls><RmtInf><Ustrd>Free text max 140 characters and ma</Ustrd><Ustrd>x 35 characters</Ustrd><Ustrd>second line</Ustrd></RmtInf></TxDtls>`;
    expect(only(doc(entry('1', 'CRDT', rmt))).statements[0]?.transactions[0]?.remittance).toBe(
      'Free text max 140 characters and max 35 characters second line',
    );
  });

  it('is not fooled by element names that are Object property names', () => {
    const r = parseCamt053(
      doc(entry('1.00', 'CRDT', '<TxDtls><constructor/><toString>x</toString><__proto__/></TxDtls>')),
    );
    expect(r.problems).toEqual([]);
    expect(r.statements[0]?.transactions).toHaveLength(1);
  });

  it('refuses camt.052 and camt.054 by name', () => {
    const r = parseCamt053(
      '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.052.001.02"><BkToCstmrAcctRpt/></Document>',
    );
    expect(r.problems.map((p) => p.code)).toEqual(['camt053.other_message']);
    expect(r.problems[0]?.message).toContain('camt.052');
  });

  it('reports malformed and truncated XML without throwing, keeping what was read', () => {
    const full = doc(entry('1.00', 'CRDT') + entry('2.00', 'CRDT'));
    const cut = full.slice(0, full.indexOf('2.00'));
    const r = parseCamt053(cut);
    expect(r.problems.map((p) => p.code)).toContain('xml.malformed');
    expect(r.statements[0]?.transactions.map((t) => t.amount)).toEqual(['1.00']);
    expect(parseCamt053('<<<not xml').problems[0]?.code).toBe('xml.malformed');
    expect(parseCamt053('').problems[0]?.code).toBe('xml.empty');
    expect(parseCamt053('<Document><Other/></Document>').problems[0]?.code).toBe('camt053.not_a_statement');
  });

  it('decodes by BOM or XML declaration', () => {
    const xml = doc(entry('1', 'CRDT', '<TxDtls><RltdPties><Dbtr><Nm>Müller</Nm></Dbtr></RltdPties></TxDtls>')).replace(
      'UTF-8',
      'ISO-8859-1',
    );
    const latin1 = Buffer.from(xml, 'latin1');
    expect(parseCamt053(latin1).statements[0]?.transactions[0]?.counterpartyName).toBe('Müller');
    const utf8bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(doc(entry('1', 'CRDT')), 'utf8')]);
    expect(parseCamt053(utf8bom).problems).toEqual([]);
  });

  it('streams: the same result from a Readable of 7-byte chunks, events before the end', async () => {
    const xml = doc(entry('1.00', 'CRDT') + entry('2.00', 'DBIT', `<TxDtls>${parties}</TxDtls>`), {
      balances: bal('OPBD', '0') + bal('CLBD', '1.00', 'DBIT'),
    });
    const bytes = Buffer.from(xml, 'utf8');
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 7) chunks.push(bytes.subarray(i, i + 7));
    const streamed = await collectStream(parseCamt053Stream(Readable.from(chunks)));
    expect(streamed).toEqual(parseCamt053(xml));
    expect(streamed.problems).toEqual([]);
    const kinds: string[] = [];
    for await (const e of parseCamt053Stream(Readable.from(chunks))) kinds.push(e.kind);
    expect(kinds).toEqual(['transaction', 'transaction', 'statement']);
  });
});
