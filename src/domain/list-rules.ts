// The quota rules for a party's candidate list (Art. 60(3), 2011 text; numbers from the election's
// rules profile): list size, share and alternation of the sexes, youth, ethnic minorities and
// persons with disabilities — evaluated as the list stands, with the numbers a page shows.
//
// Readings, each a choice the law leaves open:
// - Only registered candidates count. Withdrawn and deregistered ones are not replaced, so the
//   rules are re-checked after every change and a list that passed at registration can fail later
//   (one party fell to 29% women in 2020).
// - The remaining candidates keep their list order (by `listPosition`) and close up: adjacency for
//   the alternation rule and "within the first N" use places among registered candidates. The
//   original list positions are reported alongside so a reader can find the people.
// - "The difference in the order of women and men shall not exceed three positions" is read as:
//   no more than `maxRunOneSex` consecutive candidates of the same sex (2 in the built-in profiles).
//   It is a profile setting because the other reading (3) is defensible.
// - Ages are full calendar years on election day: 35 on election day is no longer "under 35". A
//   person born on 29 February turns a year older on 1 March in common years.
// - Shares are decided in integers: a percent setting is read to hundredths (basis points), and
//   count × 10 000 is compared with basis points × total, so 70% of 150 is exactly 105, not 104.99….
//   The percent shown (`actual`) is rounded to tenths towards failure (up for a maximum, down for a
//   minimum), so a list shown "70.0%" against "at most 70%" has passed, never failed.
// - An empty list passes the share rules vacuously (0 of 0 is within any share) and fails on its
//   size, which is the finding that matters.
// - With no candidate with a disability required (`minDisabled` 0) there is no "one of them in the
//   first N" to check, and that rule passes.
// - Each result names the candidates it is about (`candidates`, in list order), so that a message
//   can say who: those counted by a share or count rule (the more numerous sex, the young, the
//   minorities, the persons with disabilities), the longest run, the first person with a disability,
//   and for the list size those over the maximum or, for a list too short, those no longer counted.
import type { Candidate } from './election.ts';
import type { RulesProfile } from './rules-profile.ts';

export type ListCandidate = Pick<
  Candidate,
  'listPosition' | 'sex' | 'birthDate' | 'ethnicMinority' | 'disability' | 'status'
> &
  Partial<Pick<Candidate, 'nameKy' | 'nameRu' | 'nameLatin'>>;

/** A candidate a rule result is about: the list position, and the names when the caller gave them. */
export interface ConcernedCandidate {
  listPosition: number;
  names?: { nameKy: string; nameRu: string; nameLatin: string };
}
export type CandidateListRules = RulesProfile['candidateList'];

interface RuleOutcome<R extends string, D extends Record<string, number>> {
  rule: R;
  passed: boolean;
  /** The list's figure: a count, a length, a place, or for share rules a percent (one decimal). */
  actual: number;
  /** The law's figure in the same unit as `actual`: a minimum or a maximum depending on the rule. */
  required: number;
  details: D;
  /** The candidates the figure is about, in list order (see the readings above). */
  candidates: ConcernedCandidate[];
}

/** `required` is the minimum size, or the maximum when the list is longer than that. */
export type ListSizeResult = RuleOutcome<
  'list-size',
  {
    total: number;
    min: number;
    max: number;
    /** Withdrawn and deregistered candidates, left out of every count. */
    excluded: number;
  }
>;
export type MaxShareOneSexResult = RuleOutcome<
  'max-share-one-sex',
  {
    women: number;
    men: number;
    total: number;
    /** Candidates of the more numerous sex (women on a tie). */
    count: number;
    /** The most candidates of one sex the list may have. */
    maxAllowed: number;
  }
>;
export type MaxRunOneSexResult = RuleOutcome<
  'max-run-one-sex',
  {
    longestRun: number;
    /** List position of the first candidate of the (first) longest run; 0 for an empty list. */
    runStartsAt: number;
    runEndsAt: number;
    maxRun: number;
  }
