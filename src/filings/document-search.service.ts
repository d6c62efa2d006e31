// Finding a phrase in the text of the scans of filed reports. The texts are read and folded once per
// data version (a report filed or a scan read writes an activity record) and searched in memory, as the
// programmes are: a new phrase then costs no scan of the table, and folding stays in JavaScript, where
// it is the same on SQLite and PostgreSQL.
import type { AppContext } from '../platform/app-context.ts';
import { heldWhileDataStays } from '../platform/data-version.ts';
import { phraseIndex, textsHolding, type PhraseIndex } from '../domain/phrase-search.ts';
import { listDocumentTexts, type DocumentHit } from './filing-search.repository.ts';

interface HeldDocuments {
  documents: readonly DocumentHit[];
  index: PhraseIndex;
}

/** Scans of filed versions whose text holds the phrase whatever its case, newest versions first, at most `limit`. */
export async function searchDocuments(ctx: AppContext, phrase: string, limit: number): Promise<DocumentHit[]> {
  const held = await heldWhileDataStays<HeldDocuments>(ctx, 'filings.document-texts', 'all', async () => {
    const documents = await listDocumentTexts(ctx.db);
    return { documents, index: phraseIndex(documents.map((d) => d.extractedText)) };
  });
  return textsHolding(held.index, phrase, limit).flatMap((i) => held.documents[i] ?? []);
}
