// What the OCR adapter reads from the engine's answers, kept pure so that it is tested without the engine:
// its version line, the languages it has data for, and the text it printed, tidied for search and bounded.

/** The languages asked of the engine, in its own codes: Kyrgyz and Russian first (Cyrillic), then English. */
export const OCR_LANGUAGES = ['kir', 'rus', 'eng'] as const;

/** `tesseract 5.3.0` from the first line of `tesseract --version`; undefined when it is not that. */
export function engineVersion(versionOutput: string): string | undefined {
  const m = /^\s*tesseract\s+v?(\d+(?:\.\d+)*\S*)/im.exec(versionOutput);
  return m ? `tesseract ${m[1]}` : undefined;
}

/** The wanted languages the engine has data for (`tesseract --list-langs`), in the order wanted. */
export function installedLanguages(listOutput: string, wanted: readonly string[] = OCR_LANGUAGES): string[] {
  // The first line names the folder ("List of available languages in …"); the codes follow one a line.
  const have = new Set(
    listOutput
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.trim()),
  );
  return wanted.filter((w) => have.has(w));
}

/**
 * The engine's text for search and display: form feeds (page ends) and runs of blanks folded, empty
 * lines dropped, at most `maxChars`. Line breaks stay, so that the text beside a scan keeps its lines.
 */
export function tidyOcrText(raw: string, maxChars: number): string {
  return raw
    .replace(/\f/g, '\n')
    .split(/\r?\n/)
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n')
    .slice(0, maxChars);
}
