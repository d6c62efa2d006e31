// The tables of races (migration 0023): the districts of an election and the candidates standing in them.
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
}

export interface RacesTables {
  districts: DistrictTable;
  district_candidates: DistrictCandidateTable;
}
