// Reading the text layer of a PDF (pdfjs-dist, legacy build for Node), so that scanned supporting
// documents that carry text can be searched. A scan that is only an image has no text layer and yields
// ''; such scans are read by OCR in the background (scan-text-jobs.ts). Bounded in pages and characters:
// the text is for search, not for archiving, and a hostile file must not make the server read forever.

export const MAX_PAGES = 200;
export const MAX_CHARS = 200_000;

/** The text of a PDF's text layer, whitespace collapsed; '' when it has none or cannot be read. */
export async function extractPdfText(
  bytes: Uint8Array,
  opts: { maxPages?: number; maxChars?: number } = {},
): Promise<string> {
  const maxPages = opts.maxPages ?? MAX_PAGES;
  const maxChars = opts.maxChars ?? MAX_CHARS;
  // pdfjs transfers (detaches) the buffer it is given; a copy keeps the caller's bytes usable.
  const data = new Uint8Array(bytes);
  // pdf.js is loaded at the first scan read, not when the server starts: loaded, it holds over a hundred
  // megabytes, and a server that never receives a scan should not carry it.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    data,
    // No eval, no fonts from the system, no network: the text needs none of them.
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const pdf = await task.promise;
    const pages: string[] = [];
    let length = 0;
    for (let i = 1; i <= Math.min(pdf.numPages, maxPages) && length < maxChars; i++) {
      const page = await pdf.getPage(i);
      const content = await page.getTextContent();
      const text = content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : ''))
        .join('')
        .replace(/[ \t\u00a0]+/g, ' ')
        .replace(/ *\n */g, '\n')
        .trim();
      page.cleanup();
      if (text !== '') {
        pages.push(text);
        length += text.length;
      }
    }
    return pages.join('\n').slice(0, maxChars);
  } catch {
    // A damaged or encrypted PDF is still a valid scan to keep; it just cannot be searched.
    return '';
  } finally {
    await task.destroy();
  }
}
