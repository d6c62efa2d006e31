// Compliance analysis benchmark (not a test). Writes the four registry files (persons, legal entities,
// arrears, state bodies) of the asked size from the demo's fixed seed, and builds synthetic finance
// reports in memory: `--receipts` receipt lines across `--parties` parties, their donors drawn mostly from
// the generated registries, with what real reports have besides (numbers no registry knows, names that
// differ, names in Latin letters, foreign or deceased donors, amounts near the cap, cash). Then, on SQLite
// (a temporary file) and on PostgreSQL (a fresh schema, dropped at the end), each step in its own child
// process so that peak RSS is the step's own:
//   - registry import through importRegistry: rows/s per registry;
//   - full analysis of every party: registry lookup (SqlRegistry) + every rule (analyseCampaign);
//   - the baseline, in the same run on the same database: the bare SQL selects that fetch the same
//     registry rows for every party's donors (the same chunks as SqlRegistry, driver only, rows unmapped);
//   - incremental analysis: the party analysed last gets a new 1,000-line report, and its whole campaign is
//     analysed again (lookup + rules), in the analysis process after the full run, as a running server
//     would: with the registry's answers kept per campaign (RegistryAnswerCache), only new donors are
//     looked up.
// Building the reports is not timed: the benchmark is of the analysis.
//
//   npm run bench:compliance
//   npm run bench:compliance -- --quick            # 200,000 persons, 20,000 entities, 100,000 receipts
//   npm run bench:compliance -- --persons 300000 --entities 20000 --receipts 100000 --no-postgres
//   (also --parties N, --arrears N, --state-bodies N, --report-lines N; explicit sizes win over --quick)
//   --import-only: the registry import alone, without the baseline and the analysis.
//   --child-cpu-prof DIR: each child writes a V8 CPU profile there (node --cpu-prof), to see where time goes.
//   --child-heap MB: the children's old-space cap (default 4096, as here). V8 lets garbage pile up towards a
//   large cap before it collects; a small one (e.g. 256) shows what the work really holds.
//
// PostgreSQL: DATABASE_URL, else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test; skipped
// with a note when unreachable.
// Targets (7,000,000 persons, 300,000 legal entities, 1,000,000 receipts across 20 parties): full
// analysis / baseline <= 1.5, full analysis < 60 s, incremental analysis of a 1,000-line report < 1 s,
// registry import >= 100,000 rows/s, peak RSS < 500 MB.

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { parse as parseCsv } from 'csv-parse/sync';
import pg from 'pg';
import { openDatabase, type DialectName } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { tyiyn } from '../src/domain/money.ts';
import { findRulesProfile, type RulesProfile } from '../src/domain/rules-profile.ts';
import { toLatin } from '../src/domain/transliteration.ts';
import { createRng, daysToIso, hashLabel, isoToDays, type Rng } from '../src/demo/random.ts';
import { buildFiling } from '../src/filings/core/filing-build.ts';
import type { Filing, Receipt } from '../src/filings/core/filing.ts';
import { analyseCampaign, registryQuery } from '../src/compliance/core/analyse.ts';
import { campaignLines, type CampaignInput, type CampaignReport } from '../src/compliance/core/campaign.ts';
import { RULES } from '../src/compliance/core/rules/index.ts';
import { REGISTRY_KINDS, type RegistryKind } from '../src/compliance/core/registry.ts';
import { importRegistry } from '../src/compliance/registry-import.service.ts';
import { SqlRegistry } from '../src/compliance/sql-registry.ts';
import { lookupForCampaign, RegistryAnswerCache } from '../src/compliance/registry-answer-cache.ts';
import { recordFigure } from './figures.ts';

const RUN_TS = fileURLToPath(new URL('../bin/run-ts.js', import.meta.url));
const SELF = fileURLToPath(import.meta.url);
const PG_URL = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const ELECTION = 'bench-2021';
const ELECTION_DAY = '2021-11-28';
const TODAY = '2021-12-20';
const PROFILE_ID = 'kg-2021-parliament';
/** The chunk sizes of SqlRegistry, so that the baseline sends the same statements' worth of numbers. */
const SQLITE_CHUNK = 5_000;
const POSTGRES_CHUNK = 50_000;

const TARGET = { ratio: 1.5, fullS: 60, incrementalS: 1, importRowsPerS: 100_000, rssMb: 500 };

// ---- arguments ----

interface Sizes {
  persons: number;
  entities: number;
  arrears: number;
  stateBodies: number;
  receipts: number;
  parties: number;
  reportLines: number;
}

