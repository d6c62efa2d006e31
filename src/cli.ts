// The `talapker` command: serve the portal, load the demo, and the commission's tools.
// Thin by design: each command parses its arguments and calls a service.
import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { extname } from 'node:path';
import { loadConfig } from './platform/config.ts';
import type { AppContext } from './platform/app-context.ts';
import type { Problem } from './platform/result.ts';

const HELP = `talapker — transparent election campaigns

Usage:
  talapker serve                         serve the portal (loads the demo into an empty database)
  talapker demo                          load the demo elections into an empty database
  talapker demo voters [--seed N]        write the demo's full synthetic voter list (the server runs it)
  talapker demo local                    add a synthetic local council election day (400 municipalities)
  talapker migrate                       create or update the database schema
  talapker election create FILE.json     create an election
  talapker party register --election ID FILE.json [--ballot-number N]
  talapker candidates import --election ID --party REG FILE.csv|FILE.xlsx
  talapker candidate withdraw --id N --date YYYY-MM-DD
  talapker programme attach --election ID --party REG --ky F.txt --ru F.txt --en F.txt [--pdf F.pdf]
  talapker lottery draw|verify|sample …  the ballot-order lottery (see talapker lottery --help)
  talapker user add|disable|reset …      commission and party accounts (see talapker user --help)
  talapker import statement FILE --bank CODE   take in a bank statement of an electoral-fund account
  talapker import registry persons|entities|arrears|state-bodies FILE.csv [--as-of YYYY-MM-DD]
  talapker parse-statement FILE [--format camt053|mt940|1c|csv]
  talapker ads parse FILE [--currency CCY] --json   read Meta's or Google's report on political ads
  talapker ads import FILE --election ID [--period FROM..TO]   store a platform's report on political ads
  talapker ads fetch --election ID [--since DAY --until DAY]   fetch the political ads from Meta's Ad Library API
  talapker import rates FILE.csv         take in the National Bank's exchange rates (date,currency,rate)
  talapker import stations FILE.csv      take in the polling stations (added or replaced by number)
  talapker import voters FILE.csv --as-of YYYY-MM-DD   replace the voter list used by the lookup
  talapker import districts ELECTION_ID FILE.csv   replace an election's constituencies and municipalities
  talapker import district-candidates ELECTION_ID FILE.csv   replace an election's single-mandate candidates
  talapker analyze --election ID [--party REG] [--json]   run the compliance checks now and print the findings
  talapker analyze --offline --profile ID --election-day YYYY-MM-DD --registries DIR --json REPORT.json …
  talapker log verify [--url BASE] [--since CHECKPOINT_FILE] [--key VKEY]   check the transparency log

Environment: DATABASE_URL (default: SQLite file in TALAPKER_DATA_DIR, default ./data), PORT (3000).`;

const actor = (): string => `cli:${userInfo().username}`;

export function printProblems(problems: Problem[], out: NodeJS.WritableStream = process.stderr): void {
  out.write(`Refused: ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was saved.\n`);
  for (const p of problems) out.write(`  - ${p.message}\n`);
}

async function withApp<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  // Loaded here, not at the top, so that `--help` and argument errors start no database driver.
  const { openApp } = await import('./platform/bootstrap.ts');
  const ctx = await openApp(loadConfig());
  try {
    return await fn(ctx);
  } finally {
    await ctx.db.destroy();
  }
}

async function readJson(path: string | undefined): Promise<unknown> {
  if (!path) throw new UsageError('a JSON file is required');
  return JSON.parse(await readFile(path, 'utf8'));
}

class UsageError extends Error {}

