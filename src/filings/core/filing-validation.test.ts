import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findRulesProfile, type RulesProfile } from '../../domain/rules-profile.ts';
import { tyiyn } from '../../domain/money.ts';
import type { Problem } from '../../platform/result.ts';
import {
  LINE_SECTIONS,
  donorTypeSchema,
  expenditureCategorySchema,
  receiptChannelSchema,
  refundKindSchema,
  refundReasonSchema,
  type Expenditure,
  type Filing,
  type LineSection,
  type Receipt,
  type Refund,
} from './filing.ts';
import { buildFiling, type FilingDraft } from './filing-build.ts';
import { EXAMPLE_TODAY, exampleFiling, exampleFilingDraft } from './filing-examples.ts';
import { problemMessage } from './validation.messages.ts';
import { hasErrors, validateFiling } from './filing-validation.ts';

const rules2020 = findRulesProfile('kg-2020-parliament')!;
const cashAllowed: RulesProfile = { ...rules2020, finance: { ...rules2020.finance, cashAllowed: true } };
const ctx = { today: EXAMPLE_TODAY, rules: rules2020 };

/** The example as plain JSON, to be spoilt by a test. */
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const loose = (f: Filing = exampleFiling()): Loose => JSON.parse(JSON.stringify(f)) as Loose;
/** A valid filing from the example draft after `change`, with totals and closing balance recomputed. */
const rebuilt = (change: (d: FilingDraft) => void): Filing => {
  const d = exampleFilingDraft();
  change(d);
  return buildFiling(d);
};

const codes = (ps: Problem[]) => ps.map((p) => p.code);
const only = (ps: Problem[], code: string) => ps.filter((p) => p.code === code);
const one = (ps: Problem[], code: string): Problem => {
  const found = only(ps, code);
  expect(found, `${code} in ${JSON.stringify(codes(ps))}`).toHaveLength(1);
  return found[0]!;
};

describe('validateFiling: a sound report', () => {
  it('passes the example without any problem', () => {
    const result = validateFiling(exampleFiling(), ctx);
    expect(result.problems).toEqual([]);
    expect(result.filing).toEqual(exampleFiling());
  });

  it('accepts the same report as JSON text would deliver it', () => {
    expect(validateFiling(loose(), ctx).problems).toEqual([]);
  });
});

