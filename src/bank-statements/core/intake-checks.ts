// The pure part of statement intake: turning a parsed statement into integer tyiyn, its content
// fingerprint, and the continuity checks against the statement received before it (opening balance =
// previous closing, no gap in numbers or dates). No database, no clock: the service loads the previous
// statement and the account and hands them in, so every rule here is tested without either.
import { createHash } from 'node:crypto';
import { decimalToTyiyn } from './decimal.ts';
import type { Statement, StatementTransaction } from './statement.ts';
import { tyiyn, toDecimalString, type Tyiyn } from '../../domain/money.ts';
import { problem, type Problem } from '../../platform/result.ts';

/** A statement with its money in tyiyn, ready to be compared and stored. */
export interface IntakeStatement {
  /** Position of the statement in the uploaded file, from 0 (files may hold several). */
  index: number;
  account: string;
  currency: string;
  statementNumber: string | null;
  /** The number as an integer when the bank's number is numeric (MT940 "00012/001" → 12). */
  numeric: number | null;
  from: string;
  to: string;
  opening: Tyiyn;
  closing: Tyiyn;
  credits: Tyiyn;
  debits: Tyiyn;
  transactions: IntakeTransaction[];
  fingerprint: string;
}

export interface IntakeTransaction {
  bookingDate: string;
  valueDate: string | null;
  amount: Tyiyn;
  counterpartyName: string | null;
  counterpartyAccount: string | null;
  counterpartyId: string | null;
  remittance: string | null;
  bankReference: string | null;
  endToEndReference: string | null;
  reversal: boolean;
}

/** What intake knows about the statement before this one on the same account. */
export interface PreviousStatement {
  sequence: number;
  statementNumber: string | null;
  to: string;
  closing: Tyiyn;
}

export interface AccountForChecks {
  accountNumber: string;
  currency: string;
  openedOn: string;
}

/** Electoral funds are kept in som by law: the only currency a fund account and its statements may be in. */
export const FUND_CURRENCY = 'KGS';

/** Account numbers are compared without spaces or dashes and in capitals, as banks print them variously. */
export function normaliseAccountNumber(s: string): string {
  return s.replace(/[\s-]/g, '').toUpperCase();
}

