import { describe, expect, it } from 'vitest';
import { graphError, isRateLimited, retryDelay, waitHintMs } from './graph-limits.ts';

const headers = (h: Record<string, string>) => (name: string) => h[name] ?? null;
const now = new Date('2030-09-20T10:00:00Z');

describe('Graph API refusals', () => {
  it('reads the error body and tells rate limits from other refusals', () => {
    const e = graphError({ error: { message: 'Application request limit reached', code: 4, error_subcode: 2446079 } });
    expect(e).toEqual({ message: 'Application request limit reached', code: 4, subcode: 2446079, type: undefined });
    for (const code of [4, 17, 32, 613]) expect(isRateLimited(400, { ...e!, code })).toBe(true);
    expect(isRateLimited(429, undefined)).toBe(true);
    expect(isRateLimited(400, { ...e!, code: 190 })).toBe(false);
    expect(isRateLimited(500, undefined)).toBe(false);
    expect(graphError({ data: [] })).toBeUndefined();
    expect(graphError('nope')).toBeUndefined();
  });

  it('takes the longest wait the headers ask for', () => {
    expect(waitHintMs(headers({ 'retry-after': '30' }), now)).toBe(30_000);
    expect(waitHintMs(headers({ 'retry-after': 'Fri, 20 Sep 2030 10:01:00 GMT' }), now)).toBe(60_000);
    const usage = JSON.stringify({
      '1234': [
        { type: 'ads_archive', call_count: 100, estimated_time_to_regain_access: 2 },
        { type: 'ads_archive', call_count: 90, estimated_time_to_regain_access: 0 },
      ],
    });
    expect(waitHintMs(headers({ 'x-business-use-case-usage': usage, 'retry-after': '5' }), now)).toBe(120_000);
    expect(waitHintMs(headers({ 'x-business-use-case-usage': 'not json' }), now)).toBeUndefined();
    expect(waitHintMs(headers({}), now)).toBeUndefined();
  });

  it('doubles the wait per attempt, keeps a random half of it, never waits less than asked, gives up beyond the cap', () => {
    const policy = { baseMs: 100, maxMs: 1_000, maxRetries: 5 };
    expect([1, 2, 3, 4, 5].map((a) => retryDelay(a, policy, () => 1))).toEqual([100, 200, 400, 800, 1_000]);
    expect(retryDelay(3, policy, () => 0)).toBe(200);
    expect(retryDelay(1, policy, () => 0.5, 700)).toBe(700);
    expect(retryDelay(1, policy, () => 0.5, 1_001)).toBeUndefined();
  });
});