describe('validateFiling: shape errors in plain words', () => {
  const check = (spoil: (f: Loose) => void) => {
    const f = loose();
    spoil(f);
    const result = validateFiling(f, ctx);
    expect(result.filing).toBeUndefined();
    expect(result.problems.every((p) => p.severity === 'error')).toBe(true);
    return result.problems;
  };

  it('says when the input is not a filing at all', () => {
    for (const input of [null, 'text', 42, []]) {
      expect(codes(validateFiling(input, ctx).problems)).toContain('format.unsupported');
    }
    expect(codes(check((f) => (f.format = 'talapker-filing-v2')))).toEqual(['format.unsupported']);
  });

  it('names the missing field, its line and lineId', () => {
    const p = one(
      check((f) => delete f.expenditures[1].documentNumber),
      'schema.required',
    );
    expect(p).toMatchObject({
      row: 2,
      field: 'expenditures[1].documentNumber',
      params: { section: 'expenditures', lineId: 'E-2' },
    });
    expect(p.message).toBe('Expenditures, line 2 (E-2): “Document number” is required.');
  });

  it('asks for whole tyiyn, positive line amounts and bounded amounts', () => {
    expect(
      one(
        check((f) => (f.receipts[0].amount = 10.5)),
        'amount.not_integer',
      ),
    ).toMatchObject({ row: 1, field: 'receipts[0].amount' });
    expect(
      one(
        check((f) => (f.refunds[0].amount = 0)),
        'amount.not_positive',
      ),
    ).toMatchObject({ row: 1, field: 'refunds[0].amount' });
    expect(
      one(
        check((f) => (f.expenditures[0].amount = -300)),
        'amount.not_positive',
      ).params?.lineId,
    ).toBe('E-1');
    const range = one(
      check((f) => (f.header.totals.receipts = -1e16)),
      'amount.out_of_range',
    );
    expect(range.field).toBe('header.totals.receipts');
    expect(range.message).toBe(
      'Report header: “Total receipts” is outside the accepted range: from −10,000,000,000,000.00 KGS to 10,000,000,000,000.00 KGS.',
    );
    expect(
      one(
        check((f) => (f.header.openingBalance = 2 ** 60)),
        'amount.out_of_range',
      ).field,
    ).toBe('header.openingBalance');
    const big = one(
      check((f) => (f.receipts[0].amount = 1e12)),
      'amount.too_large',
    );
    expect(big.message).toContain('1,000,000,000.00 KGS');
    expect(
      one(
        check((f) => (f.receipts[0].amount = 2 ** 60)),
        'amount.too_large',
      ).field,
    ).toBe('receipts[0].amount');
    expect(
      one(
        check((f) => (f.receipts[0].amount = '100')),
        'schema.invalid_type',
      ).params?.expected,
    ).toBe('number');
  });

  it('asks for real ISO dates', () => {
    const p = one(
      check((f) => (f.header.periodFrom = '2020-02-30')),
      'date.invalid',
    );
    expect(p).toMatchObject({ field: 'header.periodFrom', params: { section: 'header' } });
    expect(p.message).toBe('Report header: “Period from” must be a real date written as YYYY-MM-DD.');
    expect(
      one(
        check((f) => (f.receipts[2].date = '12.09.2020')),
        'date.invalid',
      ).row,
    ).toBe(3);
    expect(
      one(
        check((f) => (f.receipts[2].date = 20200912)),
        'date.invalid',
      ).row,
    ).toBe(3);
  });

  it('explains malformed PINs and INNs', () => {
    expect(
      one(
        check((f) => (f.receipts[1].donorPin = '2150319850012')),
        'pin.invalid',
      ).params?.reason,
    ).toBe('length');
    expect(
      one(
        check((f) => (f.receipts[1].donorPin = '2150319850012x')),
        'pin.invalid',
      ).params?.reason,
    ).toBe('not_digits');
    expect(
      one(
        check((f) => (f.receipts[2].donorInn = '025042009101')),
        'inn.invalid',
      ).params?.reason,
    ).toBe('length');
    expect(
      one(
        check((f) => (f.expenditures[1].payeeInn = 'INN01203201710')),
        'inn.invalid',
      ).field,
    ).toBe('expenditures[1].payeeInn');
  });

  it('names unknown fields, wrong enum values, empty and over-long text', () => {
    const unknown = one(
      check((f) => (f.receipts[1].donorPIN = '21503198500123')),
      'schema.unknown_field',
    );
    expect(unknown).toMatchObject({ field: 'receipts[1].donorPIN', params: { key: 'donorPIN' } });
    const enumValue = one(
      check((f) => (f.receipts[0].channel = 'crypto')),
      'schema.invalid_value',
    );
    expect(enumValue.params?.allowed).toBe('bank_transfer, cash, mobile_banking, other');
    expect(
      one(
        check((f) => (f.expenditures[0].payeeName = '')),
        'schema.empty',
      ).field,
    ).toBe('expenditures[0].payeeName');
    expect(
      one(
        check((f) => (f.refunds[0].lineId = 'x'.repeat(65))),
        'schema.too_long',
      ).params?.maximum,
    ).toBe(64);
    expect(
      one(
        check((f) => (f.receipts = {})),
        'schema.invalid_type',
      ).params?.expected,
    ).toBe('array');
  });

  it('refuses control characters in text, a lone carriage return included', () => {
    const cr = one(
      check((f) => (f.expenditures[0].payeeName = 'Print LLC\r=1+1')),
      'schema.control_character',
    );
    expect(cr.field).toBe('expenditures[0].payeeName');
    expect(problemMessage(cr, 'en')).toContain('control character');
    expect(codes(check((f) => (f.receipts[0].donorName = 'A\u0000B')))).toContain('schema.control_character');
    expect(codes(check((f) => (f.receipts[0].bankReference = 'R\n1')))).toContain('schema.control_character');
  });

  it('reports every shape error at once, ordered by section and row', () => {
    const problems = check((f) => {
      f.refunds[0].amount = 0;
      f.receipts[2].amount = 1.5;
      f.header.reportKind = 'weekly';
    });
    expect(problems.map((p) => [p.code, p.field])).toEqual([
      ['schema.invalid_value', 'header.reportKind'],
      ['amount.not_integer', 'receipts[2].amount'],
      ['amount.not_positive', 'refunds[0].amount'],
    ]);
  });
});

