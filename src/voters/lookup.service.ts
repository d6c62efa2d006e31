// "Where do I vote?": the current list's row for the PIN, answered only when the surname letters match
// too; otherwise the same "not found" as for a PIN that is not in the list, so a query learns nothing
// about anyone. A voter without biometric data is told where and until when to register.
import type { AppContext } from '../platform/app-context.ts';
import { bishkekDay } from '../domain/report-deadlines.ts';
import { surnameBeginsWith, type LookupQuery } from './core/lookup.ts';
import { HOME_COUNTRY, type Station } from './core/station-rows.ts';
import { lastDayForRequests } from './core/address-change.ts';
import { findVoterWithStation, loadingSnapshot } from './voter-list.repository.ts';
import { listMobileGroups, stationFromRow, type MobileGroup } from './stations.repository.ts';
import { nextElection } from './voters-election.ts';

export type LookupAnswer =
  | {
      found: true;
      station: Station;
      biometricRegistered: boolean;
      /** Where to register biometric data: mobile groups in the station's country with visits to come. */
      registerAt: MobileGroup[];
      /** The last day to register or change the address, when the rules profile sets one. */
      until: string | undefined;
      movedByRequest: boolean;
    }
  | { found: false };

/**
 * `details: false` (the API) leaves out where to register biometric data, which costs more queries and
 * which the API does not answer.
 */
export async function lookupVoter(
  ctx: AppContext,
  q: LookupQuery,
  opts: { details?: boolean } = {},
): Promise<LookupAnswer> {
  const v = await findVoterWithStation(ctx.db, q.pin);
  if (!v || !surnameBeginsWith(v.surname, v.surname_key, q.letters)) return { found: false };
  const station = stationFromRow({
    number: v.s_number,
    name_ky: v.s_name_ky,
    name_ru: v.s_name_ru,
    name_en: v.s_name_en,
    address_ky: v.s_address_ky,
    address_ru: v.s_address_ru,
    address_en: v.s_address_en,
    country: v.s_country,
    city: v.s_city,
    lat: v.s_lat,
    lon: v.s_lon,
    hours: v.s_hours,
    accessible: v.s_accessible,
    district_commission: v.s_district_commission,
    updated_at: v.s_updated_at,
  });
  const biometricRegistered = v.biometric_registered === 1;
  const details = opts.details !== false && !biometricRegistered;
  const election = details ? await nextElection(ctx) : undefined;
  return {
    found: true,
    station,
    biometricRegistered,
    registerAt: details ? await registrationPlaces(ctx, station) : [],
    until: election ? lastDayForRequests(election.election.electionDay, election.rules) : undefined,
    movedByRequest: v.moved_by_request !== null,
  };
}

/**
 * Mobile groups that register biometric data in the station's country, with visits still to come, in
 * the station's own city first. At home the registration service's centres do it, so none are listed.
 */
async function registrationPlaces(ctx: AppContext, station: Station): Promise<MobileGroup[]> {
  if (station.country === HOME_COUNTRY) return [];
  const today = bishkekDay(ctx.now());
  const groups = (await listMobileGroups(ctx.db, station.country))
    .filter((g) => g.services.includes('biometrics'))
    .map((g) => ({ ...g, visits: g.visits.filter((v) => v.endsOn >= today) }))
    .filter((g) => g.visits.length > 0);
  return groups.sort((a, b) => Number(b.city === station.city) - Number(a.city === station.city)).slice(0, 3);
}

/** Whether a list is being loaded now (an import, or the demo's full list in the background). */
export async function listStillLoading(ctx: AppContext): Promise<boolean> {
  return (await loadingSnapshot(ctx.db)) !== undefined;
}
