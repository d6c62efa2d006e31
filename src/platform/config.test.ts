// The voter services' settings read with the rest of the configuration: defaults, values, and the
// refusals that stop a misconfigured server at start rather than on the first voter's request.
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('voter settings', () => {
  it('has the defaults when nothing is set', () => {
    expect(loadConfig({}).voters).toEqual({
      mapTiles: undefined,
      mapAttribution: '',
      lookupLimitPerMinute: 20,
      demoVoters: 3_500_000,
    });
  });

  it('reads each variable', () => {
    const voters = loadConfig({
      TALAPKER_MAP_TILES: ' https://tiles.example/{z}/{x}/{y}.png ',
      TALAPKER_MAP_ATTRIBUTION: ' © OpenStreetMap ',
      TALAPKER_LOOKUP_LIMIT: '7',
      TALAPKER_DEMO_VOTERS: '0',
    }).voters;
    expect(voters).toEqual({
      mapTiles: 'https://tiles.example/{z}/{x}/{y}.png',
      mapAttribution: '© OpenStreetMap',
      lookupLimitPerMinute: 7,
      demoVoters: 0,
    });
  });

  it('takes an empty tiles template as unset', () => {
    expect(loadConfig({ TALAPKER_MAP_TILES: '  ' }).voters.mapTiles).toBeUndefined();
  });

  it.each([
    ['http://tiles.example/{z}/{x}/{y}.png'],
    ['https://tiles.example/tile.png'],
    ['https://tiles.example/{z}/"><script>'],
  ])('refuses the tiles template %s', (value) => {
    expect(() => loadConfig({ TALAPKER_MAP_TILES: value })).toThrow(/TALAPKER_MAP_TILES/);
  });

  it.each([
    ['TALAPKER_LOOKUP_LIMIT', '0'],
    ['TALAPKER_LOOKUP_LIMIT', 'many'],
    ['TALAPKER_DEMO_VOTERS', '-1'],
    ['TALAPKER_DEMO_VOTERS', '20000001'],
    ['TALAPKER_MAP_ATTRIBUTION', 'x'.repeat(301)],
  ])('refuses %s=%s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });
});
