// A server for the API tests: a fresh database (SQLite in a temporary folder, or a schema of its own
// on the test PostgreSQL), filled through the commission's and the treasurers' services with
// synthetic people whose PINs and home addresses the tests know, so they can prove that none ever
// leaves. The big list has 200 candidates with many equal names and birth dates, so that keyset
// pagination is tested on ties (broken by id), not only on distinct values. Parties have filed
// finance reports (one amended, so with two versions) whose individual donors carry PINs and
// addresses, and one report is still a draft.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import ExcelJS from 'exceljs';
import { loadConfig } from '../../src/platform/config.ts';
import { openApp } from '../../src/platform/bootstrap.ts';
import { buildServer } from '../../src/server.ts';
import type { AppContext } from '../../src/platform/app-context.ts';
import type { DialectName } from '../../src/platform/db/database.ts';
import { LocalBlobStore } from '../../src/platform/blobs/local-blob-store.ts';
import type { Candidate, Election, Party } from '../../src/domain/election.ts';
import { som, tyiyn } from '../../src/domain/money.ts';
import { createElection, ensureBuiltInRulesProfiles } from '../../src/elections/index.ts';
import { registerParty } from '../../src/parties/index.ts';
import { insertCheckedCandidates, withdrawCandidate } from '../../src/candidates/index.ts';
import { attachProgramme } from '../../src/programmes/index.ts';
import { importStations, importVoters } from '../../src/voters/index.ts';
import {
  buildFiling,
  createDraft,
  reviewFiling,
  submitFiling,
  type Filing,
  type Receipt,
  type ReportKind,
} from '../../src/filings/index.ts';
import { openTestDatabase } from '../support/databases.ts';
import { EventBus } from '../../src/platform/event-bus.ts';
import { Memo } from '../../src/platform/memo.ts';

export const ELECTION: Election = {
  id: 'test-2021',
  kind: 'parliamentary',
  name: { ky: 'Сынак шайлоо 2021', ru: 'Тестовые выборы 2021', en: 'Test election 2021' },
  electionDay: '2021-11-28',
  calledOn: '2021-08-29',
  campaignStart: '2021-10-29',
  campaignEnd: '2021-11-26',
  seats: 54,
  thresholdBasisPoints: 500,
  status: 'results',
  rulesProfileId: 'kg-2021-parliament',
  synthetic: true,
};

export const OTHER_ELECTION: Election = {
  ...ELECTION,
  id: 'test-2020',
  name: { ky: 'Сынак шайлоо 2020', ru: 'Тестовые выборы 2020', en: 'Test election 2020' },
  electionDay: '2020-10-04',
  calledOn: '2020-07-03',
  campaignStart: '2020-09-04',
  campaignEnd: '2020-10-03',
  thresholdBasisPoints: 700,
  status: 'annulled',
  rulesProfileId: 'kg-2020-parliament',
  synthetic: false,
};

function party(reg: string, ky: string, en: string, short: string): Party {
  return {
    registrationNumber: reg,
    name: { ky, ru: ky, en },
    shortName: { ky: short, ru: short, en: short },
    leader: '',
    foundedOn: '2010-01-15',
    address: 'Бишкек, Чүй проспекти 1',
    phone: '+996 312 000000',
    website: 'https://party.example',
    logoBlobKey: null,
  };
}

/** The 200-candidate list. */
export const BIG = party('10001-3301-PP', 'Биринчи партия', 'First party', 'Биринчи');
/** A Cyrillic registration number, to test URL encoding and download file names. */
export const SMALL = party('10002-3301-ПП', 'Экинчи партия', 'Second party', 'Экинчи');
/** Registered, not yet on the ballot, no list. */
export const EMPTY = party('10003-3301-PP', 'Үчүнчү партия', 'Third party', 'Үчүнчү');

export const BIG_SIZE = 200;
export const SMALL_SIZE = 30;
export const OTHER_SIZE = 12;
/** Positions withdrawn on the big list, to test the status filter. */
export const WITHDRAWN_POSITIONS = [5, 17, 60, 111, 199];

/** A person no pool name resembles, for the search tests. */
export const UNIQUE_PERSON = { nameKy: 'Жылдыз Сыдыкова', nameRu: 'Сыдыкова Жылдыз', nameLatin: 'Jyldyz Sydykova' };

