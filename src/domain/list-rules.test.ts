import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  allPassed,
  checkCandidateList,
  fullYearsOn,
  LIST_RULES,
  type ListCandidate,
  type ListRuleName,
  type ListRuleResult,
} from './list-rules.ts';
import { findRulesProfile } from './rules-profile.ts';

const profile = findRulesProfile('kg-2021-parliament');
if (!profile) throw new Error('the built-in 2021 profile is missing');
const rules = profile.candidateList;
const ELECTION_DAY = '2021-11-28';
const ADULT = '1970-05-01';
const YOUNG = '1995-05-01';

/** Pattern F M M F M M …: no run longer than 2, one third women. */
const alternating = (i: number): ListCandidate['sex'] => (i % 3 === 0 ? 'female' : 'male');

/**
 * A list of `size` registered candidates at positions 1…size that passes every 2021 rule: sexes
 * alternating as above, the first 18 under 35 and minorities (15% of 120), disabled at positions 1 and 2.
 */
function validList(size = 120): ListCandidate[] {
  const youthAndMinorities = Math.ceil((size * 15) / 100);
  return Array.from({ length: size }, (_, i) => ({
    listPosition: i + 1,
    sex: alternating(i),
    birthDate: i < youthAndMinorities ? YOUNG : ADULT,
    ethnicMinority: i < youthAndMinorities,
    disability: i < 2,
    status: 'registered' as const,
  }));
}

function result<R extends ListRuleName>(results: ListRuleResult[], rule: R): Extract<ListRuleResult, { rule: R }> {
  const r = results.find((x): x is Extract<ListRuleResult, { rule: R }> => x.rule === rule);
  if (!r) throw new Error(`no result for ${rule}`);
  return r;
}
const check = (list: ListCandidate[], r = rules) => checkCandidateList(list, ELECTION_DAY, r);

