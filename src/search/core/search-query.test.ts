import { describe, expect, it } from 'vitest';
import { keyPrefixes, MAX_QUERY, pageQuery } from './search-query.ts';

describe('the search query', () => {
  it('is the address’s text, cut to the longest query and trimmed', () => {
    expect(pageQuery(undefined)).toBe('');
    expect(pageQuery('  Asanov ')).toBe('Asanov');
    expect(pageQuery('x'.repeat(500))).toHaveLength(MAX_QUERY);
  });

  it('meets a name in any script by the same key prefixes', () => {
    expect(keyPrefixes('Шайлдабекова')).toEqual(keyPrefixes('Shaildabekova'));
    expect(keyPrefixes('')).toEqual([]);
    expect(keyPrefixes('— !')).toEqual([]);
  });
});
