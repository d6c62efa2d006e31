// What a district and a single-mandate candidate are in the races: the plain types the parsers return,
// the repository stores and the pages show.
import type { Localized } from '../../domain/election.ts';

export const DISTRICT_KINDS = ['constituency', 'municipality'] as const;
export type DistrictKind = (typeof DISTRICT_KINDS)[number];

export const NOMINATIONS = ['party', 'self'] as const;
export type Nomination = (typeof NOMINATIONS)[number];

export const CANDIDATE_STATUSES = ['registered', 'withdrawn', 'refused'] as const;
export type DistrictCandidateStatus = (typeof CANDIDATE_STATUSES)[number];

export interface District {
  code: string;
  name: Localized;
  kind: DistrictKind;
  parentRegion: string;
  seats: number;
}

/** A candidate standing in a district, as a file gives them (row numbers kept for later checks). */
export interface DistrictCandidate {
  districtCode: string;
  lastName: string;
  firstName: string;
  /** Empty when the candidate has none. */
  patronymic: string;
  nomination: Nomination;
  /** Exactly when nominated by a party. */
  partyRegistrationNumber: string | null;
  status: DistrictCandidateStatus;
}

export const isDistrictKind = (s: string): s is DistrictKind => (DISTRICT_KINDS as readonly string[]).includes(s);
export const isNomination = (s: string): s is Nomination => (NOMINATIONS as readonly string[]).includes(s);
export const isCandidateStatus = (s: string): s is DistrictCandidateStatus =>
  (CANDIDATE_STATUSES as readonly string[]).includes(s);

/** A party's list in one district of a local council election. */
export interface DistrictPartyList {
  districtCode: string;
  partyRegistrationNumber: string;
  /** How many candidates the list names. */
  listSize: number;
  /** The day the district's commission registered it, ISO YYYY-MM-DD. */
  registeredOn: string;
}
