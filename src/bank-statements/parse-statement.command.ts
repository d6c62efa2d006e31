// `talapker parse-statement FILE [--format …]`: reads a bank file, prints the normalised statements and
// problems as JSON on stdout, a one-line summary on stderr. Exit 0 when anything could be read,
// 1 when the file cannot be read at all (missing, unreadable, unknown format, refused), 2 on misuse.

import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { type DetectedFormat, detectFormat } from './core/detect-format.ts';
import { parseStatementBytes, parseStatementStreamToResult } from './core/parse-statement.ts';
import { columnMappingSchema, tabularStatementInfoSchema } from './core/parsers/tabular.parser.ts';
import {
  TRANSACTION_TEXT_FIELDS,
  type Statement,
  type StatementFormat,
  type StatementParseResult,
  type StatementTransaction,
} from './core/statement.ts';
import { processIo, type CommandIo } from '../platform/command-io.ts';

const FORMATS: readonly StatementFormat[] = ['camt053', 'mt940', '1c', 'csv', 'xlsx'];

const USAGE = `usage: talapker parse-statement FILE [--format camt053|mt940|1c|csv|xlsx]
       [--mapping MAPPING.json --account ACCOUNT --currency CCY]   (CSV / XLSX)
       [--currency CCY]                                            (1C; default KGS)
Prints {"statements": […], "problems": […]} as JSON; amounts are exact decimal strings.`;

export type { CommandIo };

const defaultIo = processIo;

interface Args {
  file: string;
  format?: StatementFormat;
  mapping?: string;
  account?: string;
  currency?: string;
}

function parseArgs(argv: string[]): Args | string {
  let file: string | undefined;
  const args: Partial<Args> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    try {
      if (a === '--format') {
        const f = value();
        if (!FORMATS.includes(f as StatementFormat)) return `unknown format "${f}"`;
        args.format = f as StatementFormat;
      } else if (a.startsWith('--format=')) {
        const f = a.slice('--format='.length);
        if (!FORMATS.includes(f as StatementFormat)) return `unknown format "${f}"`;
        args.format = f as StatementFormat;
      } else if (a === '--mapping') args.mapping = value();
      else if (a === '--account') args.account = value();
      else if (a === '--currency') args.currency = value();
      else if (a.startsWith('--')) return `unknown option ${a}`;
      else if (file === undefined) file = a;
      else return `unexpected argument ${a}`;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }
  if (!file) return 'FILE is missing';
  return { ...args, file };
}

export async function parseStatementCommand(argv: string[], io: CommandIo = defaultIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`parse-statement: ${args}\n${USAGE}\n`);
    return 2;
  }
  let head: Uint8Array;
  try {
    head = await readHead(args.file);
  } catch (e) {
    io.stderr(`parse-statement: cannot read ${args.file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  const format: DetectedFormat = args.format ?? detectFormat(head);
  let result: StatementParseResult;
  try {
    if (format === 'csv' || format === 'xlsx') {
      const options = await tabularOptions(args);
      if (typeof options === 'string') {
        io.stderr(`parse-statement: ${options}\n${USAGE}\n`);
        return 2;
      }
      result = await parseStatementBytes(await readFile(args.file), { ...options, format });
    } else if (format === 'camt053' || format === 'mt940' || format === 'mt942' || format === '1c') {
      // Text and XML formats stream from disk, so a 100 MB statement is never held as one string.
      const stream = createReadStream(args.file, { highWaterMark: 256 * 1024 });
      try {
        result = await parseStatementStreamToResult(stream, format, args.currency ? { currency: args.currency } : {});
      } finally {
        stream.destroy();
      }
    } else {
      // Unknown or refused formats: the first bytes are enough to say so.
      result = await parseStatementBytes(head);
    }
  } catch (e) {
    io.stderr(`parse-statement: cannot read ${args.file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  io.stdout(`${JSON.stringify({ statements: result.statements.map(present), problems: result.problems }, null, 2)}\n`);
  const errors = result.problems.filter((p) => p.severity !== 'warning').length;
  const transactions = result.statements.reduce((n, s) => n + s.transactions.length, 0);
  io.stderr(
    `${args.file}: ${format}, ${result.statements.length} statement(s), ${transactions} transaction(s), ${errors} error(s), ${result.problems.length - errors} warning(s)\n`,
  );
  return result.statements.length === 0 && errors > 0 ? 1 : 0;
}

async function readHead(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function tabularOptions(args: Args) {
  if (!args.mapping || !args.account || !args.currency) return 'CSV and XLSX need --mapping, --account and --currency';
  const mapping = columnMappingSchema.safeParse(JSON.parse(await readFile(args.mapping, 'utf8')));
  if (!mapping.success)
    return `the mapping is not valid: ${mapping.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
  const info = tabularStatementInfoSchema.safeParse({ account: args.account, currency: args.currency });
  if (!info.success) return `--account/--currency are not valid: ${info.error.issues.map((i) => i.message).join('; ')}`;
  return { mapping: mapping.data, statementInfo: info.data };
}

/** Fixed key order, with unknown balances as null, so that every statement reads alike. */
function present(s: Statement) {
  return {
    account: s.account,
    currency: s.currency,
    statementNumber: s.statementNumber ?? null,
    from: s.from,
    to: s.to,
    openingBalance: s.openingBalance ?? null,
    closingBalance: s.closingBalance ?? null,
    transactions: s.transactions.map(presentTransaction),
  };
}

const TRANSACTION_KEYS = [
  'bookingDate',
  'valueDate',
  'amount',
  'currency',
  ...TRANSACTION_TEXT_FIELDS,
  'reversal',
] as const satisfies readonly (keyof StatementTransaction)[];

function presentTransaction(t: StatementTransaction): Partial<StatementTransaction> {
  const out: Record<string, unknown> = {};
  for (const k of TRANSACTION_KEYS) if (t[k] !== undefined) out[k] = t[k];
  return out as Partial<StatementTransaction>;
}
