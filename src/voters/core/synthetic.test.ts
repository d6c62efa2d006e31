import { describe, expect, it } from 'vitest';
import { checkPin } from '../../domain/identity-numbers.ts';
import { KNOWN_DEMO_VOTERS, syntheticStations, syntheticVoter } from './synthetic.ts';

describe('the synthetic demo', () => {
  const stations = syntheticStations(1);
  const home = stations.filter((s) => s.country === 'KG').map((s) => s.number);
  const abroad = stations.filter((s) => s.country !== 'KG').map((s) => s.number);

  it('has about 2,500 stations, about 50 of them abroad, numbered uniquely', () => {
    expect(stations.length).toBeGreaterThan(2400);
    expect(stations.length).toBeLessThan(2600);
    expect(abroad.length).toBe(50);
    expect(new Set(stations.map((s) => s.number)).size).toBe(stations.length);
    expect(new Set(stations.filter((s) => s.country !== 'KG').map((s) => s.country))).toEqual(
      new Set(['RU', 'KZ', 'TR', 'US', 'KR', 'DE', 'GB', 'AE', 'IT', 'UZ', 'CN']),
    );
  });

  it('gives unique, well-shaped PINs, the same voter for the same index', () => {
    const pins = new Set<string>();
    for (let i = 0; i < 120_000; i += 1) {
      const v = syntheticVoter(1, i, home, abroad);
      pins.add(v.pin);
      if (i % 997 === 0) expect(checkPin(v.pin, '2026-12-01').status).toBe('valid');
    }
    expect(pins.size).toBe(120_000);
    expect(syntheticVoter(1, 5000, home, abroad)).toEqual(syntheticVoter(1, 5000, home, abroad));
    expect(syntheticVoter(1, 0, home, abroad)).toBe(KNOWN_DEMO_VOTERS[0]);
    for (const v of KNOWN_DEMO_VOTERS) expect(checkPin(v.pin, '2026-12-01').status).toBe('valid');
  });
});
