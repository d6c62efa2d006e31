import { describe, expect, it } from 'vitest';
import { campaignsToFetch } from './schedule.ts';

const e = (id: string, status: string) => ({ id, status, campaignStart: '2030-09-05', campaignEnd: '2030-10-04' });

describe('campaignsToFetch', () => {
  it('takes elections in their campaign and the day after it, never an annulled one', () => {
    const all = [e('a', 'campaign'), e('b', 'annulled'), e('c', 'results')];
    expect(campaignsToFetch(all, '2030-09-04')).toEqual([]);
    expect(campaignsToFetch(all, '2030-09-05').map((x) => x.id)).toEqual(['a', 'c']);
    expect(campaignsToFetch(all, '2030-10-05').map((x) => x.id)).toEqual(['a', 'c']);
    expect(campaignsToFetch(all, '2030-10-06')).toEqual([]);
  });
});
