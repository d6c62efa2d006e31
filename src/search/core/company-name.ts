// Company names as a search meets them: `ОсОО «Нур-Сервис»`, `ООО "Нур-Сервис"`, `Nur-Servis LLC` and
// `„Нур-Сервис“` are one company to a reader, so the legal form and the quotes are no part of the key
// a name is matched by. Pure.
import { searchKey } from '../../domain/transliteration.ts';

/**
 * Legal forms written before or after a company's name, in Kyrgyz, Russian and English, abbreviated and
 * spelled out. Only forms that are not also ordinary name words: "АК" (Kyrgyz for a joint-stock company)
 * is left out because it begins names such as "Ак-Жол".
 */
const LEGAL_FORMS = [
  'ОсОО',
  'ООО',
  'ОАО',
  'ЗАО',
  'ПАО',
  'АО',
  'ИП',
  'ЧП',
  'ГП',
  'МП',
  'ЖЧК',
  'ЖАК',
  'Общество с ограниченной ответственностью',
  'Открытое акционерное общество',
  'Закрытое акционерное общество',
  'Акционерное общество',
  'Индивидуальный предприниматель',
  'Жоопкерчилиги чектелген коом',
  'LLC',
  'Ltd',
  'Limited',
  'LLP',
  'Inc',
  'JSC',
  'OJSC',
  'CJSC',
  'PJSC',
  'PLC',
  'GmbH',
  'Corp',
] as const;

/** The forms as key words, longest first, so that a spelled-out form goes before a shorter one inside it. */
const FORM_KEYS: readonly (readonly string[])[] = [...new Set(LEGAL_FORMS.map((f) => searchKey(f)))]
  .map((k) => k.split(' '))
  .sort((a, b) => b.length - a.length);

/**
 * Quotation marks of every tradition. `searchKey` drops a straight quote as it drops an apostrophe (so
 * that `ОсОО"Нур"` would key as one word "osonur"); as quotes they separate words instead.
 */
const QUOTES = /["«»„“”‟‹›〝〞＂]/gu;

/** Fewest key letters a query needs before it is looked for inside names: fewer would match nearly all. */
export const MIN_CONTAINED = 3;

const startsWith = (words: readonly string[], form: readonly string[]) => form.every((w, i) => words[i] === w);
const endsWith = (words: readonly string[], form: readonly string[]) =>
  form.every((w, i) => words[words.length - form.length + i] === w);

/** The key words without the legal forms at either end; at least one word is always kept. */
function withoutForms(words: readonly string[]): readonly string[] {
  let rest = words;
  for (let changed = true; changed;) {
    changed = false;
    for (const form of FORM_KEYS) {
      if (rest.length <= form.length) continue;
      if (startsWith(rest, form)) rest = rest.slice(form.length);
      else if (endsWith(rest, form)) rest = rest.slice(0, rest.length - form.length);
      else continue;
      changed = true;
    }
  }
  return rest;
}

/**
 * The search key of a name with the quotes and the legal forms at its start and end left out: the same
 * for `ОсОО «Нур-Сервис»` and `Nur-Servis LLC`. A person's name keeps every word (no legal form in it),
 * so one key serves people and companies alike. Empty for text without letters or digits.
 */
export function companyKey(name: string): string {
  const key = searchKey(name.replace(QUOTES, ' '));
  return key === '' ? '' : withoutForms(key.split(' ')).join(' ');
}

/**
 * A key with its word breaks taken out, and the doubled letters a join makes collapsed as `searchKey`
 * collapses them inside a word: "Нур-Сервис", "Нур Сервис" and "НурСервис" are all "nurservis".
 */
export function compactKey(key: string): string {
  return key.replace(/ /g, '').replace(/(.)\1+/gu, '$1');
}

/**
 * Whether the name's compact key holds the query's: "contains" matching, for a query that is part of a
 * name ("Сервис" in `ОсОО «Нур-Сервис»`). Both are compact keys; a query shorter than `MIN_CONTAINED`
 * holds nothing.
 */
export function containsCompact(nameCompact: string, queryCompact: string): boolean {
  return queryCompact.length >= MIN_CONTAINED && nameCompact.includes(queryCompact);
}
