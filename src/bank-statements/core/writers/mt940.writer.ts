// Writes normalised statements as SWIFT MT940 text, with transaction details in the Dutch structured
// :86: layout (/EREF/…/ORDP//NAME/…/ID/…/IBAN/…/REMI/…) that the MT940 parser decodes again.
// Values must not contain "/" followed by one of those keys, which that layout cannot escape.

import { abs, fractionDigits, fromScaled, isNegative, toScaled } from '../decimal.ts';
import type { Statement, StatementSource, StatementTransaction } from '../statement.ts';

export interface Mt940WriterOptions {
  /** Wrap each statement in the FIN envelope {1:…}{2:…}{4: … -}. */
  envelope?: boolean;
  /** SWIFT uses CRLF. */
  lineEnding?: '\r\n' | '\n';
  /** Sender BIC for the envelope. */
  bic?: string;
}

const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;
const WIDTH = 65;

export function writeMt940(statements: readonly Statement[], options: Mt940WriterOptions = {}): string {
  return Array.from(mt940Chunks(statements, options)).join('');
}

/** The file in pieces (one per transaction), so that a large file is written without holding it. */
export function* mt940Chunks(
  statements: readonly StatementSource[],
  options: Mt940WriterOptions = {},
): Generator<string> {
  const eol = options.lineEnding ?? '\r\n';
  const bic = (options.bic ?? 'TALAPKERXXX').padEnd(12, 'X').slice(0, 12);
  const lines = (ls: string[]) => ls.join(eol) + eol;
  for (const [index, s0] of statements.entries()) {
    // MT940 cannot leave out a balance: a missing one follows from the other and the transactions
    // (which are then read twice, so held in memory; statements with both balances stream).
    const s =
      s0.openingBalance === undefined || s0.closingBalance === undefined
        ? { ...s0, transactions: Array.from(s0.transactions) }
        : s0;
    const { opening, closing } = balances(s);
    const head = options.envelope ? [`{1:F01${bic}0000000000}{2:O940${bic}N}{4:`] : [];
    yield lines([
      ...head,
      `:20:TALAPKER${String(index + 1).padStart(8, '0')}`,
      `:25:${s.account}`,
      `:28C:${s.statementNumber ?? String(index + 1)}`,
      `:60F:${balance(opening, s.from, s.currency)}`,
    ]);
    for (const t of s.transactions) {
      const details = detailsText(t, isNegative(t.amount));
      yield lines([`:61:${statementLine(t)}`, ...(details ? wrap(':86:', details) : [])]);
    }
    yield lines([`:62F:${balance(closing, s.to, s.currency)}`, options.envelope ? '-}' : '-']);
  }
}

function balances(s: StatementSource): { opening: string; closing: string } {
  if (s.openingBalance !== undefined && s.closingBalance !== undefined)
    return { opening: s.openingBalance, closing: s.closingBalance };
  const list = Array.from(s.transactions);
  const sum = list.reduce((n, t) => n + toScaled(t.amount), 0n);
  const digits = Math.max(2, ...list.map((t) => fractionDigits(t.amount)));
  const opening =
    s.openingBalance ??
    (s.closingBalance !== undefined ? fromScaled(toScaled(s.closingBalance) - sum, digits) : '0.00');
  return { opening, closing: s.closingBalance ?? fromScaled(toScaled(opening) + sum, digits) };
}

const yymmdd = (iso: string): string => iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);
const swiftAmount = (d: string): string => {
  const a = abs(d);
  return a.includes('.') ? a.replace('.', ',') : `${a},`;
};

function balance(amount: string, date: string, currency: string): string {
  return `${isNegative(amount) ? 'D' : 'C'}${yymmdd(date)}${currency}${swiftAmount(amount)}`;
}

function statementLine(t: StatementTransaction): string {
  const debit = isNegative(t.amount);
  // RC reverses a credit (money out), RD reverses a debit (money in).
  const mark = t.reversal ? (debit ? 'RC' : 'RD') : debit ? 'D' : 'C';
  const valueDate = t.valueDate ?? t.bookingDate;
  const entryDate = t.bookingDate.slice(5, 7) + t.bookingDate.slice(8, 10);
  const ref = t.bankReference ? `//${t.bankReference}` : '';
  return `${yymmdd(valueDate)}${entryDate}${mark}${swiftAmount(t.amount)}NTRFNONREF${ref}`;
}

function detailsText(t: StatementTransaction, debit: boolean): string {
  let s = '';
  if (t.endToEndReference) s += `/EREF/${t.endToEndReference}`;
  if (t.counterpartyName || t.counterpartyId) {
    s += debit ? '/BENM/' : '/ORDP/';
    if (t.counterpartyName) s += `/NAME/${t.counterpartyName}`;
    if (t.counterpartyId) s += `/ID/${t.counterpartyId}`;
  }
  if (t.counterpartyAccount) s += `${IBAN.test(t.counterpartyAccount) ? '/IBAN/' : '/BBAN/'}${t.counterpartyAccount}`;
  if (t.remittance) s += `/REMI/${t.remittance}`;
  return s;
}

/**
 * Cuts a field into lines of 65 characters. A continuation line must not look like a new field
 * (":86:"), a message end ("-") or an envelope block ("{"), so such a break moves one character back.
 */
function wrap(tag: string, text: string): string[] {
  const chars = Array.from(text.replace(/[\r\n]+/g, ' '));
  const out: string[] = [];
  let at = 0;
  let first = true;
  while (at < chars.length) {
    let take = Math.min(WIDTH, chars.length - at);
    while (take > 1 && at + take < chars.length && /^[:{-]/.test(chars[at + take] ?? '')) take -= 1;
    const piece = chars.slice(at, at + take).join('');
    out.push(first ? tag + piece : piece);
    first = false;
    at += take;
  }
  return out;
}
