// The records of a registry CSV file as it streams in, a chunk at a time: RFC 4180 quoting (a field in
// double quotes may hold commas, doubled quotes and line breaks), LF or CRLF between records, blank lines
// skipped, a byte-order mark dropped, any number of fields per record (the row mapping counts them).
// Written for the registries' shape, where quotes are rare: a line without a quote is split by the
// engine's own string search, and only lines with one take the character-by-character way. On a
// million-row persons file it takes well under half the CPU time of csv-parse (the parse was the
// import's largest cost after the inserts).

export class CsvQuoteError extends Error {}

/** Cuts streamed text into records; `push` each chunk, then `end` once. */
export class CsvRecords {
  private rest = '';
  private started = false;
  /** Records completed so far, counting skipped blank lines out: the number of the last record given. */
  private records = 0;

  /** Appends to `out` every record that `chunk` completes. */
  push(chunk: string, out: string[][]): void {
    let text = this.rest.length > 0 ? this.rest + chunk : chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.rest = text.slice(this.take(text, out, false));
  }

  /** Appends the last record, if the text did not end with a line break. */
  end(out: string[][]): void {
    const text = this.rest;
    this.rest = '';
    if (text.length > 0) this.take(text, out, true);
  }

  /** Reads whole records from `text`; returns where the unfinished rest starts. */
  private take(text: string, out: string[][], final: boolean): number {
    let pos = 0;
    // The next quote at or after `pos`, searched again only once passed: searching per line would read
    // the rest of the chunk for every line of a file without quotes.
    let quote = -1;
    const none = text.length;
    while (pos < text.length) {
      let nl = text.indexOf('\n', pos);
      if (nl < 0) {
        if (!final) break;
        nl = text.length;
      }
      if (quote < pos) {
        quote = text.indexOf('"', pos);
        if (quote < 0) quote = none;
      }
      if (quote < nl) {
        const r = this.quoted(text, pos, final);
        if (!r) break;
        out.push(r.fields);
        pos = r.next;
        continue;
      }
      const end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      if (end > pos) {
        this.records++;
        out.push(text.slice(pos, end).split(','));
      }
      pos = nl + 1;
    }
    return Math.min(pos, text.length);
  }

  /**
   * One record holding a quote, from `pos`; undefined when the text ends inside it and more may come.
   * A quote inside an unquoted field, or text after a closing quote, is refused as csv-parse refuses it.
   */
  private quoted(text: string, pos: number, final: boolean): { fields: string[]; next: number } | undefined {
    const fields: string[] = [];
    let i = pos;
    for (;;) {
      let field = '';
      if (text.charCodeAt(i) === 34) {
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) {
            if (final) throw new CsvQuoteError(`record ${this.records + 1}: a quoted field is not closed`);
            return undefined;
          }
          field += text.slice(i, q);
          if (text.charCodeAt(q + 1) === 34) {
            field += '"';
            i = q + 2;
            continue;
          }
          if (q + 1 >= text.length && !final) return undefined;
          i = q + 1;
          break;
        }
        const c = text.charCodeAt(i);
        const crlf = c === 13 && text.charCodeAt(i + 1) === 10;
        if (i < text.length && c !== 44 && c !== 10 && !crlf) {
          if (c === 13 && i + 1 >= text.length && !final) return undefined;
          throw new CsvQuoteError(`record ${this.records + 1}: text after a closing quote`);
        }
      } else {
        let j = i;
        while (j < text.length) {
          const c = text.charCodeAt(j);
          if (c === 44 || c === 10 || (c === 13 && text.charCodeAt(j + 1) === 10)) break;
          if (c === 34) throw new CsvQuoteError(`record ${this.records + 1}: a quote inside an unquoted field`);
          j++;
        }
        if (j >= text.length && !final) return undefined;
        field = text.slice(i, j);
        i = j;
      }
      fields.push(field);
      const c = text.charCodeAt(i);
      if (c === 44) {
        i++;
        continue;
      }
      // The end of the record: a line break (LF or CRLF), or the end of the text.
      if (c === 13) i++;
      this.records++;
      return { fields, next: Math.min(i + 1, text.length + 1) };
    }
  }
}
