// The search in programme texts on every database: a phrase is found whatever its case in Kyrgyz,
// Russian and English letters, across a line break, one hit per language that holds it, the newest
// election first, with the words around it and no PIN among them.
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import type { Localized } from '../domain/election.ts';
import { listProgrammeTexts, upsertProgramme } from './programme.repository.ts';
import { findInTexts, searchableTexts } from './core/programme-search.ts';
import { electionRow } from '../elections/election.test-support.ts';

const NOW = '2030-01-01T00:00:00.000Z';

const OLD = electionRow('programmes-2020', '2020-10-04');
const NEW = electionRow('programmes-2030', '2030-10-06');

const TAXES: Localized = {
  ky: 'Биз чакан бизнес үчүн ЖЕҢИЛ салык отчеттуулугун сунуштайбыз.',
  ru: 'Мы предлагаем Упростить налоговую отчётность для малого бизнеса.',
  en: 'We propose simpler tax reporting\nfor small and medium businesses: 100% online.',
};
const SCHOOLS: Localized = {
  ky: '',
  ru: 'Каждая СЕЛЬСКАЯ школа должна иметь доступ к интернету (ответственный, ПИН 21503198500123).',
  en: 'Every village school should have internet access.',
};

describeEachDatabase('the search in programme texts', (get) => {
  beforeAll(async () => {
    const { db } = get();
    await db.insertInto('elections').values([OLD, NEW]).execute();
    const programme = (e: { id: string }, reg: string, text: Localized) =>
      upsertProgramme(db, { electionId: e.id, partyRegistrationNumber: reg, text, pdfBlobKey: null }, NOW);
    await programme(OLD, 'P-2', SCHOOLS);
    await programme(NEW, 'P-1', TAXES);
    await programme(OLD, 'P-1', { ky: '', ru: TAXES.ru, en: '' });
  });

  const find = async (phrase: string) => findInTexts(searchableTexts(await listProgrammeTexts(get().db)), phrase, 50);
  const where = (hits: Awaited<ReturnType<typeof find>>) =>
    hits.map((h) => `${h.electionId}/${h.partyRegistrationNumber}/${h.language}`);

  it('finds a phrase whatever its case, the newest election first', async () => {
    const hits = await find('упростить НАЛОГОВУЮ');
    expect(where(hits)).toEqual(['programmes-2030/P-1/ru', 'programmes-2020/P-1/ru']);
    expect(hits[0]?.snippet).toEqual({
      before: 'Мы предлагаем ',
      hit: 'Упростить налоговую',
      after: ' отчётность для малого бизнеса.',
    });
    expect(where(await find('жеңил САЛЫК'))).toEqual(['programmes-2030/P-1/ky']);
    expect(where(await find('сельская школа'))).toEqual(['programmes-2020/P-2/ru']);
  });

  it('finds a phrase broken over two lines, and gives one hit per language that holds it', async () => {
    expect(where(await find('tax reporting for small'))).toEqual(['programmes-2030/P-1/en']);
    expect(where(await find('school'))).toEqual(['programmes-2020/P-2/en']);
    expect(where(await find('Бизнес'))).toEqual([
      'programmes-2030/P-1/ky',
      'programmes-2030/P-1/ru',
      'programmes-2020/P-1/ru',
    ]);
  });

  it('reads % and _ as the letters they are', async () => {
    expect(where(await find('100%'))).toEqual(['programmes-2030/P-1/en']);
    expect(await find('50%')).toEqual([]);
    expect(await find('1_0')).toEqual([]);
    expect(await find('_')).toEqual([]);
  });

  it('masks a PIN in the words it shows', async () => {
    const [hit] = await find('ответственный');
    expect(hit?.snippet.after).toContain('ПИН');
    expect(JSON.stringify(hit)).not.toContain('21503198500123');
  });

  it('finds nothing for a phrase no text holds, or for none', async () => {
    expect(await find('коррупция')).toEqual([]);
    expect(await find('   ')).toEqual([]);
    expect(findInTexts(searchableTexts(await listProgrammeTexts(get().db)), 'Бизнес', 1)).toHaveLength(1);
  });
});
