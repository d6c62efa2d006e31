// Queries on party programmes (text per language plus the original PDF as a blob), and the search in
// their text.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { Programme } from '../domain/election.ts';
import { maskPins } from '../domain/pin-masking.ts';
import type { ProgrammeText } from './core/programme-search.ts';

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

/** Every programme's text in every language it has, PIN-shaped numbers masked: what the search reads. */
export async function listProgrammeTexts(db: Db): Promise<ProgrammeText[]> {
  const rows = await db
    .selectFrom('programmes')
    .innerJoin('elections', 'elections.id', 'programmes.election_id')
    .select([
      'programmes.election_id',
      'programmes.party_registration_number',
      'elections.election_day',
      'programmes.text_ky',
      'programmes.text_ru',
      'programmes.text_en',
    ])
    .execute();
  return rows.flatMap((r) =>
    (['ky', 'ru', 'en'] as const).flatMap((language) => {
      const text = r[`text_${language}`];
      return text
        ? [
            {
              electionId: r.election_id,
              electionDay: r.election_day,
              partyRegistrationNumber: r.party_registration_number,
              language,
              text: maskPins(text),
            },
          ]
        : [];
    }),
  );
}
