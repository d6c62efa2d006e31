// Queries on party programmes (text per language plus the original PDF as a blob), and the search in
// their text.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { Locale, Programme } from '../domain/election.ts';
import { foldedText } from '../platform/db/database.ts';
import { maskPins } from '../domain/pin-masking.ts';
import { snippetAround, type Snippet } from '../domain/text-snippet.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function findProgramme(db: Db, electionId: string, reg: string): Promise<Programme | undefined> {
  const r = await db
    .selectFrom('programmes')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('party_registration_number', '=', reg)
    .executeTakeFirst();
  return (
    r && {
      electionId: r.election_id,
      partyRegistrationNumber: r.party_registration_number,
      text: { ky: r.text_ky, ru: r.text_ru, en: r.text_en },
      pdfBlobKey: r.pdf_blob_key,
    }
  );
}

export async function upsertProgramme(db: Db, p: Programme, now: string): Promise<void> {
  const values = {
    election_id: p.electionId,
    party_registration_number: p.partyRegistrationNumber,
    text_ky: p.text.ky,
    text_ru: p.text.ru,
    text_en: p.text.en,
    pdf_blob_key: p.pdfBlobKey,
    updated_at: now,
  };
  await db
    .insertInto('programmes')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['election_id', 'party_registration_number']).doUpdateSet({
        text_ky: values.text_ky,
        text_ru: values.text_ru,
        text_en: values.text_en,
        pdf_blob_key: values.pdf_blob_key,
        updated_at: now,
      }),
    )
    .execute();
}

/** Registration numbers of the parties of an election that have a programme attached. */
export async function programmesOf(db: Db, electionId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('programmes')
    .select('party_registration_number')
    .where('election_id', '=', electionId)
    .execute();
  return new Set(rows.map((r) => r.party_registration_number));
}

export interface ProgrammeTextHit {
  electionId: string;
  partyRegistrationNumber: string;
  /** The language of the text that holds the phrase. */
  language: Locale;
  /** The words around the phrase there (PIN-shaped numbers masked). */
  snippet: Snippet;
}

/** `%` and `_` typed by a visitor are matched literally. */
const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const TEXT_COLUMNS = {
  ky: 'programmes.text_ky',
  ru: 'programmes.text_ru',
  en: 'programmes.text_en',
} as const satisfies Record<Locale, string>;

/**
 * Programmes whose text holds `phrase`, whatever its case, in any script: one hit per language whose
 * text holds it, the newest election first, at most `limit`. One query for the three languages, each
 * part reading only the texts that match, so a programme's other languages are not fetched.
 */
export async function searchProgrammeTexts(db: Db, phrase: string, limit: number): Promise<ProgrammeTextHit[]> {
  const words = phrase.trim().split(/\s+/).join(' ');
  if (words === '') return [];
  // A space of the phrase may be a line break in the text (paragraphs, text from a PDF): any one character.
  const needle = `%${likeEscape(words.toLowerCase()).replace(/ /g, '_')}%`;
  const inLanguage = (language: Locale) =>
    db
      .selectFrom('programmes')
      .innerJoin('elections', 'elections.id', 'programmes.election_id')
      .select([
        'programmes.election_id',
        'programmes.party_registration_number',
        'elections.election_day',
        // A literal, not a parameter: PostgreSQL cannot tell the type of a parameter in a union's column.
        sql<Locale>`${sql.lit(language)}`.as('language'),
        sql<string>`${sql.ref(TEXT_COLUMNS[language])}`.as('text'),
      ])
      .where(sql<boolean>`${foldedText(db, TEXT_COLUMNS[language])} like ${needle} escape '\\'`);
  const rows = await inLanguage('ky')
    .unionAll(inLanguage('ru'))
    .unionAll(inLanguage('en'))
    .orderBy('election_day', 'desc')
    .orderBy('election_id')
    .orderBy('party_registration_number')
    .orderBy('language')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    electionId: r.election_id,
    partyRegistrationNumber: r.party_registration_number,
    language: r.language,
    snippet: snippetAround(maskPins(r.text), words),
  }));
}
