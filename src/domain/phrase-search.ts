// Finding a phrase in long texts held in memory (programmes, the text of report documents): each text is
// folded once when it is read, the phrase once per search, and `includes` does the rest. Pure.

/** A text as a phrase is matched in it: lower case, and every space-like character (a line break too) one space. */
export const foldForPhrase = (text: string): string => text.toLowerCase().replace(/\s/g, ' ');

/** The phrase as folded texts are searched for it (a space in it may be any run of spaces); '' when it has no word. */
export function phraseNeedle(phrase: string): string {
  const words = phrase.trim().split(/\s+/).join(' ');
  return words === '' ? '' : foldForPhrase(words);
}
