// Two portals on one PostgreSQL database behind nginx, as an operator runs them when one machine is not
// enough: each a process of its own (`talapker serve`), sharing the database and the blob folder and
// nothing else. A report filed through one is on the other's cached pages at once (the activity log's
// notice, not the once-a-second poll: the second portal's poll is slowed to a minute here), and killing
// one portal under load loses no request that the balancer can retry elsewhere.
//
// Needs PostgreSQL (TEST_DATABASE_URL) and nginx (Debian's package; CI installs it). The test makes a
// database of its own and drops it at the end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import {
  asInput,
  filingTestContext,
  FILING_ELECTION,
  PARTY_A,
  validFiling,
} from '../../src/filings/filing.test-support.ts';
import { createElection, ensureBuiltInRulesProfiles } from '../../src/elections/index.ts';
import { registerParty } from '../../src/parties/index.ts';
import { bearerAs } from '../../src/accounts/test-support.ts';

const pgUrl = process.env.TEST_DATABASE_URL;
/** Debian puts nginx in /usr/sbin, which not every PATH has. */
const NGINX = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
const hasNginx = spawnSync(NGINX, ['-v']).status === 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ROOT = new URL('../../', import.meta.url).pathname;

/** The report election four years earlier, so that its days are past on the real clock the portals run by. */
const ELECTION = {
  ...FILING_ELECTION,
  id: 'two-servers-2026',
  electionDay: '2026-10-06',
  calledOn: '2026-06-01',
  campaignStart: '2026-09-05',
  campaignEnd: '2026-10-04',
};
const REG = PARTY_A.registrationNumber;
const report = () =>
  JSON.parse(
    JSON.stringify(asInput(validFiling(REG)))
      .replaceAll('2030-', '2026-')
      .replace(FILING_ELECTION.id, ELECTION.id),
  ) as unknown;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

interface Portal {
  port: number;
  proc: ChildProcess;
  output: () => string;
}

