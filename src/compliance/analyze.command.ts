// `talapker analyze --election ID [--party REG] [--json] [--with-identifiers]`: the checks run now over
// the campaigns the database holds (one party, or every party that filed), against the newest imported
// registry snapshots, stored as the background runs store them; prints the campaign's findings as stored
// (so a finding the commission confirmed shows as confirmed) in the public shape unless told otherwise.
// `--offline` hands over to the file-only analysis. Exit 0 when it ran, 1 for an unknown election, 2 on misuse.
import { parseArgs } from 'node:util';
import { userInfo } from 'node:os';
import type { AppContext } from '../platform/app-context.ts';
import { withApp } from '../platform/with-app.ts';
import { filedCampaigns } from '../filings/index.ts';
import { getElection } from '../elections/index.ts';
import { analyseParty } from './analysis.service.ts';
import { findingOfRow, findingsOfCampaign } from './finding-store.repository.ts';
import { commissionFinding, publicFinding } from './core/public-finding.ts';
import { SqlRegistry } from './sql-registry.ts';
import { ANALYZE_USAGE, analyzeCommand as offlineAnalyzeCommand } from './offline-analyze.command.ts';
import { processIo, type CommandIo } from '../platform/command-io.ts';

export const ANALYZE_ONLINE_USAGE = `usage: talapker analyze --election ID [--party REG] [--json] [--with-identifiers]
  Runs the checks now over the party's campaign (or every party that filed in the election) against the
  newest imported registry snapshots, stores the findings, and prints them. --with-identifiers keeps
  donors' PINs (commission use only).
${ANALYZE_USAGE}`;

const defaultIo = processIo;

interface OnlineOptions {
  election: string;
  party?: string;
  json: boolean;
  withIdentifiers: boolean;
}

function onlineOptions(argv: string[]): OnlineOptions | undefined {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        election: { type: 'string' },
        party: { type: 'string' },
        json: { type: 'boolean' },
        'with-identifiers': { type: 'boolean' },
      },
    });
  } catch {
    return undefined;
  }
  const { election, party, json } = parsed.values;
  if (!election) return undefined;
  return {
    election,
    ...(party ? { party } : {}),
    json: json === true,
    withIdentifiers: parsed.values['with-identifiers'] === true,
  };
}

/** Accepts the arguments after `analyze`; `ctx` is for tests. */
export async function analyzeCommand(argv: string[], io: CommandIo = defaultIo, ctx?: AppContext): Promise<number> {
  if (argv.includes('--offline')) return offlineAnalyzeCommand(argv, io);
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${ANALYZE_ONLINE_USAGE}\n`);
    return 0;
  }
  const o = onlineOptions(argv);
  if (!o) {
    io.stderr(`${ANALYZE_ONLINE_USAGE}\n`);
    return 2;
  }
  const run = (c: AppContext) => analyseOnline(c, o, io);
  return ctx ? run(ctx) : withApp(run);
}

async function analyseOnline(ctx: AppContext, o: OnlineOptions, io: CommandIo): Promise<number> {
  if (!(await getElection(ctx, o.election))) {
    io.stderr(`There is no election "${o.election}".\n`);
    return 1;
  }
  const parties = o.party ? [o.party] : (await filedCampaigns(ctx, o.election)).map((c) => c.partyRegistrationNumber);
  const registry = new SqlRegistry(ctx.db);
  const actor = `cli:${userInfo().username}`;
  const shaped = [];
  for (const party of parties) {
    const r = await analyseParty(ctx, registry, o.election, party, { trigger: 'command', triggerRef: '', actor });
    if (!r) continue;
    io.stderr(
      `${party}: ${r.findings.length} finding(s), ${r.newCount} new, ${r.resolvedCount} resolved (run ${r.runId}).\n`,
    );
    for (const row of await findingsOfCampaign(ctx.db, o.election, party)) {
      const f = findingOfRow(row);
      shaped.push(o.withIdentifiers ? commissionFinding(f) : publicFinding(f));
    }
  }
  if (o.json) io.stdout(`${JSON.stringify({ findings: shaped }, null, 2)}\n`);
  else
    for (const f of shaped)
      io.stdout(`${f.severity}\t${f.rule}\t${f.status}\t${f.party}\t${f.lineIds.join(' ')}\t${f.id}\n`);
  return 0;
}