describe('validateFiling: the report as a whole', () => {
  it('refuses a period that ends before it starts, and does not then flag every date', () => {
    const f = loose();
    f.header.periodFrom = '2020-10-15';
    f.header.periodTo = '2020-09-01';
    const { problems } = validateFiling(f, ctx);
    expect(one(problems, 'period.reversed')).toMatchObject({
      severity: 'error',
      params: { from: '2020-10-15', to: '2020-09-01' },
    });
    expect(only(problems, 'date.outside_period')).toEqual([]);
  });

  it('refuses a period in the future', () => {
    const f = loose();
    f.header.periodTo = '2020-10-25';
    const p = one(validateFiling(f, ctx).problems, 'date.in_future');
    expect(p).toMatchObject({ severity: 'error', field: 'header.periodTo' });
    expect(p.message).toBe('Report header: “Period to” is 2020-10-25, a day still to come (today is 2020-10-20).');
    expect(problemMessage(p, 'ky')).toBe(
      'Отчеттун башкы бөлүгү: «Мезгилдин аягы» — 2020-10-25: бул күн али келе элек (бүгүн 2020-10-20).',
    );
  });

  it('refuses line dates outside the period, naming the line', () => {
    const f = loose();
    f.expenditures[1].date = '2020-10-15';
    const p = one(validateFiling(f, ctx).problems, 'date.outside_period');
    expect(p).toMatchObject({
      severity: 'error',
      row: 2,
      field: 'expenditures[1].date',
      params: { lineId: 'E-2', date: '2020-10-15' },
    });
    expect(p.message).toBe(
      'Expenditures, line 2 (E-2): The date 2020-10-15 is outside the report period 2020-09-04 – 2020-10-14.',
    );
  });

  it('refuses line dates after today when the period is not over', () => {
    const f = loose();
    f.receipts[0].date = '2020-10-12';
    const inFuture = only(validateFiling(f, { ...ctx, today: '2020-10-11' }).problems, 'date.in_future');
    expect(() => validateFiling(f, { ...ctx, today: '11.10.2020' })).toThrow(RangeError);
    // The period is not over either, and says so in its own problem.
    expect(inFuture.map((p) => [p.field, p.row])).toEqual([
      ['header.periodTo', undefined],
      ['receipts[0].date', 1],
    ]);
  });

  it('warns about a report kind that the rules of the election do not provide for', () => {
    const f = loose();
    f.header.reportKind = 'annual';
    const p = one(validateFiling(f, ctx).problems, 'report_kind.not_in_profile');
    expect(p.severity).toBe('warning');
    expect(p.message).toContain('Annual report');
    expect(problemMessage(p, 'ru')).toContain('Годовой отчёт');
  });

  it('checks that opening + receipts − expenditures − refunds = closing, in som', () => {
    const f = loose();
    f.header.closingBalance += 1;
    const { problems } = validateFiling(f, ctx);
    expect(codes(problems)).toEqual(['balance.mismatch']);
    const p = problems[0]!;
    expect(p).toMatchObject({
      severity: 'error',
      field: 'header.closingBalance',
      params: { section: 'header', expectedClosing: 90_000_000, closing: 90_000_001 },
    });
    expect(p.message).toBe(
      'Report header: The balance does not add up: opening balance 0.00 KGS + receipts 1,650,000.50 KGS − expenditures 750,000.00 KGS − refunds 0.50 KGS = 900,000.00 KGS, but the closing balance is 900,000.01 KGS.',
    );
    expect(problemMessage(p, 'ru')).toMatch(
      /^Заголовок отчёта: Баланс не сходится: .* = 900\s000,00 сом, а остаток на конец указан 900\s000,01 сом\.$/,
    );
    expect(problemMessage(p, 'ky')).toMatch(
      /^Отчеттун башкы бөлүгү: Баланс туура келбейт: .*акыркы калдык 900\s000,01 сом деп көрсөтүлгөн\.$/,
    );
  });

  it('warns about a negative closing balance', () => {
    const f = rebuilt((d) =>
      d.expenditures!.push({
        ...d.expenditures![1]!,
        lineId: 'E-3',
        documentNumber: 'INV-2020-45',
        amount: tyiyn(100_000_000),
      }),
    );
    const p = one(validateFiling(f, ctx).problems, 'balance.negative_closing');
    expect(p.severity).toBe('warning');
    // Intl writes the sign of en-GB numbers as a hyphen-minus.
    expect(p.message).toContain('(-100,000.00 KGS)');
    expect(hasErrors(validateFiling(f, ctx).problems)).toBe(false);
  });

  it('checks each header total against the sum of its lines, naming the section', () => {
    for (const section of LINE_SECTIONS) {
      const f = loose();
      f.header.totals[section] += 100;
      f.header.closingBalance -= section === 'receipts' ? -100 : 100; // keep the balance right
      const { problems } = validateFiling(f, ctx);
      expect(codes(problems)).toEqual(['totals.mismatch']);
      expect(problems[0]).toMatchObject({ severity: 'error', field: `header.totals.${section}`, params: { section } });
    }
    const f = loose();
    f.receipts[0].amount += 1;
    const p = one(validateFiling(f, ctx).problems, 'totals.mismatch');
    expect(p.message).toBe(
      'The header gives 1,650,000.50 KGS as the total of “Receipts”, but its 3 lines add up to 1,650,000.51 KGS.',
    );
    expect(problemMessage(p, 'ru')).toMatch(
      /итог раздела «Поступления» — 1\s650\s000,50 сом, а сумма 3 строк раздела — 1\s650\s000,51 сом/,
    );
  });
});

