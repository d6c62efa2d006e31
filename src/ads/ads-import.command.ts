// `talapker ads import FILE --election ID [--period FROM..TO] [--currency CCY]` and
// `talapker ads rates FILE.csv` (also `talapker import rates FILE.csv`): the commission's way to take
// in a platform's report and the National Bank's rates from the command line. Rows that could not be
// read are listed on stderr; exit 0 when something was stored, 1 when it was refused, 2 on misuse.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import type { AppContext } from '../platform/app-context.ts';
import { processIo, type CommandIo } from '../platform/command-io.ts';
import { withApp } from '../platform/with-app.ts';
import type { Problem } from '../platform/result.ts';
import type { ReportPeriod } from './core/ad-report.ts';
import { parsePeriod } from './ads-parse.command.ts';
import { importAdReport, importRates } from './ads.service.ts';

export const ADS_IMPORT_USAGE = `usage: talapker ads import FILE --election ID [--period YYYY-MM-DD[..YYYY-MM-DD]] [--currency CCY]
       talapker ads rates FILE.csv        (the National Bank's rates: date,currency,rate)`;

const actor = (): string => `cli:${userInfo().username}`;
const line = (p: Problem) => `${p.row !== undefined ? `line ${p.row}: ` : ''}${p.message}\n`;

interface ImportArgs {
  file: string;
  election: string;
  period?: ReportPeriod;
  currency?: string;
}

function importArgs(argv: string[]): ImportArgs | string {
  const out: Partial<ImportArgs> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const next = (): string => argv[++i] ?? '';
    if (a === '--election') out.election = next();
    else if (a === '--period') {
      const p = parsePeriod(next());
      if (typeof p === 'string') return p;
      out.period = p;
    } else if (a === '--currency') {
      const c = next();
      if (!/^[A-Za-z]{3}$/.test(c)) return `--currency needs a three-letter code, got "${c}"`;
      out.currency = c.toUpperCase();
    } else if (a.startsWith('--')) return `unknown option ${a}`;
    else if (out.file === undefined) out.file = a;
    else return `unexpected argument ${a}`;
  }
  if (!out.file) return 'FILE is missing';
  if (!out.election) return '--election is missing';
  return out as ImportArgs;
}

async function read(file: string, io: CommandIo): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (e) {
    io.stderr(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return undefined;
  }
}

/** `ads import …`; `ctx` is for tests. */
export async function adsImportCommand(argv: string[], io: CommandIo = processIo, ctx?: AppContext): Promise<number> {
  const args = importArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`ads import: ${args}\n${ADS_IMPORT_USAGE}\n`);
    return 2;
  }
  const bytes = await read(args.file, io);
  if (!bytes) return 1;
  const run = async (c: AppContext) => {
    const r = await importAdReport(c, {
      electionId: args.election,
      fileName: basename(args.file),
      bytes,
      actor: actor(),
      ...(args.period ? { period: args.period } : {}),
      ...(args.currency ? { currency: args.currency } : {}),
    });
    if (!r.ok) {
      io.stderr(`Refused: nothing was stored.\n${r.error.map(line).join('')}`);
      return 1;
    }
    for (const p of r.value.problems) io.stderr(line(p));
    io.stdout(
      r.value.duplicate
        ? `This file is already stored as report ${r.value.reportId}.\n`
        : `Stored report ${r.value.reportId}: ${r.value.advertisers} advertiser(s), ${r.value.problems.length} row(s) left out.\n`,
    );
    return 0;
  };
  return ctx ? run(ctx) : withApp(run);
}

/** `ads rates FILE.csv`; `ctx` is for tests. */
export async function ratesImportCommand(argv: string[], io: CommandIo = processIo, ctx?: AppContext): Promise<number> {
  const [file, ...rest] = argv;
  if (!file || rest.length > 0 || file.startsWith('--')) {
    io.stderr(`${ADS_IMPORT_USAGE}\n`);
    return 2;
  }
  const bytes = await read(file, io);
  if (!bytes) return 1;
  const run = async (c: AppContext) => {
    const r = await importRates(c, bytes, actor());
    if (!r.ok) {
      io.stderr(`Refused: nothing was stored.\n${r.error.map(line).join('')}`);
      return 1;
    }
    for (const p of r.value.problems) io.stderr(line(p));
    io.stdout(`Stored ${r.value.imported} rate(s), ${r.value.problems.length} row(s) left out.\n`);
    return 0;
  };
  return ctx ? run(ctx) : withApp(run);
}