/** "00012/001" (MT940 statement/page), "12", "0012" → 12; anything else is not a sequence number. */
export function numericStatementNumber(s: string | undefined | null): number | null {
  if (!s) return null;
  const m = /^0*(\d{1,9})(?:\/\d+)?$/.exec(s.trim());
  return m ? Number(m[1]) : null;
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

const som = (t: Tyiyn): string => toDecimalString(t);

/**
 * The fingerprint of a statement's content, not of its file: the account, period, balances and the
 * (date, amount) of every transaction, in a fixed order. The same statement sent again — even
 * re-exported in another format, where names and references are written differently — has the same
 * fingerprint, and so is recognised instead of being counted twice.
 */
export function statementFingerprint(
  s: Pick<IntakeStatement, 'account' | 'currency' | 'from' | 'to' | 'opening' | 'closing'> & {
    transactions: ReadonlyArray<Pick<IntakeTransaction, 'bookingDate' | 'amount'>>;
  },
): string {
  const lines = s.transactions.map((t) => `${t.bookingDate} ${t.amount}`).sort();
  const text = [
    normaliseAccountNumber(s.account),
    s.currency,
    s.from,
    s.to,
    String(s.opening),
    String(s.closing),
    ...lines,
  ].join('\n');
  return createHash('sha256').update(text).digest('hex');
}

const orNull = (s: string | undefined): string | null => (s === undefined || s.trim() === '' ? null : s);

function intakeTransactionOf(t: StatementTransaction, amount: Tyiyn): IntakeTransaction {
  return {
    bookingDate: t.bookingDate,
    valueDate: t.valueDate ?? null,
    amount,
    counterpartyName: orNull(t.counterpartyName),
    counterpartyAccount: orNull(t.counterpartyAccount),
    counterpartyId: orNull(t.counterpartyId),
    remittance: orNull(t.remittance),
    bankReference: orNull(t.bankReference),
    endToEndReference: orNull(t.endToEndReference),
    reversal: t.reversal === true,
  };
}

/**
 * Converts one parsed statement to tyiyn. Problems (located by statement and transaction) instead of
 * a value when a balance is missing or an amount has more precision than a tyiyn.
 */
export function toIntakeStatement(s: Statement, index: number): { value?: IntakeStatement; problems: Problem[] } {
  const problems: Problem[] = [];
  const where = (extra: Record<string, string | number> = {}) => ({
    severity: 'error' as const,
    field: `statement[${index + 1}]`,
    params: { statement: index + 1, ...extra },
  });
  const balance = (which: 'opening' | 'closing', d: string | undefined): Tyiyn | undefined => {
    if (d === undefined) {
      problems.push(
        problem(
          'intake.balance_missing',
          `Statement ${index + 1} has no ${which} balance; a statement of an electoral fund must state both.`,
          where({ balance: which }),
        ),
      );
      return undefined;
    }
    const t = decimalToTyiyn(d);
    if (t === undefined)
      problems.push(
        problem(
          'intake.amount_precision',
          `Statement ${index + 1}: the ${which} balance ${d} is not a whole number of tyiyn.`,
          where({ amount: d }),
        ),
      );
    return t;
  };
  const opening = balance('opening', s.openingBalance);
  const closing = balance('closing', s.closingBalance);
  const transactions: IntakeTransaction[] = [];
  let credits = 0;
  let debits = 0;
  s.transactions.forEach((t: StatementTransaction, i) => {
    const amount = decimalToTyiyn(t.amount);
    if (amount === undefined) {
      problems.push(
        problem(
          'intake.amount_precision',
          `Statement ${index + 1}, transaction ${i + 1}: the amount ${t.amount} is not a whole number of tyiyn.`,
          where({ transaction: i + 1, amount: t.amount }),
        ),
      );
      return;
    }
    if (t.currency !== s.currency) {
      problems.push(
        problem(
          'intake.transaction_currency',
          `Statement ${index + 1}, transaction ${i + 1} is in ${t.currency}, the statement in ${s.currency}.`,
          where({ transaction: i + 1, currency: t.currency }),
        ),
      );
    }
    if (t.bookingDate < s.from || t.bookingDate > s.to) {
      problems.push(
        problem(
          'intake.transaction_outside_period',
          `Statement ${index + 1}, transaction ${i + 1} is booked on ${t.bookingDate}, outside the statement's period ${s.from} – ${s.to}.`,
          where({ transaction: i + 1, date: t.bookingDate, from: s.from, to: s.to }),
        ),
      );
    }
    if (amount > 0) credits += amount;
    else debits -= amount;
    transactions.push(intakeTransactionOf(t, amount));
  });
  if (s.to < s.from)
    problems.push(
      problem(
        'intake.period_reversed',
        `Statement ${index + 1} ends (${s.to}) before it begins (${s.from}).`,
        where({ from: s.from, to: s.to }),
      ),
    );
  if (
    opening !== undefined &&
    closing !== undefined &&
    problems.length === 0 &&
    opening + credits - debits !== closing
  ) {
    // The parsers only warn about this; for an electoral fund a statement that does not add up is refused.
    problems.push(
      problem(
        'intake.unbalanced',
        `Statement ${index + 1}: opening balance ${som(opening)} plus credits ${som(tyiyn(credits))} minus debits ${som(tyiyn(debits))} is ${som(tyiyn(opening + credits - debits))}, but the closing balance is ${som(closing)}.`,
        where({ opening: som(opening), closing: som(closing), expected: som(tyiyn(opening + credits - debits)) }),
      ),
    );
  }
  if (problems.length > 0 || opening === undefined || closing === undefined) return { problems };
  const base = {
    account: normaliseAccountNumber(s.account),
    currency: s.currency,
    from: s.from,
    to: s.to,
    opening,
    closing,
  };
  return {
    problems,
    value: {
      index,
      ...base,
      statementNumber: s.statementNumber ?? null,
      numeric: numericStatementNumber(s.statementNumber),
      credits: tyiyn(credits),
      debits: tyiyn(debits),
      transactions,
      fingerprint: statementFingerprint({ ...base, transactions }),
    },
  };
}

/** What the account itself refuses: a currency other than som or its own, a period before it was opened. */
function accountProblems(s: IntakeStatement, account: AccountForChecks): Problem[] {
  const problems: Problem[] = [];
  const at = { severity: 'error' as const, field: `statement[${s.index + 1}]` };
  const n = s.index + 1;
  if (s.currency !== FUND_CURRENCY) {
    // Whatever the account was registered in: a statement in another currency is never added to som.
    problems.push(
      problem(
        'intake.currency_not_kgs',
        `Statement ${n} is in ${s.currency}; an electoral fund is kept in ${FUND_CURRENCY} by law, so a statement in another currency cannot be taken or added to its figures.`,
        { ...at, params: { statement: n, currency: s.currency, expected: FUND_CURRENCY } },
      ),
    );
  } else if (s.currency !== account.currency) {
    problems.push(
      problem(
        'intake.currency',
        `Statement ${n} is in ${s.currency}; the electoral fund account ${account.accountNumber} is in ${account.currency}.`,
        { ...at, params: { statement: n, currency: s.currency, expected: account.currency } },
      ),
    );
  }
  if (s.from < account.openedOn) {
    problems.push(
      problem(
        'intake.before_account_opened',
        `Statement ${n} begins on ${s.from}, before account ${account.accountNumber} was opened on ${account.openedOn}; an electoral fund account has no statements before it is opened.`,
        {
          ...at,
          params: { statement: n, from: s.from, account: account.accountNumber, openedOn: account.openedOn },
        },
      ),
    );
  }
  return problems;
}

/**
 * Whether a statement continues the one before it on the account. With no previous statement, the
 * account's opening day and a zero balance stand in for it: a new electoral fund account starts empty.
 * MT940 dates the opening balance on the previous statement's closing day, so a statement may start on
 * the day the previous one ended as well as the day after.
 */
export function continuityProblems(
  s: IntakeStatement,
  previous: PreviousStatement | undefined,
  account: AccountForChecks,
): Problem[] {
  const problems: Problem[] = [];
  const at = { severity: 'error' as const, field: `statement[${s.index + 1}]` };
  const n = s.index + 1;
  problems.push(...accountProblems(s, account));
  if (!previous) {
    if (s.opening !== 0) {
      problems.push(
        problem(
          'intake.first_opening_not_zero',
          `Statement ${n} is the first of account ${account.accountNumber}, opened on ${account.openedOn}, but its opening balance is ${som(s.opening)}, not 0.00.`,
          {
            ...at,
            params: {
              statement: n,
              opening: som(s.opening),
              account: account.accountNumber,
              openedOn: account.openedOn,
            },
          },
        ),
      );
    }
    if (s.from > addDays(account.openedOn, 1)) {
      problems.push(
        problem(
          'intake.date_gap',
          `Statement ${n} begins on ${s.from}, but the account was opened on ${account.openedOn}: the statements for ${account.openedOn} – ${addDays(s.from, -1)} are missing.`,
          {
            ...at,
            params: { statement: n, from: account.openedOn, to: addDays(s.from, -1) },
          },
        ),
      );
    }
    return problems;
  }
  if (s.numeric !== null && previous.statementNumber !== null) {
    const prev = numericStatementNumber(previous.statementNumber);
    if (prev !== null && s.numeric !== prev + 1) {
      problems.push(
        s.numeric > prev + 1
          ? problem(
              'intake.number_gap',
              `Statement number ${s.numeric} does not follow number ${prev}, the last one received: ${prev + 1}${s.numeric > prev + 2 ? ` – ${s.numeric - 1}` : ''} missing.`,
              {
                ...at,
                params: { statement: n, number: s.numeric, previous: prev },
              },
            )
          : problem(
              'intake.number_taken',
              `Statement number ${s.numeric} was already received for this account with different content (the last one received is ${prev}).`,
              {
                ...at,
                params: { statement: n, number: s.numeric, previous: prev },
              },
            ),
      );
    }
  }
  const next = addDays(previous.to, 1);
  if (s.from > next) {
    problems.push(
      problem(
        'intake.date_gap',
        `Statement ${n} begins on ${s.from}, but the last statement received ended on ${previous.to}: the days ${next} – ${addDays(s.from, -1)} are missing.`,
        {
          ...at,
          params: { statement: n, from: next, to: addDays(s.from, -1) },
        },
      ),
    );
  } else if (s.from < previous.to) {
    problems.push(
      problem(
        'intake.date_overlap',
        `Statement ${n} begins on ${s.from}, before the last statement received ended (${previous.to}).`,
        {
          ...at,
          params: { statement: n, from: s.from, previousTo: previous.to },
        },
      ),
    );
  }
  if (s.opening !== previous.closing) {
    problems.push(
      problem(
        'intake.opening_mismatch',
        `Statement ${n} opens with ${som(s.opening)}, but the previous statement closed with ${som(previous.closing)}.`,
        {
          ...at,
          params: { statement: n, opening: som(s.opening), previousClosing: som(previous.closing) },
        },
      ),
    );
  }
  return problems;
}

/**
 * What a statement that was taken still tells the commission: an electoral fund account cannot be
 * overdrawn, so a closing balance below zero is a warning on the upload and on the commission's screen.
 */
export function balanceWarnings(s: Pick<IntakeStatement, 'index' | 'account' | 'to' | 'closing'>): Problem[] {
  if (s.closing >= 0) return [];
  const n = s.index + 1;
  return [
    problem(
      'intake.negative_closing',
      `Statement ${n} of account ${s.account} closes on ${s.to} with a negative balance of ${som(s.closing)}; an electoral fund account cannot be overdrawn.`,
      {
        severity: 'warning',
        field: `statement[${n}]`,
        params: { statement: n, account: s.account, to: s.to, closing: som(s.closing) },
      },
    ),
  ];
}
