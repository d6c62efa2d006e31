// Things with several names are found by any of them, across scripts, word order and one typo, and by
// part of a name; skipping the names the trigrams rule out changes no result.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchKeyScore } from '../../domain/name-search.ts';
import { compactKey, companyKey, containsCompact } from './company-name.ts';
import { CONTAINED_SCORE, findInPool, namePool } from './name-pool.ts';

interface Thing {
  id: string;
  names: string[];
}

const THINGS: Thing[] = [
  { id: 'birimdik', names: ['«Биримдик» саясий партиясы', 'Политическая партия «Биримдик»', 'Биримдик'] },
  { id: 'bir-bol', names: ['«Бир Бол» мамлекеттик биримдик жана патриоттуулук партиясы', 'Бир Бол'] },
  { id: 'ata-meken', names: ['Социалистическая партия «Ата Мекен»', 'Socialist party "Ata Meken"'] },
  { id: 'nur-servis', names: ['ОсОО «Нур-Сервис» (синтетическое)'] },
  { id: 'nur-agro', names: ['ОсОО «Нур-Агро» (синтетическое)'] },
  { id: 'asanov', names: ['Асанов Бакыт Асанович', 'Asanov Bakyt'] },
  { id: 'asanova', names: ['Асанова Гүлнара'] },
  { id: 'turganov', names: ['Турганов Уланбек Асанович'] },
  { id: 'aliev', names: ['ИП Алиев'] },
];

const pool = namePool(THINGS, (t) => t.names);
const found = (q: string) => findInPool(pool, q).map((h) => h.item.id);

describe('finding things by any of their names', () => {
  it('finds a party by a name in another script, the party of that name first', () => {
    expect(found('Birimdik')).toEqual(['birimdik', 'bir-bol']);
    expect(found('Биримдик')).toEqual(['birimdik', 'bir-bol']);
    expect(found('ata meken')).toEqual(['ata-meken']);
  });

  it('forgives a typo and words in another order', () => {
    expect(found('Birimdk')[0]).toBe('birimdik');
    expect(found('Meken Ata')).toEqual(['ata-meken']);
  });

  it('finds a company whatever its legal form, and by part of its name', () => {
    expect(found('Нур-Сервис')).toEqual(['nur-servis']);
    expect(found('ООО "Нур-Сервис"')).toEqual(['nur-servis']);
    expect(found('Nur-Servis LLC')).toEqual(['nur-servis']);
    const joined = findInPool(pool, 'НурСервис');
    expect(joined.map((h) => h.item.id)).toEqual(['nur-servis']);
    expect(joined[0]?.score).toBe(CONTAINED_SCORE);
    expect(found('Алиев')).toEqual(['aliev']);
  });

  it('ranks a name that is the query above names that only begin with it or contain it', () => {
    expect(found('Asanov')).toEqual(['asanov', 'asanova', 'turganov']);
    expect(found('Zxqwerty')).toEqual([]);
    expect(found('—')).toEqual([]);
  });
});

const WORDS = ['Асанов', 'Asanova', 'Нур', 'Сервис', 'Биримдик', 'Kut', 'Ала-Тоо', 'Береке', 'Tulpar', 'ОсОО', 'LLC'];
const things = fc.array(
  fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
  { maxLength: 30 },
);
/** A query: some words, one perhaps cut short or with a letter dropped. */
const query = fc
  .tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 2 }), fc.nat(), fc.nat({ max: 2 }))
  .map(([ws, at, how]) => {
    const [first = '', ...rest] = ws;
    const cut = at % Math.max(1, first.length);
    const edited = how === 0 ? first : how === 1 ? first.slice(0, cut + 1) : first.slice(0, cut) + first.slice(cut + 1);
    return [edited, ...rest].join(' ');
  });

/** Every name scored, none skipped: what `findInPool` must give. */
function everyName(items: readonly string[][][], q: string): number[] {
  const qKey = companyKey(q);
  const scores = items.map((names) => {
    let best: number | undefined;
    for (const n of names.map((ws) => companyKey(ws.join(' '))).filter((k) => k !== '')) {
      const s = matchKeyScore(qKey, n) ?? (containsCompact(compactKey(n), compactKey(qKey)) ? CONTAINED_SCORE : null);
      if (s !== null && (best === undefined || s > best)) best = s;
    }
    return best;
  });
  return scores
    .map((s, i) => ({ s, i }))
    .filter((x): x is { s: number; i: number } => x.s !== undefined)
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.i);
}

describe('the pool', () => {
  it('gives what scoring every name gives', () => {
    fc.assert(
      fc.property(things, query, (items, q) => {
        const p = namePool(
          items.map((names, i) => ({ i, names: names.map((ws) => ws.join(' ')) })),
          (x) => x.names,
        );
        expect(findInPool(p, q).map((h) => h.item.i)).toEqual(everyName(items, q));
      }),
      { numRuns: 300 },
    );
  });
});
