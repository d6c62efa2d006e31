// The tables of voter services (migration 0016). They are this capability's own, so their types live
// here and are added to the shared database type by the repositories.
import type { Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.ts';

export interface VotersTables {
  polling_stations: {
    number: string;
    name_ky: string;
    name_ru: string;
    name_en: string;
    address_ky: string;
    address_ru: string;
    address_en: string;
    country: string;
    city: string;
    lat: number | null;
    lon: number | null;
    hours: string;
    accessible: number | null;
    district_commission: string;
    updated_at: string;
  };
  voter_snapshots: {
    id: Generated<number>;
    as_of: string;
    status: string;
    source: string;
    row_count: number;
    rejected_count: number;
    created_by: string;
    created_at: string;
    completed_at: string | null;
  };
  voter_list_pointer: { list: string; snapshot_id: number; switched_at: string };
  voter_list_entries: {
    snapshot_id: number;
    pin: string;
    surname: string;
    surname_key: string;
    given_name: string;
    patronymic: string;
    birth_date: string;
    death_date: string | null;
    station_number: string;
    biometric_registered: number;
    moved_by_request: string | null;
  };
  mobile_groups: {
    id: Generated<number>;
    country: string;
    city: string;
    address_ky: string;
    address_ru: string;
    address_en: string;
    services: string;
    created_at: string;
  };
  mobile_group_visits: {
    id: Generated<number>;
    group_id: number;
    starts_on: string;
    ends_on: string;
    hours: string;
  };
  address_change_requests: {
    id: Generated<number>;
    number: string;
    election_id: string;
    pin: string;
    surname: string;
    surname_key: string;
    given_name: string;
    patronymic: string;
    from_station: string | null;
    to_station: string;
    reason: string;
    contact: string;
    status: string;
    decision_reason: string | null;
    filed_on: string;
    filed_at: string;
    decided_at: string | null;
    decided_by: string | null;
  };
  address_change_events: {
    id: Generated<number>;
    request_id: number;
    at: string;
    status: string;
    actor: string;
    reason: string | null;
  };
}

export type VotersDb = Kysely<Database & VotersTables>;
export type VotersTrx = Transaction<Database & VotersTables>;

/** The shared handle seen with this capability's tables. */
export const votersDb = (db: Kysely<Database>): VotersDb => db as unknown as VotersDb;
