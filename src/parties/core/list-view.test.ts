import { describe, expect, it } from 'vitest';
import { testCandidates } from '../../../test/support/portal-fixture.ts';
import { DEFAULT_LIST_VIEW, listViewOf, shownCandidates } from './list-view.ts';

describe('the public view of a candidate list', () => {
  it('reads the known values of the address and the default for anything else', () => {
    expect(listViewOf({ sort: 'name', sex: 'female', status: 'withdrawn' })).toEqual({
      sort: 'name',
      sex: 'female',
      status: 'withdrawn',
    });
    expect(listViewOf({ sort: 'evil', sex: ['female', 'male'], status: 7 })).toEqual(DEFAULT_LIST_VIEW);
    expect(listViewOf(undefined)).toEqual(DEFAULT_LIST_VIEW);
  });

  it('filters by sex and status and sorts by position, name in the page’s script, or birth date', () => {
    const list = testCandidates(9).map((c, i) =>
      i === 2 ? { ...c, id: i + 1, status: 'withdrawn' as const } : { ...c, id: i + 1 },
    );
    expect(shownCandidates(list, DEFAULT_LIST_VIEW, 'en').map((c) => c.listPosition)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    expect(shownCandidates(list, { ...DEFAULT_LIST_VIEW, sex: 'female' }, 'en').every((c) => c.sex === 'female')).toBe(
      true,
    );
    expect(
      shownCandidates(list, { ...DEFAULT_LIST_VIEW, status: 'withdrawn' }, 'en').map((c) => c.listPosition),
    ).toEqual([3]);
    const byName = shownCandidates(list, { ...DEFAULT_LIST_VIEW, sort: 'name' }, 'en').map((c) => c.nameLatin);
    expect(byName).toEqual([...byName].sort((a, b) => new Intl.Collator('en').compare(a, b)));
    const byBirth = shownCandidates(list, { ...DEFAULT_LIST_VIEW, sort: 'birthDate' }, 'ru').map((c) => c.birthDate);
    expect(byBirth).toEqual([...byBirth].sort());
  });
});
