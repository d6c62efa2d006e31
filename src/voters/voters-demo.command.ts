// `talapker demo voters [--seed N]`: writes the demo's full synthetic voter list over its short one. The
// serving process runs it as a child process; SIGTERM abandons the unfinished list and exits 1.
import { parseArgs } from 'node:util';
import { withApp } from '../platform/with-app.ts';
import { processIo, type CommandIo } from '../platform/command-io.ts';
import { DEMO_SEED, loadFullDemoList } from './voters-demo.ts';

export async function demoVotersCommand(argv: string[], io: CommandIo = processIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { seed: { type: 'string' } } });
  const seed = values.seed === undefined ? DEMO_SEED : Number(values.seed);
  if (!Number.isSafeInteger(seed)) {
    io.stderr(`usage: talapker demo voters [--seed N]\n`);
    return 2;
  }
  const interrupt = new AbortController();
  const onTerm = () => interrupt.abort();
  process.once('SIGTERM', onTerm);
  process.once('SIGINT', onTerm);
  // A server killed outright cannot stop its child: the child notices it was left (its parent changed).
  const parent = process.ppid;
  const orphaned = setInterval(() => process.ppid !== parent && interrupt.abort(), 1000).unref();
  try {
    return await withApp(async (ctx) => {
      const started = performance.now();
      const size = ctx.config.voters.demoVoters.toLocaleString('en-US');
      io.stdout(`Demo voter list: writing ${size} synthetic voters in the background…\n`);
      const written = await loadFullDemoList(ctx, seed, interrupt.signal);
      const seconds = Math.round((performance.now() - started) / 1000);
      io.stdout(
        written ? `Demo voter list: ${size} voters written in ${seconds} s.\n` : 'Demo voter list: nothing to do.\n',
      );
      return 0;
    });
  } catch (e) {
    if (!interrupt.signal.aborted) throw e;
    io.stderr('Demo voter list: interrupted; the unfinished list was abandoned.\n');
    return 1;
  } finally {
    clearInterval(orphaned);
    process.off('SIGTERM', onTerm);
    process.off('SIGINT', onTerm);
  }
}
