// Finance benchmark (not a test): 1,000,000 receipts across 20 parties, bulk-loaded into a temporary
// SQLite file and into a fresh PostgreSQL schema; then, on each database, p50/p95 of the itemised
// receipts listing — repository query, rendered page and API route — with a donor-name search, a
// party filter, an amount sort, and keyset pages 1 and 5,000 (the deep cursor is reached by walking
// every page before it); finally the full CSV download of all rows through a real HTTP server in a
// child process, with its bytes, rows, seconds and the server's peak RSS (VmHWM), once with V8's
// default heap sizing and once with the old generation capped, which separates what the download
// holds from the garbage V8 lets pile up before it collects.
//
//   npm run bench:finance                       # 1,000,000 rows, both databases
//   BENCH_ROWS=100000 BENCH_REPS=50 npm run bench:finance
//   BENCH_DATABASES=sqlite npm run bench:finance
//   BENCH_SQLITE_FILE=finance-bench.sqlite BENCH_PG_SCHEMA=bench_kept npm run bench:finance
//                                               # keep the loaded database(s) and reuse them next time
//
// PostgreSQL: TEST_DATABASE_URL, or postgres://postgres@127.0.0.1:5432/test; the schema is dropped at the end.
import { recordFigure } from './figures.ts';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { openDatabase, type DialectName } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import type { Database } from '../src/platform/db/schema.ts';
import { builtInRulesProfiles } from '../src/domain/rules-profile.ts';
import { insertElection, saveRulesProfile } from '../src/elections/election.repository.ts';
import { insertParty, upsertParticipation } from '../src/parties/party.repository.ts';
import { searchKey } from '../src/domain/transliteration.ts';
import type { Election } from '../src/domain/election.ts';
import type { AppContext } from '../src/platform/app-context.ts';
import { EventBus } from '../src/platform/event-bus.ts';
import { Memo } from '../src/platform/memo.ts';
import { loadConfig } from '../src/platform/config.ts';
import { LocalBlobStore } from '../src/platform/blobs/local-blob-store.ts';
import { buildServer } from '../src/server.ts';
import { apiErrorHandler, publicApiHeaders } from '../src/platform/api/api-http.ts';
import { financeApi, financeRoutes } from '../src/finance/index.ts';
import { listReceipts } from '../src/finance/lines.repository.ts';
import { loadElectionFinance } from '../src/finance/totals.repository.ts';
import type { PageRequest, ReceiptFilter } from '../src/finance/core/lines.ts';
import { decodeCursor } from '../src/platform/keyset.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const REPS = Number(process.env.BENCH_REPS ?? 200);
const PARTIES = 20;
const PAGE = 50;
/** Page 5,000 of 1,000,000 rows; smaller runs (BENCH_ROWS) go half-way down instead. */
const DEEP_PAGE = Math.min(5000, Math.floor(ROWS / PAGE / 2));
/** Lines of amended versions, kept with is_latest = 0: in the table, never counted. */
const SUPERSEDED = Math.round(ROWS * 0.05);
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const ELECTION: Election = {
  id: 'bench-2030',
  kind: 'parliamentary',
  name: { ky: 'Бенчмарк шайлоосу', ru: 'Выборы для замеров', en: 'Benchmark election' },
  electionDay: '2030-10-06',
  calledOn: '2030-07-01',
  campaignStart: '2030-08-10',
  campaignEnd: '2030-10-04',
  seats: 90,
  thresholdBasisPoints: 500,
  status: 'campaign',
  rulesProfileId: 'kg-2021-parliament',
  synthetic: true,
};
const partyReg = (p: number) => `B-${String(p + 1).padStart(2, '0')}`;

