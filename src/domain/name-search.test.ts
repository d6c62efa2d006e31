import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  prepareNames,
  rankPreparedNames,
  damerauLevenshtein,
  matchKeyScore,
  matchScore,
  minSharedTrigrams,
  searchNames,
  tokenMatchLevel,
  trigramFilter,
  trigrams,
  withinOneEdit,
} from './name-search.ts';
import { searchKey } from './transliteration.ts';

interface Person {
  id: number;
  nameKy: string;
  nameRu: string;
  nameLatin: string;
}

const roster: Person[] = [
  {
    id: 1,
    nameKy: 'Шайлдабекова Айгүл Нурлановна',
    nameRu: 'Шайлдабекова Айгуль Нурлановна',
    nameLatin: 'Shayldabekova Aygül',
  },
  {
    id: 2,
    nameKy: 'Жээнбеков Сооронбай Шарипович',
    nameRu: 'Жээнбеков Сооронбай Шарипович',
    nameLatin: 'Jeenbekov Sooronbay',
  },
  { id: 3, nameKy: 'Өмүрбеков Талант Кыдырович', nameRu: 'Омурбеков Талант Кыдырович', nameLatin: 'Ömürbekov Talant' },
  {
    id: 4,
    nameKy: 'Ташиев Камчыбек Кыдыршаевич',
    nameRu: 'Ташиев Камчыбек Кыдыршаевич',
    nameLatin: 'Tashiev Kamchybek',
  },
  { id: 5, nameKy: 'Кыдырбаева Гүлнара', nameRu: 'Кыдырбаева Гульнара', nameLatin: 'Kydyrbaeva Gülnara' },
  {
    id: 6,
    nameKy: 'Щербаков Андрей Викторович',
    nameRu: 'Щербаков Андрей Викторович',
    nameLatin: 'Shcherbakov Andrey',
  },
  { id: 7, nameKy: 'Шаршенова Айгүл', nameRu: 'Шаршенова Айгуль', nameLatin: 'Sharshenova Aygül' },
  { id: 8, nameKy: 'Үсөнбаев Мирлан', nameRu: 'Усонбаев Мирлан', nameLatin: 'Üsönbaev Mirlan' },
  { id: 9, nameKy: 'Шайлдабеков Эрлан', nameRu: 'Шайлдабеков Эрлан', nameLatin: 'Shayldabekov Erlan' },
];
const namesOf = (p: Person): string[] => [p.nameKy, p.nameRu, p.nameLatin];
const ids = (query: string, limit = 10): number[] => searchNames(query, roster, namesOf, limit).map((p) => p.id);

