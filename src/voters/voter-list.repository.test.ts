// The voter list, stations and requests on every database: a snapshot written in batches becomes current
// only when switched to, the lookup reads one row by PIN, an approved move survives a new list, and a
// replaced snapshot's rows are removed.
import { expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEachDatabase } from '../../test/support/databases.ts';
import type { AppContext } from '../platform/app-context.ts';
import { syntheticStations, syntheticVoter } from './core/synthetic.ts';
import { findStation, upsertStations, listStations, listStationsPage, stationPlaces } from './stations.repository.ts';
import {
  currentSnapshot,
  findVoterByPin,
  moveVoter,
  writeVoterBatch,
  createVoterSnapshot,
  switchToSnapshot,
} from './voter-list.repository.ts';
import { importStations, importVoters, VoterListWriter, type RejectedRow } from './voter-list.service.ts';
import { insertRequest, decideRequest } from './address-change.repository.ts';
import { votersDb } from './voters.tables.ts';

const stations = syntheticStations(7);
const home = stations.filter((s) => s.country === 'KG').map((s) => s.number);
const abroad = stations.filter((s) => s.country !== 'KG').map((s) => s.number);
const voter = (i: number) => syntheticVoter(7, i, home, abroad);

describeEachDatabase('voter list repository', (get) => {
  const ctxOf = (): AppContext =>
    ({ db: get().db, now: () => new Date('2026-12-01T08:00:00Z') }) as unknown as AppContext;

  it('stores stations and finds them by number and place', async () => {
    await upsertStations(get().db, stations, '2026-12-01T08:00:00Z');
    expect((await findStation(get().db, '9501'))?.city).toBe('Moscow');
    expect((await listStations(get().db, { country: 'TR' })).map((s) => s.city)).toEqual([
      'Ankara',
      'Ankara',
      'Istanbul',
      'Istanbul',
      'Istanbul',
    ]);
    expect((await stationPlaces(get().db)).countries).toContain('KR');
  });

  it('reads a filter’s stations a page at a time, each once and in the order of the whole list', async () => {
    await upsertStations(get().db, stations, '2026-12-01T08:00:00Z');
    const whole = (await listStations(get().db, { country: 'KG' })).map((s) => s.number);
    const paged: string[] = [];
    let after: Parameters<typeof listStationsPage>[2];
    for (let pages = 0; pages < 1000; pages++) {
      const page = await listStationsPage(get().db, { country: 'KG' }, after, 97);
      expect(page.stations.length).toBeLessThanOrEqual(97);
      paged.push(...page.stations.map((s) => s.number));
      after = page.next;
      if (!after) break;
    }
    expect(whole.length).toBeGreaterThan(2 * 97);
    expect(paged).toEqual(whole);
  });
  it('answers from a snapshot only once it is switched to, and keeps the first of a duplicate PIN', async () => {
    const db = get().db;
    const id = await createVoterSnapshot(db, {
      asOf: '2026-11-01',
      source: 't',
      actor: 'test',
      at: '2026-12-01T08:00:00Z',
    });
    const dups = await writeVoterBatch(db, id, [voter(0), voter(5), { ...voter(5), surname: 'Другой' }]);
    expect(dups).toEqual([voter(5).pin]);
    expect(await findVoterByPin(db, voter(0).pin)).toBeUndefined();
    await switchToSnapshot(db, id, 0, '2026-12-01T08:00:00Z');
    expect((await findVoterByPin(db, voter(5).pin))?.surname).toBe(voter(5).surname);
    expect((await currentSnapshot(db))?.row_count).toBe(2);
  });

  it('replaces the list whole, moves approved voters again and drops the old rows', async () => {
    const ctx = ctxOf();
    const db = get().db;
    const v = voter(42);
    const w0 = await VoterListWriter.start(ctx, { asOf: '2026-11-01', source: 'a', actor: 'test' });
    for (let i = 10; i < 25_000; i++) await w0.add(voter(i));
    await w0.finish(0, 'test');
    const req = await insertRequest(
      db,
      {
        number: 'AC-TEST-0001',
        election_id: 'e',
        pin: v.pin,
        surname: v.surname,
        surname_key: v.surnameKey,
        given_name: v.givenName,
        patronymic: v.patronymic,
        from_station: v.stationNumber,
        to_station: '9501',
        reason: 'work',
        contact: 'x',
        filed_on: '2026-12-01',
        filed_at: '2026-12-01T08:00:00Z',
      },
      'test',
    );
    expect(
      await decideRequest(db, req.id, { status: 'approved', reason: null, actor: 'test', at: '2026-12-01T09:00:00Z' }),
    ).toBe(true);
    expect(
      await decideRequest(db, req.id, {
        status: 'refused',
        reason: 'other',
        actor: 'test',
        at: '2026-12-01T09:00:00Z',
      }),
    ).toBe(false);
    expect(await moveVoter(db, v.pin, '9501', 'AC-TEST-0001')).toBe(true);
    const w1 = await VoterListWriter.start(ctx, { asOf: '2026-11-15', source: 'b', actor: 'test' });
    for (let i = 20; i < 60; i++) await w1.add(voter(i));
    await w1.finish(0, 'test');
    const moved = await findVoterByPin(db, v.pin);
    expect(moved).toMatchObject({ station_number: '9501', moved_by_request: 'AC-TEST-0001' });
    expect(await findVoterByPin(db, voter(15).pin)).toBeUndefined();
    const left = await votersDb(db)
      .selectFrom('voter_list_entries')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(left.n)).toBe(40);
  });

  it('imports files, reporting bad rows by line and keeping the current list when the header is wrong', async () => {
    const ctx = ctxOf();
    const dir = mkdtempSync(join(tmpdir(), 'voters-import-'));
    const stationsCsv = join(dir, 'stations.csv');
    writeFileSync(
      stationsCsv,
      'number,name_ky,name_ru,name_en,address_ky,address_ru,address_en,country,city,lat,lon,hours,accessible,district_commission\n' +
        '9601,Сеул,Сеул,Seoul,"Сеул, элчилик","Сеул, посольство","Seoul, embassy",KR,Seoul,37.5,127,08:00–20:00,1,Abroad\n' +
        '9602,,,,,,,Korea,,,,,,\n',
    );
    const rejected: RejectedRow[] = [];
    const s = await importStations(ctx, { path: stationsCsv, actor: 'test', onRejected: (r) => rejected.push(r) });
    expect(s.ok && s.value).toEqual({ stations: 1, rejected: 1 });
    expect(rejected.map((r) => `${r.line}:${r.code}`)).toContain('3:station.country');

    const before = await currentSnapshot(get().db);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'pin,surname,name\n11503199099001,Асанова,Айгүл\n');
    const refused = await importVoters(ctx, { path: bad, asOf: '2026-11-20', actor: 'test' });
    expect(refused.ok).toBe(false);
    expect((await currentSnapshot(get().db))?.id).toBe(before?.id);

    const good = join(dir, 'voters.csv');
    writeFileSync(
      good,
      '\ufeffpin,surname,given_name,patronymic,birth_date,station_number,biometric_registered\n' +
        '11503199099001,Асанова,Айгүл,Бакыт кызы,1990-03-15,9601,1\n' +
        '2020719859900,Токтогулов,Нурлан,,1985-07-02,9601,0\n' +
        '20207198599002,Токтогулов,Нурлан,,1985-07-02,0000,0\n' +
        '20207198599003,"Токтогулов,Нурлан,,1985-07-02,9601,0\n' +
        '20207198599004,Токтогулов,Нурлан,,1985-07-02,9601,0\n',
    );
    const lines: RejectedRow[] = [];
    const r = await importVoters(ctx, {
      path: good,
      asOf: '2026-11-20',
      actor: 'test',
      onRejected: (x) => lines.push(x),
    });
    expect(r.ok && r.value.written).toBe(2);
    expect(lines.map((x) => `${x.line}:${x.code}`)).toEqual(['3:voter.pin_length', '4:voter.station', '5:row.quotes']);
    expect((await findVoterByPin(get().db, '20207198599004'))?.station_number).toBe('9601');
    expect((await currentSnapshot(get().db))?.rejected_count).toBe(3);
  });
});
