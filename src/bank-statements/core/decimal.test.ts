import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareDecimals,
  decimalToTyiyn,
  fractionDigits,
  fromScaled,
  isDecimal,
  negate,
  parseDecimal,
  sumDecimals,
  toScaled,
} from './decimal.ts';

describe('exact decimals', () => {
  it.each([
    ['1234.56', '1234.56'],
    ['1234,56', '1234.56'],
    ['15000,', '15000'],
    ['0001,12', '1.12'],
    ['+5', '5'],
    ['-0.00', '0.00'],
    ['8.850', '8.850'],
    ['1.0000000', '1.00000'],
    [' 7 ', '7'],
  ])('parses %s as %s', (text, expected) => {
    expect(parseDecimal(text)).toEqual({ ok: true, value: expected });
  });

  it('refuses what it cannot hold exactly', () => {
    expect(parseDecimal('1.000001')).toEqual({ ok: false, reason: 'too_many_decimals' });
    expect(parseDecimal('1e5')).toEqual({ ok: false, reason: 'not_a_number' });
    expect(parseDecimal('1,5', '.')).toEqual({ ok: false, reason: 'not_a_number' });
    expect(parseDecimal('')).toEqual({ ok: false, reason: 'not_a_number' });
  });

  it('sums without floats: 100,000 × 0.10 is 10000.00, not 9999.999…', () => {
    expect(sumDecimals(Array.from({ length: 100_000 }, () => '0.10'))).toBe('10000.00');
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.30');
    expect(sumDecimals(['8.850', '-0.00001'])).toBe('8.84999');
    expect(sumDecimals([])).toBe('0.00');
  });

  it('negates, compares and converts to tyiyn', () => {
    expect(negate('5.00')).toBe('-5.00');
    expect(negate('-5.00')).toBe('5.00');
    expect(negate('0.00')).toBe('0.00');
    expect(compareDecimals('8.85', '8.850')).toBe(0);
    expect(compareDecimals('-1', '0.00001')).toBe(-1);
    expect(decimalToTyiyn('1234.56')).toBe(123456);
    expect(decimalToTyiyn('-0.5')).toBe(-50);
    expect(decimalToTyiyn('1.001')).toBeUndefined();
    expect(decimalToTyiyn('1.00100')).toBeUndefined();
    expect(decimalToTyiyn('1.00000')).toBe(100);
  });

  it('round-trips through the scaled integer form (property)', () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 5 }))
      .map(([neg, n, digits]) => fromScaled((neg ? -n : n) * 10n ** BigInt(5 - digits), digits));
    fc.assert(
      fc.property(decimal, (d) => {
        expect(isDecimal(d)).toBe(true);
        expect(parseDecimal(d)).toEqual({ ok: true, value: d });
        expect(fromScaled(toScaled(d), fractionDigits(d))).toBe(d);
        expect(toScaled(negate(d))).toBe(-toScaled(d));
      }),
    );
  });
});