// Few names and dates for many people: ties are the hard case of keyset pagination.
const FEMALE = [
  ['Айгүл', 'Айгуль', 'Aigul'],
  ['Бермет', 'Бермет', 'Bermet'],
  ['Нургүл', 'Нургуль', 'Nurgul'],
] as const;
const MALE = [
  ['Азамат', 'Азамат', 'Azamat'],
  ['Бакыт', 'Бакыт', 'Bakyt'],
  ['Эрлан', 'Эрлан', 'Erlan'],
] as const;
const SURNAMES = [
  ['Асанов', 'Asanov'],
  ['Осмонов', 'Osmonov'],
  ['Токтогулов', 'Toktogulov'],
  ['Жумабеков', 'Jumabekov'],
] as const;
const BIRTH_DATES = [
  '1960-03-01',
  '1975-07-15',
  '1980-12-31',
  '1988-02-29',
  '1990-05-17',
  '1995-01-01',
  '1999-09-09',
  '2001-06-30',
];

function pinOf(sex: Candidate['sex'], birthDate: string, serial: number): string {
  const [y, m, d] = birthDate.split('-') as [string, string, string];
  return `${sex === 'female' ? '1' : '2'}${d}${m}${y}${String(serial).padStart(5, '0')}`;
}

function makeList(electionId: string, reg: string, size: number, serialBase: number): Candidate[] {
  return Array.from({ length: size }, (_, i) => {
    const unique = i === 0 && reg === SMALL.registrationNumber;
    // F M M F F M M F …: at most two of one sex in a row, half women.
    const sex: Candidate['sex'] = unique || i % 4 === 0 || i % 4 === 3 ? 'female' : 'male';
    const given = (sex === 'female' ? FEMALE : MALE)[i % 3]!;
    const surname = SURNAMES[(i * 7) % SURNAMES.length]!;
    const [kySuffix, latinSuffix] = sex === 'female' ? ['а', 'a'] : ['', ''];
    const birthDate = unique ? '1985-04-12' : BIRTH_DATES[(i * 5) % BIRTH_DATES.length]!;
    const names = unique
      ? UNIQUE_PERSON
      : {
          nameKy: `${given[0]} ${surname[0]}${kySuffix}`,
          nameRu: `${surname[0]}${kySuffix} ${given[1]}`,
          nameLatin: `${given[2]} ${surname[1]}${latinSuffix}`,
        };
    return {
      electionId,
      partyRegistrationNumber: reg,
      listPosition: i + 1,
      ...names,
      birthDate,
      sex,
      // Free text that a spreadsheet would run as a formula: the CSV must neutralise it.
      occupation: i % 10 === 0 ? '=HYPERLINK("http://evil.example")' : 'мугалим',
      placeOfResidence: 'Бишкек',
      ethnicMinority: i % 5 === 0,
      disability: i === 2 || i === 40,
      status: 'registered',
      withdrawnOn: null,
      pin: pinOf(sex, birthDate, serialBase + i),
    };
  });
}

/** The smallest file that file-type recognises as a PDF. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

/**
 * Individual donors of the finance reports: their PINs and home addresses are private and must never
 * leave through the API. Birth dates none of the candidates have, so no PIN is shared by chance.
 */
export const DONORS = [
  { name: 'Асанова Айгүл (synthetic)', pin: '11204197800011', address: 'Бишкек, ул. Тайная, 3, кв. 9' },
  { name: 'Осмонов Бакыт (synthetic)', pin: '20101196500022', address: 'Ош, ул. Скрытая, 12' },
  { name: 'Токтогулова Нургүл (synthetic)', pin: '10507199000033', address: 'Каракол, пер. Приватный, 5' },
  { name: 'Жумабеков Эрлан (synthetic)', pin: '23009198100044', address: 'Нарын, ул. Невидимая, 21' },
] as const;

/** A legal-entity donor: its INN (starting with 0, so never a person's) is public. */
export const COMPANY = { name: 'Synthetic Trading LLC', inn: '02504200910123' };

/** The test clock: every request and every submission happens at this instant (1 November 2021 in Bishkek). */
export const NOW = new Date('2021-11-01T10:00:00Z');

