// `npm start` as a new user runs it: the built code, an empty data folder, the default settings (the
// demo's full voter list of millions included). The election page must answer while the full list is
// still being written, which happens in a child process that the server stops when it is stopped.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, npmStartArgs } from '../../bench/processes.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const PAGE = '/en/elections/kg-2020-parliament';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function answer(url: string): Promise<string | undefined> {
  return fetch(url, { signal: AbortSignal.timeout(5000) }).then(
    (r) => (r.ok ? r.text() : undefined),
    () => undefined,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'talapker-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start on an empty data folder', () => {
  it('serves the election page while the demo voter list is written behind it, and stops cleanly', async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, TALAPKER_DATA_DIR: join(dir, 'data'), PORT: String(port) };
    delete env.DATABASE_URL;
    delete env.TALAPKER_DEMO_VOTERS;
    let out = '';
    const server = spawn(process.execPath, npmStartArgs(ROOT), { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout.on('data', (b: Buffer) => (out += b.toString()));
    server.stderr.on('data', (b: Buffer) => (out += b.toString()));
    // 'close', not 'exit': it waits for the output of the server and of its child (which shares it) to end.
    const exited = new Promise<number | null>((r) => server.once('close', r));
    try {
      // Before the voter list ran in a child, the serving process never got to listen for minutes.
      const started = performance.now();
      let page: string | undefined;
      while (!page?.includes('/parties/') && performance.now() - started < 45_000) {
        expect(server.exitCode, out).toBeNull();
        page = await answer(`http://127.0.0.1:${port}${PAGE}`);
        if (!page) await sleep(100);
      }
      expect(page, out).toContain('/parties/');

      while (!out.includes('Demo voter list: writing') && performance.now() - started < 90_000) await sleep(200);
      expect(out).toContain('Demo voter list: writing 3,500,000 synthetic voters');
      // The list is being written; the server goes on answering.
      for (const path of [PAGE, '/ky/', '/en/voters/lookup']) {
        const t = performance.now();
        expect(await answer(`http://127.0.0.1:${port}${path}`), path).toBeDefined();
        expect(performance.now() - t, path).toBeLessThan(5000);
      }
    } finally {
      server.kill('SIGTERM');
    }
    expect(await exited, out).toBe(0);
    expect(out).toContain('Demo voter list: interrupted; the unfinished list was abandoned.');
  });
});
