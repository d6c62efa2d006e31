// The normalised bank statement every parser produces, whatever the bank's format, with its zod schema.
// Amounts are exact decimal strings (see decimal.ts), dates are ISO calendar dates; money never passes
// through a float here, because statements are compared to the cent with what parties report.

import { z } from 'zod';
import type { Problem } from '../../platform/result.ts';
import { DECIMAL_PATTERN } from './decimal.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (so 2016-02-30 is false). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  return isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

export const isoDateSchema = z.string().refine(isIsoDate, { message: 'not a real date in YYYY-MM-DD form' });
/** Signed exact decimal, up to 5 fraction digits, e.g. "-1234.56". */
export const decimalSchema = z.string().regex(DECIMAL_PATTERN, 'not a decimal such as -1234.56');
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'not an ISO 4217 currency code');

/** The free-text fields of a transaction, each present only when the bank gave it. */
export const TRANSACTION_TEXT_FIELDS = [
  'counterpartyName',
  'counterpartyAccount',
  'counterpartyId',
  'remittance',
  'bankReference',
  'endToEndReference',
] as const satisfies readonly (keyof StatementTransaction)[];

export const statementTransactionSchema = z.object({
  /** The day the bank booked the entry on the account. */
  bookingDate: isoDateSchema,
  valueDate: isoDateSchema.optional(),
  /** Positive for money in (credit), negative for money out (debit). */
  amount: decimalSchema,
  currency: currencySchema,
  /** The other side: the payer for a credit, the payee for a debit. */
  counterpartyName: z.string().optional(),
  counterpartyAccount: z.string().optional(),
  /** INN / PIN or another identifier of the counterparty, where the bank gives one. */
  counterpartyId: z.string().optional(),
  remittance: z.string().optional(),
  bankReference: z.string().optional(),
  endToEndReference: z.string().optional(),
  /** The entry undoes an earlier one (camt RvslInd, MT940 RC/RD); the amount's sign is already the booked direction. */
  reversal: z.boolean().optional(),
});
export type StatementTransaction = z.infer<typeof statementTransactionSchema>;

export const statementSummarySchema = z.object({
  /** IBAN or the bank's local account number, without spaces. */
  account: z.string().min(1),
  currency: currencySchema,
  statementNumber: z.string().optional(),
  from: isoDateSchema,
  to: isoDateSchema,
  openingBalance: decimalSchema.optional(),
  closingBalance: decimalSchema.optional(),
});
/** A statement without its transactions: what a stream reports when a statement ends. */
export type StatementSummary = z.infer<typeof statementSummarySchema>;

export const statementSchema = statementSummarySchema.extend({
  transactions: z.array(statementTransactionSchema),
});
export type Statement = z.infer<typeof statementSchema>;

/** A statement whose transactions may come lazily (a generator): what writers of huge files take. */
export type StatementSource = Omit<Statement, 'transactions'> & { transactions: Iterable<StatementTransaction> };

/** What a parser returns: whatever it could read, and every problem, located. */
export interface StatementParseResult {
  statements: Statement[];
  problems: Problem[];
}

/**
 * Incremental output of a streaming parser. Transactions come as soon as they are read; the statement
 * they belong to is reported when it ends (MT940 gives the closing balance last). A statement that
 * turns out unusable (no account, an MT942 report) ends with `discard` instead: the consumer drops the
 * transactions it received for that statement index; a problem says why.
 */
export type StatementEvent =
  | { kind: 'transaction'; statementIndex: number; transaction: StatementTransaction }
  | { kind: 'statement'; statementIndex: number; statement: StatementSummary; transactionCount: number }
  | { kind: 'discard'; statementIndex: number }
  | { kind: 'problem'; problem: Problem };

export type StatementFormat = 'camt053' | 'mt940' | '1c' | 'csv' | 'xlsx';
