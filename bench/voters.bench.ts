// Voter lookup benchmark (not a test): a synthetic list of 3.5 million voters (BENCH_VOTERS) is written
// to a CSV file and imported with `importVoters` (rows/s), then the lookup API is loaded with 100
// concurrent connections, each request another voter, on SQLite and on PostgreSQL, beside a bare
// node:http server answering the very same JSON bodies in the same run. Prints req/s, p50/p99, the
// ratio to the baseline, and records the figures for `npm run bench`.
//
// PostgreSQL: DATABASE_URL, else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test, in a
// fresh schema dropped at the end; skipped when it does not answer or with --no-postgres.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { createServer } from 'node:net';
import autocannon from 'autocannon';
import pg from 'pg';
import { openApp } from '../src/platform/bootstrap.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import type { AppContext } from '../src/platform/app-context.ts';
import { syntheticStations, syntheticVoter } from '../src/voters/core/synthetic.ts';
import { upsertStations } from '../src/voters/stations.repository.ts';
import { importVoters } from '../src/voters/voter-list.service.ts';
import { recordFigure } from './figures.ts';

const VOTERS = Number(process.env.BENCH_VOTERS ?? 3_500_000);
const CONNECTIONS = 100;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const SAMPLE = 20_000;
const SEED = 4242;
const PG_URL = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Target {
  dialect: 'sqlite' | 'postgres';
  dir: string;
  schema?: string;
}

async function contextOf(t: Target): Promise<AppContext> {
  const ctx = await openApp(loadConfig({ TALAPKER_DATA_DIR: t.dir }));
  if (t.dialect === 'sqlite') return ctx;
  await ctx.db.destroy();
  const db = openDatabase({ url: PG_URL, ...(t.schema ? { schema: t.schema } : {}), poolSize: 10 });
  await migrateToLatest(db);
  return { ...ctx, db };
}

/** Child mode: serve the portal on the target's database until killed. */
async function serveChild(): Promise<void> {
  const t = JSON.parse(process.env.BENCH_TARGET ?? '{}') as Target;
  const { buildServer } = await import('../src/server.ts');
  const ctx = await contextOf(t);
  const app = await buildServer(ctx);
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
  process.stdout.write('ready\n');
}

const BASELINE_SERVER = `
const http = require('node:http');
const bodies = JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8'));
http.createServer((req, res) => {
  const b = bodies[req.url];
  if (b === undefined) { res.statusCode = 404; return res.end(); }
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(b);
}).listen(Number(process.argv[2]), '127.0.0.1');
`;

async function started(child: ChildProcess, url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`no answer from ${url}`);
}

async function load(origin: string, paths: readonly string[]) {
  let i = 0;
  const r = await autocannon({
    url: origin,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] ?? '/' }) }],
  });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

