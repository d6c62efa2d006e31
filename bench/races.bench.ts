// Races benchmark (not a test): the scale of a local council election day. Loads `talapker demo local`
// (400 municipalities, 2,000 party lists, 500 single-mandate candidates) into an empty data folder,
// starts the portal as `npm start` does on it, then autocannon on loopback against the local election's
// page, its races list and its largest municipality's page, beside a bare node:http server serving the
// very same bytes as the baseline; and the races list with a new page and filter every request, which
// no cache can answer. Prints req/s, p50/p99 latency, CPU per request and the ratio.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { recordFigure } from './figures.ts';
import { freePort, npmStartArgs } from './processes.ts';
import { BASELINE_SERVER, CONNECTIONS, DURATION_S, load, loadVaried, printTable, waitFor200 } from './page-load.ts';

const ELECTION = 'demo-local-2026';

function portalEnv(dataDir: string, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    TALAPKER_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: '',
    // The demo's full voter list is written in the background by a child of the server; it would take a
    // core while these figures are measured.
    TALAPKER_DEMO_VOTERS: '0',
  };
}

/** The municipality with the most lists and candidates, and the regions and codes for the varied list. */
function readDemo(dbFile: string) {
  const db = new Database(dbFile, { readonly: true });
  const largest = db
    .prepare(
      `select code, (select count(*) from district_lists l where l.election_id = d.election_id and l.district_code = d.code)
         + (select count(*) from district_candidates c where c.election_id = d.election_id and c.district_code = d.code) n
       from districts d where election_id = ? order by n desc, code limit 1`,
    )
    .get(ELECTION) as { code: string; n: number };
  const regions = (
    db.prepare(`select distinct parent_region r from districts where election_id = ?`).all(ELECTION) as {
      r: string;
    }[]
  ).map((x) => x.r);
  const codes = (
    db.prepare(`select code from districts where election_id = ?`).all(ELECTION) as { code: string }[]
  ).map((x) => x.code);
  db.close();
  return { largest, regions, codes };
}

/**
 * A page of the races list nobody asked for before: it starts after a position between two codes (any
 * text of a code's shape is a valid position), in a region or in all of them.
 */
function variedListPath(regions: readonly string[], codes: readonly string[]): () => string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
  return () => {
    const q = new URLSearchParams();
    if (Math.random() < 0.5) q.set('region', pick(regions));
    q.set('after', `${pick(codes)}${Math.random().toString(36).slice(2, 6)}`);
    return `/ru/elections/${ELECTION}/races?${q.toString()}`;
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'talapker-bench-races-'));
  const port = await freePort();
  const baselinePort = await freePort();
  const children: ChildProcess[] = [];
  try {
    const t0 = performance.now();
    const demo = spawnSync(process.execPath, ['bin/talapker.js', 'demo', 'local'], {
      env: portalEnv(dir, port),
      encoding: 'utf8',
    });
    if (demo.status !== 0) throw new Error(`talapker demo local failed: ${demo.stderr}`);
    const demoMs = performance.now() - t0;
    process.stdout.write(demo.stdout);

    const portal = spawn(process.execPath, npmStartArgs(process.cwd()), {
      env: portalEnv(dir, port),
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(portal);
    await waitFor200(`http://127.0.0.1:${port}/ky/`, 60_000);

    const { largest, regions, codes } = readDemo(join(dir, 'talapker.sqlite'));
    const targets = [
      { name: 'local election page', path: `/ru/elections/${ELECTION}` },
      { name: 'races list (first page)', path: `/ru/elections/${ELECTION}/races` },
      {
        name: `municipality ${largest.code} (${largest.n} lists + candidates)`,
        path: `/ru/elections/${ELECTION}/races/${largest.code}`,
      },
    ];
    const bodies: Record<string, string> = {};
    for (const t of targets) {
      const res = await fetch(`http://127.0.0.1:${port}${t.path}`);
      if (res.status !== 200) throw new Error(`${t.path}: ${res.status}`);
      bodies[t.path] = await res.text();
    }
    const bodiesFile = join(dir, 'bodies.json');
    writeFileSync(bodiesFile, JSON.stringify(bodies));
    const baseline = spawn(process.execPath, ['-e', BASELINE_SERVER, bodiesFile, String(baselinePort)], {
      stdio: 'inherit',
    });
    children.push(baseline);
    await waitFor200(`http://127.0.0.1:${baselinePort}${targets[0]!.path}`, 10_000);

    console.log(`\nTalapker races benchmark: autocannon, ${CONNECTIONS} connections, ${DURATION_S} s each, loopback`);
    console.log(`"talapker demo local" (the whole command, process start included): ${Math.round(demoMs)} ms\n`);
    recordFigure({
      bench: 'races',
      figure: 'talapker demo local, whole command',
      value: demoMs,
      unit: 'ms',
      target: '< 60,000 ms',
      met: demoMs < 60_000,
    });
    const rows: string[][] = [
      [
        'page',
        'bytes',
        'talapker req/s',
        'p50 ms',
        'p99 ms',
        'cpu ms/req',
        'baseline req/s',
        'p50 ms',
        'p99 ms',
        'cpu ms/req',
        'ratio',
        'errors',
      ],
    ];
    for (const t of targets) {
      const ours = await load(`http://127.0.0.1:${port}${t.path}`, portal.pid ?? 0);
      const base = await load(`http://127.0.0.1:${baselinePort}${t.path}`, baseline.pid ?? 0);
      recordFigure({
        bench: 'races',
        figure: `${t.name}, cached: req/s`,
        value: ours.rps,
        unit: 'req/s',
        baseline: base.rps,
        target: '≥ 0.7 of baseline',
        met: ours.rps >= 0.7 * base.rps,
      });
      rows.push([
        t.name,
        String(Buffer.byteLength(bodies[t.path]!)),
        ours.rps.toFixed(0),
        String(ours.p50),
        String(ours.p99),
        ours.cpu.toFixed(2),
        base.rps.toFixed(0),
        String(base.p50),
        String(base.p99),
        base.cpu.toFixed(2),
        (ours.rps / base.rps).toFixed(2),
        String(ours.errors),
      ]);
    }
    printTable(rows);

    const name = 'races list, a new page and region each request';
    const varied = await loadVaried(`http://127.0.0.1:${port}`, portal.pid ?? 0, variedListPath(regions, codes));
    recordFigure({
      bench: 'races',
      figure: `${name}: p99 at ${CONNECTIONS} connections`,
      value: varied.p99,
      unit: 'ms',
      target: '< 200 ms',
      met: varied.p99 < 200,
    });
    console.log(`\nUncached (${CONNECTIONS} connections; target p99 < 200 ms):`);
    printTable([
      ['path', 'req/s', 'p50 ms', 'p99 ms', 'cpu ms/req', 'errors'],
      [
        name,
        varied.rps.toFixed(0),
        String(varied.p50),
        String(varied.p99),
        varied.cpu.toFixed(2),
        String(varied.errors),
      ],
    ]);
    console.log('\ntargets: ratio ≥ 0.7 of the bare server for cached pages; uncached p99 < 200 ms');
    console.log(
      `load while measuring: ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