>;
export type MinShareYouthResult = RuleOutcome<
  'min-share-youth',
  { count: number; total: number; ageLimit: number; minRequired: number }
>;
export type MinShareMinorityResult = RuleOutcome<
  'min-share-minority',
  { count: number; total: number; minRequired: number }
>;
export type MinDisabledResult = RuleOutcome<'min-disabled', { count: number; total: number }>;
export type DisabledWithinFirstResult = RuleOutcome<
  'disabled-within-first',
  {
    /** Place of the first candidate with a disability among registered candidates; 0 if none. */
    firstDisabledAt: number;
    /** That candidate's list position; 0 if none. */
    firstDisabledListPosition: number;
    withinFirst: number;
  }
>;

export type ListRuleResult =
  | ListSizeResult
  | MaxShareOneSexResult
  | MaxRunOneSexResult
  | MinShareYouthResult
  | MinShareMinorityResult
  | MinDisabledResult
  | DisabledWithinFirstResult;
export type ListRuleName = ListRuleResult['rule'];

/** The rules in the order pages show them. */
export const LIST_RULES: readonly ListRuleName[] = [
  'list-size',
  'max-share-one-sex',
  'max-run-one-sex',
  'min-share-youth',
  'min-share-minority',
  'min-disabled',
  'disabled-within-first',
];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIsoDate(iso: string): [number, number, number] {
  const m = ISO_DATE.exec(iso);
  // Dates reach here through the zod schemas of election.ts; anything else is a bug, not an input.
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Full calendar years from `birthDate` to `day` (ISO dates); the birthday itself counts. */
export function fullYearsOn(birthDate: string, day: string): number {
  const [by, bm, bd] = parseIsoDate(birthDate);
  const [y, m, d] = parseIsoDate(day);
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

function concerned(list: readonly ListCandidate[]): ConcernedCandidate[] {
  return list.map((c) =>
    c.nameKy !== undefined && c.nameRu !== undefined && c.nameLatin !== undefined
      ? { listPosition: c.listPosition, names: { nameKy: c.nameKy, nameRu: c.nameRu, nameLatin: c.nameLatin } }
      : { listPosition: c.listPosition },
  );
}

const basisPoints = (percent: number): number => Math.round(percent * 100);
const ceilDiv = (a: number, b: number): number => Math.floor(a / b) + (a % b === 0 ? 0 : 1);

/** count / total in percent, to one decimal, rounded up (for maximum rules). */
const percentUp = (count: number, total: number): number => (total === 0 ? 0 : ceilDiv(count * 1000, total) / 10);
/** count / total in percent, to one decimal, rounded down (for minimum rules). */
const percentDown = (count: number, total: number): number =>
  total === 0 ? 0 : Math.floor((count * 1000) / total) / 10;

/** A minimum-share rule's result: `counted` of `total` against `percent`, decided in basis points. */
function minShare<R extends 'min-share-youth' | 'min-share-minority', X extends Record<string, number>>(
  rule: R,
  counted: readonly ListCandidate[],
  total: number,
  percent: number,
  extra: X,
): RuleOutcome<R, { count: number; total: number; minRequired: number } & X> {
  const count = counted.length;
  const bp = basisPoints(percent);
  return {
    rule,
    passed: count * 10_000 >= bp * total,
    actual: percentDown(count, total),
    required: percent,
    details: { count, total, ...extra, minRequired: ceilDiv(bp * total, 10_000) },
    candidates: concerned(counted),
  };
}

/** Checks a party's list against the quota rules as it stands on `electionDay`, one result per rule in `LIST_RULES` order. */
export function checkCandidateList(
  candidates: readonly ListCandidate[],
  electionDay: string,
  rules: CandidateListRules,
): ListRuleResult[] {
  // Array.prototype.sort is stable, so equal positions (a data error elsewhere) keep input order.
  const byPosition = (a: ListCandidate, b: ListCandidate) => a.listPosition - b.listPosition;
  const list = candidates.filter((c) => c.status === 'registered').sort(byPosition);
  const total = list.length;
  const notCounted = candidates.filter((c) => c.status !== 'registered').sort(byPosition);

  const size: ListSizeResult = {
    rule: 'list-size',
    passed: total >= rules.minSize && total <= rules.maxSize,
    actual: total,
    required: total > rules.maxSize ? rules.maxSize : rules.minSize,
    details: { total, min: rules.minSize, max: rules.maxSize, excluded: candidates.length - total },
    candidates: concerned(total > rules.maxSize ? list.slice(rules.maxSize) : total < rules.minSize ? notCounted : []),
  };

  const women = list.filter((c) => c.sex === 'female').length;
  const men = total - women;
  const largerSex: ListCandidate['sex'] = women >= men ? 'female' : 'male';
  const larger = Math.max(women, men);
  const maxShareBp = basisPoints(rules.maxShareOneSexPercent);
  const share: MaxShareOneSexResult = {
    rule: 'max-share-one-sex',
    passed: larger * 10_000 <= maxShareBp * total,
    actual: percentUp(larger, total),
    required: rules.maxShareOneSexPercent,
    details: { women, men, total, count: larger, maxAllowed: Math.floor((maxShareBp * total) / 10_000) },
    candidates: concerned(list.filter((c) => c.sex === largerSex)),
  };

  let longestRun = 0;
  let runStartsAt = 0;
  let runEndsAt = 0;
  let runFrom = 0;
  for (let start = 0; start < list.length;) {
    let end = start;
    while (end + 1 < list.length && list[end + 1]?.sex === list[start]?.sex) end++;
    if (end - start + 1 > longestRun) {
      longestRun = end - start + 1;
      runStartsAt = list[start]?.listPosition ?? 0;
      runEndsAt = list[end]?.listPosition ?? 0;
      runFrom = start;
    }
    start = end + 1;
  }
  const run: MaxRunOneSexResult = {
    rule: 'max-run-one-sex',
    passed: longestRun <= rules.maxRunOneSex,
    actual: longestRun,
    required: rules.maxRunOneSex,
    details: { longestRun, runStartsAt, runEndsAt, maxRun: rules.maxRunOneSex },
    candidates: concerned(list.slice(runFrom, runFrom + longestRun)),
  };

  const young = list.filter((c) => fullYearsOn(c.birthDate, electionDay) < rules.youthAgeLimit);
  const youth: MinShareYouthResult = minShare('min-share-youth', young, total, rules.minShareYouthPercent, {
    ageLimit: rules.youthAgeLimit,
  });

  const minorities = list.filter((c) => c.ethnicMinority);
  const minority: MinShareMinorityResult = minShare(
    'min-share-minority',
    minorities,
    total,
    rules.minShareMinorityPercent,
    {},
  );

  const withDisability = list.filter((c) => c.disability);
  const disabledCount = withDisability.length;
  const disabled: MinDisabledResult = {
    rule: 'min-disabled',
    passed: disabledCount >= rules.minDisabled,
    actual: disabledCount,
    required: rules.minDisabled,
    details: { count: disabledCount, total },
    candidates: concerned(withDisability),
  };

  const firstIndex = list.findIndex((c) => c.disability);
  const firstDisabledAt = firstIndex + 1;
  const withinFirst: DisabledWithinFirstResult = {
    rule: 'disabled-within-first',
    passed: rules.minDisabled === 0 || (firstDisabledAt > 0 && firstDisabledAt <= rules.disabledWithinFirst),
    actual: firstDisabledAt,
    required: rules.disabledWithinFirst,
    details: {
      firstDisabledAt,
      firstDisabledListPosition: list[firstIndex]?.listPosition ?? 0,
      withinFirst: rules.disabledWithinFirst,
    },
    candidates: concerned(withDisability.slice(0, 1)),
  };

  return [size, share, run, youth, minority, disabled, withinFirst];
}

/** True when the list breaks none of the rules. */
export function allPassed(results: readonly ListRuleResult[]): boolean {
  return results.every((r) => r.passed);
}
