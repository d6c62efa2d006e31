// Long, heavy work that a serving process should not carry (writing millions of demo rows) runs as a
// `talapker` command in a child process at the lowest CPU priority: the server's event loop stays free
// for requests and its memory stays small, and whatever the work allocated is returned when the child
// exits. The child reads the same configuration from the environment, with the data location passed on
// explicitly so that it writes where the server reads.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setPriority } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.ts';

/** The `talapker` command of this checkout or installation: from src/ and from dist/ alike. */
export function talapkerBin(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'bin', 'talapker.js');
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) throw new Error('bin/talapker.js not found above the running code');
    dir = up;
  }
}

/** The environment a child needs to open the same database and store as `config`. */
export function childEnv(config: Config, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    TALAPKER_DATA_DIR: config.dataDir,
    DATABASE_URL: config.databaseUrl ?? '',
    ...extra,
  };
}

/**
 * Runs `talapker …args` to its end at the lowest priority. Its output goes to this process's console
 * (it is progress the operator may want to see); a non-zero exit is an error naming the command.
 */
export function runTalapker(args: string[], env: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    // Aborting sends SIGTERM, which the commands run this way answer by undoing their unfinished work.
    const child = spawn(process.execPath, [talapkerBin(), ...args], {
      env,
      signal,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('spawn', () => {
      try {
        if (child.pid) setPriority(child.pid, 19);
      } catch {
        // Not allowed on some systems; the work still runs, only at normal priority.
      }
    });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`talapker ${args.join(' ')} ended with ${signal ?? `exit code ${code}`}`)),
    );
  });
}
