// The fixed-format MT940 fields: account (:25:), balances (:60F:/:60M:/:62F:/:62M:) and the statement
// line (:61:), each parsed from its text into plain values or a reason it cannot be read. Dates are
// YYMMDD; impossible ones (30 February) come back as a problem, never as a JavaScript Date rollover.

import { parseDecimal, negate } from '../decimal.ts';
import { isRealDate } from '../statement.ts';

export type FieldResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** SWIFT gives two-digit years; statements from before 1980 are not expected. */
export function centuryYear(yy: number): number {
  return yy < 80 ? 2000 + yy : 1900 + yy;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "160229" → "2016-02-29"; undefined for an impossible date. */
export function parseYymmdd(s: string): string | undefined {
  if (!/^\d{6}$/.test(s)) return undefined;
  const y = centuryYear(Number(s.slice(0, 2)));
  const m = Number(s.slice(2, 4));
  const d = Number(s.slice(4, 6));
  return isRealDate(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : undefined;
}

// Currencies worth recognising at the end of a :25: account ("51210600/9223382012EUR").
const ISO_CURRENCIES = new Set(
  'EUR USD GBP CHF KGS RUB KZT UZS TJS TMT AZN AMD GEL BYN UAH CNY JPY PLN HUF CZK RON BGN SEK NOK DKK TRY AED INR CAD AUD NZD HKD SGD ZAR ILS MXN BRL DEM'.split(
    ' ',
  ),
);

/** :25: account identification, with a currency some banks append. */
export function parseAccountField(text: string): { account: string; currency?: string } {
  // "NL91 ABNA 0417 1643 00" loses its spaces; free-form identifications keep theirs.
  const trimmed = text.trim();
  const compact = trimmed.replace(/\s+/g, '');
  const t = /^[A-Za-z0-9/]+$/.test(compact) ? compact : trimmed;
  // A valid IBAN is the account whole, even when it ends in letters that spell a currency
  // (Seychelles IBANs end in one).
  if (isValidIban(t)) return { account: t };
  const m = /^(.*?[0-9/])\/?([A-Z]{3})$/.exec(t);
  if (m && m[2] && ISO_CURRENCIES.has(m[2]) && m[1]) return { account: m[1].replace(/\/$/, ''), currency: m[2] };
  return { account: t };
}

/** ISO 13616 check: country, two check digits, BBAN; mod 97 of the rearranged number is 1. */
export function isValidIban(s: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(s)) return false;
  const rearranged = s.slice(4) + s.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const digits = code >= 65 ? String(code - 55) : ch;
    for (const d of digits) rest = (rest * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return rest === 1;
}

export interface Mt940Balance {
  amount: string;
  currency: string;
  date?: string;
  /** The YYMMDD text when it is not a real date. */
  badDate?: string;
}

/** "C100318EUR380115,12" → a signed balance. */
export function parseBalanceField(text: string): FieldResult<Mt940Balance> {
  const m = /^\s*([CD])(\d{6})([A-Z]{3})(\d[\d,.]*)\s*$/.exec(text);
  if (!m) return { ok: false, reason: `"${text.trim()}" is not a balance (C/D, YYMMDD, currency, amount)` };
  const amount = parseDecimal(m[4] ?? '', 'either');
  if (!amount.ok) return { ok: false, reason: `"${m[4]}" is not an amount` };
  const date = parseYymmdd(m[2] ?? '');
  const value: Mt940Balance = { amount: m[1] === 'D' ? negate(amount.value) : amount.value, currency: m[3] ?? '' };
  if (date) value.date = date;
  else value.badDate = m[2] ?? '';
  return { ok: true, value };
}

export interface Mt940StatementLine {
  valueDate?: string;
  bookingDate?: string;
  /** The raw YYMMDD / MMDD of a date that does not exist. */
  badDate?: string;
  amount: string;
  reversal: boolean;
  fundsCode?: string;
  transactionType?: string;
  customerReference?: string;
  bankReference?: string;
  supplementary?: string;
}

// value date, optional entry date (MMDD, blank in some banks' files), mark (C, D, RC, RD),
// optional funds code, amount, transaction type (N/S/F + 3), references.
const STATEMENT_LINE = /^(\d{6})(\d{4}|\s{1,4})?(RC|RD|C|D)([A-Z])?(\d[\d,]*)([NSF][A-Z0-9 ]{3})?(.*)$/;

/** :61: statement line; `lines` are the field's lines (the first carries the data). */
export function parseStatementLine(lines: string[]): FieldResult<Mt940StatementLine> {
  const first = lines[0] ?? '';
  let m = STATEMENT_LINE.exec(first.trim());
  let rest = lines.slice(1);
  // Some exports wrap the amount onto the next line ("…1126CR" / "30,00N062NONREF").
  if ((!m || !m[5]?.includes(',')) && lines.length > 1) {
    const joined = STATEMENT_LINE.exec((first + (lines[1] ?? '')).trim());
    if (joined && joined[5]?.includes(',')) {
      m = joined;
      rest = lines.slice(2);
    }
  }
  if (!m) return { ok: false, reason: `"${first.trim()}" is not a statement line (:61:)` };
  const [, vd = '', ed = '', mark = '', funds, rawAmount = '', type, refs = ''] = m;
  const amount = parseDecimal(rawAmount, ',');
  if (!amount.ok) {
    return {
      ok: false,
      reason:
        amount.reason === 'too_many_decimals'
          ? `"${rawAmount}" has more than 5 decimals`
          : `"${rawAmount}" is not an amount`,
    };
  }
  // RC is the reversal of a credit, so money leaves the account; RD gives back a debit.
  const debit = mark === 'D' || mark === 'RC';
  const line: Mt940StatementLine = {
    amount: debit ? negate(amount.value) : amount.value,
    reversal: mark.startsWith('R'),
  };
  const valueDate = parseYymmdd(vd);
  if (valueDate) line.valueDate = valueDate;
  else line.badDate = vd;
  const entry = ed.trim();
  if (entry) {
    const bookingDate = entryDate(vd, entry);
    if (bookingDate) line.bookingDate = bookingDate;
    else line.badDate = line.badDate ? `${line.badDate}/${entry}` : entry;
  }
  if (funds) line.fundsCode = funds;
  if (type) line.transactionType = type;
  const slash = refs.indexOf('//');
  const customer = (slash < 0 ? refs : refs.slice(0, slash)).trim();
  const bank = slash < 0 ? '' : refs.slice(slash + 2).trim();
  if (customer) line.customerReference = customer;
  if (bank) line.bankReference = bank;
  const supplementary = rest
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join(' ');
  if (supplementary) line.supplementary = supplementary;
  return { ok: true, value: line };
}

/**
 * The entry (booking) date is MMDD; its year is the value date's, moved by one when the two straddle
 * a new year (value 31 December, booked 2 January).
 */
function entryDate(valueYymmdd: string, mmdd: string): string | undefined {
  if (!/^\d{6}$/.test(valueYymmdd) || !/^\d{4}$/.test(mmdd)) return undefined;
  let y = centuryYear(Number(valueYymmdd.slice(0, 2)));
  const vm = Number(valueYymmdd.slice(2, 4));
  const m = Number(mmdd.slice(0, 2));
  const d = Number(mmdd.slice(2, 4));
  if (vm === 12 && m === 1) y += 1;
  else if (vm === 1 && m === 12) y -= 1;
  return isRealDate(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : undefined;
}