export interface TestFilingOptions {
  electionId?: string;
  registrationNumber?: string;
  reportKind?: ReportKind;
  periodFrom?: string;
  periodTo?: string;
  /** Indexes into DONORS of the individuals who gave (in that order). */
  donors?: number[];
  /** Som added to the first individual donation: makes an otherwise equal report different. */
  extraSom?: number;
}

/**
 * A complete, valid finance report (totals and closing balance agree by construction) for a party of
 * the test elections: the party's own funds, a company, and individual donors with PIN and address.
 * By default the big party's initial report of the 2021 election, lines dated within its period.
 */
export function testFiling(opts: TestFilingOptions = {}): Filing {
  const electionId = opts.electionId ?? ELECTION.id;
  const from = opts.periodFrom ?? (electionId === ELECTION.id ? ELECTION.campaignStart : OTHER_ELECTION.campaignStart);
  const to = opts.periodTo ?? (electionId === ELECTION.id ? '2021-10-31' : OTHER_ELECTION.campaignEnd);
  const individuals: Receipt[] = (opts.donors ?? [0]).map((d, i) => ({
    lineId: `R-P${i + 1}`,
    date: to,
    donorType: 'individual',
    donorName: DONORS[d]!.name,
    donorPin: DONORS[d]!.pin,
    donorAddress: DONORS[d]!.address,
    amount: som(50_000 + i * 1_000 + (i === 0 ? (opts.extraSom ?? 0) : 0)),
    channel: 'bank_transfer',
    bankReference: `PP-P${i + 1}`,
  }));
  return buildFiling({
    header: {
      partyRegistrationNumber: opts.registrationNumber ?? BIG.registrationNumber,
      electionId,
      reportKind: opts.reportKind ?? 'initial',
      periodFrom: from,
      periodTo: to,
      account: { bank: 'Synthetic Bank', number: '1240000000000001' },
      openingBalance: tyiyn(0),
      signer: { name: 'Synthetic Treasurer', position: 'Treasurer' },
    },
    receipts: [
      {
        lineId: 'R-1',
        date: from,
        donorType: 'party_own_funds',
        donorName: 'Synthetic Party',
        amount: som(300_000),
        channel: 'bank_transfer',
        bankReference: 'PP-1',
      },
      {
        lineId: 'R-2',
        date: from,
        donorType: 'legal_entity',
        donorName: COMPANY.name,
        donorInn: COMPANY.inn,
        amount: som(100_000),
        channel: 'bank_transfer',
        bankReference: 'PP-2',
      },
      ...individuals,
    ],
    expenditures: [
      {
        lineId: 'E-1',
        date: to,
        category: 'advertising_online',
        payeeName: 'Synthetic Media LLC',
        payeeInn: '01203201710055',
        amount: som(120_000),
        documentNumber: 'INV-1',
        description: 'Online advertising',
      },
    ],
  });
}

/** A filing as JSON carries it (amounts plain numbers), for request bodies. */
export const filingJson = (f: Filing): Record<string, unknown> =>
  JSON.parse(JSON.stringify(f)) as Record<string, unknown>;

/** The finance reports of the fixture, by what the tests need of them. */
export interface FixtureFilings {
  /** Every filed version's id. */
  filed: number[];
  /** The big party's report: version 1 (returned by the commission) and its amendment, version 2. */
  bigV1: number;
  bigV2: number;
  /** A report that is still a draft: not public, so 404 through the API. */
  draft: number;
}