describe('validateFiling: identity numbers and donors', () => {
  it('refuses a PIN whose date of birth is not real or not yet', () => {
    const f = rebuilt((d) => (d.receipts![1]!.donorPin = '23102199000011'));
    expect(one(validateFiling(f, ctx).problems, 'pin.invalid')).toMatchObject({
      severity: 'error',
      row: 2,
      params: { reason: 'date_not_real' },
    });
    const g = rebuilt((d) => (d.receipts![1]!.donorPin = '20111202000011'));
    expect(one(validateFiling(g, ctx).problems, 'pin.invalid').params?.reason).toBe('date_in_future');
  });

  it('warns, without blocking, about a PIN of unknown structure', () => {
    const f = rebuilt((d) => (d.receipts![1]!.donorPin = '41503198500123'));
    const { problems } = validateFiling(f, ctx);
    const p = one(problems, 'pin.unverified');
    expect(p).toMatchObject({ severity: 'warning', field: 'receipts[1].donorPin', params: { lineId: 'R-2' } });
    expect(p.message).toMatch(/^Receipts, line 2 \(R-2\): PIN format unverified/);
    expect(hasErrors(problems)).toBe(false);
  });

  it('warns about an individual without PIN, unless the gift went to the budget as anonymous', () => {
    const f = rebuilt((d) => delete d.receipts![1]!.donorPin);
    expect(one(validateFiling(f, ctx).problems, 'donor.pin_missing').severity).toBe('warning');
    const g = rebuilt((d) => {
      delete d.receipts![1]!.donorPin;
      Object.assign(d.refunds![0]!, { reason: 'anonymous', kind: 'transferred_to_budget' });
    });
    expect(only(validateFiling(g, ctx).problems, 'donor.pin_missing')).toEqual([]);
  });

  it('warns about a legal entity without INN', () => {
    const f = rebuilt((d) => delete d.receipts![2]!.donorInn);
    expect(one(validateFiling(f, ctx).problems, 'donor.inn_missing')).toMatchObject({ severity: 'warning', row: 3 });
  });

  it('warns about cash receipts when the rules allow bank transfers only', () => {
    const f = rebuilt((d) => (d.receipts![2]!.channel = 'cash'));
    const p = one(validateFiling(f, ctx).problems, 'receipt.cash_not_allowed');
    expect(p).toMatchObject({ severity: 'warning', row: 3, field: 'receipts[2].channel' });
    expect(validateFiling(f, { ...ctx, rules: cashAllowed }).problems).toEqual([]);
  });
});

