// `talapker lottery sample` and `talapker lottery verify`: the sampler and the draw check from a
// terminal, so that an observer can reproduce a draw, or Rivest's published examples, by hand.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { verifyDrawRecord } from './core/draw.ts';
import { sampler, type Ticket } from './core/sampler.ts';

const SAMPLE_USAGE = `usage: talapker lottery sample --seed S (--ids a,b,c | --ids-file IDS.json)
         [--drop N] [--take N] [--with-replacement] [--digits D|full] [--json]
Prints (ticket number, id, generation) in sampling order, as Rivest's consistent_sampler does.
IDS.json is a JSON array of ids (strings, or whole numbers written as Python's str() would).`;

const VERIFY_USAGE = `usage: talapker lottery verify FILE.json
Recomputes a published ballot-order draw record and reports every value that does not match.`;

/** A mistake in how the command was called (exit 2), as opposed to a problem with the input (exit 1). */
class UsageError extends Error {}

const out = (text: string): void => void process.stdout.write(`${text}\n`);
const fail = (text: string, code: number): number => {
  process.stderr.write(`${text}\n`);
  return code;
};

/** Python's repr() of a str, so that our lines are character for character the reference's print(t). */
export function pythonRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let body = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\' || ch === quote) body += `\\${ch}`;
    else if (ch === '\n') body += '\\n';
    else if (ch === '\r') body += '\\r';
    else if (ch === '\t') body += '\\t';
    // Python escapes what str.isprintable() refuses: controls, format, separators other than ' ', unassigned.
    else if (ch !== ' ' && /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u.test(ch)) {
      body += code < 0x100 ? `\\x${hex(code, 2)}` : code < 0x10000 ? `\\u${hex(code, 4)}` : `\\U${hex(code, 8)}`;
    } else body += ch;
  }
  return quote + body + quote;
}
const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

export const formatTicket = (t: Ticket): string =>
  `(${pythonRepr(t.ticketNumber)}, ${pythonRepr(t.id)}, ${t.generation})`;

function wholeNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[0-9]+$/.test(value)) throw new UsageError(`--${name} must be a whole number, not '${value}'`);
  return Number(value);
}

async function readIds(path: string): Promise<string[]> {
  const json: unknown = JSON.parse(await readFile(path, 'utf8'));
  if (!Array.isArray(json)) throw new Error(`${path}: expected a JSON array of ids`);
  return json.map((id, i) => {
    if (typeof id === 'string') return id;
    if (Number.isSafeInteger(id)) return String(id); // Python's str() of an int
    throw new Error(`${path}: id ${i + 1} is neither a string nor a whole number`);
  });
}

export async function lotterySampleCommand(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        seed: { type: 'string' },
        ids: { type: 'string' },
        'ids-file': { type: 'string' },
        drop: { type: 'string' },
        take: { type: 'string' },
        'with-replacement': { type: 'boolean', default: false },
        digits: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    return fail(`${(error as Error).message}\n${SAMPLE_USAGE}`, 2);
  }
  if (args.help) {
    out(SAMPLE_USAGE);
    return 0;
  }

  let options;
  try {
    if (args.seed === undefined) throw new UsageError('--seed is required');
    if ((args.ids === undefined) === (args['ids-file'] === undefined))
      throw new UsageError('give either --ids or --ids-file');
    const take = wholeNumber('take', args.take);
    // With replacement the stream never ends, so an unbounded run would print forever.
    if (args['with-replacement'] && take === undefined) throw new UsageError('--with-replacement needs --take');
    const digits = args.digits === 'full' ? 'full' : (wholeNumber('digits', args.digits) ?? 9);
    options = {
      withReplacement: args['with-replacement'],
      drop: wholeNumber('drop', args.drop) ?? 0,
      take,
      digits,
    } as const;
  } catch (error) {
    return fail(`${(error as Error).message}\n${SAMPLE_USAGE}`, 2);
  }

  try {
    const ids =
      args.ids !== undefined ? args.ids.split(',').map((id) => id.trim()) : await readIds(args['ids-file'] ?? '');
    const tickets = [...sampler(ids, args.seed, options)];
    if (args.json) {
      const rows = tickets.map((t) => `  ${JSON.stringify([t.ticketNumber, t.id, t.generation])}`);
      out(rows.length === 0 ? '[]' : `[\n${rows.join(',\n')}\n]`);
    } else {
      for (const t of tickets) out(formatTicket(t));
    }
    return 0;
  } catch (error) {
    return fail(`lottery sample: ${(error as Error).message}`, 1);
  }
}

export async function lotteryVerifyCommand(argv: string[]): Promise<number> {
  let file: string | undefined;
  try {
    const { positionals, values } = parseArgs({
      args: argv,
      options: { help: { type: 'boolean', short: 'h', default: false } },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      out(VERIFY_USAGE);
      return 0;
    }
    const [only, ...more] = positionals;
    if (only === undefined || more.length > 0) throw new UsageError('give exactly one FILE.json');
    file = only;
  } catch (error) {
    return fail(`${(error as Error).message}\n${VERIFY_USAGE}`, 2);
  }

  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    out(`NOT verified: ${file}: ${(error as Error).message}`);
    return 1;
  }
  const result = verifyDrawRecord(json);
  if (!result.ok) {
    out(`NOT verified: ${file}: ${result.error.length} problem${result.error.length === 1 ? '' : 's'}`);
    for (const p of result.error) out(`  - ${p.message}`);
    return 1;
  }
  const r = result.value;
  const names = new Map(r.participants.map((p) => [p.id, p.name]));
  out(`verified: ${file}`);
  out(`  election: ${r.election.name} (${r.election.id}), drawn at ${r.drawnAt}`);
  out(`  participants: ${r.participants.length}, frozen at ${r.frozenAt}, commitment ${r.participantsCommitment}`);
  out(`  seed: ${r.seed} (${r.seed.length} digits from ${r.seedParts.length} observers)`);
  const lines = [
    ...r.ballotNumbers.map((b) => ({ n: b.ballotNumber, text: `${b.id} ${names.get(b.id) ?? ''}`.trim() })),
    ...r.fixedLines.map((f) => ({ n: f.ballotNumber, text: f.label })),
  ].sort((a, b) => a.n - b.n);
  out('  ballot:');
  for (const line of lines) out(`    ${String(line.n).padStart(2)}. ${line.text}`);
  return 0;
}
