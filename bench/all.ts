// `npm run bench`: every benchmark, one after the other (each in its own process, so that memory
// figures are its own), then one table of every figure beside its baseline from the same run, its
// target, and met or missed. `npm run bench -- pages statements` runs only those; arguments after
// `--args` go to every benchmark (e.g. smaller sizes for a quick look). Not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIGURES_ENV, type Figure } from './figures.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCHES = ['start', 'pages', 'finance', 'statements', 'compliance', 'voters', 'explore', 'downloads'] as const;

const argv = process.argv.slice(2);
const split = argv.indexOf('--args');
const names = (split >= 0 ? argv.slice(0, split) : argv).filter((a) => a.length > 0);
const passOn = split >= 0 ? argv.slice(split + 1) : [];
const unknown = names.filter((n) => !(BENCHES as readonly string[]).includes(n));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${BENCHES.join(', ')}`);
  process.exit(2);
}
const chosen = names.length > 0 ? names : [...BENCHES];

const dir = mkdtempSync(join(tmpdir(), 'talapker-bench-figures-'));
const figuresFile = join(dir, 'figures.jsonl');
const outcomes: Array<{ name: string; status: number | null; seconds: number }> = [];
try {
  for (const name of chosen) {
    const script = join(ROOT, 'bench', `${name}.bench.ts`);
    if (!existsSync(script)) continue;
    console.log(`\n===== ${name} =====`);
    const started = performance.now();
    const r = spawnSync(
      process.execPath,
      ['--max-old-space-size=4096', join(ROOT, 'bin', 'run-ts.js'), script, ...passOn],
      { cwd: ROOT, stdio: 'inherit', env: { ...process.env, [FIGURES_ENV]: figuresFile } },
    );
    outcomes.push({ name, status: r.status, seconds: (performance.now() - started) / 1000 });
  }
  const figures: Figure[] = existsSync(figuresFile)
    ? readFileSync(figuresFile, 'utf8')
        .split('\n')
        .filter((l) => l.trim().length > 0)
        .map((l) => JSON.parse(l) as Figure)
    : [];
  printSummary(figures);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function num(v: number): string {
  return Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en') : v.toFixed(2);
}

function printSummary(figures: Figure[]): void {
  const header = ['benchmark', 'figure', 'value', 'baseline (same run)', 'ratio', 'target', 'result'];
  const rows = figures.map((f) => [
    f.bench,
    f.figure,
    `${num(f.value)} ${f.unit}`,
    f.baseline === undefined ? '' : `${num(f.baseline)} ${f.unit}`,
    f.baseline === undefined || f.baseline === 0 ? '' : (f.value / f.baseline).toFixed(2),
    f.target,
    f.met ? 'met' : 'MISSED',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(`\n===== every figure (${cpus().length} CPUs, load average ${loadavg()[0]?.toFixed(1)}) =====`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  const missed = figures.filter((f) => !f.met).length;
  console.log(`\n${figures.length - missed} met, ${missed} missed.`);
  for (const o of outcomes)
    if (o.status !== 0) console.log(`${o.name}: exited with ${o.status} after ${o.seconds.toFixed(0)} s`);
  const silent = outcomes.filter((o) => !figures.some((f) => f.bench === o.name)).map((o) => o.name);
  if (silent.length > 0) console.log(`recorded no figure: ${silent.join(', ')}`);
}
