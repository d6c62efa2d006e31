import { describe, expect, it } from 'vitest';
import { Memo } from './memo.ts';

describe('Memo', () => {
  it('keeps areas apart and evicts the least recently used entry', () => {
    const memo = new Memo(2);
    memo.set('a', 'x', 1);
    memo.set('b', 'x', 'other');
    memo.set('a', 'y', 2);
    expect(memo.get('a', 'x')).toBe(1); // touched: y is now the oldest
    memo.set('a', 'z', 3);
    expect(memo.get('a', 'y')).toBeUndefined();
    expect(memo.get('a', 'x')).toBe(1);
    expect(memo.get('a', 'z')).toBe(3);
    expect(memo.get('b', 'x')).toBe('other');
  });

  it('two memos share nothing', () => {
    const one = new Memo();
    const two = new Memo();
    one.set('scan-text', 'h', 'text');
    expect(two.get('scan-text', 'h')).toBeUndefined();
  });
});
