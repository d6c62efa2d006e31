// Donors and payees benchmark (not a test): an election of synthetic receipts in which donors come
// back (one PIN under several spellings, some giving to several parties, organisations by INN, a few
// lines without a number) and expenditures to a pool of payees, loaded into a temporary SQLite file
// and a fresh PostgreSQL schema. On each database, p50/p95 of the top donors page and API, a donor's
// page and API, and a comparison of three parties, each beside the bare SQL query that answers the
// same question without identity (grouping by the raw PIN) as the baseline; and the first request
// after the record changes, which identifies the election's lines again (see explore.service.ts).
//
//   npm run bench:explore                 # 100,000 receipts, both databases
//   npm run bench:explore -- --full       # the 1,000,000 receipts of bench:finance
//   BENCH_ROWS=20000 BENCH_REPS=30 BENCH_DATABASES=sqlite npm run bench:explore
//
// PostgreSQL: TEST_DATABASE_URL, or postgres://postgres@127.0.0.1:5432/test; the schema is dropped at the end.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
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
import { recordActivity } from '../src/platform/activity-log.ts';
import { buildServer } from '../src/server.ts';
import { recordFigure } from './figures.ts';
import { bareCsvDeflate, packageBuild, type BuildFigures } from './explore-package.ts';

const FULL = process.argv.includes('--full');
const ROWS = Number(process.env.BENCH_ROWS ?? (FULL ? 1_000_000 : 100_000));
const REPS = Number(process.env.BENCH_REPS ?? 50);
const SPENDING = Math.round(ROWS / 10);
const PARTIES = 20;
const BATCH = 1_000;
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TARGET_MS = 100;

