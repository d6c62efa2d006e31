import { describe, expect, it } from 'vitest';
import { checkCandidateList, type ListCandidate } from '../../domain/list-rules.ts';
import { findRulesProfile } from '../../domain/rules-profile.ts';
import { concernedCandidates, ruleBrokenMessage, ruleDetail } from './rule-message.ts';

const rules = findRulesProfile('kg-2021-parliament')?.candidateList;
if (!rules) throw new Error('the built-in 2021 profile is missing');

/** 120 candidates, F M M …; young at positions 3, 7, 12 and 4 more; minorities the first 18; disabled 1 and 2. */
const list: ListCandidate[] = Array.from({ length: 120 }, (_, i) => ({
  listPosition: i + 1,
  nameKy: `Асан ${i + 1}`,
  nameRu: `Асан ${i + 1}`,
  nameLatin: `Asan ${i + 1}`,
  sex: i % 3 === 0 ? 'female' : 'male',
  birthDate: [3, 7, 12, 20, 30, 40, 50].includes(i + 1) ? '1995-05-01' : '1970-05-01',
  ethnicMinority: i < 18,
  disability: i < 2,
  status: 'registered',
}));
const youth = checkCandidateList(list, '2021-11-28', rules).find((r) => r.rule === 'min-share-youth');
if (!youth) throw new Error('no youth result');

describe('list rule messages', () => {
  it('give the measured share with its unit against the law, and name the candidates, shortened when many', () => {
    expect(youth.passed).toBe(false);
    expect(ruleDetail('en', youth)).toBe(
      '5.8% under 35 (7 of 120), the law requires at least 15%: positions 3 (Asan 3), 7 (Asan 7), 12 (Asan 12) and 4 more',
    );
    // Intl separates the percent sign by a no-break space.
    expect(ruleBrokenMessage('ru', youth).replace(/\u00a0/g, ' ')).toBe(
      'Список нарушает требование «Моложе 35 лет»: моложе 35 лет — 5,8 % (7 из 120), по закону не менее 15 %: позиции 3 (Асан 3), 7 (Асан 7), 12 (Асан 12) и ещё 4.',
    );
    expect(ruleDetail('ky', youth)).toContain('орундар: 3 (Асан 3), 7 (Асан 7), 12 (Асан 12) жана дагы 4');
  });

  it('name a few candidates in full, and positions alone when no names are known', () => {
    expect(concernedCandidates('en', [{ listPosition: 4 }, { listPosition: 5 }, { listPosition: 6 }])).toBe(
      'positions 4, 5 and 6',
    );
    expect(concernedCandidates('en', [{ listPosition: 51 }])).toBe('position 51');
    expect(concernedCandidates('en', [])).toBe('');
  });

  it('give counts and places with their units', () => {
    const none = list.map((c) => ({ ...c, disability: false }));
    const results = checkCandidateList(none, '2021-11-28', rules);
    const byRule = (rule: string) => results.find((r) => r.rule === rule)!;
    expect(ruleDetail('en', byRule('min-disabled'))).toBe('0 persons with a disability, the law requires at least 2');
    expect(ruleDetail('en', byRule('disabled-within-first'))).toBe(
      'no person with a disability on the list, the law requires one within the first 50',
    );
  });
});
