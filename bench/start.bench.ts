// `npm run bench:start`: what a new user meets. `npm start` on an empty data folder (the built code, as
// after `npm install`), timed to the first answer of the 2020 election page with its parties; the
// server's resident memory 20 s later; and `talapker --help`. Beside each, the same measured on a bare
// Node.js process in the same run: a server that has loaded Fastify and nothing else, answering at once
// (what any Fastify application costs before its own code), and `node -e ''`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordFigure } from './figures.ts';
import { freePort, npmStartArgs, rssMb } from './processes.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGE = '/en/elections/kg-2020-parliament';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Milliseconds from spawning until `url` answers 200 with a body that passes `ready`. */
async function timeToAnswer(
  proc: ChildProcess,
  url: string,
  ready: (body: string) => boolean,
  started: number,
): Promise<number> {
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`the process ended with ${proc.exitCode}`);
    const body = await fetch(url).then(
      (r) => (r.ok ? r.text() : undefined),
      () => undefined,
    );
    if (body !== undefined && ready(body)) return performance.now() - started;
    if (performance.now() - started > 300_000) throw new Error(`${url} did not answer within 5 minutes`);
    await sleep(25);
  }
}

const BARE_SERVER = `const app = require('fastify')(); app.get('/', async () => 'ok'); app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' })`;

async function measureStart(): Promise<{ startMs: number; rssMb: number; bareStartMs: number; bareRssMb: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'talapker-bench-start-'));
  try {
    const port = await freePort();
    const portalSpawned = performance.now();
    const portal = spawn(process.execPath, npmStartArgs(ROOT), {
      cwd: ROOT,
      env: { ...process.env, TALAPKER_DATA_DIR: join(dir, 'data'), PORT: String(port), HOST: '127.0.0.1' },
      stdio: 'ignore',
    });
    const barePort = await freePort();
    const bareSpawned = performance.now();
    const bare = spawn(process.execPath, ['-e', BARE_SERVER], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(barePort) },
      stdio: 'ignore',
    });
    try {
      // A page "with its parties": the ballot table has rows. Both are polled at once, each timed from its spawn.
      const [startMs, bareStartMs] = await Promise.all([
        timeToAnswer(portal, `http://127.0.0.1:${port}${PAGE}`, (b) => b.includes('/parties/'), portalSpawned),
        timeToAnswer(bare, `http://127.0.0.1:${barePort}/`, () => true, bareSpawned),
      ]);
      await sleep(20_000);
      return { startMs, rssMb: rssMb(portal.pid), bareStartMs, bareRssMb: rssMb(bare.pid) };
    } finally {
      // SIGTERM, as an operator stops it: the server also stops the child writing the demo voter list.
      const ended = new Promise((r) => portal.once('exit', r));
      portal.kill('SIGTERM');
      bare.kill('SIGKILL');
      await ended;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function timeCommand(args: string[]): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} ended with ${r.status}`);
  return performance.now() - started;
}

const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) throw new Error('npm run build failed');

const start = await measureStart();
const helpMs = Math.min(...[0, 1, 2].map(() => timeCommand([join(ROOT, 'bin/talapker.js'), '--help'])));
const bareNodeMs = Math.min(...[0, 1, 2].map(() => timeCommand(['-e', ''])));

console.log(`npm start, empty data folder → ${PAGE} with its parties: ${Math.round(start.startMs)} ms`);
console.log(`  bare Fastify server answering: ${Math.round(start.bareStartMs)} ms`);
console.log(
  `resident memory 20 s later (idle): ${start.rssMb.toFixed(0)} MB (bare Fastify server ${start.bareRssMb.toFixed(0)} MB; load average ${loadavg()[0]?.toFixed(1)})`,
);
console.log(`talapker --help: ${Math.round(helpMs)} ms (node -e '': ${Math.round(bareNodeMs)} ms)`);

recordFigure({
  bench: 'start',
  figure: 'first election page, empty folder',
  value: start.startMs,
  unit: 'ms',
  baseline: start.bareStartMs,
  target: '< 5000 ms',
  met: start.startMs < 5000,
});
recordFigure({
  bench: 'start',
  figure: 'RSS 20 s after start',
  value: start.rssMb,
  unit: 'MB',
  baseline: start.bareRssMb,
  target: '< 150 MB',
  met: start.rssMb < 150,
});
recordFigure({
  bench: 'start',
  figure: 'talapker --help',
  value: helpMs,
  unit: 'ms',
  baseline: bareNodeMs,
  target: '< 1500 ms',
  met: helpMs < 1500,
});
