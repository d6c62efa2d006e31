// Shared by every parser: builds one statement while its transactions stream past (running exact sum,
// date range), then checks it — required fields, balance currencies, opening + transactions = closing —
// and turns the event stream back into whole statements for callers that want them in memory.

import type { Problem } from '../../platform/result.ts';
import { problem } from '../../platform/result.ts';
import { fractionDigits, fromScaled, toScaled } from './decimal.ts';
import type {
  Statement,
  StatementEvent,
  StatementParseResult,
  StatementSummary,
  StatementTransaction,
} from './statement.ts';

export interface BalanceDraft {
  amount: string;
  date?: string;
  currency?: string;
}

/** What a parser has learnt about a statement so far; everything optional until the end. */
export interface StatementDraft {
  account?: string;
  currency?: string;
  statementNumber?: string;
  /** The period the bank states, when it states one (camt FrToDt, 1C ДатаНачала/ДатаКонца). */
  from?: string;
  to?: string;
  opening?: BalanceDraft;
  closing?: BalanceDraft;
  /** When the statement was created; last resort for the period of an empty statement. */
  createdOn?: string;
}

export type EmitEvent = (event: StatementEvent) => void;

/** Location of the statement in the input, attached to the problems found when it ends. */
export interface Where {
  row?: number;
  field?: string;
}

export class StatementBuilder {
  readonly draft: StatementDraft = {};
  private count = 0;
  private sum = 0n;
  private digits = 2;
  private minDate: string | undefined;
  private maxDate: string | undefined;

  constructor(
    readonly index: number,
    private readonly emit: EmitEvent,
  ) {}

  get transactionCount(): number {
    return this.count;
  }

  addTransaction(transaction: StatementTransaction): void {
    this.count += 1;
    this.sum += toScaled(transaction.amount);
    this.digits = Math.max(this.digits, fractionDigits(transaction.amount));
    const d = transaction.bookingDate;
    if (this.minDate === undefined || d < this.minDate) this.minDate = d;
    if (this.maxDate === undefined || d > this.maxDate) this.maxDate = d;
    this.emit({ kind: 'transaction', statementIndex: this.index, transaction });
  }

  /** Ends the statement: emits it, or a problem saying why it cannot be used. */
  finish(where: Where): void {
    const problems: Problem[] = [];
    const d = this.draft;
    const missing: string[] = [];
    if (!d.account) missing.push('account');
    if (!d.currency) missing.push('currency');
    const from = d.from ?? d.opening?.date ?? this.minDate ?? d.createdOn ?? d.to ?? d.closing?.date;
    const to = d.to ?? d.closing?.date ?? this.maxDate ?? from;
    if (!from || !to) missing.push('period');
    if (!d.account || !d.currency || !from || !to) {
      this.discard(
        problem(
          'statement.incomplete',
          `Statement ${this.index + 1} cannot be used: no ${missing.join(', ')} found; its ${this.count} transaction(s) are left out.`,
          {
            ...where,
            severity: 'error',
            params: { statement: this.index + 1, missing: missing.join(','), transactions: this.count },
          },
        ),
      );
      return;
    }
    const opening = this.balance('opening', d.opening, d.currency, where, problems);
    const closing = this.balance('closing', d.closing, d.currency, where, problems);
    const summary: StatementSummary = { account: d.account, currency: d.currency, from, to };
    if (d.statementNumber) summary.statementNumber = d.statementNumber;
    if (opening !== undefined) summary.openingBalance = opening;
    if (closing !== undefined) summary.closingBalance = closing;
    if (opening !== undefined && closing !== undefined) {
      const expected = toScaled(opening) + this.sum;
      if (expected !== toScaled(closing)) {
        const digits = Math.max(this.digits, fractionDigits(opening), fractionDigits(closing));
        problems.push(
          problem(
            'statement.unbalanced',
            `Statement ${this.index + 1}: opening balance ${opening} plus transactions ${fromScaled(this.sum, digits)} is ${fromScaled(expected, digits)}, but the closing balance is ${closing}.`,
            {
              ...where,
              severity: 'warning',
              params: {
                statement: this.index + 1,
                opening,
                transactions: fromScaled(this.sum, digits),
                expected: fromScaled(expected, digits),
                closing,
                difference: fromScaled(toScaled(closing) - expected, digits),
              },
            },
          ),
        );
      }
    }
    for (const p of problems) this.emit({ kind: 'problem', problem: p });
    this.emit({ kind: 'statement', statementIndex: this.index, statement: summary, transactionCount: this.count });
  }

  /** Ends the statement as unusable: the problem says why, the consumer drops its transactions. */
  discard(reason: Problem): void {
    this.emit({ kind: 'problem', problem: reason });
    this.emit({ kind: 'discard', statementIndex: this.index });
  }

  private balance(
    which: 'opening' | 'closing',
    b: BalanceDraft | undefined,
    currency: string,
    where: Where,
    problems: Problem[],
  ): string | undefined {
    if (!b) return undefined;
    if (b.currency && b.currency !== currency) {
      // A balance in another currency than the account cannot be compared with the transactions.
      problems.push(
        problem(
          'statement.balance_currency',
          `Statement ${this.index + 1}: the ${which} balance is in ${b.currency}, the account in ${currency}; the balance is ignored.`,
          {
            ...where,
            severity: 'warning',
            params: { statement: this.index + 1, balance: which, balanceCurrency: b.currency, currency },
          },
        ),
      );
      return undefined;
    }
    return b.amount;
  }
}

/**
 * Most problems one parse keeps. A hostile or badly broken file can produce one per line; past this
 * many the rest are counted, not kept, so that the problem list cannot exhaust memory.
 */
export const MAX_PROBLEMS = 1000;

/** Collects a parser's events into whole statements (for callers that hold the file in memory). */
export class StatementCollector {
  private readonly open = new Map<number, StatementTransaction[]>();
  readonly statements: Statement[] = [];
  readonly problems: Problem[] = [];
  private dropped = 0;

  readonly emit: EmitEvent = (event) => {
    switch (event.kind) {
      case 'transaction': {
        let list = this.open.get(event.statementIndex);
        if (!list) {
          list = [];
          this.open.set(event.statementIndex, list);
        }
        list.push(event.transaction);
        return;
      }
      case 'statement':
        this.statements.push({ ...event.statement, transactions: this.open.get(event.statementIndex) ?? [] });
        this.open.delete(event.statementIndex);
        return;
      case 'discard':
        this.open.delete(event.statementIndex);
        return;
      case 'problem':
        if (this.problems.length < MAX_PROBLEMS) this.problems.push(event.problem);
        else this.dropped += 1;
        return;
      default: {
        const never: never = event;
        return never;
      }
    }
  };

  result(): StatementParseResult {
    if (this.dropped === 0) return { statements: this.statements, problems: this.problems };
    const more = problem(
      'statement.too_many_problems',
      `${this.dropped} more problem(s) were found and not listed; the file is badly broken.`,
      {
        severity: 'error',
        params: { dropped: this.dropped },
      },
    );
    return { statements: this.statements, problems: [...this.problems, more] };
  }
}

/** Runs an async event stream to completion and gathers the statements. */
export async function collectStream(events: AsyncIterable<StatementEvent>): Promise<StatementParseResult> {
  const c = new StatementCollector();
  for await (const e of events) c.emit(e);
  return c.result();
}
