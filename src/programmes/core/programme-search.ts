// Finding a phrase in the programmes' texts, in memory: the texts are few (a programme a party and
// election, three languages) and read once per data version, so a search with a new phrase costs no
// scan of the table. Pure.
import type { Locale } from '../../domain/election.ts';
import { snippetAround, type Snippet } from '../../domain/text-snippet.ts';
import { phraseIndex, textsHolding, type PhraseIndex } from '../../domain/phrase-search.ts';

/** A programme's text in one language, PIN-shaped numbers already masked. */
export interface ProgrammeText {
  electionId: string;
  electionDay: string;
  partyRegistrationNumber: string;
  language: Locale;
  text: string;
}

export interface ProgrammeTextHit {
  electionId: string;
  partyRegistrationNumber: string;
  /** The language of the text that holds the phrase. */
  language: Locale;
  /** The words around the phrase there. */
  snippet: Snippet;
}

export interface SearchableTexts {
  texts: readonly ProgrammeText[];
  index: PhraseIndex;
}

/** The texts in hit order (newest election first, then election, party, language), folded once. */
export function searchableTexts(texts: readonly ProgrammeText[]): SearchableTexts {
  const ordered = [...texts].sort(
    (a, b) =>
      b.electionDay.localeCompare(a.electionDay) ||
      a.electionId.localeCompare(b.electionId) ||
      a.partyRegistrationNumber.localeCompare(b.partyRegistrationNumber) ||
      a.language.localeCompare(b.language),
  );
  return { texts: ordered, index: phraseIndex(ordered.map((t) => t.text)) };
}

/** The texts holding `phrase` whatever its case (a space in it may be any space or line break), at most `limit`. */
export function findInTexts(s: SearchableTexts, phrase: string, limit: number): ProgrammeTextHit[] {
  return textsHolding(s.index, phrase, limit).flatMap((i) => {
    const t = s.texts[i];
    return t
      ? [
          {
            electionId: t.electionId,
            partyRegistrationNumber: t.partyRegistrationNumber,
            language: t.language,
            snippet: snippetAround(t.text, phrase),
          },
        ]
      : [];
  });
}
