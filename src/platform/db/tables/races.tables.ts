// The tables of races: the districts of an election and the candidates standing in them (migration 0023),
// and the parties' lists in each district (0025).
import type { Generated } from 'kysely';

export interface DistrictTable {
  election_id: string;
  code: string;
  name_ky: string;
  name_ru: string;
  name_en: string;
  /** constituency | municipality */
  kind: string;
  parent_region: string;
  seats: number;
}

export interface DistrictCandidateTable {
  id: Generated<number>;
  election_id: string;
  district_code: string;
  last_name: string;
  first_name: string;
  /** Empty when the candidate has none. */
  patronymic: string;
  /** party | self */
  nomination: string;
  party_registration_number: string | null;
  /** registered | withdrawn | refused */
  status: string;
  created_at: string;
  /** The number the candidate's electoral fund files under (0026, races/core/candidate-fund.ts). */
  fund_number: string | null;
}

/** A party's list in one district of a local council election. */
export interface DistrictListTable {
  election_id: string;
  district_code: string;
  party_registration_number: string;
  list_size: number;
  /** The day the district's commission registered the list, ISO YYYY-MM-DD. */
  registered_on: string;
}

export interface RacesTables {
  districts: DistrictTable;
  district_candidates: DistrictCandidateTable;
  district_lists: DistrictListTable;
}
