// The trigram prefilter must change no search result: ranking only the names it leaves possible gives
// exactly the ranking of the whole pool, for exact names, prefixes, typos and words in any order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareNames, rankPreparedNames } from '../../domain/name-search.ts';
import { searchKey } from '../../domain/transliteration.ts';
import { possibleMatches, trigramIndex } from './name-prefilter.ts';

const PEOPLE = [
  'Шайлдабекова Айгүл Токтогуловна',
  'Асанов Бакыт Асанович',
  'Асанова Гүлнара',
  'Бакиев Курманбек',
  'Кыдырбаева Жылдыз',
  'Ташиев Камчыбек',
  'Tashjev Kamchybek',
  'Иванов Иван Иванович',
  'Абдыкеримов Асан',
  'Жээнбеков Сооронбай',
  'Өмүрбекова Айпери',
  'Shaildabekova Aigul',
];

function ranked(query: string, limit = 50) {
  const items = PEOPLE.map((name, id) => ({ id, key: searchKey(name) }));
  const names = prepareNames(items, (i) => i.key);
  const possible = possibleMatches(trigramIndex(names.words), query);
  const filtered = rankPreparedNames(query, names, limit, possible === undefined ? {} : { among: possible });
  return {
    all: rankPreparedNames(query, names, limit).map((k) => k.id),
    filtered: filtered.map((k) => k.id),
    possible,
  };
}

/** A word of a name with one typo: a letter dropped, doubled, replaced or swapped with the next. */
const typo = (word: string, at: number, kind: number): string => {
  const i = at % Math.max(1, word.length - 1);
  const chars = Array.from(word);
  if (kind === 0) chars.splice(i, 1);
  else if (kind === 1) chars.splice(i, 0, chars[i] ?? 'а');
  else if (kind === 2) chars[i] = 'ы';
  else [chars[i], chars[i + 1]] = [chars[i + 1] ?? '', chars[i] ?? ''];
  return chars.join('');
};

describe('the trigram prefilter', () => {
  it('leaves the ranking as it is for names, prefixes and typos', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PEOPLE),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 1, max: 8 }),
        (name, wordAt, at, kind, cut) => {
          const words = name.split(' ');
          const word = words[wordAt % words.length] ?? '';
          for (const q of [word, word.slice(0, cut), kind < 4 ? typo(word, at, kind) : `${word} ${words[0] ?? ''}`]) {
            const r = ranked(q);
            expect(r.filtered, q).toEqual(r.all);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leaves the ranking as it is for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (q) => {
        const r = ranked(q);
        expect(r.filtered).toEqual(r.all);
      }),
      { numRuns: 300 },
    );
  });

  it('skips names that cannot match', () => {
    const r = ranked('Шайлдабекова');
    expect(r.possible).toBeDefined();
    expect(r.possible?.length).toBeLessThan(PEOPLE.length / 2);
    expect(r.all.length).toBeGreaterThan(0);
    // One letter cannot be bounded: every name is scored.
    expect(ranked('а').possible).toBeUndefined();
  });
});
