// Finance reports written straight into the tables of migration 0004, until the filing service
// exists: two elections, three parties, report chains with an amended version (whose old lines have
// is_latest = 0), a draft, a late report and missing ones, and donors with PINs and addresses in the
// private columns. The fixture also says what the public side must show, computed here from the
// lines themselves, so the tests compare the queries against an independent sum.
import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/schema.ts';
import type { Election, Party } from '../../src/domain/election.ts';
import { builtInRulesProfiles } from '../../src/domain/rules-profile.ts';
import { insertElection, saveRulesProfile } from '../../src/elections/election.repository.ts';
import { insertParty, upsertParticipation } from '../../src/parties/party.repository.ts';
import { searchKey } from '../../src/domain/transliteration.ts';
import type { DonorType, ExpenditureCategory, ReceiptChannel } from '../../src/filings/index.ts';
import { expenditureCategorySchema } from '../../src/filings/index.ts';

/** Election day 2030-10-06 under the 2021 profile: initial due 2030-09-11, first 2030-09-26, final 2030-10-16. */
export const FIN_ELECTION: Election = {
  id: 'fin-2030',
  kind: 'parliamentary',
  name: { ky: 'Каржы сыноо шайлоосу', ru: 'Тестовые выборы (финансы)', en: 'Finance test election' },
  electionDay: '2030-10-06',
  calledOn: '2030-07-01',
  campaignStart: '2030-08-20',
  campaignEnd: '2030-10-04',
  seats: 90,
  thresholdBasisPoints: 500,
  status: 'campaign',
  rulesProfileId: 'kg-2021-parliament',
  synthetic: true,
};

/** A second election, so that every query is seen to keep to its own. */
export const OTHER_ELECTION: Election = {
  ...FIN_ELECTION,
  id: 'fin-2031',
  name: { ky: 'Башка шайлоо', ru: 'Другие выборы', en: 'Other election' },
  electionDay: '2031-10-05',
  calledOn: '2031-07-01',
  campaignStart: '2031-08-20',
  campaignEnd: '2031-10-03',
  synthetic: false,
};

function party(reg: string, ky: string, ru: string, en: string): Party {
  return {
    registrationNumber: reg,
    name: { ky: `${ky} партиясы`, ru: `Партия «${ru}»`, en: `${en} Party` },
    shortName: { ky, ru, en },
    leader: '',
    foundedOn: '2010-01-01',
    address: 'Бишкек',
    phone: '',
    website: '',
    logoBlobKey: null,
  };
}

/** Files on time, amends its first report after the deadline (still on time: the first version was). */
export const ALA = party('F-001', 'Ала-Тоо', 'Ала-Тоо', 'Ala-Too');
/** Files its initial report one day late (by the Bishkek calendar) and never files the first one. */
export const BEK = party('F-002-ПП', 'Бекем', 'Бекем', 'Bekem');
/** Files nothing. */
export const CHUY = party('F-003', 'Чүй', 'Чуй', 'Chuy');

/** The clock of the tests: 1 October 2030, noon in Bishkek. */
export const FIN_NOW = new Date('2030-10-01T06:00:00Z');

export interface FixtureReceipt {
  electionId: string;
  party: string;
  lineId: string;
  date: string;
  amount: number;
  donorType: DonorType;
  donorName: string;
  donorPin: string | null;
  donorInn: string | null;
  donorAddress: string | null;
  channel: ReceiptChannel;
  bankReference: string | null;
  latest: boolean;
}

export interface FixtureExpenditure {
  electionId: string;
  party: string;
  lineId: string;
  date: string;
  amount: number;
  category: ExpenditureCategory;
  payeeName: string;
  payeeInn: string | null;
  documentNumber: string;
  description: string;
  latest: boolean;
}

export interface FixtureRefund {
  electionId: string;
  party: string;
  lineId: string;
  date: string;
  amount: number;
  receiptLineId: string;
  kind: string;
  reason: string;
  latest: boolean;
}

