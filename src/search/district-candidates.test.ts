// The one search box finds the candidates standing in districts (single-mandate constituencies and
// municipalities) by name in either script, linked to their district, with their nominating party or as
// self-nominated; a candidate imported later is found at once (the import changes the data version).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import type { AppContext } from '../platform/app-context.ts';
import {
  CANDIDATES_CSV,
  DISTRICTS_CSV,
  RACE_ELECTION,
  raceTestContext,
  setupRaceElection,
  type RaceTestContext,
} from '../races/races.test-support.ts';
import { importDistrictCandidates, importDistricts } from '../races/index.ts';
import { searchKinds } from './kinds.service.ts';

describeEachDatabase('the search box and the candidates in districts', (get) => {
  let t: RaceTestContext;
  let ctx: AppContext;
  const input = (text: string) => ({ electionId: RACE_ELECTION.id, text, actor: 'test' });

  beforeAll(async () => {
    t = raceTestContext(get().db);
    ctx = t.ctx;
    await setupRaceElection(ctx);
    expect((await importDistricts(ctx, input(DISTRICTS_CSV))).ok).toBe(true);
    expect((await importDistrictCandidates(ctx, input(CANDIDATES_CSV))).ok).toBe(true);
  });
  afterAll(() => t.close());

  it('finds a candidate by name in Latin letters, with the district and the nominating party', async () => {
    const found = (await searchKinds(ctx, 'Asanov Bakyt', 'en')).districtCandidates;
    expect(found.total).toBe(1);
    const hit = found.hits[0]!;
    expect(hit.fullName).toBe('Асанов Бакыт Маратович');
    expect(hit.candidate.districtCode).toBe('01');
    expect(hit.candidate.district.name.en).toBe('First constituency');
    expect(hit.partyName).toBeDefined();
  });

  it('finds a self-nominated candidate, and one imported later at once', async () => {
    const aigul = (await searchKinds(ctx, 'Токтогулова', 'ru')).districtCandidates.hits;
    expect(aigul.map((h) => [h.fullName, h.partyName])).toEqual([['Токтогулова Айгүл', undefined]]);
    expect((await searchKinds(ctx, 'Сыдыкова', 'ru')).districtCandidates.total).toBe(0);
    const more = `${CANDIDATES_CSV}\n03,Сыдыкова,Динара,,self,,registered`;
    expect((await importDistrictCandidates(ctx, input(more))).ok).toBe(true);
    const dinara = (await searchKinds(ctx, 'Сыдыкова', 'ru')).districtCandidates.hits;
    expect(dinara.map((h) => h.candidate.district.code)).toEqual(['03']);
  });
});
