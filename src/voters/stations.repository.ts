// Polling stations and mobile groups: written by the stations import and the demo, read by the public
// pages, the lookup and the address-change checks.
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { Station } from './core/station-rows.ts';
import { votersDb, type VotersTables } from './voters.tables.ts';

type StationRow = VotersTables['polling_stations'];

export function stationFromRow(r: StationRow): Station {
  return {
    number: r.number,
    name: { ky: r.name_ky, ru: r.name_ru, en: r.name_en },
    address: { ky: r.address_ky, ru: r.address_ru, en: r.address_en },
    country: r.country,
    city: r.city,
    lat: r.lat,
    lon: r.lon,
    hours: r.hours,
    accessible: r.accessible === null ? null : r.accessible === 1,
    districtCommission: r.district_commission,
  };
}

function rowOf(s: Station, at: string): StationRow {
  return {
    number: s.number,
    name_ky: s.name.ky,
    name_ru: s.name.ru,
    name_en: s.name.en,
    address_ky: s.address.ky,
    address_ru: s.address.ru,
    address_en: s.address.en,
    country: s.country,
    city: s.city,
    lat: s.lat,
    lon: s.lon,
    hours: s.hours,
    accessible: s.accessible === null ? null : s.accessible ? 1 : 0,
    district_commission: s.districtCommission,
    updated_at: at,
  };
}

/** Adds or replaces the given stations (by number) in one transaction; stations not named stay as they are. */
export async function upsertStations(db: Kysely<Database>, stations: readonly Station[], at: string): Promise<void> {
  await votersDb(db)
    .transaction()
    .execute(async (trx) => {
      for (let i = 0; i < stations.length; i += 200) {
        const rows = stations.slice(i, i + 200).map((s) => rowOf(s, at));
        await trx
          .insertInto('polling_stations')
          .values(rows)
          .onConflict((oc) =>
            oc.column('number').doUpdateSet((eb) => ({
              name_ky: eb.ref('excluded.name_ky'),
              name_ru: eb.ref('excluded.name_ru'),
              name_en: eb.ref('excluded.name_en'),
              address_ky: eb.ref('excluded.address_ky'),
              address_ru: eb.ref('excluded.address_ru'),
              address_en: eb.ref('excluded.address_en'),
              country: eb.ref('excluded.country'),
              city: eb.ref('excluded.city'),
              lat: eb.ref('excluded.lat'),
              lon: eb.ref('excluded.lon'),
              hours: eb.ref('excluded.hours'),
              accessible: eb.ref('excluded.accessible'),
              district_commission: eb.ref('excluded.district_commission'),
              updated_at: eb.ref('excluded.updated_at'),
            })),
          )
          .execute();
      }
    });
}

export interface StationFilter {
  region?: string | undefined;
  country?: string | undefined;
  city?: string | undefined;
}

export async function listStations(db: Kysely<Database>, f: StationFilter = {}): Promise<Station[]> {
  let q = votersDb(db).selectFrom('polling_stations').selectAll();
  if (f.region) q = q.where('district_commission', '=', f.region);
  if (f.country) q = q.where('country', '=', f.country);
  if (f.city) q = q.where('city', '=', f.city);
  const rows = await q.orderBy('country').orderBy('city').orderBy('number').execute();
  return rows.map(stationFromRow);
}

/** Where a page of stations ends, in the order of `listStations`: the next page starts after it. */
export interface StationKey {
  country: string;
  city: string;
  number: string;
}

/**
 * A page of the stations the filter selects, in the order of `listStations`, starting after `after`:
 * keyset paging, so a deep page costs what the first does. One more than `limit` is read to tell
 * whether a next page exists; `next` is the key to start it from.
 */
export async function listStationsPage(
  db: Kysely<Database>,
  f: StationFilter,
  after: StationKey | undefined,
  limit: number,
): Promise<{ stations: Station[]; next: StationKey | undefined }> {
  let q = votersDb(db).selectFrom('polling_stations').selectAll();
  if (f.region) q = q.where('district_commission', '=', f.region);
  if (f.country) q = q.where('country', '=', f.country);
  if (f.city) q = q.where('city', '=', f.city);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('country', '>', after.country),
        eb.and([eb('country', '=', after.country), eb('city', '>', after.city)]),
        eb.and([eb('country', '=', after.country), eb('city', '=', after.city), eb('number', '>', after.number)]),
      ]),
    );
  const rows = await q
    .orderBy('country')
    .orderBy('city')
    .orderBy('number')
    .limit(limit + 1)
    .execute();
  const stations = rows.slice(0, limit).map(stationFromRow);
  const last = stations.at(-1);
  const next =
    rows.length > limit && last ? { country: last.country, city: last.city, number: last.number } : undefined;
  return { stations, next };
}