export interface ApiTestServer {
  app: FastifyInstance;
  ctx: AppContext;
  dialect: DialectName;
  /** Every candidate's PIN stored in the database: none may appear in any response. */
  pins: string[];
  filings: FixtureFilings;
  /**
   * Every private value in the database now — candidates' PINs, donors' PINs and home addresses —
   * read afresh, so that what a test has filed is included.
   */
  secrets(): Promise<string[]>;
  /** Every response a test fetched through `get` or `request`, for the privacy scan. */
  seen: LightMyRequestResponse[];
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** Any request (POSTs with bodies, tokens…); recorded in `seen` like `get`. */
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${JSON.stringify(r.error)}`);
  return r.value;
}

/** The instance's upload limit: small, so that the documented 413 of an upload can be tested. */
export const UPLOAD_LIMIT_MB = 0.5;

/** The app's context on a fresh database of the dialect; `dispose` closes (and on PostgreSQL drops) it. */
async function openContext(
  dialect: DialectName,
  dir: string,
): Promise<{ ctx: AppContext; dispose: () => Promise<void> }> {
  const now = () => NOW;
  const config = loadConfig({ TALAPKER_DATA_DIR: dir, TALAPKER_UPLOAD_LIMIT_MB: String(UPLOAD_LIMIT_MB) });
  if (dialect === 'sqlite') {
    const ctx = await openApp(config, now);
    // A test may have destroyed the database on purpose already.
    return { ctx, dispose: () => ctx.db.destroy().catch(() => undefined) };
  }
  const t = await openTestDatabase('postgres');
  const ctx: AppContext = {
    db: t.db,
    blobs: new LocalBlobStore(join(dir, 'blobs')),
    config,
    now,
    events: new EventBus(),
    memo: new Memo(),
  };
  await ensureBuiltInRulesProfiles(ctx);
  return { ctx, dispose: () => t.close() };
}

async function fileReport(ctx: AppContext, f: Filing): Promise<number> {
  return must(
    await submitFiling(ctx, filingJson(f), { actor: 'test', idempotencyKey: null }),
    `filing ${f.header.partyRegistrationNumber}`,
  ).filingId;
}

/** Finance reports of the test elections, filed through the same service as the API's POST. */
async function loadFilings(ctx: AppContext): Promise<FixtureFilings> {
  const bigV1 = await fileReport(ctx, testFiling({ donors: [0, 1] }));
  must(
    await reviewFiling(ctx, bigV1, { status: 'returned', reason: 'The bank statement is missing.' }, 'test'),
    'review',
  );
  // The same election, party, kind and first day: an amendment, version 2.
  const bigV2 = await fileReport(ctx, testFiling({ donors: [0, 1, 3], extraSom: 5 }));
  const small = await fileReport(ctx, testFiling({ registrationNumber: SMALL.registrationNumber, donors: [2] }));
  const other = await fileReport(
    ctx,
    testFiling({
      electionId: OTHER_ELECTION.id,
      registrationNumber: SMALL.registrationNumber,
      reportKind: 'final',
      donors: [0, 2],
    }),
  );
  must(await reviewFiling(ctx, other, { status: 'accepted', reason: '' }, 'test'), 'review other');
  const draft = must(
    await createDraft(
      ctx,
      {
        electionId: ELECTION.id,
        partyRegistrationNumber: BIG.registrationNumber,
        reportKind: 'first',
        periodFrom: '2021-11-01',
        periodTo: '2021-11-01',
      },
      'test',
    ),
    'draft',
  ).draftId;
  return { filed: [bigV1, bigV2, small, other], bigV1, bigV2, draft };
}

/** Every PIN and home address in the database. */
/** One polling station and one voter, through the commission's own import, for the voter lookup. */
async function loadVoters(ctx: AppContext, dir: string): Promise<void> {
  const stations = join(dir, 'stations.csv');
  writeFileSync(
    stations,
    'number,name_ky,name_ru,name_en,address_ky,address_ru,address_en,country,city,lat,lon,hours,accessible,district_commission\n' +
      '1001,№1 мектеп,Школа №1,School No. 1,Киев к. 1,ул. Киевская 1,1 Kiev St,KG,Бишкек,42.87,74.59,08:00–20:00,1,Бишкек\n',
  );
  must(await importStations(ctx, { path: stations, actor: 'test' }), 'stations');
  const list = join(dir, 'voters.csv');
  writeFileSync(
    list,
    'pin,surname,given_name,patronymic,birth_date,station_number,biometric_registered\n' +
      '11503199099001,Асанова,Айгүл,Бакытовна,1990-03-15,1001,1\n',
  );
  must(await importVoters(ctx, { path: list, asOf: '2026-11-01', actor: 'test' }), 'voters');
}

async function secretsOf(ctx: AppContext): Promise<string[]> {
  const pins = (await ctx.db.selectFrom('candidates').select('pin').execute()).map((r) => r.pin);
  const donors = await ctx.db.selectFrom('receipts').select(['donor_pin', 'donor_address']).execute();
  const all = [...pins, ...donors.flatMap((r) => [r.donor_pin, r.donor_address])];
  return [...new Set(all.filter((x): x is string => typeof x === 'string' && x.trim() !== ''))];
}

export async function startApiTestServer(dialect: DialectName = 'sqlite'): Promise<ApiTestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'talapker-api-'));
  const { ctx, dispose } = await openContext(dialect, dir);
  must(await createElection(ctx, ELECTION, 'test'), 'election');
  must(await createElection(ctx, OTHER_ELECTION, 'test'), 'other election');
  must(await registerParty(ctx, { electionId: ELECTION.id, party: BIG, ballotNumber: 1 }, 'test'), 'big');
  must(await registerParty(ctx, { electionId: ELECTION.id, party: SMALL, ballotNumber: 2 }, 'test'), 'small');
  must(await registerParty(ctx, { electionId: ELECTION.id, party: EMPTY, ballotNumber: null }, 'test'), 'empty');
  must(
    await registerParty(ctx, { electionId: OTHER_ELECTION.id, party: SMALL, ballotNumber: 1 }, 'test'),
    'small 2020',
  );

  await insertCheckedCandidates(ctx, makeList(ELECTION.id, BIG.registrationNumber, BIG_SIZE, 0), 'test');
  await insertCheckedCandidates(ctx, makeList(ELECTION.id, SMALL.registrationNumber, SMALL_SIZE, 1000), 'test');
  await insertCheckedCandidates(ctx, makeList(OTHER_ELECTION.id, SMALL.registrationNumber, OTHER_SIZE, 2000), 'test');

  const big = await ctx.db
    .selectFrom('candidates')
    .select(['id', 'list_position'])
    .where('election_id', '=', ELECTION.id)
    .where('party_registration_number', '=', BIG.registrationNumber)
    .execute();
  for (const pos of WITHDRAWN_POSITIONS) {
    const row = big.find((r) => r.list_position === pos)!;
    must(await withdrawCandidate(ctx, { candidateId: Number(row.id), date: '2021-11-10', actor: 'test' }), 'withdraw');
  }
  must(
    await attachProgramme(
      ctx,
      {
        electionId: ELECTION.id,
        partyRegistrationNumber: BIG.registrationNumber,
        text: { ky: 'Программа', ru: 'Программа', en: 'Programme' },
        pdf: PDF,
      },
      'test',
    ),
    'programme',
  );

  const filings = await loadFilings(ctx);
  await loadVoters(ctx, dir);

  const pins = (await ctx.db.selectFrom('candidates').select('pin').execute()).map((r) => r.pin);
  const app = await buildServer(ctx);
  const seen: LightMyRequestResponse[] = [];
  return {
    app,
    ctx,
    dialect,
    pins,
    filings,
    secrets: () => secretsOf(ctx),
    seen,
    async get(url, headers = {}) {
      const res = await app.inject({ method: 'GET', url, headers });
      seen.push(res);
      return res;
    },
    async request(opts) {
      const res = await app.inject(opts);
      seen.push(res);
      return res;
    },
    async close() {
      await app.close();
      await dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** All text a response carries: headers, and the body (cells of a workbook, since XLSX is zipped). */
export async function textOf(res: Pick<LightMyRequestResponse, 'headers' | 'body' | 'rawPayload'>): Promise<string> {
  const headers = JSON.stringify(res.headers);
  if (String(res.headers['content-type']).includes('spreadsheetml')) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value)))));
    return `${headers}\n${cells.join('\n')}`;
  }
  return `${headers}\n${res.body}`;
}

/**
 * A finder of private values in text: all-digit ones (PINs) are looked up among the digit runs of the
 * text, so that thousands of them can be searched for in thousands of responses; the others
 * (addresses) as substrings.
 */
export function secretFinder(secrets: readonly string[]): (text: string) => string[] {
  const numbers = new Set(secrets.filter((x) => /^\d+$/.test(x)));
  const lengths = [...new Set([...numbers].map((x) => x.length))];
  const others = secrets.filter((x) => !/^\d+$/.test(x));
  return (text) => {
    const found = new Set<string>();
    for (const run of text.match(/\d+/g) ?? []) {
      for (const len of lengths) {
        for (let i = 0; i + len <= run.length; i++) {
          const part = run.slice(i, i + len);
          if (numbers.has(part)) found.add(part);
        }
      }
    }
    for (const x of others) if (text.includes(x)) found.add(x);
    return [...found];
  };
}

/** The JSON body of a response, typed loosely for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const json = (res: LightMyRequestResponse): any => JSON.parse(res.body);
