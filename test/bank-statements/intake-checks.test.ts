// The pure rules of intake: statement numbers, the content fingerprint, money to the tyiyn, and the
// continuity of one statement with the one before it.
import { describe, expect, it } from 'vitest';
import { tyiyn } from '../../src/domain/money.ts';
import {
  balanceWarnings,
  continuityProblems,
  numericStatementNumber,
  toIntakeStatement,
  type IntakeStatement,
} from '../../src/bank-statements/core/intake-checks.ts';
import { parseStatementBytes } from '../../src/bank-statements/core/parse-statement.ts';
import { WEEK_1, fileOf, statement } from './bank-fixture.ts';

const account = { accountNumber: '1240000000000011', currency: 'KGS', openedOn: '2030-09-01' };
const intake = (s: Parameters<typeof toIntakeStatement>[0]): IntakeStatement => {
  const r = toIntakeStatement(s, 0);
  if (!r.value) throw new Error(JSON.stringify(r.problems));
  return r.value;
};

describe('statement numbers', () => {
  it('reads the numbers banks write and nothing else', () => {
    expect(numericStatementNumber('12')).toBe(12);
    expect(numericStatementNumber('00012/001')).toBe(12);
    expect(numericStatementNumber('0001')).toBe(1);
    expect(numericStatementNumber('1240000000000011-2030-09-01-1')).toBeNull();
    expect(numericStatementNumber(undefined)).toBeNull();
  });
});

describe('fingerprint', () => {
  it('is the same for one statement in every format, and differs when anything that matters differs', async () => {
    const prints = new Set<string>();
    for (const format of ['camt053', 'mt940', '1c'] as const) {
      const parsed = await parseStatementBytes(fileOf([WEEK_1], format));
      prints.add(intake(parsed.statements[0]!).fingerprint);
    }
    expect(prints.size).toBe(1);
    const other = statement({
      from: '2030-09-01',
      to: '2030-09-07',
      openingSom: 0,
      txs: [{ date: '2030-09-02', som: 100_000.01 }],
    });
    expect(prints.has(intake(other).fingerprint)).toBe(false);
  });
});

describe('money', () => {
  it('refuses a balance that is missing and an amount finer than a tyiyn', () => {
    const noBalance = { ...WEEK_1, closingBalance: undefined };
    expect(toIntakeStatement(noBalance, 0).problems.map((p) => p.code)).toEqual(['intake.balance_missing']);
    const fine = { ...WEEK_1, transactions: [{ ...WEEK_1.transactions[0]!, amount: '100000.005' }] };
    expect(toIntakeStatement(fine, 0).problems.map((p) => p.code)).toEqual(['intake.amount_precision']);
    const outside = { ...WEEK_1, transactions: [{ ...WEEK_1.transactions[0]!, bookingDate: '2030-09-09' }] };
    expect(toIntakeStatement(outside, 0).problems.map((p) => p.code)).toContain('intake.transaction_outside_period');
  });
});

describe('continuity', () => {
  const previous = { sequence: 1, statementNumber: '1', to: '2030-09-07', closing: tyiyn(70_000_00) };

  it('accepts the next statement from the day after, or from the same day (MT940 dates the opening balance so)', () => {
    expect(
      continuityProblems(
        intake(statement({ number: 2, from: '2030-09-08', to: '2030-09-14', openingSom: 70_000 })),
        previous,
        account,
      ),
    ).toEqual([]);
    expect(
      continuityProblems(
        intake(statement({ number: 2, from: '2030-09-07', to: '2030-09-14', openingSom: 70_000 })),
        previous,
        account,
      ),
    ).toEqual([]);
  });

  it('names every break at once', () => {
    const s = intake({
      ...statement({ number: 4, from: '2030-09-10', to: '2030-09-14', openingSom: 1 }),
      currency: 'USD',
    });
    expect(continuityProblems(s, previous, account).map((p) => p.code)).toEqual([
      'intake.currency_not_kgs',
      'intake.number_gap',
      'intake.date_gap',
      'intake.opening_mismatch',
    ]);
  });

  it('starts a new account at zero from its opening day', () => {
    expect(
      continuityProblems(
        intake(statement({ number: 1, from: '2030-09-01', to: '2030-09-07', openingSom: 0 })),
        undefined,
        account,
      ),
    ).toEqual([]);
    expect(
      continuityProblems(
        intake(statement({ number: 1, from: '2030-09-05', to: '2030-09-07', openingSom: 0 })),
        undefined,
        account,
      ).map((p) => p.code),
    ).toEqual(['intake.date_gap']);
  });
});

describe('currency, opening day and balance', () => {
  const first = statement({ number: 1, from: '2030-09-01', to: '2030-09-07', openingSom: 0 });

  it('refuses a statement in another currency than som, naming it, even on an account registered in it', () => {
    const eur = intake({ ...first, currency: 'EUR', transactions: [] });
    const [p] = continuityProblems(eur, undefined, { ...account, currency: 'EUR' });
    expect(p?.code).toBe('intake.currency_not_kgs');
    expect(p?.params).toMatchObject({ currency: 'EUR', expected: 'KGS' });
    expect(p?.message).toContain('EUR');
    // A som statement on an account registered in another currency still does not fit it.
    expect(continuityProblems(intake(first), undefined, { ...account, currency: 'HUF' }).map((x) => x.code)).toEqual([
      'intake.currency',
    ]);
  });

  it('refuses a statement that begins before the account was opened', () => {
    const early = intake(statement({ number: 1, from: '2026-01-01', to: '2026-01-07', openingSom: 0 }));
    const problems = continuityProblems(early, undefined, account);
    expect(problems.map((x) => x.code)).toEqual(['intake.before_account_opened']);
    expect(problems[0]?.params).toMatchObject({ from: '2026-01-01', openedOn: '2030-09-01' });
    const previous = { sequence: 1, statementNumber: '1', to: '2030-09-07', closing: tyiyn(0) };
    expect(continuityProblems(early, previous, account).map((x) => x.code)).toContain('intake.before_account_opened');
  });

  it('warns about a negative closing balance', () => {
    const overdrawn = intake(
      statement({
        number: 1,
        from: '2030-09-01',
        to: '2030-09-07',
        openingSom: 0,
        txs: [{ date: '2030-09-02', som: -5 }],
      }),
    );
    const warnings = balanceWarnings(overdrawn);
    expect(warnings.map((w) => [w.code, w.severity])).toEqual([['intake.negative_closing', 'warning']]);
    expect(warnings[0]?.params).toMatchObject({ closing: '-5.00' });
    expect(balanceWarnings(intake(first))).toEqual([]);
  });
});
