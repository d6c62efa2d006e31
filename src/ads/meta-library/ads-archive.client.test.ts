// The Ad Library API client against a local server that answers like the Graph API: it follows
// `paging.next` to the end, waits out a rate limit and asks again, and turns any other refusal into an
// error carrying the Graph API's message and never the token.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fetchArchive, type ArchiveClientOptions } from './ads-archive.client.ts';
import { FAKE_TOKEN, fakeAd, startFakeGraph, type FakeAnswer, type FakeGraph } from './fake-graph.test-support.ts';

const query = { country: 'KG', since: '2030-09-05', until: '2030-10-04' };
const ads = [1, 2, 3, 4, 5].map((i) => fakeAd(String(i), [`p${i % 2}`, `Page ${i % 2}`], ['100', '199']));

describe('fetchArchive', () => {
  let g: FakeGraph;
  const slept: number[] = [];
  const options = (o: Partial<ArchiveClientOptions> = {}): ArchiveClientOptions => ({
    baseUrl: g.base,
    token: FAKE_TOKEN,
    limit: 2,
    retry: { baseMs: 10, maxMs: 1_000, maxRetries: 3 },
    sleep: async (ms) => void slept.push(ms),
    random: () => 1,
    ...o,
  });
  beforeAll(async () => {
    g = await startFakeGraph(ads, 2);
  });
  afterEach(() => {
    g.requests.length = 0;
    slept.length = 0;
    g.script = () => undefined;
  });
  afterAll(() => g.close());

  it('asks for the political ads of the country and follows paging.next to the last page', async () => {
    const r = await fetchArchive(query, options());
    expect(r).toMatchObject({ ok: true, value: { pages: 3, retries: 0 } });
    if (!r.ok) return;
    expect(r.value.ads.map((a) => a.id)).toEqual(['1', '2', '3', '4', '5']);
    const first = g.requests[0]!;
    expect(first.pathname).toBe('/v21.0/ads_archive');
    expect(Object.fromEntries(first.searchParams)).toMatchObject({
      ad_type: 'POLITICAL_AND_ISSUE_ADS',
      ad_reached_countries: '["KG"]',
      ad_active_status: 'ALL',
      ad_delivery_date_min: '2030-09-05',
      ad_delivery_date_max: '2030-10-04',
      fields: 'id,page_id,page_name,bylines,spend,currency,impressions,ad_delivery_start_time,ad_delivery_stop_time',
      limit: '2',
      access_token: FAKE_TOKEN,
    });
    expect(g.requests.map((u) => u.searchParams.get('after'))).toEqual([null, '2', '4']);
  });

  it('waits out HTTP 429 and a Graph rate-limit code, honouring Retry-After, then goes on', async () => {
    g.script = (_url, n): FakeAnswer | undefined =>
      n === 0
        ? { status: 429, headers: { 'retry-after': '0' }, body: { error: { message: 'Too many calls', code: 4 } } }
        : n === 2
          ? {
              status: 400,
              headers: {
                'x-business-use-case-usage': JSON.stringify({
                  '9': [{ type: 'ads_archive', estimated_time_to_regain_access: 0.01 }],
                }),
              },
              body: { error: { message: 'User request limit reached', code: 17 } },
            }
          : undefined;
    const r = await fetchArchive(query, options());
    expect(r).toMatchObject({ ok: true, value: { pages: 3, retries: 2 } });
    expect(r.ok && r.value.ads).toHaveLength(5);
    // The first wait is the base (jitter kept whole here); the second is the header's 0.6 s, longer than 20 ms.
    expect(slept).toEqual([10, 600]);
    expect(g.requests).toHaveLength(5);
  });

  it('gives up after the retries allowed, or at once when the wait asked for is beyond the cap', async () => {
    g.script = () => ({ status: 429, body: {} });
    const r = await fetchArchive(query, options());
    expect(r).toMatchObject({ ok: false, error: [{ code: 'meta.rate_limited' }] });
    expect(slept).toEqual([10, 20, 40]);
    slept.length = 0;
    g.script = () => ({
      status: 429,
      headers: { 'retry-after': '3600' },
      body: { error: { message: 'Slow down', code: 613 } },
    });
    const r2 = await fetchArchive(query, options());
    expect(r2).toMatchObject({ ok: false, error: [{ code: 'meta.rate_limited' }] });
    expect(!r2.ok && r2.error[0]?.message).toContain('60 min');
    expect(slept).toEqual([]);
  });

  it('reports an invalid token with the Graph API’s message and without the token', async () => {
    g.script = (url) => ({
      status: 400,
      body: {
        error: {
          message: `Error validating access token: the session is invalid (${url.searchParams.get('access_token') ?? ''})`,
          type: 'OAuthException',
          code: 190,
          error_subcode: 460,
        },
      },
    });
    const r = await fetchArchive(query, options());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error[0]?.code).toBe('meta.token_invalid');
    expect(r.error[0]?.message).toContain('code 190/460');
    expect(r.error[0]?.message).toContain('Error validating access token');
    expect(JSON.stringify(r.error)).not.toContain(FAKE_TOKEN);
    expect(slept).toEqual([]);
  });

  it('does not follow a next page on another server, nor an answer without ads', async () => {
    g.script = () => ({
      body: { data: [ads[0]], paging: { next: `http://example.invalid/v21.0/ads_archive?access_token=${FAKE_TOKEN}` } },
    });
    const r = await fetchArchive(query, options());
    expect(r).toMatchObject({ ok: false, error: [{ code: 'meta.bad_answer' }] });
    expect(JSON.stringify(r)).not.toContain(FAKE_TOKEN);
    g.script = () => ({ body: { something: 'else' } });
    expect(await fetchArchive(query, options())).toMatchObject({ ok: false, error: [{ code: 'meta.bad_answer' }] });
  });

  it('says so when the server cannot be reached', async () => {
    const r = await fetchArchive(query, options({ baseUrl: 'http://127.0.0.1:1/v21.0' }));
    expect(r).toMatchObject({ ok: false, error: [{ code: 'meta.unreachable' }] });
  });
});
