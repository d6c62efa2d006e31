// Finding a phrase in long texts held in memory (programmes, the text of report documents): the texts
// are folded and laid end to end once when they are read, the phrase folded once per search, and one
// native search through the whole then finds every text that holds it. Pure.

/** A text as a phrase is matched in it: lower case, and every space-like character (a line break too) one space. */
export const foldForPhrase = (text: string): string => text.toLowerCase().replace(/\s/g, ' ');

/** The phrase as folded texts are searched for it (a space in it may be any run of spaces); '' when it has no word. */
export function phraseNeedle(phrase: string): string {
  const words = phrase.trim().split(/\s+/).join(' ');
  return words === '' ? '' : foldForPhrase(words);
}

export interface PhraseIndex {
  /** The folded texts, each after a NUL: a phrase, which holds none, never runs from one text into the next. */
  readonly folded: string;
  /** Where each text starts in `folded`. */
  readonly starts: Int32Array;
}

export function phraseIndex(texts: readonly string[]): PhraseIndex {
  const starts = new Int32Array(texts.length);
  const parts: string[] = [];
  let at = 0;
  texts.forEach((text, i) => {
    const folded = foldForPhrase(text.replace(/\0/g, ' '));
    starts[i] = at + 1;
    at += folded.length + 1;
    parts.push(`\0${folded}`);
  });
  return { folded: parts.join(''), starts };
}

/** The positions of the first `limit` texts that hold `phrase`, in their order. */
export function textsHolding(index: PhraseIndex, phrase: string, limit: number): number[] {
  const needle = phraseNeedle(phrase);
  const found: number[] = [];
  if (needle === '') return found;
  const { folded, starts } = index;
  for (let hit = folded.indexOf(needle); hit >= 0 && found.length < limit;) {
    // The text the hit is in: the last that starts at or before it.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= hit) lo = mid;
      else hi = mid - 1;
    }
    found.push(lo);
    const next = starts[lo + 1];
    if (next === undefined) break;
    hit = folded.indexOf(needle, next);
  }
  return found;
}
