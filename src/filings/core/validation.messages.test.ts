import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../domain/election.ts';
import type { Problem } from '../../platform/result.ts';
import { FILING_PROBLEM_CODES, filingMessages, filingProblem, problemMessage } from './validation.messages.ts';

/** Every param any message uses; ICU ignores the ones a message does not mention. */
const params = {
  section: 'receipts',
  otherSection: 'refunds',
  lineId: 'R-1',
  otherLineId: 'R-2',
  otherRow: 2,
  reason: 'length',
  expected: 'integer',
  key: 'donorPIN',
  allowed: 'a, b',
  maximum: 100_000,
  from: '2020-09-04',
  to: '2020-10-14',
  date: '2020-10-15',
  today: '2020-10-20',
  reportKind: 'final',
  opening: 0,
  receipts: 150_050,
  expenditures: 50_000,
  refunds: 50,
  expectedClosing: 50_000,
  closing: 100_000,
  declared: 150_000,
  computed: 150_050,
  count: 3,
  receiptLineId: 'R-2',
  refunded: 200,
  receiptAmount: 100,
  receiptDate: '2020-09-10',
  detail: 'end of file',
  value: '1,500',
  calledOn: '2020-07-03',
  lastDay: '2020-10-14',
};

describe('filing message catalogue', () => {
  it.each(FILING_PROBLEM_CODES)('%s reads in ky, ru and en', (code) => {
    const p = filingProblem(code, { severity: 'error', row: 4, field: 'receipts[3].amount', params });
    const texts = LOCALES.map((l) => problemMessage(p, l));
    expect(texts[2]).toBe(p.message);
    for (const t of texts) {
      expect(t).not.toMatch(/[{}]/); // every placeholder filled
      expect(t.trim()).not.toBe('');
    }
    const [ky, ru, en] = texts as [string, string, string];
    expect(ky).not.toBe(en);
    expect(ru).not.toBe(en);
    expect(ky).not.toBe(ru);
    expect(ru).toMatch(/[а-яё]/i);
    expect(ky).toMatch(/[а-яөүң]/i);
  });

  it('formats money as som in each locale', () => {
    const p = filingProblem('refund.exceeds_receipt', {
      severity: 'error',
      row: 1,
      params: { section: 'refunds', lineId: 'F-1', receiptLineId: 'R-2', refunded: 123_456_789, receiptAmount: 100 },
    });
    expect(p.message).toContain('1,234,567.89 KGS');
    expect(problemMessage(p, 'ru')).toMatch(/1\s234\s567,89 сом/);
    expect(problemMessage(p, 'ky')).toMatch(/1\s234\s567,89 сом/);
  });

  it('uses Russian plural forms', () => {
    const total = (count: number) =>
      problemMessage(
        filingProblem('totals.mismatch', {
          severity: 'error',
          params: { section: 'refunds', declared: 0, computed: 1, count },
        }),
        'ru',
      );
    expect(total(1)).toContain('сумма 1 строки');
    expect(total(21)).toContain('сумма 21 строки');
    expect(total(3)).toContain('сумма 3 строк');
    expect(total(11)).toContain('сумма 11 строк');
  });

  it('locates import problems by sheet, row and column', () => {
    const p = filingProblem('import.value_required', {
      severity: 'error',
      row: 7,
      field: 'donorType',
      params: { sheet: 'Receipts', column: 'donorType' },
    });
    expect(p.message).toBe('Sheet “Receipts”, row 7, column “Donor type”: A value is required.');
    expect(problemMessage(p, 'ru')).toBe(
      'Лист «Receipts», строка 7, столбец «Тип жертвователя»: Значение обязательно.',
    );
    expect(problemMessage(p, 'ky')).toBe(
      '«Receipts» барагы, 7-сап, «Кайрымдуулук берүүчүнүн түрү» тилкеси: Маани милдеттүү.',
    );
  });

  it('lists allowed values in the words of the locale', () => {
    const p = filingProblem('import.value_not_allowed', {
      severity: 'error',
      row: 2,
      field: 'channel',
      params: { column: 'channel', value: 'crypto', enum: 'channel' },
    });
    expect(p.message).toContain('Bank transfer; Cash; Mobile banking; Other');
    expect(problemMessage(p, 'ru')).toContain('Банковский перевод; Наличные; Мобильный банкинг; Иное');
  });

  it('falls back to the stored English text for unknown codes or params that no longer fit', () => {
    const stranger: Problem = { code: 'something.else', message: 'As stored', severity: 'error' };
    expect(problemMessage(stranger, 'ky')).toBe('As stored');
    const stale: Problem = { code: 'totals.mismatch', message: 'As stored', params: { section: 'receipts' } };
    expect(problemMessage(stale, 'ru')).toBe('As stored');
  });

  it('has no code that nothing produces', () => {
    const here = new URL('.', import.meta.url);
    const sources = readdirSync(here)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'filing-messages.ts')
      .map((f) => readFileSync(new URL(f, here), 'utf8'))
      .join('\n');
    const unused = Object.keys(filingMessages).filter((code) => !sources.includes(`'${code}'`));
    expect(unused).toEqual([]);
  });
});
