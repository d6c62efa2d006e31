import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LargestNumbers } from './largest-numbers.ts';

describe('the largest numbers offered', () => {
  it('are those a full sort puts first, largest first (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: 0, max: 20 }), (xs, size) => {
        const kept = new LargestNumbers(size);
        for (const x of xs) kept.offer(x);
        const expected = [...xs].sort((a, b) => b - a).slice(0, size);
        expect(Array.from(kept.descending())).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