type Command = (argv: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  async serve() {
    const { serve } = await import('./serve.ts');
    await serve(loadConfig());
    return 0;
  },
  async demo(argv) {
    if (argv[0] === 'voters') {
      const { demoVotersCommand } = await import('./voters/voters-demo.command.ts');
      return demoVotersCommand(argv.slice(1));
    }
    if (argv[0] === 'local') {
      const { demoLocalCommand } = await import('./races/local-demo.command.ts');
      return demoLocalCommand(argv.slice(1));
    }
    const { loadDemo, attachDemoProgrammePdfs } = await import('./demo/demo-loader.service.ts');
    const { CAPABILITIES } = await import('./capabilities.ts');
    return withApp(async (ctx) => {
      const r = await loadDemo(ctx, CAPABILITIES, (step) => process.stdout.write(`  demo: ${step}\n`));
      if (r.loaded) await attachDemoProgrammePdfs(ctx);
      process.stdout.write(
        r.loaded ? `Loaded the demo: ${r.summary}\n` : `The database is not empty; nothing loaded.\n`,
      );
      return r.loaded ? 0 : 1;
    });
  },
  async migrate() {
    await withApp(async () => undefined);
    process.stdout.write('The database schema is up to date.\n');
    return 0;
  },
  async election(argv) {
    const [sub, file] = argv;
    if (sub !== 'create') throw new UsageError('talapker election create FILE.json');
    const { createElection } = await import('./elections/index.ts');
    return withApp(async (ctx) => {
      const r = await createElection(ctx, await readJson(file), actor());
      if (!r.ok) return (printProblems(r.error), 1);
      process.stdout.write(`Created election ${r.value.id}.\n`);
      return 0;
    });
  },
  async party(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { election: { type: 'string' }, 'ballot-number': { type: 'string' } },
    });
    const electionId = values.election;
    if (positionals[0] !== 'register' || !electionId)
      throw new UsageError('talapker party register --election ID FILE.json');
    const { registerParty } = await import('./parties/index.ts');
    return withApp(async (ctx) => {
      const ballot = values['ballot-number'] ? Number(values['ballot-number']) : null;
      const r = await registerParty(
        ctx,
        { electionId, party: await readJson(positionals[1]), ballotNumber: ballot },
        actor(),
      );
      if (!r.ok) return (printProblems(r.error), 1);
      process.stdout.write(`Registered party ${r.value.party.registrationNumber} in ${values.election}.\n`);
      return 0;
    });
  },
  async candidates(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { election: { type: 'string' }, party: { type: 'string' } },
    });
    const file = positionals[1];
    const { election: electionId, party: partyRegistrationNumber } = values;
    if (positionals[0] !== 'import' || !electionId || !partyRegistrationNumber || !file) {
      throw new UsageError('talapker candidates import --election ID --party REG FILE.csv|FILE.xlsx');
    }
    const { importCandidateList } = await import('./candidates/index.ts');
    return withApp(async (ctx) => {
      const r = await importCandidateList(ctx, {
        electionId,
        partyRegistrationNumber,
        file: await readFile(file),
        format: extname(file).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv',
        actor: actor(),
      });
      if (!r.ok) return (printProblems(r.error), 1);
      process.stdout.write(`Imported ${r.value.imported} candidates.\n`);
      return 0;
    });
  },
  async candidate(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { id: { type: 'string' }, date: { type: 'string' } },
    });
    const { date } = values;
    if (positionals[0] !== 'withdraw' || !values.id || !date)
      throw new UsageError('talapker candidate withdraw --id N --date YYYY-MM-DD');
    const { withdrawCandidate } = await import('./candidates/index.ts');
    return withApp(async (ctx) => {
      const r = await withdrawCandidate(ctx, { candidateId: Number(values.id), date, actor: actor() });
      if (!r.ok) return (printProblems(r.error), 1);
      process.stdout.write(`Candidate ${values.id} withdrawn on ${values.date}. List rules now:\n`);
      for (const x of r.value.rules)
        process.stdout.write(`  ${x.passed ? 'ok  ' : 'FAIL'} ${x.rule}: ${x.actual} (required ${x.required})\n`);
      return 0;
    });
  },
  async programme(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        election: { type: 'string' },
        party: { type: 'string' },
        ky: { type: 'string' },
        ru: { type: 'string' },
        en: { type: 'string' },
        pdf: { type: 'string' },
      },
    });
    const { election: electionId, party: partyRegistrationNumber } = values;
    if (positionals[0] !== 'attach' || !electionId || !partyRegistrationNumber) {
      throw new UsageError('talapker programme attach --election ID --party REG --ky F --ru F --en F [--pdf F.pdf]');
    }
    const text = async (f: string | undefined) => (f ? readFile(f, 'utf8') : '');
    const { attachProgramme } = await import('./programmes/index.ts');
    return withApp(async (ctx) => {
      const r = await attachProgramme(
        ctx,
        {
          electionId,
          partyRegistrationNumber,
          text: { ky: await text(values.ky), ru: await text(values.ru), en: await text(values.en) },
          pdf: values.pdf ? await readFile(values.pdf) : undefined,
        },
        actor(),
      );
      if (!r.ok) return (printProblems(r.error), 1);
      process.stdout.write('Programme attached.\n');
      return 0;
    });
  },
  async lottery(argv) {
    const { lotteryCommand } = await import('./lottery/lottery.cli.ts');
    return lotteryCommand(argv);
  },
  async import(argv) {
    if (argv[0] === 'rates') {
      const { ratesImportCommand } = await import('./ads/ads-import.command.ts');
      return ratesImportCommand(argv.slice(1));
    }
    if (argv[0] === 'stations' || argv[0] === 'voters') {
      const { votersImportCommand } = await import('./voters/voters-import.command.ts');
      return votersImportCommand(argv);
    }
    if (argv[0] === 'districts' || argv[0] === 'district-candidates') {
      const { racesImportCommand } = await import('./races/races-import.command.ts');
      return racesImportCommand(argv);
    }
    if (argv[0] === 'registry') {
      const { importRegistryCommand } = await import('./compliance/import-registry.command.ts');
      return importRegistryCommand(argv.slice(1));
    }
    const { importStatementCommand } = await import('./bank-statements/import-statement.command.ts');
    return importStatementCommand(argv);
  },
  async user(argv) {
    const { userCommand } = await import('./accounts/user.command.ts');
    return userCommand(argv);
  },
  async analyze(argv) {
    const { analyzeCommand } = await import('./compliance/analyze.command.ts');
    return analyzeCommand(argv);
  },
  async log(argv) {
    const { logCommand } = await import('./transparency-log/log.command.ts');
    return logCommand(argv);
  },
  async 'parse-statement'(argv) {
    const { parseStatementCommand } = await import('./bank-statements/parse-statement.command.ts');
    return parseStatementCommand(argv);
  },
  async ads(argv) {
    if (argv[0] === 'import' || argv[0] === 'rates') {
      const { adsImportCommand, ratesImportCommand } = await import('./ads/ads-import.command.ts');
      return argv[0] === 'import' ? adsImportCommand(argv.slice(1)) : ratesImportCommand(argv.slice(1));
    }
    if (argv[0] === 'fetch') {
      const { adsFetchCommand } = await import('./ads/meta-library/ads-fetch.command.ts');
      return adsFetchCommand(argv.slice(1));
    }
    if (argv[0] !== 'parse') throw new UsageError('talapker ads parse|import|fetch|rates …');
    const { adsParseCommand } = await import('./ads/ads-parse.command.ts');
    return adsParseCommand(argv.slice(1));
  },
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${HELP}\n`);
    return name ? 0 : 2;
  }
  const cmd = commands[name];
  if (!cmd) {
    process.stderr.write(`Unknown command "${name}".\n\n${HELP}\n`);
    return 2;
  }
  try {
    return await cmd(rest);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`Usage: ${(e as Error).message}\n`);
      return 2;
    }
    throw e;
  }
}
