// `talapker lottery …`: the ceremony console's draw, the offline check of a published record, the
// sampler, and the ballot proof. `verify` and `sample` are lottery.command.ts; `draw` and `proof`
// open the database and go through the same service as the web console.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { userInfo } from 'node:os';
import type { Problem } from '../platform/result.ts';
import { lotterySampleCommand, lotteryVerifyCommand } from './lottery.command.ts';
import type { DrawRecord } from './core/draw.ts';
import { withApp } from '../platform/with-app.ts';

export const LOTTERY_USAGE = `usage: talapker lottery <command>

  draw --election ID --seed DIGITS [--observer NAME] [--freeze-reason TEXT] [--json]
      The ceremony console: freezes the list of participants if it is not frozen yet, records
      DIGITS as one observer's roll (at least 20 digits in all), draws, and prints every ticket
      and the ballot order (or, with --json, the full draw record). A party with no candidate
      list, or a list that breaks a list rule, is frozen only with --freeze-reason.
  verify FILE.json
      Recomputes a published draw record offline and names every value that does not match.
  sample --seed S (--ids a,b,c | --ids-file IDS.json) [--drop N] [--take N] [--with-replacement] [--digits D|full] [--json]
      Rivest's consistent sampler, as his reference code prints it.
  redo --election ID --reason TEXT
      Supersedes the current draw (it stays published) and freezes the list again, recording why.
  proof --draw ID --out FILE.pdf [--size A4|A3]
      Writes the ballot-paper proof of a drawn draw in its ballot order.

Environment: DATABASE_URL or TALAPKER_DATA_DIR, as for talapker serve.`;

const out = (text: string): void => void process.stdout.write(`${text}\n`);
const fail = (text: string, code: number): number => {
  process.stderr.write(`${text}\n`);
  return code;
};

function printProblems(problems: Problem[]): number {
  process.stderr.write(`Refused: ${problems.length} problem${problems.length === 1 ? '' : 's'}.\n`);
  for (const p of problems) process.stderr.write(`  - ${p.message}\n`);
  return 1;
}

const actor = (): string => `cli:${userInfo().username}`;

/** The tickets and the ballot as the console prints them after a draw. */
export function formatDrawForConsole(record: DrawRecord): string {
  const names = new Map(record.participants.map((p) => [p.id, p.name]));
  const numbers = new Map(record.ballotNumbers.map((b) => [b.id, b.ballotNumber]));
  const width = Math.max(...record.tickets.map((t) => t.id.length));
  const lines = [
    `election: ${record.election.name} (${record.election.id})`,
    `commitment: ${record.participantsCommitment} (frozen at ${record.frozenAt})`,
    `seed: ${record.seed} (${record.seed.length} digits; ${record.seedParts.map((s) => `${s.observer}: ${s.digits}`).join(', ')})`,
    `drawn at: ${record.drawnAt}`,
    'tickets, in ballot order:',
    ...record.tickets.map(
      (t, i) =>
        `  ${String(i + 1).padStart(2)}. no. ${String(numbers.get(t.id) ?? '?').padStart(2)}  ${t.id.padEnd(width)}  ${t.ticket}  ${names.get(t.id) ?? ''}`,
    ),
    ...record.fixedLines.map((f) => `      no. ${String(f.ballotNumber).padStart(2)}  ${f.label}`),
    `order: ${record.order.join(', ')}`,
  ];
  return lines.join('\n');
}