describe('edit distance', () => {
  it.each([
    ['shaildabekova', 'shaildabekova', 0],
    ['shaildabekva', 'shaildabekova', 1],
    ['shaildabeokva', 'shaildabekova', 1],
    ['shaildabekovaa', 'shaildabekova', 1],
    ['shaildabekoba', 'shaildabekova', 1],
    ['hsaildabekova', 'shaildabekova', 1],
    ['shaildabekoav', 'shaildabekova', 1],
    ['shaldabekva', 'shaildabekova', 2],
    ['ca', 'abc', 3],
    ['', 'abc', 3],
  ])('%s ↔ %s: %i', (a, b, d) => {
    expect(damerauLevenshtein(a, b)).toBe(d);
    expect(damerauLevenshtein(b, a)).toBe(d);
    expect(withinOneEdit(a, b)).toBe(d <= 1);
  });

  it('withinOneEdit agrees with the full distance (property)', () => {
    // Two astral letters (two code units each) beside plain ones: the distance counts letters, not units.
    const word = fc.array(fc.constantFrom(...'abcde', '𝒜', '𝔅'), { maxLength: 8 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(withinOneEdit(a, b)).toBe(damerauLevenshtein(a, b) <= 1);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('matchScore', () => {
  const her = 'Шайлдабекова Айгүл';

  it('finds the same person under every spelling of her name', () => {
    for (const q of [
      'Shayldabekova',
      'Shaildabekova',
      'Шайлдабекова',
      'SHAILDABEKOVA',
      'Шайлдабекова Айгуль',
      'aigul shaildabekova',
      'Aygül Shayldabekova',
    ]) {
      expect(matchScore(q, her), q).not.toBeNull();
    }
  });

  it('forgives one typo or one transposition in a word', () => {
    expect(matchScore('Shaildabekva', her)).not.toBeNull();
    expect(matchScore('Shaildabeokva', her)).not.toBeNull();
    expect(matchScore('Shaildabekovva aigul', her)).not.toBeNull();
    expect(matchScore('Шайлдабекава', her)).not.toBeNull();
  });

  it('does not forgive two typos, nor a typo in a short word', () => {
    expect(matchScore('Shaldabekva', her)).toBeNull();
    expect(matchScore('Aigul Shaldabekva', her)).toBeNull();
    // "aigul" is 5 letters, "aig" a prefix; "ail" is neither and too short to be a typo.
    expect(matchScore('ail', her)).toBeNull();
  });

  it('does not match an unrelated name', () => {
    expect(matchScore('Жээнбеков', her)).toBeNull();
    expect(matchScore('Sharshenova', her)).toBeNull();
    expect(matchScore('Shaildabekova Gulnara', her)).toBeNull();
  });

  it('needs a name word for every query word', () => {
    expect(matchScore('Aigul Aigul', her)).toBeNull();
    expect(matchScore('Shaildabekova Aigul Nurlanovna', her)).toBeNull();
    expect(matchScore('', her)).toBeNull();
  });

  it('ranks exact > prefix > words in any order > one edit away', () => {
    const exact = matchScore('Shaildabekova Aigul', her);
    const prefix = matchScore('Shaildabekova Ai', her);
    const words = matchScore('Aigul Shaildabekova', her);
    const wordPrefix = matchScore('Aig Shaild', her);
    const fuzzy = matchScore('Aigul Shaildabekva', her);
    expect(exact).not.toBeNull();
    expect(exact!).toBeGreaterThan(prefix!);
    expect(prefix!).toBeGreaterThan(words!);
    expect(words!).toBeGreaterThan(wordPrefix!);
    expect(wordPrefix!).toBeGreaterThan(fuzzy!);
    expect(fuzzy).not.toBeNull();
  });

  it('finds a name typed so far whose last letter becomes a glide in the full word', () => {
    expect(matchScore('Kydyrbay', 'Кыдырбаева Гүлнара')).not.toBeNull();
    expect(matchScore('Tashi', 'Ташиев Камчыбек')).not.toBeNull();
    expect(matchScore('Yu', 'Юлия')).not.toBeNull();
  });

  it('scores keys as it scores names', () => {
    expect(matchKeyScore(searchKey('aigul shaildabekova'), searchKey(her))).toBe(
      matchScore('aigul shaildabekova', her),
    );
  });
});

describe('searchNames', () => {
  it('finds one person under her Latin, passport and Cyrillic spellings', () => {
    for (const q of ['Shayldabekova Aigul', 'Shaildabekova Aigul', 'Шайлдабекова Айгуль', 'aigul shaildabekova']) {
      expect(ids(q)[0], q).toBe(1);
    }
    expect(ids('Shaildabekva Aigul')).toEqual([1]);
    expect(ids('Shaildabeokva')).toEqual([1]);
  });

  it('ranks the exact surname before a longer one that begins with it', () => {
    // "Шайлдабекова" is one edit from "Шайлдабеков": both are found, the exact one first.
    expect(ids('Shaildabekova')).toEqual([1, 9]);
    expect(ids('Shaildabekov')).toEqual([9, 1]);
  });

  it('matches across Kyrgyz and Russian spellings of Kyrgyz names', () => {
    expect(ids('Омурбеков')).toEqual([3]);
    expect(ids('Oemuerbekov Talant')).toEqual([3]);
    expect(ids('Zheenbekov')).toEqual([2]);
    expect(ids('Usonbayev')).toEqual([8]);
    expect(ids('Scherbakov Andrej')).toEqual([6]);
    expect(ids('Кыдырбаева Гульнара')).toEqual([5]);
  });

  it('returns nothing for an unrelated name and honours the limit', () => {
    expect(ids('Мырзакматов')).toEqual([]);
    expect(ids('Aigul')).toEqual([1, 7]);
    expect(ids('Aigul', 1)).toEqual([1]);
    expect(ids('Aigul', 0)).toEqual([]);
  });

  it('works the same on stored keys as on names', () => {
    const stored = roster.map((p) => ({
      id: p.id,
      key: [...new Set(namesOf(p).flatMap((n) => searchKey(n).split(' ')))].join(' '),
    }));
    for (const q of ['Shaildabekova', 'aigul shaildabekova', 'Zheenbekov', 'Tashiyev', 'Shaildabeokva']) {
      expect(
        searchNames(q, stored, (s) => [s.key], 10).map((s) => s.id),
        q,
      ).toEqual(ids(q));
    }
  });
});

describe('trigram prefilter', () => {
  it('frames each word of a key', () => {
    expect(trigrams('ali sha')).toEqual(['^al', 'ali', 'li$', '^sh', 'sha', 'ha$']);
    expect(trigrams('')).toEqual([]);
  });

  it('tells the database how many trigrams each query word needs', () => {
    const [word] = trigramFilter('Shaildabekova');
    expect(word?.word).toBe('shaildabekova');
    expect(word?.trigrams).toHaveLength(13);
    expect(word?.minShared).toBe(9);
    // One- and two-letter words cannot filter.
    expect(trigramFilter('Ai').map((w) => w.minShared)).toEqual([0]);
  });

  it('never drops a name word the ranking would accept (property)', () => {
    const alphabet = [...'abdeijklmnorsu'];
    const word = fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 10 }).map((cs) => cs.join(''));
    // A name word built from the query word so that it often matches: equal, longer, or one edit away.
    const pair = word.chain((q) =>
      fc
        .tuple(fc.constantFrom('same', 'extend', 'edit'), word, fc.nat(12), fc.constantFrom(...alphabet))
        .map(([how, tail, at, letter]) => {
          if (how === 'same') return [q, q] as const;
          if (how === 'extend') return [q, q + tail] as const;
          const chars = Array.from(q);
          const i = at % (chars.length + 1);
          const edits = [
            [...chars.slice(0, i), letter, ...chars.slice(i)],
            [...chars.slice(0, i), ...chars.slice(i + 1)],
            [...chars.slice(0, i), letter, ...chars.slice(i + 1)],
            [...chars.slice(0, i), chars[i + 1] ?? '', chars[i] ?? '', ...chars.slice(i + 2)],
          ];
          return [q, (edits[at % edits.length] ?? chars).join('')] as const;
        }),
    );
    fc.assert(
      fc.property(fc.oneof(pair, fc.tuple(word, word)), ([q, n]) => {
        if (tokenMatchLevel(q, n) === 0) return;
        const nameTrigrams = new Set(trigrams(n));
        const shared = trigrams(q).filter((t) => nameTrigrams.has(t)).length;
        expect(shared).toBeGreaterThanOrEqual(minSharedTrigrams(q));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('ranking a prepared pool', () => {
  const people = [
    'Шайлдабекова Айгүл',
    'Shaildabekov Azamat',
    'Асанов Нурлан Бекович',
    'Asanova Nurgul',
    'Кыдырбаева Жазгүл',
    'Ташиев Камчыбек',
    'Aigul Shaildabekova',
  ].map((name, id) => ({ id, key: searchKey(name) }));
  const prepared = prepareNames(people, (p) => p.key);

  it('gives what searchNames gives over the same keys, in the same order', () => {
    const query = fc.oneof(
      fc.constantFrom('Шайлдабекова', 'aigul', 'Asanov', 'Kydyrbay', 'Tashi', 'Chaildabekova', 'nur', 'zz'),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(query, fc.integer({ min: 1, max: 8 }), (q, limit) => {
        const expected = searchNames(q, people, (p) => [p.key], limit).map((p) => p.id);
        expect(rankPreparedNames(q, prepared, limit).map((p) => p.id)).toEqual(expected);
      }),
    );
  });

  it('ranks only the items the filter accepts', () => {
    const even = rankPreparedNames('Shaildabekova', prepared, 10, { include: (p) => p.id % 2 === 0 }).map((p) => p.id);
    expect(even.length).toBeGreaterThan(0);
    expect(even.every((id) => id % 2 === 0)).toBe(true);
  });
});

describe('the word assignment and the ranking of many hits', () => {
  // Few letters, so that words often match each other exactly, as prefixes and one edit away.
  const word = fc.stringMatching(/^[abi]{1,5}$/);
  const key = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));

  /** Every way of giving each query word its own name word, tried one by one. */
  function bestByBruteForce(levels: number[][], minLevel: number, used = new Set<number>(), row = 0): number | null {
    if (row === levels.length) return 0;
    let best: number | null = null;
    (levels[row] ?? []).forEach((level, j) => {
      if (level < minLevel || used.has(j)) return;
      const rest = bestByBruteForce(levels, minLevel, new Set([...used, j]), row + 1);
      if (rest !== null && (best === null || level + rest > best)) best = level + rest;
    });
    return best;
  }

  it('finds the best assignment for one, two and more query words (property)', () => {
    fc.assert(
      fc.property(key, key, (q, n) => {
        const qw = q.split(' ');
        const nw = n.split(' ');
        const levels = qw.map((a) => nw.map((b) => tokenMatchLevel(a, b)));
        const strict = bestByBruteForce(levels, 2);
        const sum = strict ?? bestByBruteForce(levels, 1);
        const score = matchKeyScore(q, n);
        if (qw.length > nw.length || sum === null) {
          expect(score).toBeNull();
          return;
        }
        expect(score).not.toBeNull();
        // The score's hundreds say whether the match needed a typo; its tens are the assignment's total.
        expect(Math.floor((score ?? 0) / 1000) === 1).toBe(strict === null);
        expect(Math.floor(((score ?? 0) % 1000) / 10)).toBe(sum);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps the best `limit` of many hits in the order a full sort gives', () => {
    fc.assert(
      fc.property(
        fc.array(key, { minLength: 1, maxLength: 80 }),
        key,
        fc.integer({ min: 1, max: 90 }),
        (keys, text, limit) => {
          // The ranking keys its query; the expectation scores that key.
          const q = searchKey(text);
          const pool = prepareNames(
            keys.map((k, id) => ({ id, k })),
            (x) => x.k,
          );
          const expected = keys
            .map((k, id) => ({ id, score: matchKeyScore(q, k) }))
            .filter((h): h is { id: number; score: number } => h.score !== null)
            .sort((a, b) => b.score - a.score || a.id - b.id)
            .slice(0, limit)
            .map((h) => h.id);
          expect(rankPreparedNames(q, pool, limit).map((x) => x.id)).toEqual(expected);
          const odd = keys.flatMap((_, i) => (i % 2 === 1 ? [i] : []));
          expect(rankPreparedNames(q, pool, limit, { among: odd }).map((x) => x.id)).toEqual(rankOdd(keys, q, limit));
        },
      ),
      { numRuns: 500 },
    );
  });

  function rankOdd(keys: string[], q: string, limit: number): number[] {
    return keys
      .map((k, id) => ({ id, score: id % 2 === 1 ? matchKeyScore(q, k) : null }))
      .filter((h): h is { id: number; score: number } => h.score !== null)
      .sort((a, b) => b.score - a.score || a.id - b.id)
      .slice(0, limit)
      .map((h) => h.id);
  }
});
