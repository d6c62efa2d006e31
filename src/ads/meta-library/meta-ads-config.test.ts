// The settings of the fetch from Meta's Ad Library API: off without a token, KG by default, the real
// Graph API unless another address is given.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.ts';

describe('TALAPKER_META_ADS_*', () => {
  it('defaults to no token, Kyrgyzstan, no background fetch and the Graph API', () => {
    expect(loadConfig({}).metaAds).toEqual({
      token: undefined,
      country: 'KG',
      everyHours: 0,
      api: 'https://graph.facebook.com/v21.0',
    });
  });

  it('reads the token, the country, the interval and the address', () => {
    expect(
      loadConfig({
        TALAPKER_META_ADS_TOKEN: ' abc ',
        TALAPKER_META_ADS_COUNTRY: 'kz',
        TALAPKER_META_ADS_EVERY: '1.5',
        TALAPKER_META_ADS_API: 'http://127.0.0.1:9999/v21.0/',
      }).metaAds,
    ).toEqual({ token: 'abc', country: 'KZ', everyHours: 1.5, api: 'http://127.0.0.1:9999/v21.0' });
  });

  it('refuses a country that is not a two-letter code, a negative interval and an address that is not a URL', () => {
    expect(() => loadConfig({ TALAPKER_META_ADS_COUNTRY: 'KGZ' })).toThrow(/two-letter/);
    expect(() => loadConfig({ TALAPKER_META_ADS_EVERY: '-1' })).toThrow();
    expect(() => loadConfig({ TALAPKER_META_ADS_API: 'graph' })).toThrow();
  });
});
