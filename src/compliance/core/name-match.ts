// Whether the name a party reported is the registry's name for that PIN or INN. Script, romanisation,
// letter case and word order are not differences ("Toktogulova Chynara" is "Токтогулова Чынара"), and
// neither is leaving out a patronymic or writing a company's legal form differently ("ОсОО «Ала-Тоо»" is
// "Ala-Too LLC"): all are compared on the search keys of `transliteration.ts`.
import { searchKey } from '../../domain/transliteration.ts';
import type { EntityRecord, PersonRecord } from './registry.ts';

/**
 * Keys are costly and names repeat (a donor gives many times, a registry name is compared once per
 * line), so the words of each name are kept; the memo is emptied when it grows past a national
 * campaign's names, so it cannot grow without bound in a long-running process.
 */
const MEMO_LIMIT = 200_000;
const memo = new Map<string, readonly string[]>();

/**
 * A name's key is its space-separated parts' keys in order (`searchKey` keys each word on its own), and
 * the parts of a million different full names are a few thousand surnames, given names and patronymics:
 * each part is keyed once, and a new full name costs only a split.
 */
const PART_LIMIT = 100_000;
const partMemo = new Map<string, readonly string[]>();
function partWords(part: string): readonly string[] {
  const known = partMemo.get(part);
  if (known) return known;
  if (partMemo.size >= PART_LIMIT) partMemo.clear();
  const words = searchKey(part)
    .split(' ')
    .filter((w) => w.length > 0);
  partMemo.set(part, words);
  return words;
}

function wordsOf(text: string): readonly string[] {
  const known = memo.get(text);
  if (known) return known;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  const parts = text.split(' ');
  let words: readonly string[];
  if (parts.length === 1) words = partWords(text);
  else {
    const all: string[] = [];
    for (const p of parts) if (p.length > 0) for (const w of partWords(p)) all.push(w);
    words = all;
  }
  memo.set(text, words);
  return words;
}

type Words = readonly string[];

/**
 * True when every reported word is one of the registry's words, each used once. Both sides come as lists
 * of word lists (surname, given name, …) so that no joined copy is made per line; the registry words
 * used so far are bits of one number, names having far fewer than 31 words.
 */
function coveredBy(reported: readonly Words[], registry: readonly Words[]): boolean {
  let size = 0;
  for (const part of registry) size += part.length;
  if (size > 30) return coveredBySlow(reported.flat(), registry.flat());
  let used = 0;
  for (const part of reported)
    for (const w of part) {
      let bit = 1;
      let found = false;
      for (const words of registry) {
        for (const r of words) {
          if ((used & bit) === 0 && r === w) {
            used |= bit;
            found = true;
            break;
          }
          bit <<= 1;
        }
        if (found) break;
      }
      if (!found) return false;
    }
  return true;
}

function coveredBySlow(reported: Words, registry: Words): boolean {
  const left = [...registry];
  for (const w of reported) {
    const at = left.indexOf(w);
    if (at < 0) return false;
    left.splice(at, 1);
  }
  return true;
}

/** Whether `text` is `parts` joined by single spaces, without making the joined copy. */
function isJoined(text: string, parts: readonly string[]): boolean {
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as string;
    if (i > 0) {
      if (text.charCodeAt(at) !== 32) return false;
      at++;
    }
    if (!text.startsWith(p, at)) return false;
    at += p.length;
  }
  return at === text.length;
}

/** A person's name matches when surname and given name are both there, the patronymic optional. */
export function personNameMatches(reported: string, person: PersonRecord): boolean {
  const surname = wordsOf(person.surname);
  const given = wordsOf(person.givenName);
  const patronymic = wordsOf(person.patronymic ?? '');
  // Most reports copy the registry's name as it is. Its words are then exactly the parts' words (a
  // name's key is its space-separated parts' keys), which cover each other both ways: no keying needed.
  const parts = [person.surname, person.givenName];
  if (person.patronymic) parts.push(person.patronymic);
  if (isJoined(reported, parts)) return surname.length + given.length + patronymic.length > 0;
  const words = wordsOf(reported);
  return words.length > 0 && coveredBy([words], [surname, given, patronymic]) && coveredBy([surname, given], [words]);
}

/**
 * Legal forms in the spellings reports use, as search keys (ОсОО, ООО, LLC, ОАО, JSC, ИП …): dropped
 * before comparing, since the registry keeps the form in its own column and parties write it as they like.
 */
const LEGAL_FORM_WORDS = new Set(
  [
    'осоо',
    'ооо',
    'оао',
    'зао',
    'ао',
    'ачык',
    'жабык',
    'ип',
    'жч',
    'llc',
    'ltd',
    'jsc',
    'ojsc',
    'cjsc',
    'inc',
    'co',
    'company',
    'limited',
    'liability',
    'общество',
    'ограниченной',
    'ответственностью',
    'коому',
    'жоопкерчилиги',
    'чектелген',
  ].map((w) => searchKey(w)),
);

const entityWords = (name: string): readonly string[] => wordsOf(name).filter((w) => !LEGAL_FORM_WORDS.has(w));

/** An entity's name matches when the words other than the legal form are the same, in any order. */
export function entityNameMatches(reported: string, entity: Pick<EntityRecord, 'name'>): boolean {
  const a = entityWords(reported);
  const b = entityWords(entity.name);
  return a.length > 0 && a.length === b.length && coveredBy([a], [b]);
}

/** The registry's full name of a person, surname first, as the evidence shows it. */
export const personFullName = (p: PersonRecord): string =>
  [p.surname, p.givenName, p.patronymic].filter((x) => x !== null && x !== '').join(' ');