describe('validateFiling: duplicates and refunds', () => {
  const copyOf = <T>(x: T, patch: Partial<T>): T => ({ ...x, ...patch });

  it('refuses a line id used twice anywhere in the report', () => {
    const f = rebuilt((d) => (d.expenditures![1]!.lineId = 'R-2'));
    const p = one(validateFiling(f, ctx).problems, 'line_id.duplicate');
    expect(p).toMatchObject({
      severity: 'error',
      row: 2,
      field: 'expenditures[1].lineId',
      params: { otherSection: 'receipts', otherRow: 2 },
    });
    expect(p.message).toBe(
      'Expenditures, line 2 (R-2): The line ID “R-2” is already used in “Receipts”, line 2; every line needs its own.',
    );
  });

  it('refuses the same receipt entered twice, naming both lines', () => {
    const f = rebuilt((d) => d.receipts!.push(copyOf(d.receipts![1]!, { lineId: 'R-4' })));
    const p = one(validateFiling(f, ctx).problems, 'line.duplicate');
    expect(p).toMatchObject({ severity: 'error', row: 4, params: { lineId: 'R-4', otherRow: 2, otherLineId: 'R-2' } });
    expect(p.message).toBe(
      'Receipts, line 4 (R-4): This line repeats line 2 (R-2): the same date, amount, counterparty and bank reference.',
    );
  });

  it('only warns when no reference tells two alike receipts apart', () => {
    const f = rebuilt((d) => {
      delete d.receipts![1]!.bankReference;
      d.receipts!.push(copyOf(d.receipts![1]!, { lineId: 'R-4' }));
    });
    const p = one(validateFiling(f, ctx).problems, 'line.possible_duplicate');
    expect(p).toMatchObject({ severity: 'warning', row: 4, params: { otherRow: 2 } });
  });

  it('accepts alike receipts with different bank references', () => {
    const f = rebuilt((d) => d.receipts!.push(copyOf(d.receipts![1]!, { lineId: 'R-4', bankReference: 'PP-0099' })));
    // Only the donor's second gift over the cap would matter, and that is the compliance rules' business.
    expect(validateFiling(f, ctx).problems).toEqual([]);
  });

  it('treats donors as the same person by PIN, whatever the spelling of the name', () => {
    const f = rebuilt((d) => d.receipts!.push(copyOf(d.receipts![1]!, { lineId: 'R-4', donorName: 'ASANOV  Asan' })));
    expect(one(validateFiling(f, ctx).problems, 'line.duplicate').params?.otherLineId).toBe('R-2');
    const g = rebuilt((d) =>
      d.receipts!.push(copyOf(d.receipts![0]!, { lineId: 'R-4', donorName: ' synthetic   PARTY ' })),
    );
    expect(one(validateFiling(g, ctx).problems, 'line.duplicate').params?.otherLineId).toBe('R-1');
  });

  it('refuses an expenditure entered twice with the same document', () => {
    const f = rebuilt((d) =>
      d.expenditures!.push(copyOf(d.expenditures![1]!, { lineId: 'E-3', description: 'again' })),
    );
    const p = one(validateFiling(f, ctx).problems, 'line.duplicate');
    expect(p).toMatchObject({ row: 3, params: { section: 'expenditures', otherLineId: 'E-2' } });
    expect(p.message).toContain('document number');
    const g = rebuilt((d) =>
      d.expenditures!.push(copyOf(d.expenditures![1]!, { lineId: 'E-3', documentNumber: 'INV-2020-45' })),
    );
    expect(validateFiling(g, ctx).problems).toEqual([]);
  });

  it('warns about two alike refunds of one receipt', () => {
    const f = rebuilt((d) => {
      d.refunds!.push(copyOf(d.refunds![0]!, { lineId: 'F-2' }));
    });
    expect(one(validateFiling(f, ctx).problems, 'line.possible_duplicate')).toMatchObject({
      severity: 'warning',
      row: 2,
      params: { section: 'refunds' },
    });
  });

  it('refuses a refund of a receipt that is not in the report', () => {
    const f = rebuilt((d) => (d.refunds![0]!.receiptLineId = 'R-9'));
    const p = one(validateFiling(f, ctx).problems, 'refund.receipt_not_found');
    expect(p).toMatchObject({
      severity: 'error',
      row: 1,
      field: 'refunds[0].receiptLineId',
      params: { receiptLineId: 'R-9' },
    });
  });

  it('refuses refunds that add up to more than their receipt, once', () => {
    const f = rebuilt((d) => {
      d.refunds = [
        {
          lineId: 'F-1',
          date: '2020-09-15',
          receiptLineId: 'R-3',
          kind: 'returned_to_donor',
          reason: 'prohibited_donor',
          amount: tyiyn(60_000_000),
        },
        {
          lineId: 'F-2',
          date: '2020-09-16',
          receiptLineId: 'R-3',
          kind: 'returned_to_donor',
          reason: 'prohibited_donor',
          amount: tyiyn(60_000_000),
        },
        {
          lineId: 'F-3',
          date: '2020-09-17',
          receiptLineId: 'R-3',
          kind: 'returned_to_donor',
          reason: 'prohibited_donor',
          amount: tyiyn(1),
        },
      ];
    });
    const p = one(validateFiling(f, ctx).problems, 'refund.exceeds_receipt');
    expect(p).toMatchObject({
      row: 2,
      params: { receiptLineId: 'R-3', refunded: 120_000_000, receiptAmount: 100_000_000 },
    });
    expect(p.message).toBe(
      'Refunds, line 2 (F-2): Refunds of receipt “R-3” come to 1,200,000.00 KGS, more than the receipt itself (1,000,000.00 KGS).',
    );
  });

  it('refuses a refund dated before its receipt', () => {
    const f = rebuilt((d) => (d.refunds![0]!.date = '2020-09-09'));
    expect(one(validateFiling(f, ctx).problems, 'refund.before_receipt')).toMatchObject({
      row: 1,
      params: { receiptDate: '2020-09-10', date: '2020-09-09' },
    });
  });
});

