// Labels of the filing format's codes (donor types, categories, report kinds) in the reader's language.
import type { Locale, Localized } from '../../domain/election.ts';

/** The label of a code in the locale, or the code itself when no label has it (a code of a newer format). */
export function labelOf<K extends string>(labels: Readonly<Record<K, Localized>>, key: string, l: Locale): string {
  const known = (k: string): k is K => Object.hasOwn(labels, k);
  return known(key) ? labels[key][l] : key;
}
