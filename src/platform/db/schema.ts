// Table types for Kysely. Each capability adds its tables here alongside its migration.
// Conventions: dates are ISO 'YYYY-MM-DD' text, timestamps ISO text, flags 0/1 integers and money
// integer tyiyn, so that one set of queries behaves the same on SQLite and PostgreSQL.
import type { Generated, Insertable, Selectable } from 'kysely';
import type { LotteryTables } from './tables/lottery.tables.ts';
import type { AccountsTables } from './tables/accounts.tables.ts';
import type { FilingsTables } from './tables/filings.tables.ts';
import type { BankStatementsTables } from './tables/bank-statements.tables.ts';
import type { ComplianceTables } from './tables/compliance.tables.ts';
import type { RacesTables } from './tables/races.tables.ts';
import type { InKindAndLoansTables } from './tables/in-kind-and-loans.tables.ts';
import type { AnnualReportsTables } from './tables/annual-reports.tables.ts';

export interface RulesProfileTable {
  id: string;
  version: number;
  body: string;
  created_at: string;
}

export interface ElectionTable {
  id: string;
  kind: string;
  name_ky: string;
  name_ru: string;
  name_en: string;
  election_day: string;
  called_on: string;
  campaign_start: string;
  campaign_end: string;
  seats: number;
  threshold_bp: number;
  status: string;
  rules_profile_id: string;
  synthetic: number;
  created_at: string;
  updated_at: string;
}

export interface PartyTable {
  registration_number: string;
  name_ky: string;
  name_ru: string;
  name_en: string;
  short_name_ky: string;
  short_name_ru: string;
  short_name_en: string;
  leader: string;
  founded_on: string | null;
  address: string;
  phone: string;
  website: string;
  logo_blob_key: string | null;
  created_at: string;
  updated_at: string;
}

export interface ParticipationTable {
  election_id: string;
  party_registration_number: string;
  ballot_number: number | null;
  status: string;
  status_date: string | null;
  status_reason: string;
  updated_at: string;
}

export interface CandidateTable {
  id: Generated<number>;
  election_id: string;
  party_registration_number: string;
  list_position: number;
  name_ky: string;
  name_ru: string;
  name_latin: string;
  /** Space-separated phonetic keys of all name forms, for cross-script search. */
  search_key: string;
  birth_date: string;
  sex: string;
  occupation: string;
  place_of_residence: string;
  ethnic_minority: number;
  disability: number;
  status: string;
  withdrawn_on: string | null;
  pin: string;
  updated_at: string;
}

export interface ProgrammeTable {
  election_id: string;
  party_registration_number: string;
  text_ky: string;
  text_ru: string;
  text_en: string;
  pdf_blob_key: string | null;
  updated_at: string;
}

export interface ActivityTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
}

export interface BlobTable {
  sha256: string;
  media_type: string;
  size: number;
  original_name: string;
  created_at: string;
}

export interface Database
  extends
    LotteryTables,
    AccountsTables,
    FilingsTables,
    BankStatementsTables,
    ComplianceTables,
    RacesTables,
    InKindAndLoansTables,
    AnnualReportsTables {
  rules_profiles: RulesProfileTable;
  elections: ElectionTable;
  parties: PartyTable;
  participations: ParticipationTable;
  candidates: CandidateTable;
  programmes: ProgrammeTable;
  activity_log: ActivityTable;
  blobs: BlobTable;
}

export type ElectionRow = Selectable<ElectionTable>;
export type PartyRow = Selectable<PartyTable>;
export type ParticipationRow = Selectable<ParticipationTable>;
export type CandidateRow = Selectable<CandidateTable>;
export type NewCandidateRow = Insertable<CandidateTable>;
export type ProgrammeRow = Selectable<ProgrammeTable>;
export type ActivityRow = Selectable<ActivityTable>;