// ---- Synthetic receipts (deterministic) -------------------------------------------------------------

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROOTS = [
  'Асан',
  'Осмон',
  'Токтогул',
  'Сыдык',
  'Абдыкадыр',
  'Мамыт',
  'Жээнбек',
  'Бакир',
  'Турсун',
  'Калыбек',
  'Өмүрбек',
  'Сатыбалды',
  'Жумабек',
  'Эсен',
  'Кадыр',
  'Алымбек',
  'Үсөн',
  'Ташы',
  'Бейшен',
  'Чолпонкул',
  'Курман',
  'Назар',
  'Орозбек',
  'Сулайман',
  'Токон',
  'Шарип',
  'Ысак',
  'Дүйшөн',
  'Мырза',
  'Нурбек',
  'Сапар',
  'Болот',
  'Айтмат',
  'Каныбек',
  'Кемел',
  'Молдо',
  'Рыскул',
  'Темир',
  'Жусуп',
  'Акмат',
];
const SUFFIXES = [
  ['ов', 'ова'],
  ['ев', 'ева'],
] as const;
const GIVEN_M = [
  'Бакыт',
  'Нурлан',
  'Эрлан',
  'Азамат',
  'Талант',
  'Марат',
  'Улан',
  'Тилек',
  'Жоомарт',
  'Адилет',
  'Бекжан',
  'Канат',
  'Руслан',
  'Эмил',
  'Чыңгыз',
  'Айбек',
  'Данияр',
  'Жыргал',
  'Максат',
  'Санжар',
  'Темирлан',
  'Арслан',
  'Мирлан',
  'Кубат',
  'Нурсултан',
  'Атай',
  'Медер',
  'Кайрат',
  'Салкын',
  'Үмөт',
];
const GIVEN_F = [
  'Айгүл',
  'Бермет',
  'Нургүл',
  'Жылдыз',
  'Асел',
  'Гүлнара',
  'Динара',
  'Айпери',
  'Мээрим',
  'Чолпон',
  'Назгүл',
  'Айжан',
  'Бегимай',
  'Салтанат',
  'Толкун',
  'Элнура',
  'Жаркын',
  'Айсулуу',
  'Нуриза',
  'Каныкей',
  'Сезим',
  'Адина',
  'Камила',
  'Алина',
  'Мадина',
  'Зарина',
  'Гулиза',
  'Айдана',
  'Акылай',
  'Ширин',
];
const WORDS = ['Ала-Тоо', 'Нур', 'Ак-Суу', 'Тянь-Шань', 'Манас', 'Барс', 'Сапат', 'Келечек', 'Ынтымак', 'Кут'];
const DAYS = 55;
const dayOf = (d: number) => new Date(Date.UTC(2030, 7, 10 + d)).toISOString().slice(0, 10);
/** Before this day lines belong to the initial report, from it on to the first report. */
const FIRST_PERIOD_FROM = '2030-09-11';

const keyCache = new Map<string, string>();
const keyOf = (name: string) => {
  let k = keyCache.get(name);
  if (k === undefined) keyCache.set(name, (k = searchKey(name)));
  return k;
};

interface Row {
  party: number;
  lineId: string;
  date: string;
  amount: number;
  donorType: string;
  donorName: string;
  donorNameKey: string;
  donorPin: string | null;
  donorInn: string | null;
  donorAddress: string | null;
  channel: string;
  bankReference: string;
}

function makeRow(i: number, rand: () => number, total: number): Row {
  // Each party's lines lie together, as the filing service writes a report's lines in one go.
  const party = Math.min(PARTIES - 1, Math.floor((i * PARTIES) / total));
  const r = rand();
  const donorType = r < 0.85 ? 'individual' : r < 0.95 ? 'legal_entity' : r < 0.98 ? 'party_own_funds' : 'other';
  let donorName: string;
  let amount: number;
  if (donorType === 'individual') {
    const female = rand() < 0.45;
    const root = ROOTS[Math.floor(rand() * ROOTS.length)]!;
    const suffix = SUFFIXES[Math.floor(rand() * SUFFIXES.length)]![female ? 1 : 0];
    const given = (female ? GIVEN_F : GIVEN_M)[Math.floor(rand() * GIVEN_M.length)]!;
    donorName = `${root}${suffix} ${given}`;
    // Many small gifts, few large ones, in round som: amounts tie often, as real ones do.
    amount = Math.round(Math.min(200_000, 100 * Math.exp(rand() * 7.6)) / 10) * 10 * 100;
  } else if (donorType === 'legal_entity') {
    donorName = `ОсОО «${WORDS[Math.floor(rand() * WORDS.length)]} ${Math.floor(rand() * 5000)}»`;
    amount = Math.round(rand() * 3_000_000) * 100;
  } else {
    donorName = donorType === 'party_own_funds' ? `Партия ${partyReg(party)}` : 'Башка булак';
    amount = Math.round(rand() * 5_000_000) * 100;
  }
  const c = rand();
  return {
    party,
    lineId: `R-${i}`,
    date: dayOf(Math.floor(rand() * DAYS)),
    amount: Math.max(amount, 100),
    donorType,
    donorName,
    donorNameKey: keyOf(donorName),
    donorPin: donorType === 'individual' ? String(10_000_000_000_000 + Math.floor(rand() * 89_999_999_999_999)) : null,
    donorInn:
      donorType === 'legal_entity' ? String(10_000_000_000_000 + Math.floor(rand() * 89_999_999_999_999)) : null,
    donorAddress: donorType === 'individual' ? `Бишкек, ${Math.floor(rand() * 300)}-үй` : null,
    channel: c < 0.9 ? 'bank_transfer' : c < 0.98 ? 'mobile_banking' : 'cash',
    bankReference: `PP-${i}`,
  };
}

