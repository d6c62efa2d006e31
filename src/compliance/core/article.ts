// The article of law a rule applies, as a reader of each language cites it. Rules name their article in
// one canonical English form ("Art. 41(3), Constitutional Law on elections …, item 7"); pages show it in
// the page's language. A citation of another form is shown as it is.
import type { Locale } from '../../domain/election.ts';

const LAW = 'Constitutional Law on elections of the President and deputies of the Jogorku Kenesh';
const CITATION = new RegExp(`^Art\\. (\\d+)(?:\\((\\d+)\\))?, ${LAW}(?:, item (\\d+))?$`);

const LAW_RU =
  'Конституционного закона «О выборах Президента Кыргызской Республики и депутатов Жогорку Кенеша Кыргызской Республики»';
const LAW_KY =
  '«Кыргыз Республикасынын Президентин жана Жогорку Кеңешинин депутаттарын шайлоо жөнүндө» Конституциялык мыйзамдын';

export function articleIn(article: string, locale: Locale): string {
  const m = CITATION.exec(article);
  if (!m || locale === 'en') return article;
  const [, art, part, item] = m;
  if (locale === 'ru')
    return [`ст. ${art}`, part && `ч. ${part}`, item && `п. ${item}`].filter(Boolean).join(', ') + ` ${LAW_RU}`;
  return `${LAW_KY} ${art}-беренеси${part ? `, ${part}-бөлүгү` : ''}${item ? `, ${item}-пункту` : ''}`;
}
