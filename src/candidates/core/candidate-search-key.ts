// The stored search key of a candidate: phonetic keys of every written form of the name, so that
// a query in Cyrillic or in any romanisation meets the same person.
import { searchKey } from '../../domain/transliteration.ts';

export function candidateSearchKey(names: { nameKy: string; nameRu: string; nameLatin: string }): string {
  const tokens = new Set<string>();
  for (const n of [names.nameKy, names.nameRu, names.nameLatin]) {
    for (const t of searchKey(n).split(/\s+/)) if (t) tokens.add(t);
  }
  return [...tokens].join(' ');
}