async function drawCommand(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        election: { type: 'string' },
        seed: { type: 'string' },
        observer: { type: 'string' },
        'freeze-reason': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
    if (args.help) return (out(LOTTERY_USAGE), 0);
    if (!args.election || !args.seed) throw new Error('--election and --seed are required');
  } catch (error) {
    return fail(`${(error as Error).message}\n${LOTTERY_USAGE}`, 2);
  }
  const { election, seed } = args as { election: string; seed: string };
  const { freezeParticipants, addSeedPart, performDraw } = await import('./ceremony.service.ts');
  const { findCurrentDraw } = await import('./lottery.repository.ts');
  return withApp(async (ctx) => {
    const who = actor();
    let draw = await findCurrentDraw(ctx.db, election);
    if (!draw) {
      const reason = args['freeze-reason'];
      const frozen = await freezeParticipants(ctx, election, who, reason === undefined ? {} : { reason });
      if (!frozen.ok) return printProblems(frozen.error);
      draw = frozen.value;
      if (!args.json) out(`froze ${draw.participants.length} participants; commitment ${draw.commitment}`);
    }
    const seeded = await addSeedPart(ctx, draw.id, args.observer ?? 'console', seed, who);
    if (!seeded.ok) return printProblems(seeded.error);
    // The record requires the freeze to come strictly before the draw; at a console both can fall in one millisecond.
    while (ctx.now().getTime() <= Date.parse(seeded.value.frozenAt)) await new Promise((r) => setTimeout(r, 2));
    const drawn = await performDraw(ctx, draw.id, who);
    if (!drawn.ok) return printProblems(drawn.error);
    const record = drawn.value.record;
    out(args.json ? JSON.stringify(record, null, 2) : formatDrawForConsole(record));
    return 0;
  });
}

async function proofCommand(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        draw: { type: 'string' },
        out: { type: 'string' },
        size: { type: 'string', default: 'A4' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
    if (args.help) return (out(LOTTERY_USAGE), 0);
    if (!args.draw || !/^[1-9][0-9]*$/.test(args.draw)) throw new Error('--draw ID (a draw number) is required');
    if (!args.out) throw new Error('--out FILE.pdf is required');
    if (args.size !== 'A4' && args.size !== 'A3') throw new Error('--size is A4 or A3');
  } catch (error) {
    return fail(`${(error as Error).message}\n${LOTTERY_USAGE}`, 2);
  }
  const { draw, out: file, size } = args as { draw: string; out: string; size: 'A4' | 'A3' };
  const { ballotProofOf } = await import('./ballot-proof.service.ts');
  return withApp(async (ctx) => {
    const r = await ballotProofOf(ctx, Number(draw), size);
    if (!r.ok) return printProblems(r.error);
    await writeFile(file, r.value.pdf);
    out(`wrote ${file} (${size}, ${r.value.draw.record.ballotNumbers.length} parties in drawn order)`);
    return 0;
  });
}

async function redoCommand(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: { election: { type: 'string' }, reason: { type: 'string' } },
      strict: true,
    }).values;
    if (!args.election || args.reason === undefined) throw new Error('--election and --reason are required');
  } catch (error) {
    return fail(`${(error as Error).message}\n${LOTTERY_USAGE}`, 2);
  }
  const { election, reason } = args as { election: string; reason: string };
  const { redoDraw } = await import('./ceremony.service.ts');
  return withApp(async (ctx) => {
    const r = await redoDraw(ctx, election, reason, actor());
    if (!r.ok) return printProblems(r.error);
    out(
      `draw ${r.value.supersedesDrawId} superseded; froze ${r.value.participants.length} participants again as draw ${r.value.id} (attempt ${r.value.attempt}); commitment ${r.value.commitment}`,
    );
    return 0;
  });
}

export async function lotteryCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'draw':
      return drawCommand(rest);
    case 'verify':
      return lotteryVerifyCommand(rest);
    case 'sample':
      return lotterySampleCommand(rest);
    case 'redo':
      return redoCommand(rest);
    case 'proof':
      return proofCommand(rest);
    case '--help':
    case '-h':
    case 'help':
      out(LOTTERY_USAGE);
      return 0;
    case undefined:
    default:
      return fail(`${sub ? `unknown lottery command "${sub}"` : 'which lottery command?'}\n${LOTTERY_USAGE}`, 2);
  }
}
