// Queries on party programmes (text per language plus the original PDF as a blob).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { Programme } from '../domain/election.ts';

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
