// The parties' lists per district on every database: a district's lists in order, the count per district
// for a page of the list, the parties of the lists with whether they stand in the election, and both
// brought together by the races' services.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import type { AppContext } from '../platform/app-context.ts';
import { insertParty } from '../parties/index.ts';
import type { DistrictPartyList } from './core/district.ts';
import {
  countDistrictLists,
  countListsByDistrict,
  findListedParties,
  insertDistrictLists,
  listDistrictPartyLists,
} from './district-lists.repository.ts';
import { DISTRICTS_CSV, RACE_ELECTION, RACE_PARTY, raceTestContext, setupRaceElection } from './races.test-support.ts';
import type { RaceTestContext } from './races.test-support.ts';
import { getDistrictRace, getDistrictsPage, importDistricts } from './races.service.ts';

const E = RACE_ELECTION.id;
const OUTSIDER = { ...RACE_PARTY, registrationNumber: 'RP-900', shortName: { ky: 'СП', ru: 'СП', en: 'OP' } };

const list = (districtCode: string, partyRegistrationNumber: string, listSize: number): DistrictPartyList => ({
  districtCode,
  partyRegistrationNumber,
  listSize,
  registeredOn: '2031-10-01',
});

describeEachDatabase('district lists', (get) => {
  let t: RaceTestContext;
  let ctx: AppContext;
  beforeAll(async () => {
    t = raceTestContext(get().db);
    ctx = t.ctx;
    await setupRaceElection(ctx);
    expect((await importDistricts(ctx, { electionId: E, text: DISTRICTS_CSV, actor: 'test' })).ok).toBe(true);
    // A party with a record but no part in this election: its list shows without a link.
    await insertParty(ctx.db, OUTSIDER, '2031-10-01T00:00:00Z');
    await ctx.db
      .transaction()
      .execute((trx) =>
        insertDistrictLists(trx, E, [list('03', 'RP-900', 12), list('03', 'RP-001', 45), list('01', 'RP-001', 3)]),
      );
  });
  afterAll(() => t.close());

  it('reads a district’s lists in the order of the parties’ numbers', async () => {
    expect(await listDistrictPartyLists(ctx.db, E, '03')).toEqual([list('03', 'RP-001', 45), list('03', 'RP-900', 12)]);
    expect(await listDistrictPartyLists(ctx.db, E, '02')).toEqual([]);
    expect(await countDistrictLists(ctx.db, E)).toBe(3);
  });

  it('counts the lists of the districts asked for, in one statement', async () => {
    expect(await countListsByDistrict(ctx.db, E, ['01', '02', '03'])).toEqual(
      new Map([
        ['01', 1],
        ['03', 2],
      ]),
    );
    expect(await countListsByDistrict(ctx.db, E, [])).toEqual(new Map());
  });

  it('finds the parties of the lists, knowing which stand in the election', async () => {
    const found = await findListedParties(ctx.db, E, ['RP-001', 'RP-900', 'RP-404']);
    expect([...found.keys()].sort()).toEqual(['RP-001', 'RP-900']);
    expect(found.get('RP-001')?.inElection).toBe(true);
    expect(found.get('RP-900')?.inElection).toBe(false);
    expect(found.get('RP-900')?.party.shortName.en).toBe('OP');
  });

  it('shows the counts on the list and the lists on a district', async () => {
    const page = await getDistrictsPage(ctx, E, {}, undefined);
    expect(page.districts.map((d) => [d.code, d.partyLists])).toEqual([
      ['01', 1],
      ['02', 0],
      ['03', 2],
    ]);
    const race = await getDistrictRace(ctx, E, '03');
    expect(race?.lists.map((l) => l.partyRegistrationNumber)).toEqual(['RP-001', 'RP-900']);
    expect([...(race?.partiesInElection ?? [])]).toEqual(['RP-001']);
    expect(race?.parties.get('RP-900')?.registrationNumber).toBe('RP-900');
  });
});