const flag = (name: string): boolean => process.argv.includes(`--${name}`);
const textArg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
};
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} needs a whole number, not ${process.argv[i + 1]}`);
  return v;
};

function sizesFromArgs(): Sizes {
  const quick = flag('quick');
  const persons = arg('persons', quick ? 200_000 : 7_000_000);
  const entities = arg('entities', quick ? 20_000 : 300_000);
  return {
    persons,
    entities,
    // The demo makes 60% of its debtors companies: 5% of the companies' number keeps them at about 3% of them.
    arrears: arg('arrears', Math.round(entities / 20)),
    stateBodies: arg('state-bodies', quick ? 500 : 2_000),
    receipts: arg('receipts', quick ? 100_000 : 1_000_000),
    parties: Math.max(1, arg('parties', 20)),
    reportLines: arg('report-lines', 1_000),
  };
}

// ---- donors: a sample of the generated registries, kept compact (one buffer, line offsets) ----

/** `id<TAB>name<LF>` lines, the id always 14 digits; strings are made only when a line is built. */
class DonorPool {
  private readonly buf: Buffer;
  private readonly starts: Int32Array;
  readonly size: number;
  constructor(path: string) {
    this.buf = readFileSync(path);
    let n = 0;
    for (let i = 0; i < this.buf.length; i++) if (this.buf[i] === 10) n++;
    this.starts = new Int32Array(n + 1);
    for (let i = 0, k = 1; i < this.buf.length; i++) if (this.buf[i] === 10) this.starts[k++] = i + 1;
    this.size = n;
  }
  id(i: number): string {
    const s = this.starts[i] ?? 0;
    return this.buf.toString('latin1', s, s + 14);
  }
  name(i: number): string {
    return this.buf.toString('utf8', (this.starts[i] ?? 0) + 15, (this.starts[i + 1] ?? 1) - 1);
  }
}

interface Pools {
  persons: DonorPool;
  entities: DonorPool;
}

const poolPath = (dir: string, kind: 'persons' | 'entities') => join(dir, `${kind}.pool`);
const loadPools = (dir: string): Pools => ({
  persons: new DonorPool(poolPath(dir, 'persons')),
  entities: new DonorPool(poolPath(dir, 'entities')),
});

/**
 * Samples about `target` rows of a registry file into a pool: rows that make a lawful donor, and one
 * in fifty of the others (foreign, deceased, liquidated…), so that the rules find what they are for.
 */
async function writePool(
  label: string,
  csv: string,
  out: string,
  rows: number,
  target: number,
  lawful: (cells: string[]) => boolean,
  nameOf: (cells: string[]) => string,
): Promise<number> {
  const rng = createRng(hashLabel(`bench:compliance:pool:${label}`));
  const p = Math.min(1, (target / Math.max(rows, 1)) * 1.15);
  const w = createWriteStream(out);
  let header = true;
  let n = 0;
  let buf = '';
  for await (const line of createInterface({ input: createReadStream(csv), crlfDelay: Infinity })) {
    if (header) {
      header = false;
      continue;
    }
    if (n >= target || rng.next() >= p) continue;
    const cells = line.includes('"') ? ((parseCsv(line) as string[][])[0] ?? []) : line.split(',');
    if (!lawful(cells) && !rng.chance(0.02)) continue;
    buf += `${cells[0]}\t${nameOf(cells)}\n`;
    n++;
    if (buf.length > 1 << 16) {
      if (!w.write(buf)) await once(w, 'drain');
      buf = '';
    }
  }
  w.end(buf);
  await once(w, 'finish');
  return n;
}

async function writePools(dir: string, paths: Record<RegistryKind, string>, s: Sizes): Promise<Record<string, number>> {
  const persons = await writePool(
    'persons',
    paths.persons,
    poolPath(dir, 'persons'),
    s.persons,
    Math.min(Math.round(s.receipts * 0.6), Math.floor(s.persons / 2)),
    (c) => c[5] === 'KGZ' && !c[6],
    (c) => [c[1], c[2], c[3]].filter((x) => x).join(' '),
  );
  const entities = await writePool(
    'entities',
    paths.entities,
    poolPath(dir, 'entities'),
    s.entities,
    Math.min(Math.round(s.receipts * 0.1), Math.floor(s.entities / 2)),
    (c) => c[2] === 'commercial' && !c[4] && Number(c[5]) === 0 && Number(c[6]) === 0,
    (c) => c[1] ?? '',
  );
  return { persons, entities };
}

// ---- synthetic campaigns ----

const som = (n: number) => tyiyn(n * 100);
const INDIVIDUAL_SOM: ReadonlyArray<readonly [number, number]> = [
  [200, 10],
  [500, 25],
  [1_000, 25],
  [2_000, 15],
  [3_000, 8],
  [5_000, 10],
  [10_000, 5],
  [20_000, 2],
];
const ENTITY_SOM: ReadonlyArray<readonly [number, number]> = [
  [5_000, 40],
  [10_000, 30],
  [20_000, 20],
  [50_000, 10],
];
const FIRST_DAY = isoToDays('2021-09-29');
const LAST_DAY = isoToDays('2021-11-27');

const partyId = (p: number) => `BP-${String(p + 1).padStart(3, '0')}`;
const receiptsOf = (p: number, s: Sizes) => Math.floor(s.receipts / s.parties) + (p < s.receipts % s.parties ? 1 : 0);

interface PlannedReport {
  kind: Filing['header']['reportKind'];
  from: number;
  to: number;
}

/** Consecutive reports over the campaign, about 10,000 lines each: initial, interim…, first, interim…, final. */
function reportPlan(lines: number): PlannedReport[] {
  const k = Math.min(30, Math.max(3, Math.ceil(lines / 10_000)));
  const span = LAST_DAY - FIRST_DAY + 1;
  return Array.from({ length: k }, (_, i) => ({
    kind: i === 0 ? 'initial' : i === k - 1 ? 'final' : i === Math.floor(k / 2) ? 'first' : 'interim',
    from: FIRST_DAY + Math.floor((i * span) / k),
    to: FIRST_DAY + Math.floor(((i + 1) * span) / k) - 1,
  }));
}

function filingOf(p: number, kind: PlannedReport['kind'], from: number, to: number, receipts: Receipt[]): Filing {
  return buildFiling({
    header: {
      partyRegistrationNumber: partyId(p),
      electionId: ELECTION,
      reportKind: kind,
      periodFrom: daysToIso(from),
      periodTo: daysToIso(to),
      account: { bank: 'Aiyl Bank', number: `13501000000${String(p + 1).padStart(5, '0')}` },
      openingBalance: tyiyn(0),
      signer: { name: 'Бенчмарк Казначей', position: 'Treasurer' },
    },
    receipts,
  });
}

/** A well-formed PIN no registry holds: the generated serials never reach 90000. */
function unknownPin(rng: Rng): string {
  const [y, m, d] = rng.dateBetween('1950-01-01', '2000-12-31').split('-');
  return `${rng.chance(0.5) ? 1 : 2}${d}${m}${y}9${String(rng.int(0, 9999)).padStart(4, '0')}`;
}

/** One receipt; `seen` holds the pool indexes of this party's individual donors so far (people give again). */
function receiptOf(rng: Rng, pools: Pools, seen: number[], lineId: string, date: string): Receipt {
  const channel = rng.chance(0.0005) ? 'cash' : 'bank_transfer';
  const u = rng.next();
  if (u < 0.002 || pools.persons.size === 0)
    return {
      lineId,
      date,
      donorType: 'party_own_funds',
      donorName: 'Собственные средства партии',
      amount: som(rng.int(100, 1_000) * 1_000),
      channel,
    };
  if (u < 0.122 && pools.entities.size > 0) {
    const i = rng.int(0, pools.entities.size - 1);
    const other = rng.chance(0.005) ? rng.int(0, pools.entities.size - 1) : i;
    return {
      lineId,
      date,
      donorType: 'legal_entity',
      donorName: pools.entities.name(other),
      donorInn: pools.entities.id(i),
      amount: som(rng.weighted(ENTITY_SOM)),
      channel,
    };
  }
  let i: number;
  if (seen.length > 0 && rng.chance(0.3)) i = seen[rng.int(0, seen.length - 1)] ?? 0;
  else seen.push((i = rng.int(0, pools.persons.size - 1)));
  const v = rng.next();
  const pin = v < 0.005 ? unknownPin(rng) : pools.persons.id(i);
  const name =
    v >= 0.005 && v < 0.01
      ? pools.persons.name(rng.int(0, pools.persons.size - 1))
      : v < 0.06
        ? toLatin(pools.persons.name(i))
        : pools.persons.name(i);
  return {
    lineId,
    date,
    donorType: 'individual',
    donorName: name,
    donorPin: pin,
    amount: rng.chance(0.003) ? som(rng.int(180_000, 200_000)) : som(rng.weighted(INDIVIDUAL_SOM)),
    channel,
  };
}

/** Party p's whole campaign: the same reports on every run and in every process. */
function campaignOf(p: number, s: Sizes, pools: Pools): CampaignInput {
  const rng = createRng(hashLabel(`bench:compliance:party:${p}`));
  const n = receiptsOf(p, s);
  const plan = reportPlan(n);
  const seen: number[] = [];
  const reports: CampaignReport[] = plan.map((r, k) => {
    const lo = Math.floor((k * n) / plan.length);
    const hi = Math.floor(((k + 1) * n) / plan.length);
    const receipts: Receipt[] = [];
    for (let j = lo; j < hi; j++)
      receipts.push(receiptOf(rng, pools, seen, String(j - lo + 1), daysToIso(rng.int(r.from, r.to))));
    return { filing: filingOf(p, r.kind, r.from, r.to, receipts), version: 1, firstFiledOn: daysToIso(r.to + 2) };
  });
  return {
    election: ELECTION,
    party: partyId(p),
    electionDay: ELECTION_DAY,
    electionStatus: 'results',
    today: TODAY,
    reports,
  };
}

/** The campaign with one more report of `lines` receipts from the last week, a third of them from earlier donors. */
function withNewReport(input: CampaignInput, p: number, lines: number, pools: Pools): CampaignInput {
  const rng = createRng(hashLabel(`bench:compliance:new-report:${p}`));
  const starts = new Set(input.reports.map((r) => `${r.filing.header.reportKind}:${r.filing.header.periodFrom}`));
  let from = LAST_DAY - 6;
  while (starts.has(`interim:${daysToIso(from)}`)) from++;
  const earlier = input.reports.flatMap((r) => r.filing.receipts).filter((r) => r.donorType === 'individual');
  const seen: number[] = [];
  const receipts: Receipt[] = [];
  for (let j = 0; j < lines; j++) {
    const date = daysToIso(rng.int(from, LAST_DAY));
    const again = earlier.length > 0 && rng.chance(1 / 3) ? earlier[rng.int(0, earlier.length - 1)] : undefined;
    const r = receiptOf(rng, pools, seen, String(j + 1), date);
    receipts.push(again ? { ...again, lineId: String(j + 1), date } : r);
  }
  const filing = filingOf(p, 'interim', from, LAST_DAY, receipts);
  return { ...input, reports: [...input.reports, { filing, version: 1, firstFiledOn: daysToIso(LAST_DAY + 1) }] };
}

// ---- databases ----

interface Target {
  dialect: DialectName;
  /** SQLite file or PostgreSQL URL. */
  url: string;
  schema?: string;
}

const openTarget = (t: Target) => openDatabase({ url: t.url, ...(t.schema ? { schema: t.schema } : {}), poolSize: 4 });

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type KeyedTable = 'registry_persons' | 'registry_entities' | 'registry_arrears' | 'registry_state_bodies';

/** The driver alone: no Kysely, no mapping to records; counts the rows it fetched. */
interface BareFetcher {
  snapshots: Partial<Record<RegistryKind, number>>;
  fetch(table: KeyedTable, key: string, snapshotId: number, values: readonly string[]): Promise<number>;
  close(): Promise<void>;
}

const SNAPSHOTS_SQL = "select id, kind from registry_snapshots where status = 'complete' order by as_of desc, id desc";

function newestOf(rows: ReadonlyArray<{ id: number | string; kind: string }>): Partial<Record<RegistryKind, number>> {
  const out: Partial<Record<RegistryKind, number>> = {};
  for (const r of rows) out[r.kind as RegistryKind] ??= Number(r.id);
  return out;
}

async function bareFetcher(t: Target): Promise<BareFetcher> {
  if (t.dialect === 'sqlite') {
    const handle = new SQLite(t.url, { readonly: true, fileMustExist: true });
    const statements = new Map<string, SQLite.Statement>();
    return {
      snapshots: newestOf(handle.prepare(SNAPSHOTS_SQL).all() as Array<{ id: number; kind: string }>),
      async fetch(table, key, snapshotId, values) {
        let rows = 0;
        for (const chunk of chunks(values, SQLITE_CHUNK)) {
          const text = `select * from ${table} where snapshot_id = ? and ${key} in (${chunk.map(() => '?').join(',')})`;
          let stmt = statements.get(text);
          if (!stmt) statements.set(text, (stmt = handle.prepare(text)));
          rows += stmt.raw(true).all(snapshotId, ...chunk).length;
        }
        return rows;
      },
      async close() {
        handle.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: t.url, options: `-c search_path=${t.schema ?? 'public'}` });
  await client.connect();
  return {
    snapshots: newestOf((await client.query<{ id: string; kind: string }>(SNAPSHOTS_SQL)).rows),
    async fetch(table, key, snapshotId, values) {
      let rows = 0;
      for (const chunk of chunks(values, POSTGRES_CHUNK)) {
        const r = await client.query({
          text: `select * from ${table} where snapshot_id = $1 and ${key} = any($2::text[])`,
          values: [snapshotId, chunk],
          rowMode: 'array',
        });
        rows += r.rows.length;
      }
      return rows;
    },
    close: () => client.end(),
  };
}

// ---- child measurements ----

interface Job {
  step: 'import' | 'analyse' | 'baseline';
  target: Target;
  dir: string;
  sizes: Sizes;
  paths: Record<RegistryKind, string>;
  asOf: string;
}

interface ImportFigure {
  kind: RegistryKind;
  rows: number;
  rejected: number;
  ms: number;
  rowsPerSecond: number;
}

interface Pass {
  parties: number;
  lines: number;
  /** Numbers asked for (PINs + INNs, each party's unique ones). */
  numbers: number;
  /** Registry rows found (persons, entities, arrears, state bodies). */
  rows: number;
  ms: number;
  cpuMs: number;
  lookupMs: number;
  rulesMs: number;
  findings: number;
  byRule: Record<string, number>;
}

interface ChildResult {
  /** RSS once the modules are loaded, before any work: what running TypeScript through tsx costs. */
  startRssMb: number;
  peakRssMb: number;
  imports?: ImportFigure[];
  full?: Pass;
  incremental?: Pass;
  baseline?: Pass;
}

const emptyPass = (): Pass => ({
  parties: 0,
  lines: 0,
  numbers: 0,
  rows: 0,
  ms: 0,
  cpuMs: 0,
  lookupMs: 0,
  rulesMs: 0,
  findings: 0,
  byRule: {},
});

const linesOf = (input: CampaignInput) => input.reports.reduce((n, r) => n + r.filing.receipts.length, 0);

async function analyseOnce(
  registry: SqlRegistry,
  cache: RegistryAnswerCache,
  input: CampaignInput,
  profile: RulesProfile,
  into: Pass,
) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const lines = campaignLines(input.reports);
  const query = registryQuery(input, lines);
  const answers = await lookupForCampaign(cache, `${input.election}:${input.party}`, registry, query);
  const t1 = performance.now();
  const findings = analyseCampaign(input, answers, profile, RULES, lines);
  const t2 = performance.now();
  const cpu = process.cpuUsage(c0);
  into.parties += 1;
  into.lines += linesOf(input);
  into.numbers += query.pins.length + query.inns.length;
  into.rows += answers.persons.size + answers.entities.size + answers.stateBodies.size;
  for (const list of answers.arrears.values()) into.rows += list.length;
  into.ms += t2 - t0;
  into.cpuMs += (cpu.user + cpu.system) / 1000;
  into.lookupMs += t1 - t0;
  into.rulesMs += t2 - t1;
  into.findings += findings.length;
  for (const f of findings) into.byRule[f.rule] = (into.byRule[f.rule] ?? 0) + 1;
}

async function child(job: Job): Promise<ChildResult> {
  const startRssMb = process.memoryUsage().rss / 1024 / 1024;
  const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
  if (job.step === 'import') {
    const db = openTarget(job.target);
    try {
      await migrateToLatest(db);
      const imports: ImportFigure[] = [];
      for (const kind of REGISTRY_KINDS) {
        const r = await importRegistry(db, { kind, path: job.paths[kind], actor: 'bench', asOf: job.asOf });
        if (!r.ok) throw new Error(`import of ${kind} failed: ${JSON.stringify(r.error)}`);
        const v = r.value;
        imports.push({ kind, rows: v.written, rejected: v.rejected, ms: v.elapsedMs, rowsPerSecond: v.rowsPerSecond });
      }
      return { startRssMb, peakRssMb: peakRssMb(), imports };
    } finally {
      await db.destroy();
    }
  }
  const pools = loadPools(job.dir);
  if (job.step === 'baseline') {
    const bare = await bareFetcher(job.target);
    const s = bare.snapshots;
    const baseline = emptyPass();
    try {
      for (let p = 0; p < job.sizes.parties; p++) {
        const input = campaignOf(p, job.sizes, pools);
        const { pins, inns } = registryQuery(input);
        const both = [...new Set([...pins, ...inns])];
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        let rows = 0;
        if (s.persons) rows += await bare.fetch('registry_persons', 'pin', s.persons, pins);
        if (s.entities) rows += await bare.fetch('registry_entities', 'inn', s.entities, inns);
        if (s.arrears) rows += await bare.fetch('registry_arrears', 'identifier', s.arrears, both);
        if (s['state-bodies']) rows += await bare.fetch('registry_state_bodies', 'inn', s['state-bodies'], inns);
        const ms = performance.now() - t0;
        const cpu = process.cpuUsage(c0);
        baseline.parties += 1;
        baseline.lines += linesOf(input);
        baseline.numbers += pins.length + inns.length;
        baseline.rows += rows;
        baseline.ms += ms;
        baseline.lookupMs += ms;
        baseline.cpuMs += (cpu.user + cpu.system) / 1000;
      }
    } finally {
      await bare.close();
    }
    return { startRssMb, peakRssMb: peakRssMb(), baseline };
  }
  const profile = findRulesProfile(PROFILE_ID);
  if (!profile) throw new Error(`rules profile ${PROFILE_ID} is missing`);
  const db = openTarget(job.target);
  try {
    const registry = new SqlRegistry(db);
    // As the analysis service keeps it: the registry's answers per campaign, between runs.
    const cache = new RegistryAnswerCache();
    const full = emptyPass();
    for (let p = 0; p < job.sizes.parties; p++)
      await analyseOnce(registry, cache, campaignOf(p, job.sizes, pools), profile, full);
    const incremental = emptyPass();
    // The party analysed last gets the new report: its answers are still in the cache, as they are on a
    // server for a party whose reports keep coming (the cache holds half a dozen national campaigns).
    const last = job.sizes.parties - 1;
    const input = withNewReport(campaignOf(last, job.sizes, pools), last, job.sizes.reportLines, pools);
    await analyseOnce(registry, cache, input, profile, incremental);
    return { startRssMb, peakRssMb: peakRssMb(), full, incremental };
  } finally {
    await db.destroy();
  }
}

function runChild(job: Job): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const heap = `--max-old-space-size=${arg('child-heap', 4096)}`;
    const profDir = textArg('child-cpu-prof');
    const prof = profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [];
    const p = spawn(process.execPath, [heap, ...prof, RUN_TS, SELF, '--child', JSON.stringify(job)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) reject(new Error(`${job.step} on ${job.target.dialect} exited ${code}: ${out}`));
      else resolve(JSON.parse(last) as ChildResult);
    });
  });
}

// ---- main ----

async function postgresAvailable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** A step --import-only leaves out: no figures, and no memory line. */
const NOT_RUN: ChildResult = { startRssMb: 0, peakRssMb: 0 };

const STARTED = performance.now();
const elapsed = () => `[${((performance.now() - STARTED) / 1000).toFixed(0)} s]`;

async function runOn(target: Target, dir: string, sizes: Sizes, paths: Record<RegistryKind, string>, asOf: string) {
  const job = (step: Job['step']): Job => ({ step, target, dir, sizes, paths, asOf });
  const label = target.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  console.log(`${elapsed()} ${label}: importing the registries…`);
  const imported = await runChild(job('import'));
  if (flag('import-only')) {
    console.log(`${elapsed()} ${label}: done (--import-only)`);
    return { dialect: target.dialect, imported, baseline: NOT_RUN, analysed: NOT_RUN };
  }
  console.log(`${elapsed()} ${label}: baseline (bare SQL)…`);
  const baseline = await runChild(job('baseline'));
  console.log(`${elapsed()} ${label}: full and incremental analysis…`);
  const analysed = await runChild(job('analyse'));
  console.log(`${elapsed()} ${label}: done`);
  return { dialect: target.dialect, imported, baseline, analysed };
}

type DbRun = Awaited<ReturnType<typeof runOn>>;

const n = (x: number) => Math.round(x).toLocaleString('en');
const s2 = (ms: number) => (ms / 1000).toFixed(2);
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
const importVerdict = (f: ImportFigure) =>
  f.rows >= 100_000 ? verdict(f.rowsPerSecond >= TARGET.importRowsPerS) : '(small file)';

function report(runs: DbRun[], sizes: Sizes): void {
  const importRows: string[][] = [];
  for (const r of runs) {
    const figures = r.imported.imports ?? [];
    for (const f of figures)
      importRows.push([r.dialect, f.kind, n(f.rows), n(f.rejected), s2(f.ms), n(f.rowsPerSecond), importVerdict(f)]);
    const rows = figures.reduce((a, f) => a + f.rows + f.rejected, 0);
    const ms = figures.reduce((a, f) => a + f.ms, 0);
    importRows.push([r.dialect, 'all four', n(rows), '', s2(ms), n(rows / (ms / 1000)), '']);
  }
  printTable(['import', 'registry', 'rows', 'rejected', 's', 'rows/s', '>= 100,000 rows/s'], importRows);

  const passRows: string[][] = [];
  for (const r of runs) {
    for (const [label, p] of [
      ['baseline: bare SQL, same rows', r.baseline.baseline],
      ['full analysis', r.analysed.full],
      [`incremental: +${n(sizes.reportLines)}-line report`, r.analysed.incremental],
    ] as const) {
      if (!p) continue;
      const analysis = !label.startsWith('baseline');
      passRows.push([
        r.dialect,
        label,
        n(p.parties),
        n(p.lines),
        n(p.numbers),
        n(p.rows),
        s2(p.ms),
        s2(p.cpuMs),
        s2(p.lookupMs),
        analysis ? s2(p.rulesMs) : '',
        analysis ? n(p.findings) : '',
      ]);
    }
  }
  printTable(
    [
      'database',
      'run',
      'parties',
      'lines',
      'PINs+INNs',
      'rows found',
      'wall s',
      'CPU s',
      'lookup s',
      'rules s',
      'findings',
    ],
    passRows,
  );
  console.log(
    'lookup s: registryQuery + SqlRegistry.lookup (for the baseline: the bare selects alone); rules s: analyseCampaign.',
  );
  console.log('CPU s: this process only (PostgreSQL works in its own processes).\n');

  const memoryRows: string[][] = [];
  for (const r of runs)
    for (const [label, c] of [
      ['import', r.imported],
      ['baseline', r.baseline],
      ['full + incremental analysis', r.analysed],
    ] as const)
      if (c !== NOT_RUN)
        memoryRows.push([
          r.dialect,
          label,
          c.startRssMb.toFixed(0),
          c.peakRssMb.toFixed(0),
          verdict(c.peakRssMb < TARGET.rssMb),
        ]);
  printTable(['database', 'process', 'start RSS MB', 'peak RSS MB', '< 500 MB'], memoryRows);
  console.log('start RSS: once the modules are loaded through tsx, before any work.\n');

  const targetRows: string[][] = [];
  for (const r of runs) {
    const full = r.analysed.full;
    const inc = r.analysed.incremental;
    const base = r.baseline.baseline;
    if (!full || !inc || !base) continue;
    const ratio = full.ms / Math.max(base.ms, 1e-3);
    const cpuRatio = full.cpuMs / Math.max(base.cpuMs, 1e-3);
    const big = (r.imported.imports ?? []).filter((f) => f.rows >= 100_000);
    const slowest = big.length > 0 ? Math.min(...big.map((f) => f.rowsPerSecond)) : NaN;
    const rss = Math.max(r.imported.peakRssMb, r.baseline.peakRssMb, r.analysed.peakRssMb);
    targetRows.push(
      [
        r.dialect,
        'full analysis / baseline (wall)',
        `${ratio.toFixed(2)}x (${s2(full.ms)} s / ${s2(base.ms)} s; CPU ${cpuRatio.toFixed(2)}x)`,
        '<= 1.5x',
        verdict(ratio <= TARGET.ratio),
      ],
      [r.dialect, 'full analysis, all parties', `${s2(full.ms)} s`, '< 60 s', verdict(full.ms < TARGET.fullS * 1000)],
      [
        r.dialect,
        `incremental, +${n(sizes.reportLines)}-line report`,
        `${s2(inc.ms)} s`,
        '< 1 s',
        verdict(inc.ms < TARGET.incrementalS * 1000),
      ],
      [
        r.dialect,
        'import, slowest registry of >= 100,000 rows',
        Number.isNaN(slowest) ? 'n/a' : `${n(slowest)} rows/s`,
        '>= 100,000 rows/s',
        Number.isNaN(slowest) ? 'n/a' : verdict(slowest >= TARGET.importRowsPerS),
      ],
      [r.dialect, 'peak RSS, largest process', `${rss.toFixed(0)} MB`, '< 500 MB', verdict(rss < TARGET.rssMb)],
    );
  }
  printTable(['database', 'figure', 'value', 'target', 'result'], targetRows);
  for (const r of runs) recordFigures(r, sizes);
}

/** The same figures for `npm run bench`'s table (written only when it asks, see figures.ts). */
function recordFigures(r: DbRun, sizes: Sizes): void {
  const { full, incremental: inc } = r.analysed;
  const base = r.baseline.baseline;
  const bench = 'compliance';
  if (full && base)
    recordFigure({
      bench,
      figure: `${r.dialect}: full analysis vs bare SQL of the same rows`,
      value: full.ms / 1000,
      unit: 's',
      baseline: base.ms / 1000,
      target: `≤ ${TARGET.ratio} of baseline`,
      met: full.ms <= TARGET.ratio * base.ms,
    });
  if (full)
    recordFigure({
      bench,
      figure: `${r.dialect}: full analysis, ${n(sizes.receipts)} receipts`,
      value: full.ms / 1000,
      unit: 's',
      target: `< ${TARGET.fullS} s`,
      met: full.ms < TARGET.fullS * 1000,
    });
  if (inc)
    recordFigure({
      bench,
      figure: `${r.dialect}: incremental analysis, +${n(sizes.reportLines)}-line report`,
      value: inc.ms / 1000,
      unit: 's',
      target: `< ${TARGET.incrementalS} s`,
      met: inc.ms < TARGET.incrementalS * 1000,
    });
  for (const f of r.imported.imports ?? [])
    if (f.rows >= 100_000)
      recordFigure({
        bench,
        figure: `${r.dialect}: import ${f.kind}`,
        value: f.rowsPerSecond,
        unit: 'rows/s',
        target: `≥ ${n(TARGET.importRowsPerS)} rows/s`,
        met: f.rowsPerSecond >= TARGET.importRowsPerS,
      });
  for (const [label, c] of [
    ['import', r.imported],
    ['baseline', r.baseline],
    ['analysis', r.analysed],
  ] as const)
    if (c !== NOT_RUN)
      recordFigure({
        bench,
        figure: `${r.dialect}: ${label} peak RSS`,
        value: c.peakRssMb,
        unit: 'MB',
        target: `< ${TARGET.rssMb} MB`,
        met: c.peakRssMb < TARGET.rssMb,
      });
}

function printFindings(runs: DbRun[]): void {
  const first = runs[0]?.analysed.full;
  if (!first) return;
  const rules = Object.entries(first.byRule).sort((a, b) => b[1] - a[1]);
  console.log(
    `findings of the full analysis (${runs[0]?.dialect}): ${rules.map(([rule, c]) => `${rule} ${n(c)}`).join(', ')}`,
  );
  for (const r of runs.slice(1)) {
    const same = JSON.stringify(r.analysed.full?.byRule) === JSON.stringify(first.byRule);
    console.log(
      `findings on ${r.dialect}: ${same ? 'the same' : `DIFFERENT: ${JSON.stringify(r.analysed.full?.byRule)}`}`,
    );
  }
  console.log('');
}

async function main(): Promise<void> {
  const sizes = sizesFromArgs();
  console.log(
    `machine: ${cpus().length} CPU(s), load average at start ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} (wall time suffers on a busy machine)`,
  );
  console.log(
    `sizes: ${n(sizes.persons)} persons, ${n(sizes.entities)} legal entities, ${n(sizes.arrears)} arrears, ${n(sizes.stateBodies)} state bodies; ${n(sizes.receipts)} receipts across ${n(sizes.parties)} parties; incremental report ${n(sizes.reportLines)} lines; children's old space ${n(arg('child-heap', 4096))} MB\n`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'talapker-compliance-bench-'));
  let admin: pg.Client | undefined;
  let schema: string | undefined;
  try {
    console.log(`${elapsed()} generating the registry files and donor pools…`);
    const t0 = performance.now();
    // Imported here only: the demo's reports it reads would weigh on every child's memory.
    const { DEMO_REGISTRY_AS_OF, writeDemoRegistries } = await import('../src/compliance/registry-demo.ts');
    const paths = await writeDemoRegistries(dir, sizes);
    const mb = REGISTRY_KINDS.reduce((a, k) => a + statSync(paths[k]).size, 0) / 1e6;
    const t1 = performance.now();
    const pools = await writePools(dir, paths, sizes);
    console.log(
      `Generated the registries (${mb.toFixed(0)} MB of CSV, ${s2(t1 - t0)} s) and donor pools of ${n(pools.persons ?? 0)} persons and ${n(pools.entities ?? 0)} entities (${s2(performance.now() - t1)} s)\n`,
    );

    const runs: DbRun[] = [];
    runs.push(
      await runOn({ dialect: 'sqlite', url: join(dir, 'compliance.sqlite') }, dir, sizes, paths, DEMO_REGISTRY_AS_OF),
    );
    if (flag('no-postgres')) console.log('PostgreSQL: skipped (--no-postgres).');
    else if (!(await postgresAvailable()))
      console.log(`PostgreSQL at ${PG_URL.replace(/\/\/[^@]*@/, '//…@')} is not reachable: skipped.`);
    else {
      schema = `bench_compliance_${randomBytes(5).toString('hex')}`;
      admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      runs.push(await runOn({ dialect: 'postgres', url: PG_URL, schema }, dir, sizes, paths, DEMO_REGISTRY_AS_OF));
    }
    console.log('');
    report(runs, sizes);
    printFindings(runs);
    console.log(
      `load average at the end ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')}`,
    );
  } finally {
    if (admin && schema) await admin.query(`drop schema ${schema} cascade`);
    await admin?.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i <= 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  console.log('');
}

if (process.argv[2] === '--child') {
  const r = await child(JSON.parse(process.argv[3] ?? '{}') as Job);
  process.stdout.write(`${JSON.stringify(r)}\n`);
} else {
  await main();
}
