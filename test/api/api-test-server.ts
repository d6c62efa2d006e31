// A server for the API tests: a fresh SQLite database in a temporary folder, filled through the
// commission's services with synthetic people whose PINs the tests know, so they can prove that no
// PIN ever leaves. The big list has 200 candidates with many equal names and birth dates, so that
// keyset pagination is tested on ties (broken by id), not only on distinct values.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../src/platform/config.ts';
import { openApp } from '../../src/platform/bootstrap.ts';
import { buildServer } from '../../src/server.ts';
import type { AppContext } from '../../src/platform/app-context.ts';
import type { Candidate, Election, Party } from '../../src/domain/election.ts';
import { createElection, registerParty } from '../../src/elections/election.service.ts';
import { insertCheckedCandidates, withdrawCandidate } from '../../src/candidates/candidate.service.ts';
import { attachProgramme } from '../../src/programmes/programme.service.ts';

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
const FEMALE = [['Айгүл', 'Айгуль', 'Aigul'], ['Бермет', 'Бермет', 'Bermet'], ['Нургүл', 'Нургуль', 'Nurgul']] as const;
const MALE = [['Азамат', 'Азамат', 'Azamat'], ['Бакыт', 'Бакыт', 'Bakyt'], ['Эрлан', 'Эрлан', 'Erlan']] as const;
const SURNAMES = [['Асанов', 'Asanov'], ['Осмонов', 'Osmonov'], ['Токтогулов', 'Toktogulov'], ['Жумабеков', 'Jumabekov']] as const;
const BIRTH_DATES = ['1960-03-01', '1975-07-15', '1980-12-31', '1988-02-29', '1990-05-17', '1995-01-01', '1999-09-09', '2001-06-30'];

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

export interface ApiTestServer {
  app: FastifyInstance;
  ctx: AppContext;
  /** Every PIN stored in the database: none may appear in any response. */
  pins: string[];
  /** Every response a test fetched through `get`, for the PIN scan. */
  seen: LightMyRequestResponse[];
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${JSON.stringify(r.error)}`);
  return r.value;
}

export async function startApiTestServer(): Promise<ApiTestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'talapker-api-'));
  const ctx = await openApp(loadConfig({ TALAPKER_DATA_DIR: dir }), () => new Date('2021-11-01T10:00:00Z'));
  must(await createElection(ctx, ELECTION, 'test'), 'election');
  must(await createElection(ctx, OTHER_ELECTION, 'test'), 'other election');
  must(await registerParty(ctx, { electionId: ELECTION.id, party: BIG, ballotNumber: 1 }, 'test'), 'big');
  must(await registerParty(ctx, { electionId: ELECTION.id, party: SMALL, ballotNumber: 2 }, 'test'), 'small');
  must(await registerParty(ctx, { electionId: ELECTION.id, party: EMPTY, ballotNumber: null }, 'test'), 'empty');
  must(await registerParty(ctx, { electionId: OTHER_ELECTION.id, party: SMALL, ballotNumber: 1 }, 'test'), 'small 2020');

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
      { electionId: ELECTION.id, partyRegistrationNumber: BIG.registrationNumber, text: { ky: 'Программа', ru: 'Программа', en: 'Programme' }, pdf: PDF },
      'test',
    ),
    'programme',
  );

  const pins = (await ctx.db.selectFrom('candidates').select('pin').execute()).map((r) => r.pin);
  const app = await buildServer(ctx);
  const seen: LightMyRequestResponse[] = [];
  return {
    app,
    ctx,
    pins,
    seen,
    async get(url, headers = {}) {
      const res = await app.inject({ method: 'GET', url, headers });
      seen.push(res);
      return res;
    },
    async close() {
      await app.close();
      // A test may have destroyed the database on purpose already.
      await ctx.db.destroy().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The JSON body of a response, typed loosely for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const json = (res: LightMyRequestResponse): any => JSON.parse(res.body);