/** Named donors for search and privacy tests. */
export const NAMED_DONORS = {
  asanov: {
    name: 'Асанов Асан Асанович',
    pin: '21503198500123',
    address: 'Бишкек, Токтогул көчөсү 101, кв. 7 (PRIVATE-ADDRESS-1)',
  },
  jeenbekovCyr: { name: 'Жээнбеков Бакыт', pin: '22011197900456', address: 'Ош, Ленин көчөсү 5 (PRIVATE-ADDRESS-2)' },
  jeenbekovLat: {
    name: 'Jeenbekov Bakyt',
    pin: '22011197900789',
    address: 'Jalal-Abad, Toktogul 12 (PRIVATE-ADDRESS-3)',
  },
  zheenbekova: {
    name: 'Zheenbekova Aigul',
    pin: '12505198800321',
    address: 'Karakol, Abdrakhmanov 3 (PRIVATE-ADDRESS-4)',
  },
  formula: { name: '=HYPERLINK("http://evil.example")', pin: '21212199000111', address: 'PRIVATE-ADDRESS-5' },
  markup: { name: '<script>alert("x")</script> Токтосунов', pin: '21212199000222', address: 'PRIVATE-ADDRESS-6' },
  company: {
    name: 'ОсОО «Ала-Тоо Принт»',
    inn: '01234567891011',
    address: 'Бишкек, Чүй проспекти 1 (PRIVATE-ADDRESS-7)',
  },
} as const;

/** Only in a superseded version and in a draft: neither may ever be listed or searched out. */
export const SUPERSEDED_DONOR = 'Эскирген Донор';
export const DRAFT_DONOR = 'Черновик Донор';

const SURNAMES = ['Осмонов', 'Токтогулов', 'Сыдыков', 'Абдыкадыров', 'Мамытов'];
const GIVEN = ['Нурлан', 'Эрлан', 'Азамат', 'Бермет'];
const DATES = ['2030-08-21', '2030-08-25', '2030-09-01', '2030-09-05', '2030-09-09'];
const AMOUNTS = [100_000, 250_000, 500_000, 1_000_000, 2_500_000, 10_000_000, 20_000_000];
const CHANNELS: ReceiptChannel[] = ['bank_transfer', 'bank_transfer', 'mobile_banking', 'cash', 'other'];

const pinOf = (i: number) => `2${String(10_000_000_000_000 + i * 7919).slice(1)}`;

function bulkReceipts(electionId: string, reg: string, prefix: string, n: number, latest: boolean): FixtureReceipt[] {
  const out: FixtureReceipt[] = [];
  for (let i = 0; i < n; i++) {
    const type: DonorType =
      i % 10 === 0 ? 'legal_entity' : i % 17 === 0 ? 'party_own_funds' : i % 23 === 0 ? 'other' : 'individual';
    const person = type === 'individual';
    out.push({
      electionId,
      party: reg,
      lineId: `${prefix}-${i}`,
      date: DATES[i % DATES.length]!,
      amount: AMOUNTS[(i * 3) % AMOUNTS.length]!,
      donorType: type,
      donorName: person
        ? `${SURNAMES[i % SURNAMES.length]} ${GIVEN[i % GIVEN.length]}`
        : type === 'legal_entity'
          ? `ОсОО «Фирма ${i}»`
          : 'Партиянын өз каражаты',
      donorPin: person ? pinOf(i + prefix.length * 1000) : null,
      donorInn: type === 'legal_entity' ? `0${String(1_000_000_000_000 + i).slice(0, 13)}` : null,
      donorAddress: person ? `PRIVATE-ADDRESS-${prefix}-${i}` : null,
      channel: CHANNELS[i % CHANNELS.length]!,
      bankReference: `PP-${prefix}-${i}`,
      latest,
    });
  }
  return out;
}

function named(
  electionId: string,
  reg: string,
  key: keyof typeof NAMED_DONORS,
  lineId: string,
  date: string,
  amount: number,
): FixtureReceipt {
  const d = NAMED_DONORS[key];
  const company = 'inn' in d;
  return {
    electionId,
    party: reg,
    lineId,
    date,
    amount,
    donorType: company ? 'legal_entity' : 'individual',
    donorName: d.name,
    donorPin: 'pin' in d ? d.pin : null,
    donorInn: company ? d.inn : null,
    donorAddress: d.address,
    channel: 'bank_transfer',
    bankReference: null,
    latest: true,
  };
}

