// Finding a phrase in the text of the scans of filed reports. The texts are read and folded once per
// data version (a report filed or a scan read writes an activity record) and searched in memory, as the
// programmes are: a new phrase then costs no scan of the table, and folding stays in JavaScript, where
// it is the same on SQLite and PostgreSQL.
import type { AppContext } from '../platform/app-context.ts';
import { heldWhileDataStays } from '../platform/data-version.ts';
import { foldForPhrase, phraseNeedle } from '../domain/phrase-search.ts';
import { listDocumentTexts, type DocumentHit } from './filing-search.repository.ts';

interface HeldDocuments {
  documents: readonly DocumentHit[];
  folded: readonly string[];
}

/** Scans of filed versions whose text holds the phrase whatever its case, newest versions first, at most `limit`. */
export async function searchDocuments(ctx: AppContext, phrase: string, limit: number): Promise<DocumentHit[]> {
  const needle = phraseNeedle(phrase);
  if (needle === '') return [];
  const held = await heldWhileDataStays<HeldDocuments>(ctx, 'filings.document-texts', 'all', async () => {
    const documents = await listDocumentTexts(ctx.db);
    return { documents, folded: documents.map((d) => foldForPhrase(d.extractedText)) };
  });
  const hits: DocumentHit[] = [];
  for (let i = 0; i < held.folded.length && hits.length < limit; i++) {
    const document = held.documents[i];
    if (document && held.folded[i]?.includes(needle)) hits.push(document);
  }
  return hits;
}
