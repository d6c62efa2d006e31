// Exact decimal amounts as strings ("-1234.56", "8.850"): parsing bank notations, sums and comparisons.
// Bank files carry up to 5 decimals (ISO 20022 allows 5 fraction digits); floats would lose cents on
// sums of 100,000 transactions, so every calculation here is BigInt on a fixed scale of 5 decimals.

import type { Tyiyn } from '../../domain/money.ts';
import { tyiyn } from '../../domain/money.ts';

/** Most fraction digits a normalised amount may carry. */
export const MAX_DECIMALS = 5;
const SCALE = 10n ** BigInt(MAX_DECIMALS);

/** A canonical decimal string: optional minus, no leading zeros, 1–5 fraction digits or none. */
export const DECIMAL_PATTERN = /^-?(0|[1-9]\d*)(\.\d{1,5})?$/;

const DECIMAL_INPUT = {
  either: /^\s*([+-]?)(\d+)(?:[.,](\d*))?\s*$/,
  '.': /^\s*([+-]?)(\d+)(?:\.(\d*))?\s*$/,
  ',': /^\s*([+-]?)(\d+)(?:,(\d*))?\s*$/,
} as const;

export type DecimalParseFailure = 'not_a_number' | 'too_many_decimals';

/**
 * Reads a plain decimal as banks write it: "1234.56", "1234,56" (MT940), "15000," (MT940 with no
 * decimals), "0001,12" (zero-padded), "+5", "-0.5". Fraction digits are kept as given ("8.850" stays
 * "8.850"); the integer part loses its leading zeros and "-0" becomes "0".
 * Thousands separators are not accepted here: callers that expect them strip them first.
 */
export function parseDecimal(
  text: string,
  separator: '.' | ',' | 'either' = 'either',
): { ok: true; value: string } | { ok: false; reason: DecimalParseFailure } {
  const m = DECIMAL_INPUT[separator].exec(text);
  if (!m) return { ok: false, reason: 'not_a_number' };
  let frac = m[3] ?? '';
  if (frac.length > MAX_DECIMALS) {
    // Zeros past the fifth decimal change nothing, so "1.0000000" is kept as "1.00000"; anything else
    // cannot be represented exactly and is refused rather than rounded.
    if (/[1-9]/.test(frac.slice(MAX_DECIMALS))) return { ok: false, reason: 'too_many_decimals' };
    frac = frac.slice(0, MAX_DECIMALS);
  }
  const int = (m[2] ?? '0').replace(/^0+(?=\d)/, '');
  const body = frac.length > 0 ? `${int}.${frac}` : int;
  const negative = m[1] === '-' && /[1-9]/.test(body);
  return { ok: true, value: negative ? `-${body}` : body };
}

/** True when `s` is a canonical decimal string as produced by `parseDecimal`. */
export const isDecimal = (s: string): boolean => DECIMAL_PATTERN.test(s);

export function fractionDigits(d: string): number {
  const dot = d.indexOf('.');
  return dot < 0 ? 0 : d.length - dot - 1;
}

/** The decimal as an integer number of 10^-5 units; the caller guarantees a canonical decimal. */
export function toScaled(d: string): bigint {
  const negative = d.startsWith('-');
  const abs = negative ? d.slice(1) : d;
  const dot = abs.indexOf('.');
  // One BigInt from the digits with the fraction padded to 5 places: this runs once per transaction.
  const digits = dot < 0 ? abs + '00000' : abs.slice(0, dot) + abs.slice(dot + 1).padEnd(MAX_DECIMALS, '0');
  const n = BigInt(digits);
  return negative ? -n : n;
}

/** Formats a scaled integer with exactly `digits` fraction digits (extra precision must be zero). */
export function fromScaled(n: bigint, digits = 2): string {
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const int = abs / SCALE;
  let frac = (abs % SCALE).toString().padStart(MAX_DECIMALS, '0');
  // Show at least `digits` decimals, more only when they are not zero.
  frac = frac.replace(/0+$/, '');
  if (frac.length < digits) frac = frac.padEnd(digits, '0');
  const body = frac.length > 0 ? `${int}.${frac}` : `${int}`;
  return negative ? `-${body}` : body;
}

export function negate(d: string): string {
  if (d.startsWith('-')) return d.slice(1);
  return /[1-9]/.test(d) ? `-${d}` : d;
}

export const isNegative = (d: string): boolean => d.startsWith('-');
export const abs = (d: string): string => (d.startsWith('-') ? d.slice(1) : d);

/** Exact sum; the result shows as many decimals as the most precise operand (at least 2). */
export function sumDecimals(ds: Iterable<string>): string {
  let total = 0n;
  let digits = 2;
  for (const d of ds) {
    total += toScaled(d);
    digits = Math.max(digits, fractionDigits(d));
  }
  return fromScaled(total, digits);
}

export const addDecimals = (a: string, b: string): string => sumDecimals([a, b]);

export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
  const x = toScaled(a);
  const y = toScaled(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Tyiyn for a som amount, or undefined when the amount has non-zero digits beyond the second decimal. */
export function decimalToTyiyn(d: string): Tyiyn | undefined {
  const scaled = toScaled(d);
  const perTyiyn = SCALE / 100n;
  if (scaled % perTyiyn !== 0n) return undefined;
  const t = scaled / perTyiyn;
  if (t > BigInt(Number.MAX_SAFE_INTEGER) || t < -BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return tyiyn(Number(t));
}
