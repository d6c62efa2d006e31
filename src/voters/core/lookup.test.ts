import { describe, expect, it } from 'vitest';
import { searchKey } from '../../domain/transliteration.ts';
import { readLookupQuery, surnameBeginsWith } from './lookup.ts';

const matches = (surname: string, typed: string) => surnameBeginsWith(surname, searchKey(surname), typed);

describe('the lookup matching rule', () => {
  it('matches the first letters of the surname in either script', () => {
    expect(matches('Асанова', 'Аса')).toBe(true);
    expect(matches('Асанова', 'asa')).toBe(true);
    expect(matches('Асанова', 'ASANOVA')).toBe(true);
    expect(matches('Жумабекова', 'Zhum')).toBe(true);
    expect(matches('Жумабекова', 'Jum')).toBe(true);
    expect(matches('Үсөнбаев', 'Usonb')).toBe(true);
    expect(matches('Үсөнбаев', 'Үсө')).toBe(true);
    expect(matches('Usonbaev', 'Үсөн')).toBe(true);
    expect(matches('Чыңгызов', 'Чың')).toBe(true);
  });

  it('does not match other surnames or letters from the middle', () => {
    expect(matches('Асанова', 'Иса')).toBe(false);
    expect(matches('Асанова', 'sanova')).toBe(false);
    expect(matches('Асанова', 'Asanovk')).toBe(false);
    expect(matches('Токтогулов', 'Ток ')).toBe(true);
    expect(matches('Токтогулов', 'Tak')).toBe(false);
  });

  it('asks for 14 digits and at least three letters, and nothing else', () => {
    expect(readLookupQuery('1150 3199 0990 01', 'Аса')).toEqual({
      ok: true,
      value: { pin: '11503199099001', letters: 'Аса' },
    });
    const short = readLookupQuery('115031990990', 'Ас');
    expect(short.ok ? [] : short.error.map((p) => p.field)).toEqual(['pin', 'surname']);
    expect(readLookupQuery('11503199099001', 'A%').ok).toBe(false);
    expect(readLookupQuery('11503199099001', '12345').ok).toBe(false);
  });
});
