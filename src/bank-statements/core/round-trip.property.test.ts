// Property: any statement written by our writers reads back as the same statement — camt.053 and
// MT940 through their parsers (and 1C for the fields 1C carries).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromScaled, toScaled } from './decimal.ts';
import { parseCamt053 } from './parsers/camt053.parser.ts';
import { parseMt940 } from './parsers/mt940.parser.ts';
import { parseOneC } from './parsers/one-c.parser.ts';
import type { Statement, StatementTransaction } from './statement.ts';
import { statementSchema } from './statement.ts';
import { writeCamt053 } from './writers/camt053.writer.ts';
import { writeMt940 } from './writers/mt940.writer.ts';
import { encodeOneC, writeOneC } from './writers/one-c.writer.ts';

// Free text as banks carry it: Latin, Cyrillic with the Kyrgyz letters, digits, punctuation. No "/"
// (the MT940 structured layout cannot escape it) and no line breaks (camt and 1C fields are lines).
const LETTERS =
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZабвгдежзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯңөүҢӨҮ0123456789';
const PUNCT = '.,-()\'"+&<>';
const word = fc.string({ unit: fc.constantFrom(...Array.from(LETTERS + PUNCT)), minLength: 1, maxLength: 12 });
const text = (max: number) => fc.array(word, { minLength: 1, maxLength: max }).map((ws) => ws.join(' '));
const reference = fc
  .string({
    unit: fc.constantFrom(...Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-')),
    minLength: 1,
    maxLength: 16,
  })
  .filter((r) => !['NONREF', 'NOTPROVIDED', 'EREF'].includes(r));
/** A valid IBAN (check digits computed), any country code, any BBAN — it may end in "USD". */
const iban = fc
  .tuple(
    fc.constantFrom('KG', 'DE', 'NL', 'SC'),
    fc.string({
      unit: fc.constantFrom(...Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')),
      minLength: 12,
      maxLength: 26,
    }),
  )
  .map(([country, bban]) => {
    const digits = Array.from(`${bban}${country}00`, (ch) =>
      /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch,
    ).join('');
    const check = 98n - (BigInt(digits) % 97n);
    return `${country}${String(check).padStart(2, '0')}${bban}`;
  });
const localAccount = fc.string({ unit: fc.constantFrom(...Array.from('0123456789')), minLength: 16, maxLength: 16 });
const account = fc.oneof(iban, localAccount);
const partyId = fc.oneof(
  fc.string({ unit: fc.constantFrom(...Array.from('0123456789')), minLength: 14, maxLength: 14 }),
  reference,
);

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = fc
  .integer({ min: Date.UTC(2000, 0, 10), max: Date.UTC(2049, 11, 20) })
  .map((ms) => Math.floor(ms / DAY) * DAY);
/** Exact amounts with 0–5 decimals (MT940 and camt carry what they are given). */
const amount = fc
  .tuple(fc.bigInt({ min: -(10n ** 11n), max: 10n ** 11n }), fc.integer({ min: 0, max: 5 }))
  .map(([n, digits]) => fromScaled(n * 10n ** BigInt(5 - digits), digits));

function transaction(currency: string, around: number): fc.Arbitrary<StatementTransaction> {
  return fc
    .record(
      {
        booking: fc.integer({ min: 0, max: 20 }),
        valueShift: fc.option(fc.integer({ min: -5, max: 5 }), { nil: undefined }),
        amount,
        counterpartyName: text(5),
        counterpartyAccount: account,
        counterpartyId: partyId,
        remittance: text(40),
        bankReference: reference,
        endToEndReference: reference,
        reversal: fc.constant(true),
      },
      { requiredKeys: ['booking', 'amount'] },
    )
    .map((r) => {
      const bookingMs = around + r.booking * DAY;
      const t: StatementTransaction = { bookingDate: isoDay(bookingMs), amount: r.amount, currency };
      if (r.valueShift !== undefined) t.valueDate = isoDay(bookingMs + r.valueShift * DAY);
      for (const k of [
        'counterpartyName',
        'counterpartyAccount',
        'counterpartyId',
        'remittance',
        'bankReference',
        'endToEndReference',
        'reversal',
      ] as const) {
        if (r[k] !== undefined) (t as Record<string, unknown>)[k] = r[k];
      }
      return t;
    });
}

const statement: fc.Arbitrary<Statement> = fc
  .record({
    account,
    currency: fc.constantFrom('KGS', 'USD', 'EUR', 'RUB'),
    start: dayMs,
    number: fc.option(fc.integer({ min: 1, max: 99999 }).map(String), { nil: undefined }),
    opening: amount,
  })
  .chain((h) =>
    fc.array(transaction(h.currency, h.start), { maxLength: 12 }).map((transactions) => {
      const dates = transactions.map((t) => t.bookingDate).sort();
      const sum = transactions.reduce((n, t) => n + toScaled(t.amount), toScaled(h.opening));
      const s: Statement = {
        account: h.account,
        currency: h.currency,
        from: dates[0] ?? isoDay(h.start),
        to: dates[dates.length - 1] ?? isoDay(h.start),
        openingBalance: h.opening,
        closingBalance: fromScaled(sum, 5).replace(/0+$/, '').replace(/\.$/, '') || '0',
        transactions,
      };
      if (h.number) s.statementNumber = h.number;
      return s;
    }),
  );

const statements = fc.array(statement, { minLength: 1, maxLength: 3 });
/** Runs per property; raise with PROPERTY_RUNS=5000 when hunting a rare failure. */
const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 300);

describe('writers and parsers round-trip', () => {
  it('generated statements fit the schema', () => {
    fc.assert(
      fc.property(statements, (ss) => ss.every((s) => statementSchema.safeParse(s).success)),
      { numRuns: 50 },
    );
  });

  it('camt.053: every statement and transaction reads back the same', () => {
    fc.assert(
      fc.property(statements, (ss) => {
        const r = parseCamt053(writeCamt053(ss));
        expect(r.problems).toEqual([]);
        expect(r.statements).toHaveLength(ss.length);
        r.statements.forEach((got, i) => {
          const want = ss[i] as Statement;
          expect(got.transactions).toEqual(want.transactions);
          const { transactions: _t, statementNumber, ...summary } = got;
          const { transactions: _w, statementNumber: wantNumber, ...wantSummary } = want;
          expect(summary).toEqual(wantSummary);
          if (wantNumber !== undefined) expect(statementNumber).toBe(wantNumber);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('MT940 (with and without the FIN envelope): every transaction reads back the same', () => {
    fc.assert(
      fc.property(statements, fc.boolean(), (ss, envelope) => {
        const r = parseMt940(writeMt940(ss, { envelope }));
        expect(r.problems).toEqual([]);
        expect(r.statements).toHaveLength(ss.length);
        r.statements.forEach((got, i) => {
          const want = ss[i] as Statement;
          // MT940 always states a value date; where the statement had none it is the booking date.
          expect(got.transactions).toEqual(
            want.transactions.map((t) => ({ ...t, valueDate: t.valueDate ?? t.bookingDate })),
          );
          expect(got).toMatchObject({
            account: want.account,
            currency: want.currency,
            from: want.from,
            to: want.to,
            openingBalance: want.openingBalance,
            closingBalance: want.closingBalance,
          });
          expect(got.statementNumber).toBe(want.statementNumber ?? String(i + 1));
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('1C (windows-1251, som): amounts, dates and counterparties read back', () => {
    // windows-1251 has no ң ө ү; Kyrgyz banks exporting 1C in it replace them, so the property does too.
    const cp1251 = (s: string) => s.replace(/[ңҢ]/g, 'н').replace(/[өӨ]/g, 'о').replace(/[үҮ]/g, 'у');
    fc.assert(
      fc.property(statement, (s0) => {
        const s: Statement = {
          ...s0,
          currency: 'KGS',
          transactions: s0.transactions.map((t) => {
            const { valueDate: _v, reversal: _r, endToEndReference: _e, ...rest } = t;
            const out: StatementTransaction = { ...rest, currency: 'KGS' };
            if (rest.counterpartyName) out.counterpartyName = cp1251(rest.counterpartyName);
            if (rest.remittance) out.remittance = cp1251(rest.remittance);
            return out;
          }),
        };
        const r = parseOneC(encodeOneC(writeOneC([s])));
        expect(r.problems).toEqual([]);
        expect(r.statements[0]?.transactions).toEqual(
          s.transactions.map((t, i) => {
            // 1C amounts are unsigned in the file; a document always has a number.
            return { ...t, bankReference: t.bankReference ?? String(i + 1) };
          }),
        );
      }),
      { numRuns: Math.ceil((RUNS * 2) / 3) },
    );
  });
});
