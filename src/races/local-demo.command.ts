// `talapker demo local`: loads the synthetic local council election day into the configured database,
// beside whatever it already holds. Answers 0 when loaded or already there, 1 when it cannot be loaded.
import { parseArgs } from 'node:util';
import type { AppContext } from '../platform/app-context.ts';
import { withApp } from '../platform/with-app.ts';
import { processIo, type CommandIo } from '../platform/command-io.ts';
import { loadLocalDemo } from './local-demo.ts';

/** Runs `fn` over an open application: the configured one, or a test's. */
type OpenApp = (fn: (ctx: AppContext) => Promise<number>) => Promise<number>;

export async function demoLocalCommand(
  argv: string[],
  io: CommandIo = processIo,
  open: OpenApp = withApp,
): Promise<number> {
  try {
    parseArgs({ args: argv, options: {} });
  } catch {
    io.stderr('usage: talapker demo local\n');
    return 2;
  }
  return open(async (ctx) => {
    const started = performance.now();
    const r = await loadLocalDemo(ctx);
    const ms = Math.round(performance.now() - started);
    if (r.loaded) {
      io.stdout(
        `Local demo ${r.electionId}: ${r.municipalities} municipalities, ${r.parties} parties, ` +
          `${r.lists} party lists, ${r.candidates} single-mandate candidates loaded in ${ms} ms.\n`,
      );
      return 0;
    }
    if (r.reason === 'present') {
      io.stdout(`Local demo ${r.electionId}: already there; nothing changed.\n`);
      return 0;
    }
    io.stderr(`Local demo ${r.electionId}: the rules profile it follows is missing; nothing loaded.\n`);
    return 1;
  });
}