async function startPortal(databaseUrl: string, dataDir: string, env: Record<string, string> = {}): Promise<Portal> {
  const port = await freePort();
  let out = '';
  const proc = spawn(process.execPath, [join(ROOT, 'bin/talapker.js'), 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      TALAPKER_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      TALAPKER_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  for (let i = 0; i < 600 && !out.includes('Talapker is serving'); i++) {
    if (proc.exitCode !== null) throw new Error(`the portal ended: ${out}`);
    await sleep(100);
  }
  if (!out.includes('Talapker is serving')) throw new Error(`the portal did not start: ${out}`);
  return { port, proc, output: () => out };
}

function nginxConf(dir: string, listen: number, upstreams: number[]): string {
  const runAsRoot = process.getuid?.() === 0 ? 'user root;\n' : '';
  return `${runAsRoot}worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream portal {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;`).join('\n')}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${listen};
    location / {
      proxy_pass http://portal;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_connect_timeout 2s;
    }
  }
}
`;
}

describe.skipIf(!pgUrl || !hasNginx)('two portals on one PostgreSQL behind nginx', () => {
  const database = `t_two_${randomBytes(5).toString('hex')}`;
  let admin: pg.Client;
  let dir: string;
  let a: Portal;
  let b: Portal;
  let nginx: ChildProcess;
  let balancer: string;
  let token: string;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create database ${database}`);
    const url = new URL(pgUrl!);
    url.pathname = `/${database}`;
    const databaseUrl = url.toString();

    // The election, the party and a treasurer's token, written as the commission would.
    dir = mkdtempSync(join(tmpdir(), 'talapker-two-'));
    const db = openDatabase({ url: databaseUrl, poolSize: 2 });
    await migrateToLatest(db);
    const t = filingTestContext(db, { TALAPKER_DATA_DIR: join(dir, 'data') });
    await ensureBuiltInRulesProfiles(t.ctx);
    const e = await createElection(t.ctx, ELECTION, 'test');
    expect(e.ok).toBe(true);
    expect(
      (await registerParty(t.ctx, { electionId: ELECTION.id, party: PARTY_A, ballotNumber: null }, 'test')).ok,
    ).toBe(true);
    token = (await bearerAs(t.ctx, 'party_treasurer', ['filings:write', 'filings:submit'], { party: REG })).token;
    await db.destroy();
    t.close();

    const data = join(dir, 'data');
    a = await startPortal(databaseUrl, data);
    // The second portal's poll is a minute: only the notice can bring the first one's write in time.
    b = await startPortal(databaseUrl, data, { TALAPKER_PAGE_CACHE_REFRESH_MS: '60000' });

    const nginxDir = join(dir, 'nginx');
    mkdirSync(nginxDir);
    const listen = await freePort();
    writeFileSync(join(nginxDir, 'nginx.conf'), nginxConf(nginxDir, listen, [a.port, b.port]));
    nginx = spawn(NGINX, ['-p', nginxDir, '-c', join(nginxDir, 'nginx.conf'), '-g', 'daemon off;'], {
      stdio: 'ignore',
    });
    balancer = `http://127.0.0.1:${listen}`;
    for (let i = 0; i < 100; i++) {
      const ok = await fetch(`${balancer}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await sleep(100);
    }
  }, 180_000);

  afterAll(async () => {
    nginx?.kill('SIGTERM');
    for (const p of [a, b]) p?.proc.kill('SIGKILL');
    await sleep(200);
    await admin?.query(`drop database if exists ${database} with (force)`);
    await admin?.end();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const financePage = (port: number) => `http://127.0.0.1:${port}/en/elections/${ELECTION.id}/parties/${REG}/finance`;
  const get = async (url: string) => {
    const r = await fetch(url);
    return { status: r.status, cache: r.headers.get('x-page-cache'), body: await r.text() };
  };

  it('shows a report filed through one portal on the other’s cached page at once', async () => {
    // The second portal has the page without the report, and serves it from its cache.
    const before = await get(financePage(b.port));
    expect(before.status).toBe(200);
    expect((await get(financePage(b.port))).cache).toBe('hit');
    expect(before.body).not.toContain('id="filing-');

    const filed = await fetch(`http://127.0.0.1:${a.port}/api/v1/filings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': 'two-1' },
      body: JSON.stringify(report()),
    });
    expect(filed.status, await filed.clone().text()).toBe(201);
    const filingId = ((await filed.json()) as { data: { id: number } }).data.id;

    // Well inside the second portal's minute-long poll: the notice moved its cache on.
    const started = Date.now();
    let after = await get(financePage(b.port));
    while (!after.body.includes(`id="filing-${filingId}"`) && Date.now() - started < 3000) {
      await sleep(50);
      after = await get(financePage(b.port));
    }
    expect(after.body).toContain(`id="filing-${filingId}"`);
    expect(Date.now() - started).toBeLessThan(3000);
    // And the report's own page answers on both portals.
    for (const p of [a.port, b.port])
      expect((await get(`http://127.0.0.1:${p}/en/reports/${filingId}`)).status).toBe(200);
  }, 60_000);

  it('loses no request through the balancer when one portal is killed under load', async () => {
    const urls = [
      `${balancer}/en/`,
      `${balancer}/en/elections/${ELECTION.id}`,
      `${balancer}/ru/elections/${ELECTION.id}/parties/${REG}/finance`,
      `${balancer}/api/v1/elections`,
    ];
    const statuses: number[] = [];
    let stop = false;
    const client = async (n: number) => {
      for (let i = n; !stop; i++) {
        const r = await fetch(urls[i % urls.length]!).catch(() => undefined);
        statuses.push(r?.status ?? 0);
        await r?.arrayBuffer();
      }
    };
    const clients = Array.from({ length: 8 }, (_, i) => client(i));
    await sleep(1000);
    a.proc.kill('SIGKILL');
    await sleep(2000);
    stop = true;
    await Promise.all(clients);
    const lost = statuses.filter((s) => s !== 200);
    expect(statuses.length).toBeGreaterThan(50);
    expect(lost, `of ${statuses.length} requests`).toEqual([]);
    expect(a.proc.exitCode !== null || a.proc.signalCode === 'SIGKILL').toBe(true);
  }, 60_000);
});
