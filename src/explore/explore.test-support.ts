// Lines written straight into the itemised tables for the donor and payee tests: one person's PIN on
// three lines under three spellings with two parties, a person without a PIN under two spellings of one
// name, a company with its INN, a line of an amended version that no longer counts, and payees with and
// without an INN, in one election, with a line of another election that must stay out.
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import { searchKey } from '../domain/transliteration.ts';

export const E = 'explore-2030';
export const OTHER_E = 'explore-2031';
export const PARTY_A = 'X-001';
export const PARTY_B = 'X-002';
/** The person who gives under three spellings: Cyrillic, Latin, and initials. */
export const ASEL_PIN = '12503199012345';
export const ASEL_SPELLINGS = ['Асанова Асель', 'Asanova Asel', 'АСАНОВА АСЕЛЬ'] as const;
export const ASEL_AMOUNTS = [500_000, 300_000, 200_000] as const;
/** A person the reports give no PIN for, spelled two ways. */
export const NOPIN_SPELLINGS = ['Бакиров Эрлан', 'Bakirov Erlan'] as const;
export const COMPANY_INN = '02504200910123';
export const COMPANY_NAME = 'ОсОО «Ала-Тоо Принт»';
/** A sole trader paid for work: the INN is their PIN and must never show. */
export const TRADER_INN = '21010198500077';
export const AMENDED_PIN = '22202198800011';

async function filing(
  db: Kysely<Database>,
  election: string,
  party: string,
  latest: boolean,
  kind = 'initial',
): Promise<number> {
  const now = '2030-09-01T00:00:00Z';
  const chain = await db
    .insertInto('filing_chains')
    .values({
      election_id: election,
      party_registration_number: party,
      report_kind: kind,
      period_from: '2030-08-19',
      period_to: '2030-09-01',
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const f = await db
    .insertInto('filings')
    .values({
      chain_id: Number(chain.id),
      version: 1,
      status: 'filed',
      is_latest: latest ? 1 : 0,
      body_json: '{}',
      opening_balance: 0,
      closing_balance: 0,
      total_receipts: 0,
      total_expenditures: 0,
      total_refunds: 0,
      created_by: 'test',
      created_at: now,
      updated_at: now,
      submitted_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(f.id);
}

interface R {
  type: string;
  name: string;
  pin?: string;
  inn?: string;
  amount: number;
  date: string;
}

async function receipts(
  db: Kysely<Database>,
  filingId: number,
  election: string,
  party: string,
  rows: R[],
  latest = true,
) {
  await db
    .insertInto('receipts')
    .values(
      rows.map((r, i) => ({
        filing_id: filingId,
        election_id: election,
        party_registration_number: party,
        line_id: `R-${filingId}-${i + 1}`,
        date: r.date,
        amount: r.amount,
        is_latest: latest ? 1 : 0,
        donor_type: r.type,
        donor_name: r.name,
        donor_name_key: searchKey(r.name),
        donor_pin: r.pin ?? null,
        donor_inn: r.inn ?? null,
        donor_address: 'Бишкек, ул. Токтогула, д. 1, кв. 2',
        channel: 'bank_transfer',
        bank_reference: null,
      })),
    )
    .execute();
}

async function expenditures(
  db: Kysely<Database>,
  filingId: number,
  election: string,
  party: string,
  rows: Array<{ name: string; inn?: string; amount: number; date: string }>,
) {
  await db
    .insertInto('expenditures')
    .values(
      rows.map((r, i) => ({
        filing_id: filingId,
        election_id: election,
        party_registration_number: party,
        line_id: `X-${filingId}-${i + 1}`,
        date: r.date,
        amount: r.amount,
        is_latest: 1,
        category: 'campaign_materials',
        payee_name: r.name,
        payee_inn: r.inn ?? null,
        document_number: `D-${i + 1}`,
        description: 'Листовки',
      })),
    )
    .execute();
}

/** Writes the lines; the election and parties themselves are the caller's (repository tests need none). */
export interface ExplorePlaces {
  election: string;
  other: string;
  a: string;
  b: string;
}

export async function loadExploreLines(
  db: Kysely<Database>,
  at: ExplorePlaces = { election: E, other: OTHER_E, a: PARTY_A, b: PARTY_B },
): Promise<void> {
  const a = await filing(db, at.election, at.a, true);
  const b = await filing(db, at.election, at.b, true);
  const old = await filing(db, at.election, at.a, false, 'first');
  const other = await filing(db, at.other, at.a, true);
  await receipts(db, a, at.election, at.a, [
    { type: 'individual', name: ASEL_SPELLINGS[0], pin: ASEL_PIN, amount: ASEL_AMOUNTS[0], date: '2030-08-25' },
    { type: 'individual', name: ASEL_SPELLINGS[1], pin: ASEL_PIN, amount: ASEL_AMOUNTS[1], date: '2030-08-28' },
    { type: 'individual', name: NOPIN_SPELLINGS[0], amount: 100_000, date: '2030-08-26' },
    { type: 'legal_entity', name: COMPANY_NAME, inn: COMPANY_INN, amount: 5_000_000, date: '2030-08-27' },
  ]);
  await receipts(db, b, at.election, at.b, [
    { type: 'individual', name: ASEL_SPELLINGS[2], pin: ASEL_PIN, amount: ASEL_AMOUNTS[2], date: '2030-08-30' },
    { type: 'individual', name: NOPIN_SPELLINGS[1], amount: 50_000, date: '2030-08-29' },
  ]);
  // A version that was amended: its lines no longer count.
  await receipts(
    db,
    old,
    at.election,
    at.a,
    [
      { type: 'individual', name: ASEL_SPELLINGS[0], pin: ASEL_PIN, amount: 9_900_000, date: '2030-08-21' },
      { type: 'individual', name: 'Эскирген Донор', pin: AMENDED_PIN, amount: 70_000, date: '2030-08-21' },
    ],
    false,
  );
  await receipts(db, other, at.other, at.a, [
    { type: 'individual', name: ASEL_SPELLINGS[0], pin: ASEL_PIN, amount: 1_000_000, date: '2031-08-25' },
  ]);
  await expenditures(db, a, at.election, at.a, [
    { name: 'ОсОО «Ала-Тоо Принт»', inn: COMPANY_INN, amount: 400_000, date: '2030-08-30' },
    { name: 'ИП Токтогулов', inn: TRADER_INN, amount: 120_000, date: '2030-08-31' },
    { name: 'Кафе «Нарын»', amount: 30_000, date: '2030-09-01' },
  ]);
  await expenditures(db, b, at.election, at.b, [
    { name: 'Ala-Too Print LLC', inn: COMPANY_INN, amount: 250_000, date: '2030-08-31' },
  ]);
}