describe('validateFiling: messages in every locale', () => {
  it('renders each problem of a spoilt report in ky, ru and en', () => {
    const f = rebuilt((d) => {
      d.receipts![2]!.channel = 'cash';
      d.receipts![1]!.donorPin = '41503198500123';
      d.refunds![0]!.receiptLineId = 'R-9';
    });
    const { problems } = validateFiling(f, ctx);
    expect(problems.length).toBeGreaterThanOrEqual(3);
    for (const p of problems) {
      const ky = problemMessage(p, 'ky');
      const ru = problemMessage(p, 'ru');
      expect(ky).not.toBe(p.message);
      expect(ru).not.toBe(p.message);
      expect(ky).not.toBe(ru);
      expect(ky).toMatch(/^(Түшүүлөр|Кайтаруулар), \d+-сап/);
      expect(ru).toMatch(/^(Поступления|Возвраты), строка \d+/);
    }
  });
});

// ---- Properties ----

const DAY = 86_400_000;
const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);

const pinArb = fc
  .record({
    sex: fc.constantFrom('1', '2'),
    birth: fc.integer({ min: 0, max: 20_000 }).map((n) => addDays('1940-01-01', n)),
    serial: fc.integer({ min: 0, max: 99_999 }),
  })
  .map(
    ({ sex, birth, serial }) =>
      `${sex}${birth.slice(8, 10)}${birth.slice(5, 7)}${birth.slice(0, 4)}${String(serial).padStart(5, '0')}`,
  );
