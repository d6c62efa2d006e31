// The kinds the one search box finds besides candidates, on SQLite and PostgreSQL: a party by any of its
// names and linked to its newest election, a company among donors and payees whatever its legal form
// (one entry per donor, with the total the donor's page shows), a person under every spelling, a
// scanned document and a programme by a phrase; and no PIN among them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import type { AppContext } from '../platform/app-context.ts';
import { LocalBlobStore } from '../platform/blobs/local-blob-store.ts';
import { loadConfig } from '../platform/config.ts';
import { EventBus } from '../platform/event-bus.ts';
import { Memo } from '../platform/memo.ts';
import {
  ASEL_AMOUNTS,
  ASEL_PIN,
  COMPANY_INN,
  E,
  OTHER_E,
  PARTY_A,
  PARTY_B,
  TRADER_INN,
  loadExploreLines,
} from '../explore/explore.test-support.ts';
import { searchKinds, type KindResults } from './kinds.service.ts';
import { electionRow } from '../elections/election.test-support.ts';

const NOW = '2030-01-01T00:00:00.000Z';

const party = (reg: string, ky: string, ru: string, en: string, short: string) => ({
  registration_number: reg,
  name_ky: ky,
  name_ru: ru,
  name_en: en,
  short_name_ky: short,
  short_name_ru: short,
  short_name_en: short,
  leader: '',
  founded_on: null,
  address: '',
  phone: '',
  website: '',
  logo_blob_key: null,
  created_at: NOW,
  updated_at: NOW,
});

const participation = (electionId: string, reg: string) => ({
  election_id: electionId,
  party_registration_number: reg,
  ballot_number: null,
  status: 'registered',
  status_date: null,
  status_reason: '',
  updated_at: NOW,
});

describeEachDatabase('what the search box finds besides candidates', (get) => {
  let ctx: AppContext;
  let dir: string;
  beforeAll(async () => {
    const { db } = get();
    dir = mkdtempSync(join(tmpdir(), 'talapker-search-'));
    ctx = {
      db,
      blobs: new LocalBlobStore(join(dir, 'blobs')),
      config: loadConfig({ TALAPKER_DATA_DIR: dir, TALAPKER_IDENTITY_KEY: 'a search test key long enough for a key' }),
      now: () => new Date(NOW),
      events: new EventBus(),
      memo: new Memo(),
    };
    await db
      .insertInto('elections')
      .values([electionRow(E, '2030-10-06'), electionRow(OTHER_E, '2031-10-05')])
      .execute();
    await db
      .insertInto('parties')
      .values([
        party(
          PARTY_A,
          '«Биримдик» саясий партиясы',
          'Политическая партия «Биримдик»',
          'Political party "Birimdik"',
          'Биримдик',
        ),
        party(PARTY_B, '«Бир Бол» биримдик партиясы', 'Партия «Бир Бол»', 'Party "Bir Bol"', 'Бир Бол'),
      ])
      .execute();
    await db
      .insertInto('participations')
      .values([participation(E, PARTY_A), participation(OTHER_E, PARTY_A), participation(E, PARTY_B)])
      .execute();
    await loadExploreLines(db);
    const filing = await db
      .selectFrom('filings')
      .innerJoin('filing_chains', 'filing_chains.id', 'filings.chain_id')
      .select('filings.id')
      .where('filing_chains.election_id', '=', E)
      .where('filings.is_latest', '=', 1)
      .orderBy('filings.id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('filing_attachments')
      .values({
        filing_id: Number(filing.id),
        sha256: 'a'.repeat(64),
        file_name: 'statement.pdf',
        media_type: 'application/pdf',
        size: 1,
        extracted_text: `Выписка по счёту. Получатель: ОсОО «Ала-Тоо Принт», ИНН ${COMPANY_INN}. ПЛАТЁЖНОЕ поручение № 7.`,
      })
      .execute();
    await db
      .insertInto('programmes')
      .values({
        election_id: E,
        party_registration_number: PARTY_A,
        text_ky: '',
        text_ru: 'Каждая сельская школа должна иметь доступ к интернету (проект Talapker).',
        text_en: 'Every village school should have internet access (the Talapker project).',
        pdf_blob_key: null,
        updated_at: NOW,
      })
      .execute();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const find = (q: string, l: 'ky' | 'ru' | 'en' = 'ru') => searchKinds(ctx, q, l);
  const noPin = (r: KindResults) => {
    const text = JSON.stringify(r);
    for (const pin of [ASEL_PIN, TRADER_INN]) expect(text).not.toContain(pin);
  };

  it('finds a party by any of its names, linked to the newest election it stands in', async () => {
    const r = await find('Birimdik');
    expect(r.parties.hits.map((h) => [h.party.registrationNumber, h.party.latestElectionId])).toEqual([
      [PARTY_A, OTHER_E],
      // Its Kyrgyz name holds the word.
      [PARTY_B, E],
    ]);
    expect((await find('Бир Бол')).parties.hits[0]?.party.registrationNumber).toBe(PARTY_B);
    expect((await find('Zxqwerty')).parties.total).toBe(0);
  });

  it('finds a company among donors and payees whatever its legal form, once per donor with its total', async () => {
    for (const q of ['Ала-Тоо Принт', 'ООО "Ала-Тоо Принт"', 'Ala-Too Print LLC', 'АлаТоо', 'Ала-Тоо Принд']) {
      const r = await find(q);
      expect(
        r.donors.hits.map((h) => [h.electionId, h.counterpart.name, h.counterpart.total]),
        q,
      ).toEqual([[E, 'ОсОО «Ала-Тоо Принт»', 5_000_000]]);
      // Paid by both parties under two spellings, one INN: one payee.
      expect(
        r.payees.hits.map((h) => [h.counterpart.total, h.partyNames.map((n) => n.ru)]),
        q,
      ).toEqual([[650_000, ['Биримдик', 'Бир Бол']]]);
      noPin(r);
    }
  });

  it('finds a person under every spelling, each election once, and never shows the PIN', async () => {
    const r = await find('Asanova');
    expect(r.donors.hits.map((h) => [h.electionId, h.counterpart.total])).toEqual([
      [OTHER_E, 1_000_000],
      [E, ASEL_AMOUNTS[0] + ASEL_AMOUNTS[1] + ASEL_AMOUNTS[2]],
    ]);
    noPin(r);
    noPin(await find('Токтогулов'));
    expect((await find('Токтогулов')).payees.total).toBe(1);
  });

  it('finds a scanned document and a programme by a phrase, with the words around it', async () => {
    const r = await find('платёжное ПОРУЧЕНИЕ');
    expect(r.documents.hits.map((d) => [d.fileName, d.partyName.ru, d.snippet.hit])).toEqual([
      ['statement.pdf', 'Биримдик', 'ПЛАТЁЖНОЕ поручение'],
    ]);
    const school = await find('village school', 'ru');
    expect(school.programmes.hits.map((p) => [p.electionId, p.partyRegistrationNumber, p.language])).toEqual([
      [E, PARTY_A, 'en'],
    ]);
    // A phrase both texts hold: the page's own language, else Russian, as the party page picks its text.
    for (const [l, language] of [
      ['en', 'en'],
      ['ru', 'ru'],
      ['ky', 'ru'],
    ] as const)
      expect(
        (await find('talapker', l)).programmes.hits.map((p) => [p.language, p.snippet.hit]),
        l,
      ).toEqual([[language, 'Talapker']]);
    // Two letters are in nearly every text: not looked for there.
    expect((await find('на')).documents.total).toBe(0);
  });
});
