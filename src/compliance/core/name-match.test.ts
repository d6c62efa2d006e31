import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { searchKey } from '../../domain/transliteration.ts';
import { entityNameMatches, personNameMatches } from './name-match.ts';
import type { PersonRecord } from './registry.ts';

// name-match keys each space-separated part of a name on its own and joins the words: that is only
// right if the key of a whole name is its parts' keys in order, whatever the letters, marks and signs.
const LETTERS = Array.from('абвгдеёжзийклмнңоөпрстуүфхцчшщъыьэюяАЕЁЖЪЬЮЯabcdehijkoszšžçıñßœŸÖÜxwy');
const OTHERS = ['-', '.', "'", '’', '"', '\u0301', '\u0306', '\u00a0', '\t', '1', 'ﬁ', 'Σ', 'ς', 'İ'];
const part = fc.array(fc.constantFrom(...LETTERS, ...OTHERS), { maxLength: 12 }).map((cs) => cs.join(''));

describe('the key of a name', () => {
  it('is the keys of its space-separated parts, in order', () => {
    fc.assert(
      fc.property(fc.array(part, { maxLength: 5 }), (parts) => {
        const whole = searchKey(parts.join(' '));
        const byPart = parts
          .map((p) => searchKey(p))
          .filter((k) => k !== '')
          .join(' ');
        expect(whole).toBe(byPart);
      }),
      { numRuns: 2000 },
    );
  });
});

const person = (surname: string, givenName: string, patronymic: string | null): PersonRecord => ({
  pin: '12345678901234',
  surname,
  givenName,
  patronymic,
  birthDate: '1980-01-01',
  citizenship: 'KGZ',
  deathDate: null,
});

describe('personNameMatches', () => {
  const p = person('Токтогулова', 'Чынара', 'Асановна');
  it.each([
    ['Токтогулова Чынара Асановна', true],
    ['Toktogulova Chynara', true],
    ['ЧЫНАРА  ТОКТОГУЛОВА', true],
    ['Асановна Чынара Токтогулова', true],
    ['Токтогулова', false],
    ['Токтогулова Айгуль', false],
    ['Токтогулова Чынара Асановна Асановна', false],
    ['', false],
  ])('%s → %s', (reported, expected) => {
    expect(personNameMatches(reported, p)).toBe(expected);
  });
});

describe('entityNameMatches', () => {
  it.each([
    ['ОсОО «Ала-Тоо»', 'Ala-Too LLC', true],
    ['Ала-Тоо', 'ОсОО Ала-Тоо', true],
    ['Ала-Тоо Строй', 'ОсОО Ала-Тоо', false],
  ])('%s / %s → %s', (reported, name, expected) => {
    expect(entityNameMatches(reported, { name })).toBe(expected);
  });
});