export async function findStation(db: Kysely<Database>, number: string): Promise<Station | undefined> {
  const r = await votersDb(db)
    .selectFrom('polling_stations')
    .selectAll()
    .where('number', '=', number)
    .executeTakeFirst();
  return r ? stationFromRow(r) : undefined;
}

export async function stationNumbers(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await votersDb(db).selectFrom('polling_stations').select('number').execute();
  return new Set(rows.map((r) => r.number));
}

/** What the filters offer: regions (district commissions), countries and cities that have stations. */
export async function stationPlaces(
  db: Kysely<Database>,
): Promise<{ regions: string[]; countries: string[]; cities: Array<{ country: string; city: string }> }> {
  const rows = await votersDb(db)
    .selectFrom('polling_stations')
    .select(['district_commission', 'country', 'city'])
    .distinct()
    .orderBy('country')
    .orderBy('city')
    .execute();
  const regions = [...new Set(rows.map((r) => r.district_commission))].filter((x) => x !== '').sort();
  const countries = [...new Set(rows.map((r) => r.country))];
  const seen = new Set<string>();
  const cities = rows.flatMap((r) => {
    const k = `${r.country}/${r.city}`;
    if (seen.has(k)) return [];
    seen.add(k);
    return [{ country: r.country, city: r.city }];
  });
  return { regions, countries, cities };
}

export interface MobileGroupVisit {
  id: number;
  startsOn: string;
  endsOn: string;
  hours: string;
}

export interface MobileGroup {
  id: number;
  country: string;
  city: string;
  address: { ky: string; ru: string; en: string };
  services: Array<'biometrics' | 'address-change'>;
  visits: MobileGroupVisit[];
}

export type NewMobileGroup = Omit<MobileGroup, 'id' | 'visits'> & { visits: Array<Omit<MobileGroupVisit, 'id'>> };

export async function addMobileGroup(db: Kysely<Database>, g: NewMobileGroup, at: string): Promise<number> {
  return votersDb(db)
    .transaction()
    .execute(async (trx) => {
      const { id } = await trx
        .insertInto('mobile_groups')
        .values({
          country: g.country,
          city: g.city,
          address_ky: g.address.ky,
          address_ru: g.address.ru,
          address_en: g.address.en,
          services: g.services.join(','),
          created_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (g.visits.length > 0)
        await trx
          .insertInto('mobile_group_visits')
          .values(g.visits.map((v) => ({ group_id: id, starts_on: v.startsOn, ends_on: v.endsOn, hours: v.hours })))
          .execute();
      return Number(id);
    });
}

export async function listMobileGroups(db: Kysely<Database>, country?: string): Promise<MobileGroup[]> {
  let q = votersDb(db).selectFrom('mobile_groups').selectAll();
  if (country) q = q.where('country', '=', country);
  const groups = await q.orderBy('country').orderBy('city').orderBy('id').execute();
  if (groups.length === 0) return [];
  const visits = await votersDb(db)
    .selectFrom('mobile_group_visits')
    .selectAll()
    .where(
      'group_id',
      'in',
      groups.map((g) => g.id),
    )
    .orderBy('starts_on')
    .execute();
  return groups.map((g) => ({
    id: Number(g.id),
    country: g.country,
    city: g.city,
    address: { ky: g.address_ky, ru: g.address_ru, en: g.address_en },
    services: g.services
      .split(',')
      .filter((s): s is 'biometrics' | 'address-change' => s === 'biometrics' || s === 'address-change'),
    visits: visits
      .filter((v) => Number(v.group_id) === Number(g.id))
      .map((v) => ({ id: Number(v.id), startsOn: v.starts_on, endsOn: v.ends_on, hours: v.hours })),
  }));
}