const CATEGORIES = expenditureCategorySchema.options;

function bulkExpenditures(
  electionId: string,
  reg: string,
  prefix: string,
  n: number,
  latest: boolean,
): FixtureExpenditure[] {
  return Array.from({ length: n }, (_, i) => ({
    electionId,
    party: reg,
    lineId: `${prefix}-E${i}`,
    date: DATES[(i * 2) % DATES.length]!,
    amount: AMOUNTS[i % 4]!,
    category: CATEGORIES[i % CATEGORIES.length]!,
    payeeName: i % 5 === 0 ? 'ОсОО «Медиа Плюс»' : `Payee ${i}`,
    payeeInn: `1${String(2_000_000_000_000 + i).slice(0, 13)}`,
    documentNumber: `DOC-${prefix}-${i}`,
    description: `Кызмат ${i}`,
    latest,
  }));
}

export interface FinanceFixture {
  receipts: FixtureReceipt[];
  expenditures: FixtureExpenditure[];
  refunds: FixtureRefund[];
  /** Every filed version (drafts excluded): what the Atom feed must announce. */
  filedVersions: number;
  /** Every PIN, INN and address stored: none may leave through a public response. */
  privateValues: string[];
}

interface Version {
  electionId: string;
  party: string;
  kind: string;
  periodFrom: string;
  periodTo: string;
  version: number;
  status: string;
  latest: boolean;
  submittedAt: string | null;
  receipts: FixtureReceipt[];
  expenditures: FixtureExpenditure[];
  refunds: FixtureRefund[];
}