const innArb = fc.stringMatching(/^\d{14}$/);
// At least 2 tyiyn, so that taking 1 away keeps the amount positive and the report well-formed.
const amountArb = fc.integer({ min: 2, max: 1_000_000_000 });

type Period = { from: string; to: string };
const periodArb = fc
  .record({ start: fc.integer({ min: 0, max: 30 }), length: fc.integer({ min: 0, max: 60 }) })
  .map(({ start, length }): Period => ({
    from: addDays('2020-09-04', start),
    to: addDays('2020-09-04', start + length),
  }));
const PROPERTY_TODAY = '2021-01-01';
const dateIn = (p: Period, from = p.from) =>
  fc.integer({ min: 0, max: daysBetween(from, p.to) }).map((n) => addDays(from, n));

const receiptArb = (p: Period) =>
  fc
    .record({
      date: dateIn(p),
      donor: fc.oneof(
        pinArb.map((pin) => ({ donorType: 'individual' as const, donorPin: pin })),
        innArb.map((inn) => ({ donorType: 'legal_entity' as const, donorInn: inn })),
        fc
          .constantFrom(...donorTypeSchema.options.filter((t) => t !== 'individual' && t !== 'legal_entity'))
          .map((t) => ({ donorType: t })),
      ),
      donorName: fc.string({ minLength: 1, maxLength: 20 }),
      amount: amountArb,
      channel: fc.constantFrom(...receiptChannelSchema.options),
    })
    .map(({ donor, amount, ...r }) => ({ ...r, ...donor, amount: tyiyn(amount) }));

const expenditureArb = (p: Period) =>
  fc.record({
    date: dateIn(p),
    category: fc.constantFrom(...expenditureCategorySchema.options),
    payeeName: fc.string({ minLength: 1, maxLength: 20 }),
    payeeInn: fc.option(innArb, { nil: undefined }),
    amount: amountArb.map(tyiyn),
    description: fc.string({ minLength: 1, maxLength: 30 }),
  });

