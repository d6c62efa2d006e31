import { expect, it } from 'vitest';
import { articleIn } from './article.ts';
import { ART_41, ART_41_3 } from './rule.ts';

it('cites the article in the page’s language, part and item included', () => {
  expect(articleIn(`${ART_41_3}, item 7`, 'ru')).toBe(
    'ст. 41, ч. 3, п. 7 Конституционного закона «О выборах Президента Кыргызской Республики и депутатов Жогорку Кенеша Кыргызской Республики»',
  );
  expect(articleIn(ART_41, 'ky')).toMatch(/Конституциялык мыйзамдын 41-беренеси$/);
  expect(articleIn(`${ART_41_3}, item 7`, 'ky')).toMatch(/41-беренеси, 3-бөлүгү, 7-пункту$/);
  expect(articleIn(ART_41, 'en')).toBe(ART_41);
  expect(articleIn('Art. 5 of another law', 'ru')).toBe('Art. 5 of another law');
});
