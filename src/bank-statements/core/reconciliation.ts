// Reconciles what a party or candidate reported about its electoral fund with what the bank booked on
// the fund's account. Pure: report lines and bank transactions in, findings out, each finding carrying
// the evidence a person needs to judge it. All settlements must go through the fund's bank account
// (domain notes §1), so a reported receipt or payment the bank never saw, money the report leaves out,
// and cash are each findings.
//
// Matching, in two passes over an index of the bank transactions by amount:
//   1. exact: same direction and amount in tyiyn, booking date within the tolerance, and the same
//      counterparty — identifiers (INN/PIN) equal when both sides have one, otherwise names alike
//      across scripts (transliteration-aware keys); a bank line with neither name nor identifier
//      matches on amount and date alone;
//   2. near: what is left, for the same counterparty, with the amount off by what looks like a typo
//      (one digit, two digits swapped, a zero too many or too few, within 5 %) or the date outside the
//      tolerance but within `maxDateGapDays`.
// The rest is unsupported (reported, not in the bank) or unreported (in the bank, not reported).

import type { Tyiyn } from '../../domain/money.ts';
import type { Problem } from '../../platform/result.ts';
import { problem } from '../../platform/result.ts';
import { withinOneEdit } from '../../domain/name-search.ts';
import { searchKey } from '../../domain/transliteration.ts';
import { decimalToTyiyn } from './decimal.ts';
import type { Statement } from './statement.ts';

export type ReportLineKind = 'receipt' | 'expenditure' | 'refund';
export type PaymentChannel = 'bank_transfer' | 'cash' | 'mobile_banking' | 'other';

/** One line of a party's or candidate's financial report. */
export interface ReportLine {
  id: string;
  kind: ReportLineKind;
  /** ISO date. */
  date: string;
  /** Positive amount in tyiyn; the kind gives the direction. */
  amount: Tyiyn;
  counterpartyName: string;
  counterpartyId?: string;
  channel: PaymentChannel;
}

/** A bank transaction on the fund's account, amount signed (money in positive) and in tyiyn. */
export interface BankEntry {
  id: string;
  bookingDate: string;
  amount: Tyiyn;
  counterpartyName?: string;
  counterpartyId?: string;
  counterpartyAccount?: string;
  remittance?: string;
}

export interface ReconciliationOptions {
  /** How many days a booking may lie from the reported date and still match. */
  dateToleranceDays: number;
  /** Furthest a same-amount, same-counterparty pair may lie apart to be reported as a date mismatch. */
  maxDateGapDays?: number;
  /** Share of name words (0–1) that must agree for two names to be one counterparty. */
  nameThreshold?: number;
}

export type MatchBasis = 'identifier' | 'name' | 'amount_and_date';
export type AmountSlip = 'one_digit' | 'digits_swapped' | 'factor_10' | 'factor_100' | 'within_5_percent';

export interface Match {
  line: ReportLine;
  bank: BankEntry;
  basis: MatchBasis;
  daysApart: number;
}

/** The same counterparty and direction on both sides, but the amount or the date disagrees. */
export interface Mismatch {
  kind: 'amount' | 'date';
  line: ReportLine;
  bank: BankEntry;
  /** Bank minus report, signed in the report's direction (positive: the bank booked more). */
  amountDifference: Tyiyn;
  daysApart: number;
  /** For amount mismatches: what kind of slip the difference looks like. */
  slip?: AmountSlip;
}

export interface Reconciliation {
  matched: Match[];
  /** Bank transactions that no report line accounts for. */
  unreported: BankEntry[];
  /** Report lines (other than cash) that no bank transaction supports. */
  unsupported: ReportLine[];
  mismatches: Mismatch[];
  /** Lines reported as paid in cash: not allowed, all settlements go through the fund's account. */
  cash: ReportLine[];
}

const DAY_MS = 86_400_000;

interface Candidate {
  entry: BankEntry;
  day: number;
  used: boolean;
}

interface Pending {
  line: ReportLine;
  day: number;
  signed: number;
}

function groupByDay<K>(cs: readonly Candidate[], key: (c: Candidate) => K): Map<K, Candidate[]> {
  const m = new Map<K, Candidate[]>();
  for (const c of cs) {
    const k = key(c);
    const list = m.get(k);
    if (list) list.push(c);
    else m.set(k, [c]);
  }
  for (const list of m.values()) list.sort((a, b) => a.day - b.day);
  return m;
}

