// What the page benchmarks share: the crowd they send (autocannon on loopback), the CPU a server spends
// per request, the bare node:http server that serves the very same bytes as their baseline, and the
// table they print.
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';

export const CONNECTIONS = 100;
export const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);

/** CPU time (user + system) a process has used so far, in ms: per request, it does not swing with the machine's load the way req/s does. */
export function cpuMs(pid: number): number {
  const fields = (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Resolves with the wait once `url` answers 200. */
export async function waitFor200(url: string, timeoutMs: number): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    try {
      if ((await fetch(url)).status === 200) return performance.now() - t0;
    } catch {
      /* not listening yet */
    }
    if (performance.now() - t0 > timeoutMs) throw new Error(`no 200 from ${url} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The baseline: `node -e BASELINE_SERVER bodies.json PORT` serves each path's body from the JSON file. */
export const BASELINE_SERVER = `
const http = require('node:http');
const bodies = JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8'));
http.createServer((req, res) => {
  const b = bodies[req.url];
  if (!b) { res.statusCode = 404; return res.end(); }
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.end(b);
}).listen(Number(process.argv[2]), '127.0.0.1');
`;

/** The crowd on one address. */
export async function load(url: string, pid: number) {
  const cpu0 = cpuMs(pid);
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S });
  const cpu = (cpuMs(pid) - cpu0) / Math.max(1, r.requests.total);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, cpu, errors: r.errors + r.non2xx };
}

/**
 * The crowd where every request asks for another address, so that no cache can answer it. With
 * `warmUpS`, the figures are of a server that has met such requests before (a first few seconds of them
 * compile the code they run), as a server that has been up a while has; every address is still a new one.
 */
export async function loadVaried(origin: string, pid: number, nextPath: () => string, warmUpS = 0) {
  const requests = [{ setupRequest: (req: object) => ({ ...req, path: nextPath() }) }];
  if (warmUpS > 0) await autocannon({ url: origin, connections: 10, duration: warmUpS, requests });
  const cpu0 = cpuMs(pid);
  const r = await autocannon({ url: origin, connections: CONNECTIONS, duration: DURATION_S, requests });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p97: r.latency.p97_5,
    p99: r.latency.p99,
    cpu: (cpuMs(pid) - cpu0) / Math.max(1, r.requests.total),
    errors: r.errors + r.non2xx,
  };
}

export function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
}