async function writeCsv(file: string): Promise<string[]> {
  const stations = syntheticStations(SEED);
  const home = stations.filter((s) => s.country === 'KG').map((s) => s.number);
  const abroad = stations.filter((s) => s.country !== 'KG').map((s) => s.number);
  const out = createWriteStream(file);
  out.write('pin,surname,given_name,patronymic,birth_date,station_number,biometric_registered\n');
  const paths: string[] = [];
  const every = Math.max(1, Math.floor(VOTERS / SAMPLE));
  let chunk = '';
  for (let i = 0; i < VOTERS; i++) {
    const v = syntheticVoter(SEED, i, home, abroad);
    chunk += `${v.pin},${v.surname},${v.givenName},${v.patronymic},${v.birthDate},${v.stationNumber},${v.biometricRegistered ? 1 : 0}\n`;
    if (i % every === 0)
      paths.push(`/api/v1/voters/lookup?pin=${v.pin}&surname=${encodeURIComponent(v.surname.slice(0, 3 + (i % 3)))}`);
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return paths;
}

async function runOn(t: Target, csv: string, paths: readonly string[]): Promise<string[]> {
  const ctx = await contextOf(t);
  await upsertStations(ctx.db, syntheticStations(SEED), new Date().toISOString());
  const r = await importVoters(ctx, { path: csv, asOf: '2026-11-01', actor: 'bench' });
  if (!r.ok) throw new Error(r.error.map((p) => p.message).join('; '));
  await ctx.db.destroy();
  const rate = r.value.rowsPerSecond;
  console.log(
    `${t.dialect}: imported ${r.value.written.toLocaleString('en-US')} voters in ${(r.value.elapsedMs / 1000).toFixed(1)} s, ${rate.toLocaleString('en-US')} rows/s.`,
  );
  recordFigure({
    bench: 'voters',
    figure: `voter list import (${t.dialect})`,
    value: rate,
    unit: 'rows/s',
    target: '≥ 100,000 rows/s',
    met: rate >= 100_000,
  });

  const port = await freePort();
  const barePort = await freePort();
  const child = spawn(process.execPath, ['bin/run-ts.js', 'bench/voters.bench.ts', '--serve'], {
    env: { ...process.env, BENCH_TARGET: JSON.stringify(t), PORT: String(port), TALAPKER_LOOKUP_LIMIT: '1000000000' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await started(child, `http://127.0.0.1:${port}/healthz`);
    // The same bodies, fetched once from the portal, served by the bare server.
    const bodies: Record<string, string> = {};
    for (const p of paths.slice(0, 2000)) bodies[p] = await (await fetch(`http://127.0.0.1:${port}${p}`)).text();
    const used = Object.keys(bodies);
    const bodyFile = join(t.dir, 'bodies.json');
    writeFileSync(bodyFile, JSON.stringify(bodies));
    const bare = spawn(process.execPath, ['-e', BASELINE_SERVER, bodyFile, String(barePort)], { stdio: 'ignore' });
    try {
      await started(bare, `http://127.0.0.1:${barePort}/`);
      const base = await load(`http://127.0.0.1:${barePort}`, used);
      const portal = await load(`http://127.0.0.1:${port}`, used);
      const ratio = portal.rps / base.rps;
      recordFigure({
        bench: 'voters',
        figure: `lookup API vs bare node:http (${t.dialect})`,
        value: ratio,
        unit: 'ratio',
        baseline: base.rps,
        target: '≥ 0.5',
        met: ratio >= 0.5,
      });
      recordFigure({
        bench: 'voters',
        figure: `lookup API p99 (${t.dialect})`,
        value: portal.p99,
        unit: 'ms',
        target: '< 50 ms',
        met: portal.p99 < 50,
      });
      return [
        t.dialect,
        `${rate.toLocaleString('en-US')} rows/s (${(r.value.elapsedMs / 1000).toFixed(1)} s)`,
        portal.rps.toFixed(0),
        base.rps.toFixed(0),
        ratio.toFixed(2),
        `${portal.p50}/${portal.p99}`,
        `${base.p50}/${base.p99}`,
        String(portal.errors),
      ];
    } finally {
      bare.kill('SIGTERM');
    }
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}

/** A port nobody listens on now (another process may take it before us, but rarely). */
async function freePort(): Promise<number> {
  const srv = createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const addr = srv.address();
  srv.close();
  return typeof addr === 'object' && addr ? addr.port : 0;
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
  const dir = mkdtempSync(join(tmpdir(), 'talapker-bench-voters-'));
  const rows = [
    ['database', 'import', 'lookup req/s', 'bare req/s', 'ratio', 'lookup p50/p99 ms', 'bare p50/p99 ms', 'errors'],
  ];
  let admin: pg.Client | undefined;
  let schema: string | undefined;
  try {
    const csv = join(dir, 'voters.csv');
    const t0 = performance.now();
    const paths = await writeCsv(csv);
    console.log(
      `${VOTERS.toLocaleString('en-US')} synthetic voters written to CSV in ${((performance.now() - t0) / 1000).toFixed(1)} s.`,
    );
    rows.push(await runOn({ dialect: 'sqlite', dir: join(dir, 'sqlite') }, csv, paths));
    if (process.argv.includes('--no-postgres')) console.log('PostgreSQL: skipped (--no-postgres).');
    else if (!(await postgresAvailable())) console.log(`PostgreSQL: skipped (${PG_URL} does not answer).`);
    else {
      admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      schema = `bench_voters_${randomBytes(5).toString('hex')}`;
      await admin.query(`create schema ${schema}`);
      rows.push(await runOn({ dialect: 'postgres', dir: join(dir, 'pg'), schema }, csv, paths));
    }
  } finally {
    if (admin && schema) await admin.query(`drop schema ${schema} cascade`);
    await admin?.end();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `\nVoter lookup at ${CONNECTIONS} connections, ${DURATION_S} s each, ${VOTERS.toLocaleString('en-US')} voters:`,
  );
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  '));
}

if (process.argv.includes('--serve')) await serveChild();
else await main();