/** Calls `f` for the candidates of a date-ordered list whose day lies in [from, to]. */
function forWindow(list: readonly Candidate[] | undefined, from: number, to: number, f: (c: Candidate) => void): void {
  if (!list) return;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as Candidate).day < from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < list.length; i++) {
    const c = list[i] as Candidate;
    if (c.day > to) break;
    f(c);
  }
}

/** Reconciles one fund: its report lines against the transactions of its bank account. */
export function reconcileFund(
  lines: readonly ReportLine[],
  bank: readonly BankEntry[],
  options: ReconciliationOptions,
): Reconciliation {
  const tolerance = Math.max(0, options.dateToleranceDays);
  const maxGap = Math.max(tolerance, options.maxDateGapDays ?? 90);
  const threshold = options.nameThreshold ?? 0.6;
  const names = new NameKeys();
  const result: Reconciliation = { matched: [], unreported: [], unsupported: [], mismatches: [], cash: [] };

  const candidates: Candidate[] = bank.map((entry) => ({ entry, day: dayNumber(entry.bookingDate), used: false }));
  // Indexes of the bank lines, each list in date order so that a date window is a binary search away.
  const byAmount = groupByDay<number>(candidates, (c) => c.entry.amount);
  const byAmountAndId = groupByDay(
    candidates.filter((c) => normaliseId(c.entry.counterpartyId)),
    (c) => `${c.entry.amount}|${normaliseId(c.entry.counterpartyId)}`,
  );

  const pending: Pending[] = [];
  for (const line of lines) {
    if (line.channel === 'cash') result.cash.push(line);
    else pending.push({ line, day: dayNumber(line.date), signed: signedAmount(line) });
  }
  // Earlier lines choose first, so that repeated equal donations pair up in date order.
  pending.sort((a, b) => a.day - b.day || (a.line.id < b.line.id ? -1 : a.line.id > b.line.id ? 1 : 0));

  const same = (line: ReportLine, entry: BankEntry): MatchBasis | undefined =>
    sameCounterparty(line, entry, names, threshold);
  const take = (p: Pending, c: Candidate, basis: MatchBasis) => {
    c.used = true;
    result.matched.push({ line: p.line, bank: c.entry, basis, daysApart: Math.abs(c.day - p.day) });
  };

  // Pass 1a: same amount and identifier, date within tolerance — the surest pairs, taken first.
  let left: Pending[] = [];
  for (const p of pending) {
    const id = normaliseId(p.line.counterpartyId);
    let best: Candidate | undefined;
    if (id) {
      forWindow(byAmountAndId.get(`${p.signed}|${id}`), p.day - tolerance, p.day + tolerance, (c) => {
        if (!c.used && (!best || Math.abs(c.day - p.day) < Math.abs(best.day - p.day))) best = c;
      });
    }
    if (best) take(p, best, 'identifier');
    else left.push(p);
  }

  // Pass 1b: same amount, date within tolerance, names alike (or nothing to compare). Namesakes are
  // common: a line reported without an identifier should not take a booking whose identifier another
  // unmatched line carries (that line is probably its near match), so such bookings come last.
  const wanted = new Set(left.map((p) => normaliseId(p.line.counterpartyId)).filter((id) => id));
  const stillLeft: Pending[] = [];
  for (const p of left) {
    let best: { c: Candidate; score: number; basis: MatchBasis } | undefined;
    forWindow(byAmount.get(p.signed), p.day - tolerance, p.day + tolerance, (c) => {
      if (c.used) return;
      const basis = same(p.line, c.entry);
      if (!basis) return;
      const claimed = wanted.has(normaliseId(c.entry.counterpartyId)) ? 1 : 0;
      const score = rank(basis) * 1e6 - claimed * 1e5 - Math.abs(c.day - p.day);
      if (!best || score > best.score) best = { c, score, basis };
    });
    if (best) take(p, best.c, best.basis);
    else stillLeft.push(p);
  }
  left = stillLeft;

  // Pass 2: near matches among what is left. Index the unused bank lines by counterparty.
  const byParty = new Map<string, Candidate[]>();
  const addTo = (key: string, c: Candidate) => {
    const list = byParty.get(key);
    if (list) list.push(c);
    else byParty.set(key, [c]);
  };
  for (const c of candidates) {
    if (c.used) continue;
    const id = normaliseId(c.entry.counterpartyId);
    if (id) addTo(`id:${id}`, c);
    const surname = names.firstWord(c.entry.counterpartyName);
    if (surname) addTo(`nm:${surname}`, c);
  }
  for (const p of left) {
    let best: { c: Candidate; mismatch: Mismatch; score: number } | undefined;
    const consider = (c: Candidate) => {
      if (c.used || Math.sign(c.entry.amount) !== Math.sign(p.signed)) return;
      const days = Math.abs(c.day - p.day);
      const difference = (Math.abs(c.entry.amount) - p.line.amount) as Tyiyn;
      let mismatch: Mismatch | undefined;
      if (difference === 0 && days > tolerance && days <= maxGap) {
        mismatch = { kind: 'date', line: p.line, bank: c.entry, amountDifference: difference, daysApart: days };
      } else if (difference !== 0 && days <= tolerance) {
        const slip = amountSlip(p.line.amount, Math.abs(c.entry.amount));
        if (slip)
          mismatch = {
            kind: 'amount',
            line: p.line,
            bank: c.entry,
            amountDifference: difference,
            daysApart: days,
            slip,
          };
      }
      if (!mismatch) return;
      // A near match needs positive evidence that it is the same counterparty.
      const basis = same(p.line, c.entry);
      if (basis !== 'identifier' && basis !== 'name') return;
      // Prefer the closest date, then the smallest difference.
      const score = days * 1e15 + Math.abs(difference);
      if (!best || score < best.score) best = { c, mismatch, score };
    };
    forWindow(byAmount.get(p.signed), p.day - maxGap, p.day + maxGap, consider);
    const id = normaliseId(p.line.counterpartyId);
    if (id) for (const c of byParty.get(`id:${id}`) ?? []) consider(c);
    // Any word of the reported name may be the bank's first (surname-first on one side, given name first on the other).
    for (const w of names.words(p.line.counterpartyName)) for (const c of byParty.get(`nm:${w}`) ?? []) consider(c);
    if (best) {
      best.c.used = true;
      result.mismatches.push(best.mismatch);
    } else {
      result.unsupported.push(p.line);
    }
  }

  for (const c of candidates) if (!c.used) result.unreported.push(c.entry);
  return result;
}