/** Rows in batches, the latest ones first and then the superseded ones; never all in memory. */
function* rowBatches(size: number): Generator<Array<Row & { latest: boolean }>> {
  const rand = mulberry32(20301006);
  let batch: Array<Row & { latest: boolean }> = [];
  for (let i = 0; i < ROWS + SUPERSEDED; i++) {
    const latest = i < ROWS;
    batch.push({ ...makeRow(latest ? i : i - ROWS, rand, latest ? ROWS : SUPERSEDED), latest });
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

// ---- Loading ------------------------------------------------------------------------------------

interface Filings {
  /** party → [initial, first v2 (latest), first v1 (superseded)] filing ids */
  byParty: number[][];
}

async function createReports(db: Kysely<Database>): Promise<Filings> {
  const now = '2030-07-01T00:00:00.000Z';
  for (const p of builtInRulesProfiles) await saveRulesProfile(db, p, now);
  await insertElection(db, ELECTION, now);
  const byParty: number[][] = [];
  for (let p = 0; p < PARTIES; p++) {
    const reg = partyReg(p);
    await insertParty(
      db,
      {
        registrationNumber: reg,
        name: { ky: `Бенчмарк партиясы ${p + 1}`, ru: `Партия замеров ${p + 1}`, en: `Benchmark Party ${p + 1}` },
        shortName: { ky: `БП-${p + 1}`, ru: `ПЗ-${p + 1}`, en: `BP-${p + 1}` },
        leader: '',
        foundedOn: null,
        address: 'Бишкек',
        phone: '',
        website: '',
        logoBlobKey: null,
      },
      now,
    );
    await upsertParticipation(
      db,
      {
        electionId: ELECTION.id,
        partyRegistrationNumber: reg,
        ballotNumber: p + 1,
        status: 'registered',
        statusDate: null,
        statusReason: '',
      },
      now,
    );
    const ids: number[] = [];
    for (const [kind, from, to, versions] of [
      ['initial', '2030-08-10', '2030-09-10', [1]],
      ['first', FIRST_PERIOD_FROM, '2030-10-03', [2, 1]],
    ] as const) {
      const chain = await db
        .insertInto('filing_chains')
        .values({
          election_id: ELECTION.id,
          party_registration_number: reg,
          report_kind: kind,
          period_from: from,
          period_to: to,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const version of versions) {
        const at =
          kind === 'initial'
            ? '2030-09-10T09:00:00.000Z'
            : version === 1
              ? '2030-09-25T09:00:00.000Z'
              : '2030-10-03T09:00:00.000Z';
        const f = await db
          .insertInto('filings')
          .values({
            chain_id: Number(chain.id),
            version,
            status: 'filed',
            is_latest: version === 1 && kind === 'first' ? 0 : 1,
            body_json: '{}',
            opening_balance: 0,
            closing_balance: 0,
            total_receipts: 0,
            total_expenditures: 0,
            total_refunds: 0,
            idempotency_key: null,
            created_by: 'bench',
            created_at: at,
            updated_at: at,
            submitted_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.push(Number(f.id));
      }
    }
    byParty.push(ids);
  }
  return { byParty };
}

function filingOf(f: Filings, r: Row & { latest: boolean }): number {
  const ids = f.byParty[r.party]!;
  if (!r.latest) return ids[2]!;
  return r.date < FIRST_PERIOD_FROM ? ids[0]! : ids[1]!;
}

const COLUMNS = [
  'filing_id',
  'election_id',
  'party_registration_number',
  'line_id',
  'date',
  'amount',
  'is_latest',
  'donor_type',
  'donor_name',
  'donor_name_key',
  'donor_pin',
  'donor_inn',
  'donor_address',
  'channel',
  'bank_reference',
] as const;

function values(f: Filings, r: Row & { latest: boolean }): Array<string | number | null> {
  return [
    filingOf(f, r),
    ELECTION.id,
    partyReg(r.party),
    r.lineId,
    r.date,
    r.amount,
    r.latest ? 1 : 0,
    r.donorType,
    r.donorName,
    r.donorNameKey,
    r.donorPin,
    r.donorInn,
    r.donorAddress,
    r.channel,
    r.bankReference,
  ];
}

/** SQLite: one transaction, one prepared statement, through the raw better-sqlite3 handle. */
function loadSqlite(file: string, f: Filings): void {
  const raw = new SQLite(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = OFF');
  const insert = raw.prepare(
    `insert into receipts (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`,
  );
  raw.transaction(() => {
    for (const batch of rowBatches(10_000)) for (const r of batch) insert.run(values(f, r));
  })();
  raw.close();
}

/** PostgreSQL: 10,000 rows a statement as parallel arrays through unnest, the nearest thing to COPY that pg has built in. */
async function loadPostgres(schema: string, f: Filings): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` });
  await client.connect();
  const types = [
    'bigint',
    'text',
    'text',
    'text',
    'text',
    'bigint',
    'int',
    'text',
    'text',
    'text',
    'text',
    'text',
    'text',
    'text',
    'text',
  ];
  const text = `insert into receipts (${COLUMNS.join(', ')}) select * from unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`;
  for (const batch of rowBatches(10_000)) {
    const cols: Array<Array<string | number | null>> = COLUMNS.map(() => []);
    for (const r of batch) values(f, r).forEach((v, i) => cols[i]!.push(v));
    await client.query(text, cols);
  }
  await client.query('vacuum analyze receipts');
  await client.end();
}

// ---- Servers ------------------------------------------------------------------------------------

async function financeApp(db: Kysely<Database>, dir: string): Promise<FastifyInstance> {
  const ctx: AppContext = {
    db,
    blobs: new LocalBlobStore(join(dir, 'blobs')),
    config: loadConfig({ TALAPKER_DATA_DIR: dir }),
    now: () => new Date('2030-10-01T06:00:00Z'),
    events: new EventBus(),
    memo: new Memo(),
  };
  const app = await buildServer(ctx);
  // As server.ts wires them once it does; until then added here the same way.
  if (!app.hasRoute({ method: 'GET', url: '/:locale/elections/:id/finance' })) await financeRoutes(app, ctx);
  if (!app.hasRoute({ method: 'GET', url: '/api/v1/elections/:electionId/receipts' }))
    await app.register(
      async (api) => {
        api.setValidatorCompiler(validatorCompiler);
        api.setSerializerCompiler(serializerCompiler);
        api.setErrorHandler(apiErrorHandler);
        api.addHook('onSend', publicApiHeaders);
        financeApi(api.withTypeProvider<ZodTypeProvider>(), ctx);
      },
      { prefix: '/api' },
    );
  await app.ready();
  return app;
}

/** Child-process mode: serve the benchmark database until killed; prints the port. */
async function serveChild(dialect: DialectName, url: string, schema: string): Promise<void> {
  const db = openDatabase({ url, ...(schema ? { schema } : {}) });
  const dir = mkdtempSync(join(tmpdir(), 'talapker-bench-child-'));
  const app = await financeApp(db, dir);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`listening ${address} ${dialect}\n`);
  process.once('SIGTERM', () => {
    void app
      .close()
      .then(() => db.destroy())
      .finally(() => {
        rmSync(dir, { recursive: true, force: true });
        process.exit(0);
      });
  });
}

function startChild(
  dialect: DialectName,
  url: string,
  schema: string,
  nodeFlags: readonly string[],
): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(
    process.execPath,
    [...nodeFlags, 'bin/run-ts.js', 'bench/finance.bench.ts', '--serve', dialect, url, schema],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (\S+)/.exec(out);
      if (m) resolve({ child, base: m[1]! });
    });
    child.once('exit', (code) => reject(new Error(`benchmark server exited with ${code}`)));
  });
}

function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: mb('VmRSS'), peak: mb('VmHWM') };
}

/** Reads a download to the end without keeping it: bytes, lines and seconds. */
function download(url: string): Promise<{ bytes: number; lines: number; seconds: number; status: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let bytes = 0;
        let lines = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
        });
        res.on('end', () =>
          resolve({ bytes, lines, seconds: (performance.now() - t0) / 1000, status: res.statusCode ?? 0 }),
        );
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

// ---- Measuring ----------------------------------------------------------------------------------

interface Stats {
  p50: number;
  p95: number;
}

async function measure(f: () => Promise<unknown>, reps = REPS): Promise<Stats> {
  for (let i = 0; i < Math.min(10, reps); i++) await f();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

interface Scenario {
  name: string;
  filter: Omit<ReceiptFilter, 'electionId'>;
  sort: PageRequest['sort'];
  order: PageRequest['order'];
  page: number;
  /** Query string of the page and API for the same listing (cursor added for deep pages). */
  pageQuery: Record<string, string>;
  apiQuery: Record<string, string>;
}

const SEARCH = 'Asanov';
const PARTY = partyReg(6);
const SCENARIOS: Scenario[] = [
  { name: 'newest first, page 1', filter: {}, sort: 'date', order: 'desc', page: 1, pageQuery: {}, apiQuery: {} },
  {
    name: `newest first, page ${DEEP_PAGE}`,
    filter: {},
    sort: 'date',
    order: 'desc',
    page: DEEP_PAGE,
    pageQuery: {},
    apiQuery: {},
  },
  {
    name: 'amount sort, page 1',
    filter: {},
    sort: 'amount',
    order: 'desc',
    page: 1,
    pageQuery: { sort: 'amount' },
    apiQuery: { sort: 'amount' },
  },
  {
    name: `amount sort, page ${DEEP_PAGE}`,
    filter: {},
    sort: 'amount',
    order: 'desc',
    page: DEEP_PAGE,
    pageQuery: { sort: 'amount' },
    apiQuery: { sort: 'amount' },
  },
  {
    name: 'party filter, page 1',
    filter: { party: PARTY },
    sort: 'date',
    order: 'desc',
    page: 1,
    pageQuery: { party: PARTY },
    apiQuery: { party: PARTY },
  },
  {
    name: 'party filter + amount sort, page 1',
    filter: { party: PARTY },
    sort: 'amount',
    order: 'asc',
    page: 1,
    pageQuery: { party: PARTY, sort: 'amount', order: 'asc' },
    apiQuery: { party: PARTY, sort: 'amount', order: 'asc' },
  },
  {
    name: `party filter, last page (${Math.ceil(ROWS / PARTIES / PAGE).toLocaleString('en')})`,
    filter: { party: PARTY },
    sort: 'date',
    order: 'desc',
    page: Math.ceil(ROWS / PARTIES / PAGE),
    pageQuery: { party: PARTY },
    apiQuery: { party: PARTY },
  },
  {
    name: `donor search "${SEARCH}", page 1`,
    filter: { donorName: SEARCH },
    sort: 'date',
    order: 'desc',
    page: 1,
    pageQuery: { q: SEARCH },
    apiQuery: { q: SEARCH },
  },
  {
    name: `donor search "${SEARCH}" + amount sort`,
    filter: { donorName: SEARCH },
    sort: 'amount',
    order: 'desc',
    page: 1,
    pageQuery: { q: SEARCH, sort: 'amount' },
    apiQuery: { q: SEARCH, sort: 'amount' },
  },
  {
    name: `donor search "${SEARCH}" + party + amount sort`,
    filter: { donorName: SEARCH, party: PARTY },
    sort: 'amount',
    order: 'desc',
    page: 1,
    pageQuery: { q: SEARCH, party: PARTY, sort: 'amount' },
    apiQuery: { q: SEARCH, party: PARTY, sort: 'amount' },
  },
  {
    name: 'donor search "Жээнбекова Айгүл", page 1',
    filter: { donorName: 'Жээнбекова Айгүл' },
    sort: 'date',
    order: 'desc',
    page: 1,
    pageQuery: { q: 'Жээнбекова Айгүл' },
    apiQuery: { q: 'Жээнбекова Айгүл' },
  },
  {
    name: 'donor search "Ab" (short prefix), page 1',
    filter: { donorName: 'Ab' },
    sort: 'date',
    order: 'desc',
    page: 1,
    pageQuery: { q: 'Ab' },
    apiQuery: { q: 'Ab' },
  },
];

interface Result {
  scenario: string;
  matching: number;
  returned: number;
  repo: Stats;
  page: Stats;
  api: Stats;
  pageBytes: number;
}

async function countMatching(db: Kysely<Database>, s: Scenario): Promise<number> {
  // Only for the report: how many rows the listing ranges over (a count is no part of any page).
  let n = 0;
  let after: PageRequest['after'];
  if (!s.filter.donorName && !s.filter.party) return ROWS;
  if (!s.filter.donorName) {
    const r = await sql<{
      n: number;
    }>`select count(*) as n from receipts where is_latest = 1 and election_id = ${ELECTION.id} and party_registration_number = ${s.filter.party}`.execute(
      db,
    );
    return Number(r.rows[0]?.n ?? 0);
  }
  for (;;) {
    const p = await listReceipts(
      db,
      { electionId: ELECTION.id, ...s.filter },
      { sort: 'date', order: 'asc', limit: 5000, ...(after ? { after } : {}) },
    );
    n += p.items.length;
    if (!p.nextCursor) return n;
    after = decodeCursor(p.nextCursor);
  }
}

async function runScenarios(dialect: DialectName, db: Kysely<Database>, app: FastifyInstance): Promise<Result[]> {
  const out: Result[] = [];
  for (const s of SCENARIOS) {
    const filter: ReceiptFilter = { electionId: ELECTION.id, ...s.filter };
    // The cursor of page N is reached honestly: by walking pages 1 … N−1.
    let cursor: string | null = null;
    const walk0 = performance.now();
    for (let p = 1; p < s.page; p++) {
      const r: Awaited<ReturnType<typeof listReceipts>> = await listReceipts(db, filter, {
        sort: s.sort,
        order: s.order,
        limit: PAGE,
        ...(cursor ? { after: decodeCursor(cursor)! } : {}),
      });
      cursor = r.nextCursor;
      if (cursor === null) throw new Error(`${s.name}: only ${p} pages`);
    }
    if (s.page > 1)
      process.stdout.write(
        `  [${dialect}] walked ${s.page - 1} pages to reach "${s.name}" in ${((performance.now() - walk0) / 1000).toFixed(1)} s\n`,
      );
    const request: PageRequest = {
      sort: s.sort,
      order: s.order,
      limit: PAGE,
      ...(cursor ? { after: decodeCursor(cursor)! } : {}),
    };
    const first = await listReceipts(db, filter, request);
    const qs = (q: Record<string, string>) => {
      const u = new URLSearchParams(q);
      if (cursor) u.set('cursor', cursor);
      const x = u.toString();
      return x ? `?${x}` : '';
    };
    const pageUrl = `/ru/elections/${ELECTION.id}/receipts${qs(s.pageQuery)}`;
    // The server keeps rendered pages per data version (platform/web/page-cache.ts); a parameter the
    // page ignores, new on every request, makes each one a miss, so the figure is the rendering.
    let bust = 0;
    const freshPage = () => `${pageUrl}${pageUrl.includes('?') ? '&' : '?'}_=${++bust}`;
    const apiUrl = `/api/v1/elections/${ELECTION.id}/receipts${qs({ ...s.apiQuery, limit: String(PAGE) })}`;
    const check = await app.inject({ method: 'GET', url: pageUrl });
    const apiCheck = await app.inject({ method: 'GET', url: apiUrl });
    if (check.statusCode !== 200 || apiCheck.statusCode !== 200)
      throw new Error(`${s.name}: ${check.statusCode} ${apiCheck.statusCode} ${apiCheck.body.slice(0, 200)}`);
    if ((JSON.parse(apiCheck.body) as { data: unknown[] }).data.length !== first.items.length)
      throw new Error(`${s.name}: the API and the repository disagree`);
    const repo = await measure(() => listReceipts(db, filter, request));
    const page = await measure(() => app.inject({ method: 'GET', url: freshPage() }));
    const api = await measure(() => app.inject({ method: 'GET', url: apiUrl }));
    out.push({
      scenario: s.name,
      matching: await countMatching(db, s),
      returned: first.items.length,
      repo,
      page,
      api,
      pageBytes: check.rawPayload.length,
    });
    process.stdout.write(
      `  [${dialect}] ${s.name}: repo p95 ${repo.p95.toFixed(1)} ms, page p95 ${page.p95.toFixed(1)} ms, API p95 ${api.p95.toFixed(1)} ms\n`,
    );
  }
  return out;
}

interface DbReport {
  dialect: DialectName;
  loadSeconds: number;
  latest: number;
  superseded: number;
  results: Result[];
  totalsCold: number;
  totalsWarm: Stats;
  csv: CsvRun[];
}

interface CsvRun {
  flags: string;
  bytes: number;
  lines: number;
  seconds: number;
  status: number;
  rssBefore: number;
  peak: number;
}

/**
 * The V8 settings the download runs under. With the defaults V8 lets the heap grow to several times
 * what is live before it collects, so a long download's garbage shows as RSS; a cap on the old
 * generation shows what the download itself holds.
 */
const CHILD_FLAGS: ReadonlyArray<readonly string[]> = [[], ['--max-old-space-size=256']];

/** The whole CSV through a real HTTP server in a child process, its memory read from /proc. */
async function csvRun(dialect: DialectName, url: string, schema: string, flags: readonly string[]): Promise<CsvRun> {
  const { child, base } = await startChild(dialect, url, schema, flags);
  try {
    // A server that has already drawn charts and computed totals, as one in service would have.
    for (const path of [
      `/ru/elections/${ELECTION.id}/finance`,
      `/ru/elections/${ELECTION.id}/parties/${PARTY}/finance`,
      `/ru/elections/${ELECTION.id}/receipts`,
    ]) {
      const warm = await download(`${base}${path}`);
      if (warm.status !== 200) throw new Error(`${path}: ${warm.status}`);
    }
    const rssBefore = memoryOf(child.pid!).rss;
    let sampledPeak = 0;
    const sampler = setInterval(() => {
      try {
        sampledPeak = Math.max(sampledPeak, memoryOf(child.pid!).rss);
      } catch {
        /* exited */
      }
    }, 100);
    process.stdout.write(
      `[${dialect}] downloading the whole CSV from ${base} (${flags.join(' ') || 'default V8 heap'})…\n`,
    );
    const got = await download(`${base}/ru/elections/${ELECTION.id}/receipts.csv`);
    clearInterval(sampler);
    const peak = Math.max(memoryOf(child.pid!).peak, sampledPeak);
    return { flags: flags.join(' ') || 'defaults', ...got, rssBefore, peak };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function benchDatabase(dialect: DialectName): Promise<DbReport> {
  const dir = mkdtempSync(join(tmpdir(), 'talapker-bench-finance-'));
  const kept = dialect === 'sqlite' ? process.env.BENCH_SQLITE_FILE : process.env.BENCH_PG_SCHEMA;
  let reuse = dialect === 'sqlite' && kept !== undefined && existsSync(kept);
  const file = (dialect === 'sqlite' ? kept : undefined) ?? join(dir, 'bench.sqlite');
  const schema = dialect === 'postgres' ? (kept ?? `bench_${randomBytes(5).toString('hex')}`) : '';
  const url = dialect === 'postgres' ? PG_URL : file;
  let admin: pg.Client | undefined;
  let db: Kysely<Database> | undefined;
  try {
    if (dialect === 'postgres') {
      admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      reuse =
        kept !== undefined &&
        (await admin.query('select 1 from pg_namespace where nspname = $1', [schema])).rowCount === 1;
      if (!reuse) await admin.query(`create schema ${schema}`);
    }
    db = openDatabase({ url, ...(schema ? { schema } : {}) });
    const t0 = performance.now();
    if (reuse) {
      process.stdout.write(`[${dialect}] reusing ${kept}\n`);
    } else if (dialect === 'sqlite') {
      await migrateToLatest(db);
      const filings = await createReports(db);
      process.stdout.write(
        `[${dialect}] loading ${ROWS.toLocaleString('en')} receipts + ${SUPERSEDED.toLocaleString('en')} superseded lines…\n`,
      );
      await db.destroy();
      loadSqlite(file, filings);
      db = openDatabase({ url });
    } else {
      await migrateToLatest(db);
      const filings = await createReports(db);
      process.stdout.write(
        `[${dialect}] loading ${ROWS.toLocaleString('en')} receipts + ${SUPERSEDED.toLocaleString('en')} superseded lines…\n`,
      );
      await loadPostgres(schema, filings);
    }
    const loadSeconds = (performance.now() - t0) / 1000;
    const counts = await sql<{ latest: number; superseded: number }>`
      select sum(case when is_latest = 1 then 1 else 0 end) as latest, sum(case when is_latest = 0 then 1 else 0 end) as superseded from receipts`.execute(
      db,
    );
    const latest = Number(counts.rows[0]?.latest ?? 0);
    const superseded = Number(counts.rows[0]?.superseded ?? 0);
    process.stdout.write(
      `[${dialect}] loaded in ${loadSeconds.toFixed(1)} s: ${latest.toLocaleString('en')} latest, ${superseded.toLocaleString('en')} superseded\n`,
    );

    const c0 = performance.now();
    await loadElectionFinance(db, ELECTION.id);
    const totalsCold = performance.now() - c0;
    const totalsWarm = await measure(() => loadElectionFinance(db!, ELECTION.id), 50);

    const app = await financeApp(db, dir);
    const results = await runScenarios(dialect, db, app);
    await app.close();

    const csv: CsvRun[] = [];
    for (const flags of CHILD_FLAGS) csv.push(await csvRun(dialect, url, schema, flags));
    return { dialect, loadSeconds, latest, superseded, results, totalsCold, totalsWarm, csv };
  } finally {
    await db?.destroy();
    if (admin) {
      if (kept === undefined) await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '))
    .join('\n');
}

async function postgresAvailable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const wanted = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',') as DialectName[];
  const dialects: DialectName[] = [];
  for (const d of wanted) {
    if (d === 'postgres' && !(await postgresAvailable())) {
      console.log(`PostgreSQL at ${PG_URL.replace(/\/\/[^@]*@/, '//…@')} is not reachable: skipped.`);
      continue;
    }
    dialects.push(d);
  }
  console.log(
    `Talapker finance benchmark: ${ROWS.toLocaleString('en')} receipts across ${PARTIES} parties (+${SUPERSEDED.toLocaleString('en')} superseded lines), page size ${PAGE}, ${REPS} repetitions per figure; load average at start ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  const reports: DbReport[] = [];
  for (const d of dialects) reports.push(await benchDatabase(d));

  console.log(`\nItemised receipts, ${ROWS.toLocaleString('en')} latest rows: p50 / p95 in ms (target p95 < 50)`);
  const head = [
    'database',
    'listing',
    'rows in range',
    'rows shown',
    'query p50',
    'query p95',
    'page p50',
    'page p95',
    'API p50',
    'API p95',
    'page KB',
  ];
  const rows: string[][] = [head];
  let worst = 0;
  for (const r of reports) {
    for (const x of r.results) {
      worst = Math.max(worst, x.repo.p95, x.page.p95, x.api.p95);
      rows.push([
        r.dialect,
        x.scenario,
        x.matching.toLocaleString('en'),
        String(x.returned),
        x.repo.p50.toFixed(1),
        x.repo.p95.toFixed(1),
        x.page.p50.toFixed(1),
        x.page.p95.toFixed(1),
        x.api.p50.toFixed(1),
        x.api.p95.toFixed(1),
        (x.pageBytes / 1024).toFixed(1),
      ]);
    }
  }
  console.log(table(rows));
  console.log(`worst p95: ${worst.toFixed(1)} ms (target < 50)`);
  recordFigure({
    bench: 'finance',
    figure: 'itemised receipts, worst p95 (repository, page, API)',
    value: worst,
    unit: 'ms',
    target: '< 50 ms',
    met: worst < 50,
  });

  console.log('\nFull CSV download through a real HTTP server (child process)');
  const csvRows: string[][] = [
    [
      'database',
      'rows in table',
      'node flags',
      'CSV rows',
      'bytes',
      'seconds',
      'rows/s',
      'RSS before (warm) MB',
      'peak RSS MB',
      'growth MB',
    ],
  ];
  for (const r of reports) {
    for (const c of r.csv) {
      const complete = c.lines - 1 === r.latest && c.status === 200;
      recordFigure({
        bench: 'finance',
        figure: `${r.dialect}: full CSV download (${c.flags || 'default flags'}), peak RSS`,
        value: c.peak,
        unit: 'MB',
        target: '< 300 MB, complete',
        met: c.peak < 300 && complete,
      });
      csvRows.push([
        r.dialect,
        `${r.latest.toLocaleString('en')} latest + ${r.superseded.toLocaleString('en')} superseded`,
        c.flags,
        complete ? (c.lines - 1).toLocaleString('en') : `INCOMPLETE ${c.lines - 1}`,
        c.bytes.toLocaleString('en'),
        c.seconds.toFixed(1),
        Math.round((c.lines - 1) / c.seconds).toLocaleString('en'),
        c.rssBefore.toFixed(0),
        c.peak.toFixed(0),
        (c.peak - c.rssBefore).toFixed(0),
      ]);
    }
  }
  console.log(table(csvRows));
  console.log('target: peak RSS < 300 MB while streaming');

  console.log('\nOther figures');
  for (const r of reports) {
    console.log(
      `${r.dialect}: bulk load ${r.loadSeconds.toFixed(1)} s; totals, breakdowns and timeline of the election computed from ${r.latest.toLocaleString('en')} lines in ${r.totalsCold.toFixed(0)} ms, then served from the memo in p50 ${r.totalsWarm.p50.toFixed(1)} / p95 ${r.totalsWarm.p95.toFixed(1)} ms while nothing is filed`,
    );
  }
  console.log(
    `load average at end ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} (on ${(await import('node:os')).cpus().length} CPUs)`,
  );
}

if (process.argv[2] === '--serve') {
  await serveChild(process.argv[3] as DialectName, process.argv[4]!, process.argv[5] ?? '');
} else {
  await main();
}