describe('checkCandidateList', () => {
  it('passes a list that keeps every quota, one result per rule in page order', () => {
    const results = check(validList());
    expect(results.map((r) => r.rule)).toEqual(LIST_RULES);
    expect(results.filter((r) => !r.passed)).toEqual([]);
    expect(allPassed(results)).toBe(true);
  });

  it('gives the numbers the page shows', () => {
    const results = check(validList());
    expect(result(results, 'max-share-one-sex')).toMatchObject({
      rule: 'max-share-one-sex',
      passed: true,
      actual: 66.7,
      required: 70,
      details: { women: 40, men: 80, total: 120, count: 80, maxAllowed: 84 },
    });
    expect(result(results, 'min-share-youth')).toMatchObject({
      rule: 'min-share-youth',
      passed: true,
      actual: 15,
      required: 15,
      details: { count: 18, total: 120, ageLimit: 35, minRequired: 18 },
    });
    expect(result(results, 'list-size').details).toEqual({ total: 120, min: 120, max: 200, excluded: 0 });
    expect(result(results, 'max-run-one-sex').details).toEqual({
      longestRun: 2,
      runStartsAt: 2,
      runEndsAt: 3,
      maxRun: 2,
    });
    expect(result(results, 'disabled-within-first').details).toEqual({
      firstDisabledAt: 1,
      firstDisabledListPosition: 1,
      withinFirst: 50,
    });
  });

  describe('list-size', () => {
    it.each([
      [119, false],
      [120, true],
      [200, true],
      [201, false],
    ])('%i candidates: passed %s', (size, passed) => {
      const r = result(check(validList(size)), 'list-size');
      expect(r.passed).toBe(passed);
      expect(r.actual).toBe(size);
      expect(r.required).toBe(size > 200 ? 200 : 120);
    });
  });

  describe('max-share-one-sex', () => {
    // The alternation rule alone keeps a list under two thirds of one sex, so the share is probed on its own.
    const listWithMen = (men: number, total: number): ListCandidate[] =>
      validList(total).map((c, i) => ({ ...c, sex: i < men ? 'male' : 'female' }));

    it('passes at exactly 70% and fails one candidate above', () => {
      const exact = result(check(listWithMen(84, 120)), 'max-share-one-sex');
      expect(exact).toMatchObject({
        passed: true,
        actual: 70,
        required: 70,
        details: { men: 84, women: 36, count: 84, maxAllowed: 84 },
      });
      const over = result(check(listWithMen(85, 120)), 'max-share-one-sex');
      expect(over).toMatchObject({ passed: false, actual: 70.9, details: { count: 85 } });
    });

    it('measures women the same way as men', () => {
      expect(result(check(listWithMen(36, 120)), 'max-share-one-sex')).toMatchObject({
        passed: true,
        details: { women: 84, count: 84 },
      });
      expect(result(check(listWithMen(35, 120)), 'max-share-one-sex').passed).toBe(false);
    });

    it('decides in integers where floats would stray, and rounds the shown share towards failure', () => {
      // 70% of 150 is 105; 0.7 * 150 is 104.99999999999999 in floating point.
      expect(result(check(listWithMen(105, 150)), 'max-share-one-sex')).toMatchObject({ passed: true, actual: 70 });
      // 106 of 151 is 70.199…%: shown as 70.2, over the limit, failed.
      expect(result(check(listWithMen(106, 151)), 'max-share-one-sex')).toMatchObject({ passed: false, actual: 70.2 });
      // 141 of 201 is 70.149…%: rounded up to 70.2, never shown as a passing 70.1 or 70.0.
      expect(result(check(listWithMen(141, 201), { ...rules, maxSize: 300 }), 'max-share-one-sex')).toMatchObject({
        passed: false,
        actual: 70.2,
      });
    });

    it('reads a fractional percent setting to hundredths', () => {
      const twoThirds = { ...rules, maxShareOneSexPercent: 66.67 };
      expect(result(check(listWithMen(80, 120), twoThirds), 'max-share-one-sex').passed).toBe(true);
      expect(result(check(listWithMen(81, 120), twoThirds), 'max-share-one-sex').passed).toBe(false);
    });
  });

  describe('max-run-one-sex', () => {
    const withSexes = (pattern: string): ListCandidate[] =>
      validList(pattern.length).map((c, i) => ({ ...c, sex: pattern[i] === 'F' ? 'female' : 'male' }));

    it('allows a run of 2 and refuses a run of 3, telling where it starts', () => {
      expect(result(check(withSexes('FMMFFMFMM')), 'max-run-one-sex')).toMatchObject({
        passed: true,
        actual: 2,
        required: 2,
      });
      const r = result(check(withSexes('FMMFFFMFM')), 'max-run-one-sex');
      expect(r).toMatchObject({ passed: false, actual: 3, details: { longestRun: 3, runStartsAt: 4, runEndsAt: 6 } });
    });

    it('reports the first of equally long runs', () => {
      expect(result(check(withSexes('MMMFFFM')), 'max-run-one-sex').details).toMatchObject({
        runStartsAt: 1,
        runEndsAt: 3,
      });
    });

    it('closes up the list after a withdrawal, which can make a run', () => {
      const list = withSexes('MMFMM');
      expect(result(check(list), 'max-run-one-sex').passed).toBe(true);
      const after = list.map((c) => (c.listPosition === 3 ? { ...c, status: 'withdrawn' as const } : c));
      expect(result(check(after), 'max-run-one-sex')).toMatchObject({
        passed: false,
        actual: 4,
        details: { runStartsAt: 1, runEndsAt: 5 },
      });
    });

    it('follows the profile setting (the reading "three positions apart" = 3)', () => {
      expect(result(check(withSexes('FMMMF'), { ...rules, maxRunOneSex: 3 }), 'max-run-one-sex').passed).toBe(true);
    });
  });

  describe('min-share-youth', () => {
    const withYouth = (youth: number, size = 120): ListCandidate[] =>
      validList(size).map((c, i) => ({ ...c, birthDate: i < youth ? YOUNG : ADULT }));

    it('passes at exactly 15% and fails one short', () => {
      expect(result(check(withYouth(18)), 'min-share-youth')).toMatchObject({
        passed: true,
        actual: 15,
        required: 15,
        details: { minRequired: 18 },
      });
      expect(result(check(withYouth(17)), 'min-share-youth')).toMatchObject({
        passed: false,
        actual: 14.1,
        details: { count: 17, minRequired: 18 },
      });
    });

    it('rounds a required count up: 15% of 121 is 18.15, so 19 are needed', () => {
      expect(result(check(withYouth(18, 121)), 'min-share-youth')).toMatchObject({
        passed: false,
        actual: 14.8,
        details: { minRequired: 19 },
      });
      expect(result(check(withYouth(19, 121)), 'min-share-youth').passed).toBe(true);
    });

    it('counts age in calendar years on election day: 35 that day is no longer under 35', () => {
      const list = withYouth(17);
      const turns35Today = (birthDate: string) => list.map((c, i) => (i === 119 ? { ...c, birthDate } : c));
      expect(result(check(turns35Today('1986-11-28')), 'min-share-youth').passed).toBe(false);
      expect(result(check(turns35Today('1986-11-29')), 'min-share-youth').passed).toBe(true);
    });
  });

  describe('min-share-minority', () => {
    const withMinorities = (n: number): ListCandidate[] =>
      validList(120).map((c, i) => ({ ...c, ethnicMinority: i < n }));

    it('passes at exactly 15% and fails one short', () => {
      expect(result(check(withMinorities(18)), 'min-share-minority')).toMatchObject({
        passed: true,
        actual: 15,
        details: { count: 18, minRequired: 18 },
      });
      expect(result(check(withMinorities(17)), 'min-share-minority').passed).toBe(false);
    });
  });

  describe('persons with disabilities', () => {
    const withDisabledAt = (...positions: number[]): ListCandidate[] =>
      validList(120).map((c) => ({ ...c, disability: positions.includes(c.listPosition) }));

    it('needs at least two', () => {
      expect(result(check(withDisabledAt(3, 90)), 'min-disabled')).toMatchObject({
        passed: true,
        actual: 2,
        required: 2,
      });
      expect(result(check(withDisabledAt(3)), 'min-disabled')).toMatchObject({ passed: false, actual: 1 });
    });

    it('needs one of them at place 50 or above: 50 passes, 51 fails', () => {
      expect(result(check(withDisabledAt(50, 90)), 'disabled-within-first')).toMatchObject({
        passed: true,
        actual: 50,
        required: 50,
      });
      expect(result(check(withDisabledAt(51, 90)), 'disabled-within-first')).toMatchObject({
        passed: false,
        actual: 51,
        details: { firstDisabledAt: 51, firstDisabledListPosition: 51 },
      });
      expect(result(check(withDisabledAt()), 'disabled-within-first')).toMatchObject({ passed: false, actual: 0 });
    });

    it('counts places among registered candidates: a withdrawal above moves position 51 to place 50', () => {
      const list = withDisabledAt(51, 90).map((c) =>
        c.listPosition === 10 ? { ...c, status: 'withdrawn' as const } : c,
      );
      expect(result(check(list), 'disabled-within-first')).toMatchObject({
        passed: true,
        actual: 50,
        details: { firstDisabledAt: 50, firstDisabledListPosition: 51 },
      });
    });

    it('has nothing to check for when the profile asks for no one', () => {
      expect(result(check(withDisabledAt(), { ...rules, minDisabled: 0 }), 'disabled-within-first').passed).toBe(true);
    });
  });

  describe('withdrawals', () => {
    it('a youth candidate withdrawing breaks a list that was exactly at 15%', () => {
      const list = validList(120);
      expect(allPassed(check(list))).toBe(true);
      const after = list.map((c) => (c.listPosition === 5 ? { ...c, status: 'withdrawn' as const } : c));
      const results = check(after);
      expect(result(results, 'min-share-youth')).toMatchObject({ passed: false, details: { count: 17, total: 119 } });
      expect(result(results, 'list-size')).toMatchObject({ passed: false, actual: 119, details: { excluded: 1 } });
      expect(allPassed(results)).toBe(false);
    });

    it('women withdrawing push a list over 70% men (the 2020 case)', () => {
      const list = validList(130);
      // Positions 1, 4, 7, … 130 are women (44 of 130). Seven leave: 37 women, 86 men, 69.92% men,
      // shown rounded up as 70.0 — and passing.
      const leaving = [1, 4, 7, 10, 13, 16, 19, 22];
      const without = (n: number) =>
        list.map((c) => (leaving.slice(0, n).includes(c.listPosition) ? { ...c, status: 'deregistered' as const } : c));
      expect(result(check(without(7)), 'max-share-one-sex')).toMatchObject({
        passed: true,
        actual: 70,
        details: { women: 37, men: 86, total: 123 },
      });
      // The eighth: 86 of 122 is 70.49% men.
      expect(result(check(without(8)), 'max-share-one-sex')).toMatchObject({
        passed: false,
        actual: 70.5,
        details: { women: 36, men: 86, total: 122 },
      });
    });

    it('a disabled candidate withdrawing leaves one too few', () => {
      const after = validList(120).map((c) => (c.listPosition === 2 ? { ...c, status: 'withdrawn' as const } : c));
      expect(result(check(after), 'min-disabled')).toMatchObject({ passed: false, actual: 1 });
    });
  });

  describe('the candidates each result is about', () => {
    const positions = (r: ListRuleResult) => r.candidates.map((c) => c.listPosition);
    const named = (list: ListCandidate[]) =>
      list.map((c) => ({
        ...c,
        nameKy: `Ky ${c.listPosition}`,
        nameRu: `Ru ${c.listPosition}`,
        nameLatin: `L ${c.listPosition}`,
      }));

    it('names the counted candidates of the share and count rules, in list order', () => {
      const list = validList(120).map((c) => ({
        ...c,
        birthDate: [3, 7, 12].includes(c.listPosition) ? YOUNG : ADULT,
      }));
      const results = check([...list].reverse());
      expect(positions(result(results, 'min-share-youth'))).toEqual([3, 7, 12]);
      expect(positions(result(results, 'min-share-minority'))).toHaveLength(18);
      expect(positions(result(results, 'min-disabled'))).toEqual([1, 2]);
      expect(positions(result(results, 'disabled-within-first'))).toEqual([1]);
      const share = result(results, 'max-share-one-sex');
      expect(share.candidates).toHaveLength(80);
      expect(positions(share).slice(0, 3)).toEqual([2, 3, 5]);
    });

    it('names the longest run, those over the maximum size, and those no longer counted on a short list', () => {
      const withSexes = (pattern: string): ListCandidate[] =>
        validList(pattern.length).map((c, i) => ({ ...c, sex: pattern[i] === 'F' ? 'female' : 'male' }));
      expect(positions(result(check(withSexes('FMMFFFMFM')), 'max-run-one-sex'))).toEqual([4, 5, 6]);
      expect(positions(result(check(validList(203)), 'list-size'))).toEqual([201, 202, 203]);
      expect(positions(result(check(validList(120)), 'list-size'))).toEqual([]);
      const short = validList(120).map((c) =>
        c.listPosition === 9 || c.listPosition === 5 ? { ...c, status: 'withdrawn' as const } : c,
      );
      expect(positions(result(check(short), 'list-size'))).toEqual([5, 9]);
    });

    it('carries the names when the list has them', () => {
      const r = result(check(named(validList(120))), 'disabled-within-first');
      expect(r.candidates).toEqual([{ listPosition: 1, names: { nameKy: 'Ky 1', nameRu: 'Ru 1', nameLatin: 'L 1' } }]);
      expect(result(check(validList(120)), 'min-disabled').candidates).toEqual([
        { listPosition: 1 },
        { listPosition: 2 },
      ]);
    });
  });

  describe('properties', () => {
    const candidate = fc.record({
      sex: fc.constantFrom('female' as const, 'male' as const),
      birthDate: fc.constantFrom('1960-01-01', '1986-11-28', '1986-11-29', '2000-02-29', '2003-11-28'),
      ethnicMinority: fc.boolean(),
      disability: fc.boolean(),
    });
    /** Registered candidates at distinct positions, in list order. */
    const registered = fc
      .uniqueArray(fc.integer({ min: 1, max: 400 }), { maxLength: 60 })
      .chain((positions) =>
        fc
          .tuple(...positions.map(() => candidate))
          .map((cs) => cs.map((c, i) => ({ ...c, listPosition: positions[i] ?? 0, status: 'registered' as const }))),
      );
    const smallRules = fc.record({
      minSize: fc.integer({ min: 0, max: 40 }),
      maxSize: fc.integer({ min: 40, max: 80 }),
      maxShareOneSexPercent: fc.integer({ min: 50, max: 100 }),
      maxRunOneSex: fc.integer({ min: 1, max: 4 }),
      youthAgeLimit: fc.integer({ min: 18, max: 40 }),
      minShareYouthPercent: fc.integer({ min: 0, max: 50 }),
      minShareMinorityPercent: fc.integer({ min: 0, max: 50 }),
      minDisabled: fc.integer({ min: 0, max: 3 }),
      disabledWithinFirst: fc.integer({ min: 1, max: 60 }),
    });

    it('withdrawn and deregistered candidates change nothing but the excluded count, wherever they stand', () => {
      const gone = fc.array(
        fc.record({
          c: candidate,
          listPosition: fc.integer({ min: 1, max: 400 }),
          status: fc.constantFrom('withdrawn' as const, 'deregistered' as const),
        }),
        { maxLength: 20 },
      );
      fc.assert(
        fc.property(registered, gone, smallRules, fc.nat(), (list, removed, r, seed) => {
          const extra = removed.map(({ c, listPosition, status }) => ({ ...c, listPosition, status }));
          const mixed = [...list, ...extra].sort(
            (a, b) => ((a.listPosition * 7919 + seed) % 101) - ((b.listPosition * 7919 + seed) % 101),
          );
          // A list too short names the candidates no longer counted; nothing else may differ.
          const strip = (rs: ListRuleResult[]) =>
            rs.map((x) =>
              x.rule === 'list-size' ? { ...x, details: { ...x.details, excluded: 0 }, candidates: [] } : x,
            );
          expect(strip(checkCandidateList(mixed, ELECTION_DAY, r))).toEqual(
            strip(checkCandidateList(list, ELECTION_DAY, r)),
          );
          expect(result(checkCandidateList(mixed, ELECTION_DAY, r), 'list-size').details.excluded).toBe(extra.length);
        }),
      );
    });

    it('does not depend on the order candidates are given in', () => {
      fc.assert(
        fc.property(registered, smallRules, (list, r) => {
          const reversed = [...list].reverse();
          expect(checkCandidateList(reversed, ELECTION_DAY, r)).toEqual(checkCandidateList(list, ELECTION_DAY, r));
        }),
      );
    });

    it('the shown share never contradicts the verdict', () => {
      fc.assert(
        // An empty list passes the share rules vacuously (0 of 0) and fails on its size instead.
        fc.property(
          registered.filter((l) => l.length > 0),
          smallRules,
          (list, r) => {
            for (const x of checkCandidateList(list, ELECTION_DAY, r)) {
              if (x.rule === 'max-share-one-sex') expect(x.passed).toBe(x.actual <= x.required);
              if (x.rule === 'min-share-youth' || x.rule === 'min-share-minority')
                expect(x.passed).toBe(x.actual >= x.required);
            }
          },
        ),
      );
    });
  });
});

describe('fullYearsOn', () => {
  it.each([
    ['1986-11-28', '2021-11-28', 35],
    ['1986-11-29', '2021-11-28', 34],
    ['1986-12-31', '2021-11-28', 34],
    ['1986-01-01', '2021-11-28', 35],
    // Born on 29 February: a year older on 1 March of a common year, on 29 February of a leap year.
    ['2000-02-29', '2021-02-28', 20],
    ['2000-02-29', '2021-03-01', 21],
    ['2000-02-29', '2024-02-29', 24],
  ])('born %s, on %s: %i', (birth, day, age) => {
    expect(fullYearsOn(birth, day)).toBe(age);
  });
});
