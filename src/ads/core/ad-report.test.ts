import { describe, expect, it } from 'vitest';
import { formatMinor, parseAmountMinor, parseSpend } from './ad-report.ts';

describe('amounts', () => {
  it('keeps money in hundredths and prints it with two decimals', () => {
    expect(parseAmountMinor('4770')).toBe(477_000);
    expect(parseAmountMinor('12.5')).toBe(1_250);
    expect(parseAmountMinor('1,234,567.89')).toBe(123_456_789);
    expect(parseAmountMinor('1 234')).toBe(123_400);
    for (const bad of ['', '-5', '1.234', '12,34', 'abc', '1e3', '99999999999999999999'])
      expect(parseAmountMinor(bad)).toBeUndefined();
    expect(formatMinor(477_000)).toBe('4770.00');
    expect(formatMinor(5)).toBe('0.05');
    expect(formatMinor(0)).toBe('0.00');
  });

  it('reads spend as a range: exact, "≤100" and "100-499"', () => {
    expect(parseSpend('4770')).toEqual({ min: 477_000, max: 477_000 });
    expect(parseSpend('≤100')).toEqual({ min: 0, max: 10_000 });
    expect(parseSpend('<=100')).toEqual({ min: 0, max: 10_000 });
    expect(parseSpend('100-499')).toEqual({ min: 10_000, max: 49_900 });
    expect(parseSpend('499-100')).toBeUndefined();
    expect(parseSpend('≥100')).toBeUndefined();
  });
});
