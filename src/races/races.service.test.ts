// The races' imports and reads on every database: a district file and a candidate file each taken in
// whole with their activity record, or refused with nothing written; the list paged and filtered; one
// district with its candidates and their parties.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { activityFor } from '../platform/activity-log.ts';
import type { AppContext } from '../platform/app-context.ts';
import {
  CANDIDATES_CSV,
  DISTRICTS_CSV,
  RACE_ELECTION,
  raceTestContext,
  setupRaceElection,
  type RaceTestContext,
} from './races.test-support.ts';
import {
  DISTRICT_CANDIDATES_ENTITY,
  DISTRICTS_ENTITY,
  getDistrictRace,
  getDistrictsPage,
  getDistrictTotals,
  importDistrictCandidates,
  importDistricts,
} from './races.service.ts';
import { listDistrictsPage } from './races.repository.ts';

const E = RACE_ELECTION.id;

describeEachDatabase('races', (get) => {
  let t: RaceTestContext;
  let ctx: AppContext;
  const input = (text: string) => ({ electionId: E, text, actor: 'test' });
  beforeAll(async () => {
    t = raceTestContext(get().db);
    ctx = t.ctx;
    await setupRaceElection(ctx);
  });
  afterAll(() => t.close());

  it('refuses a file for an election that does not exist', async () => {
    const r = await importDistricts(ctx, { ...input(DISTRICTS_CSV), electionId: 'no-such' });
    expect(r.ok || r.error.map((p) => p.code)).toEqual(['import.no_election']);
  });

  it('writes nothing from a district file with a problem', async () => {
    const r = await importDistricts(ctx, input(`${DISTRICTS_CSV}\n04,А,Б,,ward,Ош,1`));
    expect(r.ok || r.error.map((p) => [p.code, p.row])).toEqual([['district.bad_kind', 5]]);
    expect(await getDistrictTotals(ctx, E)).toEqual({ districts: 0, seats: 0 });
    expect(await activityFor(ctx.db, DISTRICTS_ENTITY, E)).toEqual([]);
  });

  it('takes in the districts with their activity record', async () => {
    const r = await importDistricts(ctx, input(DISTRICTS_CSV));
    expect(r).toEqual({ ok: true, value: { districts: 3, seats: 47 } });
    expect(await getDistrictTotals(ctx, E)).toEqual({ districts: 3, seats: 47 });
    const log = await activityFor(ctx.db, DISTRICTS_ENTITY, E);
    expect(log.map((a) => [a.action, a.actor, JSON.parse(a.after_json ?? 'null')])).toEqual([
      ['districts.imported', 'test', { districts: 3, seats: 47 }],
    ]);
  });

  it('refuses candidates whose district or party does not exist, writing nothing', async () => {
    const r = await importDistrictCandidates(
      ctx,
      input(`${CANDIDATES_CSV}\n09,Осмонов,Эрлан,,self,,registered\n02,Исаков,Азамат,,party,NO-1,registered`),
    );
    expect(r.ok || r.error.map((p) => [p.code, p.row, p.field])).toEqual([
      ['import.unknown_district', 6, 'district_code'],
      ['import.unknown_party', 7, 'party_registration_number'],
    ]);
    expect((await getDistrictRace(ctx, E, '01'))?.candidates).toEqual([]);
  });

  it('takes in the candidates and shows a district with them and their parties', async () => {
    const r = await importDistrictCandidates(ctx, input(CANDIDATES_CSV));
    expect(r).toEqual({ ok: true, value: { candidates: 4 } });
    const log = await activityFor(ctx.db, DISTRICT_CANDIDATES_ENTITY, E);
    expect(log.map((a) => a.action)).toEqual(['district_candidates.imported']);
    const race = await getDistrictRace(ctx, E, '01');
    expect(race?.district).toMatchObject({ code: '01', seats: 1, name: { en: 'First constituency' } });
    expect(race?.candidates.map((c) => [c.lastName, c.status, c.partyRegistrationNumber])).toEqual([
      ['Асанов', 'registered', 'RP-001'],
      ['Токтогулова', 'registered', null],
      ['Беков', 'withdrawn', null],
    ]);
    expect(race?.parties.get('RP-001')?.shortName.en).toBe('DP');
    expect(await getDistrictRace(ctx, E, '99')).toBeUndefined();
  });

  it('lists the districts with their registered candidates, filtered and a page at a time', async () => {
    const all = await getDistrictsPage(ctx, E, {}, undefined);
    expect(all.districts.map((d) => [d.code, d.registeredCandidates, d.name.en])).toEqual([
      ['01', 2, 'First constituency'],
      ['02', 0, 'Второй округ'],
      ['03', 0, 'Osh city council'],
    ]);
    expect(all.regions).toEqual(expect.arrayContaining(['Бишкек', 'Ош', 'Чүй']));
    expect(all.next).toBeUndefined();
    const first = await listDistrictsPage(ctx.db, E, {}, undefined, 2);
    expect([first.districts.map((d) => d.code), first.next]).toEqual([['01', '02'], '02']);
    const second = await listDistrictsPage(ctx.db, E, {}, first.next, 2);
    expect([second.districts.map((d) => d.code), second.next]).toEqual([['03'], undefined]);
    const municipal = await getDistrictsPage(ctx, E, { kind: 'municipality' }, undefined);
    expect(municipal.districts.map((d) => d.code)).toEqual(['03']);
    const chui = await getDistrictsPage(ctx, E, { region: 'Чүй', kind: 'constituency' }, undefined);
    expect(chui.districts.map((d) => d.code)).toEqual(['02']);
  });

  it('refuses a district file that leaves out a district where candidates stand, writing nothing', async () => {
    const withoutFirst = DISTRICTS_CSV.split('\n').filter((line) => !line.startsWith('01,'));
    const r = await importDistricts(ctx, input(withoutFirst.join('\n')));
    expect(r.ok || r.error.map((p) => [p.code, p.params?.code])).toEqual([['import.district_dropped', '01']]);
    expect(await getDistrictTotals(ctx, E)).toEqual({ districts: 3, seats: 47 });
  });
});
