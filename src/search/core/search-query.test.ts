import { describe, expect, it } from 'vitest';
import { MAX_QUERY, pageQuery } from './search-query.ts';

describe('the search query', () => {
  it('is the address’s text, cut to the longest query and trimmed', () => {
    expect(pageQuery(undefined)).toBe('');
    expect(pageQuery('  Asanov ')).toBe('Asanov');
    expect(pageQuery('x'.repeat(500))).toHaveLength(MAX_QUERY);
  });
});
