// A request to vote elsewhere on election day (temporarily, inside the country or abroad), checked
// against the current voter list: the person is in it under the surname given, alive as far as the list
// knows, of age on election day, not already moved by another request, and asking in time. The checks
// only inform the commission; it approves or refuses, with a reason the voter can read.

export const REQUEST_STATUSES = ['submitted', 'approved', 'refused'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Why a request was refused: a fixed list, so that the public status page shows nothing personal. */
export const REFUSAL_REASONS = [
  'not_in_list',
  'details_do_not_match',
  'under_age',
  'deceased',
  'already_moved',
  'after_deadline',
  'same_station',
  'other',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export const CHECK_CODES = ['in_list', 'alive', 'of_age', 'not_moved', 'other_station', 'in_time'] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

/** One automatic check: passed, failed, or null when it cannot be told (no voter, no rule). */
export interface CheckOutcome {
  code: CheckCode;
  passed: boolean | null;
}

/** What the list says about the voter a request names. */
export interface VoterFacts {
  surnameMatches: boolean;
  birthDate: string;
  deathDate: string | null;
  stationNumber: string;
  /** The number of the approved request that already moved the voter, if any. */
  movedByRequest: string | null;
}

export interface VoterRules {
  minimumAge: number;
  addressChangeClosesDaysBefore: number;
}

/** Full years between `birthDate` and `day` (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** `day` moved by `days` (negative: earlier), as YYYY-MM-DD. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The last day a request is taken; undefined when the rules profile sets no closing day. */
export function lastDayForRequests(electionDay: string, rules: VoterRules | undefined): string | undefined {
  return rules ? addDays(electionDay, -rules.addressChangeClosesDaysBefore - 1) : undefined;
}

export interface RequestToCheck {
  number: string;
  voter: VoterFacts | undefined;
  toStation: string;
  filedOn: string;
  electionDay: string;
  rules: VoterRules | undefined;
}

export function checkAddressChange(r: RequestToCheck): CheckOutcome[] {
  const v = r.voter && r.voter.surnameMatches ? r.voter : undefined;
  const last = lastDayForRequests(r.electionDay, r.rules);
  const known = <T>(f: (x: VoterFacts) => T): T | null => (v ? f(v) : null);
  return [
    { code: 'in_list', passed: v !== undefined },
    { code: 'alive', passed: known((x) => x.deathDate === null || x.deathDate > r.filedOn) },
    {
      code: 'of_age',
      passed: r.rules ? known((x) => ageOn(x.birthDate, r.electionDay) >= (r.rules?.minimumAge ?? 0)) : null,
    },
    { code: 'not_moved', passed: known((x) => x.movedByRequest === null || x.movedByRequest === r.number) },
    { code: 'other_station', passed: known((x) => x.stationNumber !== r.toStation) },
    { code: 'in_time', passed: last === undefined ? null : r.filedOn <= last },
  ];
}

/** The refusal a failed check suggests, in the order the checks are read. */
export function suggestedRefusal(checks: readonly CheckOutcome[]): RefusalReason | undefined {
  const failed = new Set(checks.filter((c) => c.passed === false).map((c) => c.code));
  if (failed.has('in_list')) return 'not_in_list';
  if (failed.has('alive')) return 'deceased';
  if (failed.has('of_age')) return 'under_age';
  if (failed.has('not_moved')) return 'already_moved';
  if (failed.has('other_station')) return 'same_station';
  if (failed.has('in_time')) return 'after_deadline';
  return undefined;
}
