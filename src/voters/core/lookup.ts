// "Where do I vote?": a voter is found by the PIN and at least the first three letters of the surname,
// typed in Cyrillic or Latin letters. Both must match; a query that matches only one learns nothing.
import { searchKey } from '../../domain/transliteration.ts';
import { err, ok, problem, type Problem, type Result } from '../../platform/result.ts';

export const MIN_SURNAME_LETTERS = 3;

export interface LookupQuery {
  pin: string;
  /** What the voter typed of the surname. */
  letters: string;
}

const LETTER = /\p{L}/gu;

/** The problem of typed surname letters: fewer than three letters, or something else than letters. */
export function surnameLettersProblem(letters: string): Problem | undefined {
  const typed = letters.trim();
  if ((typed.match(LETTER) ?? []).length >= MIN_SURNAME_LETTERS && !/[^\p{L}\s'’-]/u.test(typed)) return undefined;
  return problem('lookup.surname', 'Type at least the first three letters of the surname.', { field: 'surname' });
}

/** Checks the shape of a query before anything is read: 14 digits and three or more letters. */
export function readLookupQuery(pinText: string, lettersText: string): Result<LookupQuery> {
  const pin = pinText.replace(/[\s-]/g, '');
  const problems: Problem[] = [];
  if (!/^\d{14}$/.test(pin)) problems.push(problem('lookup.pin', 'The PIN has 14 digits.', { field: 'pin' }));
  const letters = surnameLettersProblem(lettersText);
  if (letters) problems.push(letters);
  return problems.length > 0 ? err(problems) : ok({ pin, letters: lettersText.trim() });
}

/**
 * Whether the letters typed begin the surname, in either script. Folding a few letters may come out
 * differently from folding the whole word ("Чың" against "Чыңгыз"), so the typed letters are also
 * compared with the surname's own first letters folded the same way.
 */
export function surnameBeginsWith(surname: string, surnameKey: string, letters: string): boolean {
  const typed = searchKey(letters).replace(/ /g, '');
  if (typed.length === 0) return false;
  if (surnameKey.replace(/ /g, '').startsWith(typed)) return true;
  const count = (letters.match(LETTER) ?? []).length;
  const head = Array.from(surname.replace(/[^\p{L}]/gu, ''))
    .slice(0, count)
    .join('');
  return searchKey(head).replace(/ /g, '') === typed;
}