/** The reports, version by version. */
export function financeVersions(): Version[] {
  const E = FIN_ELECTION.id;
  const a = ALA.registrationNumber;
  const b = BEK.registrationNumber;
  const alaInitialReceipts = [
    ...bulkReceipts(E, a, 'AI', 150, true),
    named(E, a, 'asanov', 'N-1', '2030-08-22', 15_000_000),
    named(E, a, 'jeenbekovCyr', 'N-2', '2030-08-23', 5_000_000),
    named(E, a, 'jeenbekovLat', 'N-3', '2030-08-24', 7_500_000),
    named(E, a, 'zheenbekova', 'N-4', '2030-08-25', 1_234_567),
    named(E, a, 'formula', 'N-5', '2030-08-26', 300_000),
    named(E, a, 'markup', 'N-6', '2030-08-27', 400_000),
    named(E, a, 'company', 'N-7', '2030-08-28', 250_000_000),
  ];
  const alaFirstV1 = bulkReceipts(E, a, 'AF', 30, false).map((r, i) =>
    i === 0 ? { ...r, donorName: SUPERSEDED_DONOR, amount: 99_999_900 } : r,
  );
  // The amendment drops five lines and corrects one amount: v2 alone counts.
  const alaFirstV2 = bulkReceipts(E, a, 'AF', 25, true).map((r, i) => (i === 0 ? { ...r, amount: 777_700 } : r));
  const refundsOf = (electionId: string, party: string, lineIds: string[], latest: boolean): FixtureRefund[] =>
    lineIds.map((id, i) => ({
      electionId,
      party,
      lineId: `RF-${id}`,
      date: '2030-09-10',
      amount: 50_000 * (i + 1),
      receiptLineId: id,
      kind: i % 2 === 0 ? 'returned_to_donor' : 'transferred_to_budget',
      reason: i % 2 === 0 ? 'over_cap' : 'anonymous',
      latest,
    }));
  return [
    {
      electionId: E,
      party: a,
      kind: 'initial',
      periodFrom: '2030-08-20',
      periodTo: '2030-09-10',
      version: 1,
      status: 'accepted',
      latest: true,
      submittedAt: '2030-09-10T09:00:00.000Z',
      receipts: alaInitialReceipts,
      expenditures: bulkExpenditures(E, a, 'AI', 60, true),
      refunds: refundsOf(E, a, ['AI-1', 'AI-2', 'AI-3'], true),
    },
    {
      electionId: E,
      party: a,
      kind: 'first',
      periodFrom: '2030-09-11',
      periodTo: '2030-09-25',
      version: 1,
      status: 'filed',
      latest: false,
      submittedAt: '2030-09-20T08:00:00.000Z',
      receipts: alaFirstV1.map((r) => ({ ...r, date: '2030-09-15' })),
      expenditures: bulkExpenditures(E, a, 'AF', 12, false).map((x) => ({ ...x, date: '2030-09-16' })),
      refunds: refundsOf(E, a, ['AF-1'], false),
    },
    {
      electionId: E,
      party: a,
      kind: 'first',
      periodFrom: '2030-09-11',
      periodTo: '2030-09-25',
      version: 2,
      status: 'filed',
      latest: true,
      submittedAt: '2030-09-28T08:00:00.000Z',
      receipts: alaFirstV2.map((r) => ({ ...r, date: '2030-09-15' })),
      expenditures: bulkExpenditures(E, a, 'AF', 10, true).map((x) => ({ ...x, date: '2030-09-16' })),
      refunds: [],
    },
    {
      // A draft of the final report: version 0, never public.
      electionId: E,
      party: a,
      kind: 'final',
      periodFrom: '2030-09-26',
      periodTo: '2030-10-10',
      version: 0,
      status: 'draft',
      latest: false,
      submittedAt: null,
      receipts: bulkReceipts(E, a, 'AD', 5, false).map((r) => ({ ...r, donorName: DRAFT_DONOR, date: '2030-09-27' })),
      expenditures: [],
      refunds: [],
    },
    {
      // 19:30 UTC on the due day is 01:30 the next day in Bishkek: one day late.
      electionId: E,
      party: b,
      kind: 'initial',
      periodFrom: '2030-08-20',
      periodTo: '2030-09-10',
      version: 1,
      status: 'filed',
      latest: true,
      submittedAt: '2030-09-11T19:30:00.000Z',
      receipts: [...bulkReceipts(E, b, 'BI', 40, true), named(E, b, 'jeenbekovCyr', 'N-9', '2030-09-02', 2_000_000)],
      expenditures: bulkExpenditures(E, b, 'BI', 20, true),
      refunds: refundsOf(E, b, ['BI-1'], true),
    },
    {
      electionId: OTHER_ELECTION.id,
      party: a,
      kind: 'initial',
      periodFrom: '2031-08-20',
      periodTo: '2031-09-10',
      version: 1,
      status: 'filed',
      latest: true,
      submittedAt: '2031-09-01T09:00:00.000Z',
      receipts: bulkReceipts(OTHER_ELECTION.id, a, 'OI', 7, true).map((r) => ({
        ...r,
        date: '2031-08-25',
        donorName: 'Асанов Асан',
      })),
      expenditures: bulkExpenditures(OTHER_ELECTION.id, a, 'OI', 3, true).map((x) => ({ ...x, date: '2031-08-26' })),
      refunds: [],
    },
  ];
}

const sumOf = (xs: readonly { amount: number }[]) => xs.reduce((s, x) => s + x.amount, 0);

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) await insert(rows.slice(i, i + 100));
}