/** Reconciles several funds at once; each is independent of the others. */
export function reconcileFunds<K>(
  funds: ReadonlyMap<K, { lines: readonly ReportLine[]; bank: readonly BankEntry[] }>,
  options: ReconciliationOptions,
): Map<K, Reconciliation> {
  const out = new Map<K, Reconciliation>();
  for (const [key, f] of funds) out.set(key, reconcileFund(f.lines, f.bank, options));
  return out;
}

/**
 * Bank transactions of parsed statements as reconciliation input: amounts to tyiyn (som only), ids
 * from account, statement and position. Amounts that are not whole tyiyn, and other currencies, are
 * problems rather than silently rounded or converted.
 */
export function bankEntriesFromStatements(
  statements: readonly Statement[],
  currency = 'KGS',
): { entries: BankEntry[]; problems: Problem[] } {
  const entries: BankEntry[] = [];
  const problems: Problem[] = [];
  statements.forEach((s, si) => {
    s.transactions.forEach((t, ti) => {
      const id = `${s.account}/${s.statementNumber ?? si + 1}/${ti + 1}`;
      if (t.currency !== currency) {
        problems.push(
          problem(
            'reconciliation.currency',
            `Transaction ${id} is in ${t.currency}, not ${currency}; it is left out.`,
            { field: id, severity: 'warning', params: { currency: t.currency } },
          ),
        );
        return;
      }
      const amount = decimalToTyiyn(t.amount);
      if (amount === undefined) {
        problems.push(
          problem(
            'reconciliation.amount_not_tyiyn',
            `Transaction ${id} is ${t.amount}, not a whole number of tyiyn; it is left out.`,
            { field: id, severity: 'warning', params: { amount: t.amount } },
          ),
        );
        return;
      }
      const e: BankEntry = { id, bookingDate: t.bookingDate, amount };
      if (t.counterpartyName) e.counterpartyName = t.counterpartyName;
      if (t.counterpartyId) e.counterpartyId = t.counterpartyId;
      if (t.counterpartyAccount) e.counterpartyAccount = t.counterpartyAccount;
      if (t.remittance) e.remittance = t.remittance;
      entries.push(e);
    });
  });
  return { entries, problems };
}