const ELECTION: Election = {
  id: 'explore-bench-2030',
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
const COMPARED = [partyReg(0), partyReg(1), partyReg(2)];

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

// ---- Synthetic lines: donors who come back -----------------------------------------------------

const SURNAMES = ['Асанов', 'Осмонов', 'Токтогулов', 'Сыдыков', 'Мамытов', 'Бакиров', 'Турсунов', 'Эсенов'];
const GIVEN = ['Бакыт', 'Нурлан', 'Айгүл', 'Бермет', 'Азамат', 'Жылдыз', 'Талант', 'Асел', 'Марат', 'Динара'];
const LATIN: Record<string, string> = { Асанов: 'Asanov', Осмонов: 'Osmonov', Бакыт: 'Bakyt', Нурлан: 'Nurlan' };
const CATEGORIES = ['campaign_materials', 'advertising_tv', 'advertising_online', 'services_rent', 'transport'];

interface Donor {
  type: 'individual' | 'legal_entity';
  spellings: string[];
  pin: string | null;
  inn: string | null;
  parties: number[];
}

const number14 = (rand: () => number) => String(10_000_000_000_000 + Math.floor(rand() * 89_999_999_999_999));

function donorPool(rand: () => number): Donor[] {
  // About five gifts a donor; one in five gives to two or three parties; one in fifty has no number.
  const pool: Donor[] = [];
  for (let i = 0; i < Math.max(10, Math.round(ROWS / 5)); i++) {
    const home = Math.floor(rand() * PARTIES);
    const parties = rand() < 0.2 ? [home, (home + 1 + Math.floor(rand() * 3)) % PARTIES] : [home];
    if (rand() < 0.08 || i === 7) {
      // One company the one-box search is timed with ("Нур-Сервис", found inside its full name).
      const name = i === 7 ? 'ОсОО «Нур-Сервис»' : `ОсОО «Компания ${i}»`;
      pool.push({
        type: 'legal_entity',
        spellings: [name, name.replace('ОсОО «', 'ООО "').replace('»', '"')],
        pin: null,
        inn: number14(rand),
        parties,
      });
      continue;
    }
    const surname = SURNAMES[Math.floor(rand() * SURNAMES.length)]!;
    const given = GIVEN[Math.floor(rand() * GIVEN.length)]!;
    const name = `${surname} ${given} ${i}`;
    const latin = `${LATIN[surname] ?? surname} ${LATIN[given] ?? given} ${i}`;
    pool.push({
      type: 'individual',
      spellings: [name, name.toUpperCase(), latin],
      pin: rand() < 0.02 ? null : number14(rand),
      inn: null,
      parties,
    });
  }
  return pool;
}

const dayOf = (d: number) => new Date(Date.UTC(2030, 7, 10 + d)).toISOString().slice(0, 10);

function* receiptBatches(filings: number[], pool: readonly Donor[]) {
  const rand = mulberry32(20301006);
  let batch: Array<Record<string, string | number | null>> = [];
  for (let i = 0; i < ROWS; i++) {
    const d = pool[Math.floor(rand() * pool.length)]!;
    const party = d.parties[Math.floor(rand() * d.parties.length)]!;
    const name = d.spellings[Math.floor(rand() * d.spellings.length)]!;
    const amount =
      d.type === 'individual'
        ? Math.round(Math.min(200_000, 100 * Math.exp(rand() * 7.6)) / 10) * 1000
        : Math.round(rand() * 3_000_000) * 100;
    batch.push({
      filing_id: filings[party]!,
      election_id: ELECTION.id,
      party_registration_number: partyReg(party),
      line_id: `R-${i}`,
      date: dayOf(Math.floor(rand() * 55)),
      amount: Math.max(amount, 100),
      is_latest: 1,
      donor_type: d.type,
      donor_name: name,
      donor_name_key: searchKey(name),
      donor_pin: d.pin,
      donor_inn: d.inn,
      donor_address: d.type === 'individual' ? 'Бишкек' : null,
      channel: 'bank_transfer',
      bank_reference: `PP-${i}`,
    });
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function* expenditureBatches(filings: number[]) {
  const rand = mulberry32(7);
  const payees = Math.max(5, Math.round(SPENDING / 20));
  let batch: Array<Record<string, string | number | null>> = [];
  for (let i = 0; i < SPENDING; i++) {
    const party = Math.floor(rand() * PARTIES);
    const p = Math.floor(rand() * payees);
    batch.push({
      filing_id: filings[party]!,
      election_id: ELECTION.id,
      party_registration_number: partyReg(party),
      line_id: `X-${i}`,
      date: dayOf(Math.floor(rand() * 55)),
      amount: Math.round(rand() * 500_000) * 100 + 100,
      is_latest: 1,
      category: CATEGORIES[p % CATEGORIES.length]!,
      payee_name: `ОсОО «Поставщик ${p}»`,
      payee_inn: `0${String(1_000_000_000_000 + p)}`,
      document_number: `D-${i}`,
      description: 'Услуги',
    });
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

async function load(db: Kysely<Database>): Promise<void> {
  const now = '2030-07-01T00:00:00.000Z';
  for (const p of builtInRulesProfiles) await saveRulesProfile(db, p, now);
  await insertElection(db, ELECTION, now);
  const filings: number[] = [];
  for (let p = 0; p < PARTIES; p++) {
    const reg = partyReg(p);
    await insertParty(
      db,
      {
        registrationNumber: reg,
        name: { ky: `Партия ${p + 1}`, ru: `Партия замеров ${p + 1}`, en: `Benchmark Party ${p + 1}` },
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
    const chain = await db
      .insertInto('filing_chains')
      .values({
        election_id: ELECTION.id,
        party_registration_number: reg,
        report_kind: 'initial',
        period_from: '2030-08-10',
        period_to: '2030-10-03',
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
        is_latest: 1,
        body_json: '{}',
        opening_balance: 0,
        closing_balance: 0,
        total_receipts: 0,
        total_expenditures: 0,
        total_refunds: 0,
        idempotency_key: null,
        created_by: 'bench',
        created_at: now,
        updated_at: now,
        submitted_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    filings.push(Number(f.id));
  }
  const pool = donorPool(mulberry32(1));
  await db.transaction().execute(async (tx) => {
    for (const b of receiptBatches(filings, pool))
      await tx
        .insertInto('receipts')
        .values(b as never)
        .execute();
    for (const b of expenditureBatches(filings))
      await tx
        .insertInto('expenditures')
        .values(b as never)
        .execute();
  });
  await recordActivity(db, { actor: 'bench', action: 'bench.loaded', entityType: 'election', entityId: ELECTION.id });
}

// ---- Measuring ----------------------------------------------------------------------------------

interface Stats {
  p50: number;
  p95: number;
}

async function measure(f: () => Promise<unknown>, before?: () => Promise<unknown>): Promise<Stats> {
  const times: number[] = [];
  for (let i = 0; i < REPS + 5; i++) {
    await before?.();
    const t0 = performance.now();
    await f();
    if (i >= 5) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

interface PackageRow {
  dialect: DialectName;
  built: BuildFigures;
  bare: BuildFigures;
}

interface Row {
  dialect: DialectName;
  scenario: string;
  sql: Stats;
  page: Stats;
  api: Stats;
  /** The first page after the record moved on: the election identified again. */
  cold: number;
}

async function get(app: FastifyInstance, url: string) {
  const res = await app.inject({ method: 'GET', url });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  return res;
}

async function benchDatabase(dialect: DialectName): Promise<{ rows: Row[]; loadSeconds: number; pkg: PackageRow }> {
  const dir = mkdtempSync(join(tmpdir(), 'talapker-bench-explore-'));
  const schema = dialect === 'postgres' ? `bench_${randomBytes(5).toString('hex')}` : '';
  let admin: pg.Client | undefined;
  let db: Kysely<Database> | undefined;
  try {
    if (dialect === 'postgres') {
      admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
    }
    db = openDatabase({
      url: dialect === 'postgres' ? PG_URL : join(dir, 'bench.sqlite'),
      ...(schema ? { schema } : {}),
    });
    await migrateToLatest(db);
    const t0 = performance.now();
    process.stdout.write(
      `[${dialect}] loading ${ROWS.toLocaleString('en')} receipts, ${SPENDING.toLocaleString('en')} expenditures…\n`,
    );
    await load(db);
    if (dialect === 'postgres') await sql`analyze`.execute(db);
    const loadSeconds = (performance.now() - t0) / 1000;
    const ctx: AppContext = {
      db,
      blobs: new LocalBlobStore(join(dir, 'blobs')),
      config: loadConfig({ TALAPKER_DATA_DIR: dir }),
      now: () => new Date('2030-10-01T06:00:00Z'),
      events: new EventBus(),
      memo: new Memo(),
    };
    const app = await buildServer(ctx);
    await app.ready();
    const e = ELECTION.id;
    // A write answered by the server moves the page cache on (platform/web/page-cache.ts) but not the
    // data version the explore index is kept by: each timed page is rendered, from the kept index.
    const missCache = () => app.inject({ method: 'POST', url: '/bench-no-such-write' });
    const moveRecord = () =>
      recordActivity(db!, { actor: 'bench', action: 'bench.touched', entityType: 'election', entityId: e });
    const cold = async (url: string) => {
      await moveRecord();
      await missCache();
      const t = performance.now();
      await get(app, url);
      return performance.now() - t;
    };

    const topApi = (await get(app, `/api/v1/elections/${e}/donors?limit=1`)).json() as {
      data: Array<{ counterpart: { id: string } }>;
    };
    const top = topApi.data[0]!.counterpart.id;
    // The baseline of a donor's page: that donor's lines by the raw PIN (what a query without identity does).
    const pinRow = await sql<{ pin: string }>`
      select donor_pin as pin from receipts where election_id = ${e} and is_latest = 1 and donor_pin is not null
      group by donor_pin order by sum(amount) desc limit 1`.execute(db);
    const pin = pinRow.rows[0]!.pin;
    const d = db;
    const scenarios = [
      {
        scenario: 'top donors',
        page: `/ru/elections/${e}/donors`,
        api: `/api/v1/elections/${e}/donors?limit=100`,
        sql: () =>
          sql`select donor_pin, sum(amount) as total, count(*) as n, count(distinct party_registration_number) as parties
              from receipts where election_id = ${e} and is_latest = 1
              group by donor_pin order by total desc limit 100`.execute(d),
      },
      {
        scenario: 'donor page',
        page: `/ru/elections/${e}/donors/${top}`,
        api: `/api/v1/elections/${e}/donors/${top}`,
        sql: () =>
          sql`select id, party_registration_number, date, amount, donor_name from receipts
              where election_id = ${e} and is_latest = 1 and donor_pin = ${pin} order by date`.execute(d),
      },
      {
        scenario: 'comparison of 3 parties',
        page: `/ru/elections/${e}/compare?parties=${COMPARED.join(',')}`,
        api: `/api/v1/elections/${e}/comparison?parties=${COMPARED.join(',')}`,
        sql: async () => {
          await sql`select party_registration_number, ${sql.ref('date')}, sum(amount), count(*) from receipts
              where election_id = ${e} and is_latest = 1 and party_registration_number in (${sql.join(COMPARED)})
              group by 1, 2`.execute(d);
          await sql`select party_registration_number, category, sum(amount) from expenditures
              where election_id = ${e} and is_latest = 1 and party_registration_number in (${sql.join(COMPARED)})
              group by 1, 2`.execute(d);
          await sql`select party_registration_number, donor_pin, sum(amount) as total from receipts
              where election_id = ${e} and is_latest = 1 and party_registration_number in (${sql.join(COMPARED)})
              group by 1, 2 order by total desc limit 15`.execute(d);
        },
      },
      ...['Asanov', 'Нур-Сервис'].map((q) => ({
        scenario: `one-box search "${q}"`,
        page: `/ru/search?q=${encodeURIComponent(q)}`,
        api: `/api/v1/search?q=${encodeURIComponent(q)}`,
        // The bare query: donors' lines whose name key holds the query's key.
        sql: () =>
          sql`select donor_name, sum(amount) from receipts where is_latest = 1 and donor_name_key like ${`%${searchKey(q)}%`}
              group by donor_name order by 2 desc limit 20`.execute(d),
      })),
    ];
    const rows: Row[] = [];
    for (const s of scenarios) {
      const coldMs = await cold(s.page);
      const sqlStats = await measure(s.sql);
      const page = await measure(() => get(app, s.page), missCache);
      const api = await measure(() => get(app, s.api));
      rows.push({ dialect, scenario: s.scenario, sql: sqlStats, page, api, cold: coldMs });
      process.stdout.write(
        `  [${dialect}] ${s.scenario}: SQL p95 ${sqlStats.p95.toFixed(1)} ms, page p95 ${page.p95.toFixed(1)} ms, API p95 ${api.p95.toFixed(1)} ms, first after a change ${coldMs.toFixed(0)} ms\n`,
      );
    }
    await moveRecord();
    const pkg = { dialect, built: await packageBuild(ctx, e), bare: await bareCsvDeflate(db, e) };
    process.stdout.write(
      `  [${dialect}] bulk package: ${pkg.built.seconds.toFixed(1)} s, peak +${pkg.built.peakMb.toFixed(0)} MB (bare CSV+deflate ${pkg.bare.seconds.toFixed(1)} s, +${pkg.bare.peakMb.toFixed(0)} MB)\n`,
    );
    await app.close();
    return { rows, loadSeconds, pkg };
  } finally {
    await db?.destroy();
    if (admin) {
      await admin.query(`drop schema ${schema} cascade`);
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

const PACKAGE_TARGET = { seconds: 60, mb: 300 };

function reportPackages(packages: readonly PackageRow[]): void {
  console.log(
    `\nBulk data package (ZIP of every public table): target < ${PACKAGE_TARGET.seconds} s, < ${PACKAGE_TARGET.mb} MB`,
  );
  const out = [['database', 'build s', 'peak MB above start', 'ZIP MB', 'bare CSV+deflate s', 'bare peak MB']];
  for (const p of packages) {
    out.push([
      p.dialect,
      p.built.seconds.toFixed(1),
      p.built.peakMb.toFixed(0),
      (p.built.bytes / 1048576).toFixed(1),
      p.bare.seconds.toFixed(1),
      p.bare.peakMb.toFixed(0),
    ]);
    const met = p.built.seconds < PACKAGE_TARGET.seconds && p.built.peakMb < PACKAGE_TARGET.mb;
    recordFigure({
      bench: 'explore',
      figure: `${p.dialect}: bulk package build, seconds (peak +${p.built.peakMb.toFixed(0)} MB)`,
      value: p.built.seconds,
      unit: 's',
      baseline: p.bare.seconds,
      target: `< ${PACKAGE_TARGET.seconds} s and < ${PACKAGE_TARGET.mb} MB`,
      met,
    });
  }
  console.log(table(out));
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
  for (const w of wanted) {
    if (w === 'postgres' && !(await postgresAvailable())) {
      console.log(`PostgreSQL at ${PG_URL.replace(/\/\/[^@]*@/, '//…@')} is not reachable: skipped.`);
      continue;
    }
    dialects.push(w);
  }
  const all: Row[] = [];
  const packages: PackageRow[] = [];
  const loads: string[] = [];
  for (const dialect of dialects) {
    const r = await benchDatabase(dialect);
    all.push(...r.rows);
    packages.push(r.pkg);
    loads.push(`${dialect} loaded in ${r.loadSeconds.toFixed(1)} s`);
  }
  console.log(
    `\nDonors and payees, ${ROWS.toLocaleString('en')} receipts and ${SPENDING.toLocaleString('en')} expenditures, ${REPS} requests each: p50 / p95 in ms (target p95 < ${TARGET_MS})`,
  );
  const out: string[][] = [
    [
      'database',
      'scenario',
      'bare SQL p50',
      'bare SQL p95',
      'page p50',
      'page p95',
      'API p50',
      'API p95',
      'first after change',
    ],
  ];
  for (const r of all) {
    out.push([
      r.dialect,
      r.scenario,
      r.sql.p50.toFixed(1),
      r.sql.p95.toFixed(1),
      r.page.p50.toFixed(1),
      r.page.p95.toFixed(1),
      r.api.p50.toFixed(1),
      r.api.p95.toFixed(1),
      r.cold.toFixed(0),
    ]);
    const worst = Math.max(r.page.p95, r.api.p95);
    recordFigure({
      bench: 'explore',
      figure: `${r.dialect}: ${r.scenario}, worst p95 (page, API)`,
      value: worst,
      unit: 'ms',
      baseline: r.sql.p95,
      target: `< ${TARGET_MS} ms`,
      met: worst < TARGET_MS,
    });
  }
  console.log(table(out));
  reportPackages(packages);
  console.log(
    `${loads.join('; ')}. "first after change": the first page after the record moved on, which identifies the election's lines again.`,
  );
}

await main();
