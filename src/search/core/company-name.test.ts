// A company is one company to a reader whatever its legal form and quotes: the key leaves them out, a
// person's name keeps every word, and any run of a name's words is found inside it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchKey } from '../../domain/transliteration.ts';
import { compactKey, companyKey, containsCompact, MIN_CONTAINED } from './company-name.ts';

const contains = (name: string, query: string) =>
  containsCompact(compactKey(companyKey(name)), compactKey(companyKey(query)));

const PREFIXES = ['ОсОО', 'ООО', 'ОАО', 'ЗАО', 'ИП', 'OsOO', 'Общество с ограниченной ответственностью'];
const SUFFIXES = ['LLC', 'Ltd', 'Ltd.', 'Inc', 'JSC'];
const QUOTES: readonly (readonly [string, string])[] = [
  ['«', '»'],
  ['"', '"'],
  ['„', '“'],
  ['“', '”'],
  ['', ''],
];

/** Words as company and person names are made of, Cyrillic and Latin. */
const word = fc
  .array(fc.constantFrom(...'абвгдеёжзийклмнңоөпрстуүфхцчшщыэюяabcdefghijklmnoprstuvz'), {
    minLength: 1,
    maxLength: 9,
  })
  .map((cs) => cs.join(''))
  // A word that is itself a legal form is left out at a name's ends, and then cannot be found there.
  .filter((w) => companyKey(`${w} nur`) !== 'nur' && companyKey(`nur ${w}`) !== 'nur');
const name = fc.array(word, { minLength: 1, maxLength: 4 });

describe('the key of a company name', () => {
  it('leaves out the legal form and the quotes', () => {
    const key = companyKey('ОсОО «Нур-Сервис»');
    expect(key).toBe('nur servis');
    for (const spelling of [
      'ООО "Нур-Сервис"',
      'ОсОО"Нур-Сервис"',
      '„Нур-Сервис“ ОсОО',
      'Nur-Servis LLC',
      'Nur Servis Ltd.',
      'OsOO «Nur-Servis»',
      'Общество с ограниченной ответственностью «Нур-Сервис»',
      'ИП Нур Сервис',
    ])
      expect(companyKey(spelling), spelling).toBe(key);
  });

  it('keeps a legal form that is the whole name, and every word of a person’s name', () => {
    expect(companyKey('ООО')).toBe(searchKey('ООО'));
    expect(companyKey('ОсОО ИП')).toBe(searchKey('ИП'));
    expect(companyKey('Асанов Бакыт Асанович')).toBe(searchKey('Асанов Бакыт Асанович'));
    // A form inside a name is a word of it, not a form.
    expect(companyKey('Нур ООО Сервис')).toBe('nur o servis');
    expect(companyKey('')).toBe('');
    expect(companyKey('«»')).toBe('');
  });

  it('is the same with any legal form before or after it, in any quotes', () => {
    fc.assert(
      fc.property(
        name,
        fc.constantFrom(...PREFIXES),
        fc.constantFrom(...SUFFIXES),
        fc.constantFrom(...QUOTES),
        (words, prefix, suffix, [open, close]) => {
          const plain = words.join(' ');
          const bare = companyKey(plain);
          fc.pre(bare !== '');
          expect(companyKey(`${prefix} ${open}${plain}${close}`)).toBe(bare);
          expect(companyKey(`${open}${plain}${close} ${suffix}`)).toBe(bare);
          if (open !== '') expect(companyKey(`${prefix}${open}${plain}${close}`)).toBe(bare);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is its own key', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const key = companyKey(text);
        expect(companyKey(key)).toBe(key);
        expect(searchKey(key)).toBe(key);
      }),
      { numRuns: 500 },
    );
  });
});

describe('"contains" matching', () => {
  it('finds part of a company’s name, written in another script or with other word breaks', () => {
    expect(contains('ОсОО «Нур-Сервис» (синтетическое)', 'Нур-Сервис')).toBe(true);
    expect(contains('ОсОО «Нур-Сервис» (синтетическое)', 'ООО "Нур-Сервис"')).toBe(true);
    expect(contains('ОсОО «Нур-Сервис» (синтетическое)', 'NurServis')).toBe(true);
    expect(contains('ОсОО «Нур-Сервис» (синтетическое)', 'сервис')).toBe(true);
    expect(contains('ОсОО «Нур-Сервис» (синтетическое)', 'Нур-Агро')).toBe(false);
  });

  it('needs a few letters before it finds anything', () => {
    expect(contains('ОсОО «Нур-Сервис»', 'ну')).toBe(false);
    expect(contains('ОсОО «Нур-Сервис»', 'нур')).toBe(true);
    expect(compactKey(companyKey('нур'))).toHaveLength(MIN_CONTAINED);
  });

  it('finds any run of a name’s words in the name', () => {
    fc.assert(
      fc.property(name, fc.nat(), fc.nat(), fc.constantFrom(...PREFIXES), (words, a, b, prefix) => {
        const from = a % words.length;
        const to = from + 1 + (b % (words.length - from));
        const part = words.slice(from, to).join(' ');
        fc.pre(compactKey(companyKey(part)).length >= MIN_CONTAINED);
        expect(contains(`${prefix} «${words.join('-')}»`, part)).toBe(true);
        expect(contains(words.join(' '), part)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