// ---- helpers ----

/** Receipts are money in; expenditures and refunds (returning a donation) are money out. */
function signedAmount(line: ReportLine): number {
  return line.kind === 'receipt' ? line.amount : -line.amount;
}

const rank = (b: MatchBasis): number => (b === 'identifier' ? 3 : b === 'name' ? 2 : 1);

function dayNumber(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

function normaliseId(id: string | undefined): string {
  return id ? id.replace(/[\s-]/g, '').toUpperCase() : '';
}

/**
 * Whether a report line and a bank entry are about the same counterparty, and on what basis. Two
 * different identifiers are two different people, whatever the names say.
 */
function sameCounterparty(
  line: ReportLine,
  entry: BankEntry,
  names: NameKeys,
  threshold: number,
): MatchBasis | undefined {
  const a = normaliseId(line.counterpartyId);
  const b = normaliseId(entry.counterpartyId);
  if (a && b) return a === b ? 'identifier' : undefined;
  if (line.counterpartyName && entry.counterpartyName) {
    return names.similarity(line.counterpartyName, entry.counterpartyName) >= threshold ? 'name' : undefined;
  }
  // Nothing to compare (the bank gave neither name nor a comparable identifier): nothing contradicts.
  return 'amount_and_date';
}

// Legal forms and quotes say nothing about who the counterparty is; "ОсОО Ала-Тоо" is "Ala-Too LLC".
const LEGAL_FORMS = new Set([
  'osoo',
  'oso',
  'ooo',
  'oao',
  'ao',
  'zao',
  'jchk',
  'ip',
  'llc',
  'ltd',
  'inc',
  'pp',
  'ojsc',
  'cjsc',
  'ozo',
  'ko',
]);

/** Comparison keys of names, computed once per distinct name (transliteration is the costly part). */
class NameKeys {
  private readonly cache = new Map<string, string[]>();

  words(name: string | undefined): string[] {
    if (!name) return [];
    let w = this.cache.get(name);
    if (!w) {
      w = searchKey(name)
        .split(' ')
        .filter((x) => x.length > 0 && !LEGAL_FORMS.has(x));
      this.cache.set(name, w);
    }
    return w;
  }

  firstWord(name: string | undefined): string | undefined {
    return this.words(name)[0];
  }

  /**
   * Share of the shorter name's words found in the longer one (a word one typo away counts), so a
   * report that leaves out the patronymic still matches; one shared word is not enough for
   * names of two words or more.
   */
  similarity(x: string, y: string): number {
    if (x.trim().toLowerCase() === y.trim().toLowerCase()) return 1;
    const a = this.words(x);
    const b = this.words(y);
    if (a.length === 0 || b.length === 0) return 0;
    const [short, long] = a.length <= b.length ? [a, b] : [b, a];
    const free = [...long];
    let hits = 0;
    for (const w of short) {
      let k = free.indexOf(w);
      if (k < 0 && w.length >= 4) k = free.findIndex((v) => v.length >= 4 && withinOneEdit(w, v));
      if (k >= 0) {
        hits += 1;
        free.splice(k, 1);
      }
    }
    if (short.length >= 2 && hits < 2) return 0;
    return hits / short.length;
  }
}

/** What kind of slip turns `reported` into `booked`, if the two look like one amount mistyped. */
export function amountSlip(reported: number, booked: number): AmountSlip | undefined {
  if (reported === booked || reported <= 0 || booked <= 0) return undefined;
  if (booked === reported * 10 || reported === booked * 10) return 'factor_10';
  if (booked === reported * 100 || reported === booked * 100) return 'factor_100';
  const r = String(reported);
  const b = String(booked);
  if (r.length === b.length) {
    const diff: number[] = [];
    for (let i = 0; i < r.length; i++) if (r[i] !== b[i]) diff.push(i);
    if (diff.length === 1) return 'one_digit';
    const [i, j] = diff;
    if (diff.length === 2 && i !== undefined && j !== undefined && j === i + 1 && r[i] === b[j] && r[j] === b[i])
      return 'digits_swapped';
  }
  if (Math.abs(booked - reported) * 20 <= reported) return 'within_5_percent';
  return undefined;
}