/** A valid draft: unique ids and references, refunds no larger than their receipts, a closing balance ≥ 0. */
const draftArb: fc.Arbitrary<FilingDraft> = periodArb.chain((period) =>
  fc
    .record({
      receipts: fc.array(receiptArb(period), { maxLength: 12 }),
      expenditures: fc.array(expenditureArb(period), { maxLength: 12 }),
      extraOpening: fc.integer({ min: 0, max: 1_000_000_000 }),
      reportKind: fc.constantFrom(...rules2020.reports.map((r) => r.kind)),
    })
    .chain(({ receipts: rs, expenditures: es, extraOpening, reportKind }) => {
      const receipts: Receipt[] = rs.map((r, i) => ({ ...r, lineId: `R-${i + 1}`, bankReference: `PP-${i + 1}` }));
      const expenditures: Expenditure[] = es.map(({ payeeInn, ...e }, i) => ({
        ...e,
        ...(payeeInn !== undefined ? { payeeInn } : {}),
        lineId: `E-${i + 1}`,
        documentNumber: `DOC-${i + 1}`,
      }));
      // At most one refund per receipt, so that no two refunds can look alike.
      const refundArb =
        receipts.length === 0
          ? fc.constant([] as Refund[])
          : fc
              .uniqueArray(fc.integer({ min: 0, max: receipts.length - 1 }), { maxLength: receipts.length })
              .chain((picked) =>
                fc
                  .tuple(
                    ...picked.map((ri) => {
                      const r = receipts[ri]!;
                      return fc.record({
                        date: dateIn(period, r.date),
                        amount: fc.integer({ min: 2, max: r.amount }).map(tyiyn),
                        kind: fc.constantFrom(...refundKindSchema.options),
                        reason: fc.constantFrom(...refundReasonSchema.options),
                        receiptLineId: fc.constant(r.lineId),
                      });
                    }),
                  )
                  .map((fs) => fs.map((f, i): Refund => ({ ...f, lineId: `F-${i + 1}` }))),
              );
      return refundArb.map((refunds): FilingDraft => {
        const sumOf = (xs: { amount: number }[]) => xs.reduce((s, x) => s + x.amount, 0);
        const shortfall = Math.max(0, sumOf(expenditures) + sumOf(refunds) - sumOf(receipts));
        return {
          header: {
            ...exampleFilingDraft().header,
            reportKind,
            periodFrom: period.from,
            periodTo: period.to,
            openingBalance: tyiyn(shortfall + extraOpening),
          },
          receipts,
          expenditures,
          refunds,
          attachments: [],
        };
      });
    }),
);

const propertyCtx = { today: PROPERTY_TODAY, rules: cashAllowed };

describe('validateFiling: properties', () => {
  it('a report built from valid lines by the helper validates clean', () => {
    fc.assert(
      fc.property(draftArb, (draft) => {
        const filing = buildFiling(draft);
        expect(validateFiling(filing, propertyCtx).problems).toEqual([]);
        // And the same through JSON, as it arrives from a filer.
        expect(validateFiling(JSON.parse(JSON.stringify(filing)), propertyCtx).problems).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  type Target =
    | { kind: 'line'; section: LineSection; index: number }
    | { kind: 'total'; section: LineSection }
    | { kind: 'opening' }
    | { kind: 'closing' };

  it('moving any one amount by ±1 tyiyn gives a totals or balance error naming its section', () => {
    const caseArb = draftArb.chain((draft) => {
      const filing = buildFiling(draft);
      const targets: Target[] = [
        ...LINE_SECTIONS.flatMap((section) =>
          filing[section].map((_, index): Target => ({ kind: 'line', section, index })),
        ),
        ...LINE_SECTIONS.map((section): Target => ({ kind: 'total', section })),
        { kind: 'opening' },
        { kind: 'closing' },
      ];
      return fc.record({
        filing: fc.constant(filing),
        target: fc.constantFrom(...targets),
        delta: fc.constantFrom(-1, 1),
      });
    });
    fc.assert(
      fc.property(caseArb, ({ filing, target, delta }) => {
        const f = loose(filing);
        switch (target.kind) {
          case 'line':
            f[target.section][target.index].amount += delta;
            break;
          case 'total':
            f.header.totals[target.section] += delta;
            break;
          case 'opening':
            f.header.openingBalance += delta;
            break;
          case 'closing':
            f.header.closingBalance += delta;
            break;
        }
        const { filing: parsed, problems } = validateFiling(f, propertyCtx);
        expect(parsed).toBeDefined();
        const errors = problems.filter((p) => p.severity === 'error');
        if (target.kind === 'line' || target.kind === 'total') {
          const totals = errors.filter((p) => p.code === 'totals.mismatch');
          expect(totals.map((p) => p.params?.section)).toEqual([target.section]);
          expect(totals[0]!.field).toBe(`header.totals.${target.section}`);
        }
        if (target.kind !== 'line') {
          expect(errors.some((p) => p.code === 'balance.mismatch' && p.params?.section === 'header')).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
