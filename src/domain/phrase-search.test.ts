import { describe, expect, it } from 'vitest';
import { phraseIndex, textsHolding } from './phrase-search.ts';

describe('a phrase in texts held in memory', () => {
  const index = phraseIndex(['Жол куруу', 'Бюджет\nжана салык', 'БЮДЖЕТ жана', 'салык']);

  it('finds every text that holds it, whatever its case and wherever a line breaks it, in order', () => {
    expect(textsHolding(index, 'бюджет жана', 10)).toEqual([1, 2]);
    expect(textsHolding(index, '  САЛЫК ', 10)).toEqual([1, 3]);
  });

  it('never matches across the end of one text and the start of the next', () => {
    expect(textsHolding(index, 'куруу бюджет', 10)).toEqual([]);
    expect(textsHolding(index, 'жана салык', 10)).toEqual([1]);
  });

  it('stops at the limit, and finds nothing for a phrase with no word', () => {
    expect(textsHolding(index, 'а', 1)).toEqual([1]);
    expect(textsHolding(index, 'а', 2)).toEqual([1, 2]);
    expect(textsHolding(index, ' ', 10)).toEqual([]);
    expect(textsHolding(phraseIndex([]), 'жол', 10)).toEqual([]);
  });
});