/** Creates the elections, parties and reports; returns every line with its latest flag. */
export async function loadFinanceFixture(db: Kysely<Database>): Promise<FinanceFixture> {
  const now = '2030-07-01T00:00:00.000Z';
  for (const p of builtInRulesProfiles) await saveRulesProfile(db, p, now);
  for (const e of [FIN_ELECTION, OTHER_ELECTION]) await insertElection(db, e, now);
  for (const p of [ALA, BEK, CHUY]) await insertParty(db, p, now);
  const participations: Array<[string, string, number]> = [
    [FIN_ELECTION.id, ALA.registrationNumber, 1],
    [FIN_ELECTION.id, BEK.registrationNumber, 2],
    [FIN_ELECTION.id, CHUY.registrationNumber, 3],
    [OTHER_ELECTION.id, ALA.registrationNumber, 1],
  ];
  for (const [electionId, reg, n] of participations) {
    await upsertParticipation(
      db,
      {
        electionId,
        partyRegistrationNumber: reg,
        ballotNumber: n,
        status: 'registered',
        statusDate: null,
        statusReason: '',
      },
      now,
    );
  }

  const out: FinanceFixture = { receipts: [], expenditures: [], refunds: [], filedVersions: 0, privateValues: [] };
  const chains = new Map<string, number>();
  for (const v of financeVersions()) {
    const chainKey = `${v.electionId}|${v.party}|${v.kind}|${v.periodFrom}`;
    let chainId = chains.get(chainKey);
    if (chainId === undefined) {
      const row = await db
        .insertInto('filing_chains')
        .values({
          election_id: v.electionId,
          party_registration_number: v.party,
          report_kind: v.kind,
          period_from: v.periodFrom,
          period_to: v.periodTo,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      chainId = Number(row.id);
      chains.set(chainKey, chainId);
    }
    const receipts = sumOf(v.receipts);
    const expenditures = sumOf(v.expenditures);
    const refunds = sumOf(v.refunds);
    const filing = await db
      .insertInto('filings')
      .values({
        chain_id: chainId,
        version: v.version,
        status: v.status,
        is_latest: v.latest ? 1 : 0,
        body_json: '{}',
        opening_balance: 0,
        closing_balance: receipts - expenditures - refunds,
        total_receipts: receipts,
        total_expenditures: expenditures,
        total_refunds: refunds,
        idempotency_key: null,
        created_by: 'fixture',
        created_at: v.submittedAt ?? now,
        updated_at: v.submittedAt ?? now,
        submitted_at: v.submittedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const filingId = Number(filing.id);
    if (v.submittedAt !== null) {
      out.filedVersions++;
      await db
        .insertInto('filing_status_events')
        .values({ filing_id: filingId, status: v.status, reason: '', actor: 'fixture', at: v.submittedAt })
        .execute();
    }
    const line = (x: {
      electionId: string;
      party: string;
      lineId: string;
      date: string;
      amount: number;
      latest: boolean;
    }) => ({
      filing_id: filingId,
      election_id: x.electionId,
      party_registration_number: x.party,
      line_id: x.lineId,
      date: x.date,
      amount: x.amount,
      is_latest: x.latest ? 1 : 0,
    });
    await insertChunked(v.receipts, (chunk) =>
      db
        .insertInto('receipts')
        .values(
          chunk.map((r) => ({
            ...line(r),
            donor_type: r.donorType,
            donor_name: r.donorName,
            donor_name_key: searchKey(r.donorName),
            donor_pin: r.donorPin,
            donor_inn: r.donorInn,
            donor_address: r.donorAddress,
            channel: r.channel,
            bank_reference: r.bankReference,
          })),
        )
        .execute(),
    );
    await insertChunked(v.expenditures, (chunk) =>
      db
        .insertInto('expenditures')
        .values(
          chunk.map((x) => ({
            ...line(x),
            category: x.category,
            payee_name: x.payeeName,
            payee_inn: x.payeeInn,
            document_number: x.documentNumber,
            description: x.description,
          })),
        )
        .execute(),
    );
    await insertChunked(v.refunds, (chunk) =>
      db
        .insertInto('refunds')
        .values(chunk.map((x) => ({ ...line(x), receipt_line_id: x.receiptLineId, kind: x.kind, reason: x.reason })))
        .execute(),
    );
    out.receipts.push(...v.receipts);
    out.expenditures.push(...v.expenditures);
    out.refunds.push(...v.refunds);
  }
  const privates = new Set<string>();
  for (const r of out.receipts) for (const x of [r.donorPin, r.donorInn, r.donorAddress]) if (x) privates.add(x);
  // Payee INNs are not secret for firms, but for a paid campaigner the INN is the PIN: never published.
  for (const x of out.expenditures) if (x.payeeInn) privates.add(x.payeeInn);
  out.privateValues = [...privates];
  return out;
}

/** What the public side must show: latest lines of one election (and party). */
export function latestOf<T extends { electionId: string; party: string; latest: boolean }>(
  rows: T[],
  electionId: string,
  party?: string,
): T[] {
  return rows.filter((r) => r.latest && r.electionId === electionId && (party === undefined || r.party === party));
}

export { sumOf };
