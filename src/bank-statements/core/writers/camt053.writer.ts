// Writes normalised statements as an ISO 20022 camt.053.001.02 document: for demo data, for tests that
// read back what they wrote, and for handing a bank-neutral statement to other software.

import { abs, isNegative } from '../decimal.ts';
import type { Statement, StatementSource, StatementTransaction } from '../statement.ts';

export interface Camt053WriterOptions {
  messageId?: string;
  /** ISO date-time of creation; by default the end of the last statement's period (no clock is read). */
  createdAt?: string;
}

const NS = 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02';
const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;
// Kyrgyz personal numbers (PIN) start with 1 or 2 and have 14 digits; organisations' INNs do not.
const PERSONAL_NUMBER = /^[12]\d{13}$/;
const USTRD_WIDTH = 140;

export function writeCamt053(statements: readonly Statement[], options: Camt053WriterOptions = {}): string {
  return Array.from(camt053Chunks(statements, options)).join('');
}

/** The document in pieces (one per entry), so that a 100 MB file is written without holding it. */
export function* camt053Chunks(
  statements: readonly StatementSource[],
  options: Camt053WriterOptions = {},
): Generator<string> {
  const last = statements[statements.length - 1];
  const created = options.createdAt ?? `${last?.to ?? '1970-01-01'}T23:59:59`;
  yield lines([
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<Document xmlns="${NS}">`,
    '  <BkToCstmrStmt>',
    '    <GrpHdr>',
    `      <MsgId>${esc(options.messageId ?? `TALAPKER-${statements[0]?.account ?? 'EMPTY'}-${last?.to ?? ''}`.slice(0, 35))}</MsgId>`,
    `      <CreDtTm>${esc(created)}</CreDtTm>`,
    '    </GrpHdr>',
  ]);
  for (const [i, s] of statements.entries()) {
    yield lines(statementHead(s, i, created));
    for (const t of s.transactions) yield lines(entry(t));
    yield lines(['    </Stmt>']);
  }
  yield lines(['  </BkToCstmrStmt>', '</Document>']);
}

const lines = (ls: string[]): string => `${ls.join('\n')}\n`;

function statementHead(s: StatementSource, index: number, created: string): string[] {
  const out: string[] = [];
  const numeric = s.statementNumber !== undefined && /^\d{1,18}$/.test(s.statementNumber);
  // Id is mandatory; a non-numeric statement number can only travel there.
  const id = s.statementNumber !== undefined && !numeric ? s.statementNumber : `${s.account}-${s.from}-${index + 1}`;
  out.push('    <Stmt>', `      <Id>${esc(id.slice(0, 35))}</Id>`);
  if (numeric) out.push(`      <LglSeqNb>${s.statementNumber}</LglSeqNb>`);
  out.push(
    `      <CreDtTm>${esc(created)}</CreDtTm>`,
    '      <FrToDt>',
    `        <FrDtTm>${s.from}T00:00:00</FrDtTm>`,
    `        <ToDtTm>${s.to}T23:59:59</ToDtTm>`,
    '      </FrToDt>',
    '      <Acct>',
    `        <Id>${accountId(s.account)}</Id>`,
    `        <Ccy>${s.currency}</Ccy>`,
    '      </Acct>',
  );
  if (s.openingBalance !== undefined) balance(out, 'OPBD', s.openingBalance, s.currency, s.from);
  if (s.closingBalance !== undefined) balance(out, 'CLBD', s.closingBalance, s.currency, s.to);
  return out;
}

function balance(out: string[], code: string, amount: string, currency: string, date: string): void {
  out.push(
    '      <Bal>',
    `        <Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp>`,
    `        <Amt Ccy="${currency}">${abs(amount)}</Amt>`,
    `        <CdtDbtInd>${isNegative(amount) ? 'DBIT' : 'CRDT'}</CdtDbtInd>`,
    `        <Dt><Dt>${date}</Dt></Dt>`,
    '      </Bal>',
  );
}

function entry(t: StatementTransaction): string[] {
  const debit = isNegative(t.amount);
  const out: string[] = [];
  out.push(
    '      <Ntry>',
    `        <Amt Ccy="${t.currency}">${abs(t.amount)}</Amt>`,
    `        <CdtDbtInd>${debit ? 'DBIT' : 'CRDT'}</CdtDbtInd>`,
  );
  if (t.reversal) out.push('        <RvslInd>true</RvslInd>');
  out.push('        <Sts>BOOK</Sts>', `        <BookgDt><Dt>${t.bookingDate}</Dt></BookgDt>`);
  if (t.valueDate) out.push(`        <ValDt><Dt>${t.valueDate}</Dt></ValDt>`);
  if (t.bankReference) out.push(`        <AcctSvcrRef>${esc(t.bankReference)}</AcctSvcrRef>`);
  out.push(
    `        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>${debit ? 'ICDT' : 'RCDT'}</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>`,
  );
  const details = transactionDetails(t, debit);
  if (details.length > 0)
    out.push(
      '        <NtryDtls>',
      '          <TxDtls>',
      ...details.map((l) => `            ${l}`),
      '          </TxDtls>',
      '        </NtryDtls>',
    );
  out.push('      </Ntry>');
  return out;
}

function transactionDetails(t: StatementTransaction, debit: boolean): string[] {
  const lines: string[] = [];
  if (t.endToEndReference) lines.push(`<Refs><EndToEndId>${esc(t.endToEndReference)}</EndToEndId></Refs>`);
  // The counterparty is the debtor of money coming in and the creditor of money going out.
  const party = debit ? 'Cdtr' : 'Dbtr';
  const partyLines: string[] = [];
  if (t.counterpartyName || t.counterpartyId) {
    partyLines.push(`<${party}>`);
    if (t.counterpartyName) partyLines.push(`  <Nm>${esc(t.counterpartyName)}</Nm>`);
    if (t.counterpartyId) {
      const kind = PERSONAL_NUMBER.test(t.counterpartyId) ? 'PrvtId' : 'OrgId';
      partyLines.push(`  <Id><${kind}><Othr><Id>${esc(t.counterpartyId)}</Id></Othr></${kind}></Id>`);
    }
    partyLines.push(`</${party}>`);
  }
  if (t.counterpartyAccount)
    partyLines.push(`<${party}Acct><Id>${accountId(t.counterpartyAccount)}</Id></${party}Acct>`);
  if (partyLines.length > 0) lines.push('<RltdPties>', ...partyLines.map((l) => `  ${l}`), '</RltdPties>');
  if (t.remittance) {
    lines.push('<RmtInf>');
    // Ustrd holds 140 characters; longer texts go in 140-character pieces, which readers join back.
    const chars = Array.from(t.remittance);
    for (let i = 0; i < chars.length; i += USTRD_WIDTH)
      lines.push(`  <Ustrd>${esc(chars.slice(i, i + USTRD_WIDTH).join(''))}</Ustrd>`);
    lines.push('</RmtInf>');
  }
  return lines;
}

function accountId(account: string): string {
  return IBAN.test(account) ? `<IBAN>${account}</IBAN>` : `<Othr><Id>${esc(account)}</Id></Othr>`;
}

/** Escapes markup and drops characters XML 1.0 cannot carry at all. */
export function esc(s: string): string {
  return s
    .replace(
      /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      '',
    )
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
}
