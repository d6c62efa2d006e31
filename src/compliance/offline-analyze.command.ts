// `talapker analyze --offline …`: the analysis of one party's campaign for analysts and auditors, from
// files alone, touching no database: the four registry snapshots (CSV) from a directory and the party's
// reports (talapker-filing-v1 JSON, oldest first, amendments after the report they amend). Prints
// {"findings": […]} in the public shape (no PIN leaves the machine's output), or a line per finding.
// Exit 0 when the analysis ran, 1 when an input could not be read, 2 on misuse.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findRulesProfile, builtInRulesProfiles, type RulesProfile } from '../domain/rules-profile.ts';
import { deadlinesOf } from '../domain/report-deadlines.ts';
import type { Election } from '../domain/election.ts';
import { filingSchema, type Filing } from '../filings/index.ts';
import type { Problem } from '../platform/result.ts';
import { analyseCampaign, registryQuery } from './core/analyse.ts';
import type { CampaignInput } from './core/campaign.ts';
import { memoryRegistry, type RegistrySnapshots, type Snapshot } from './core/memory-registry.ts';
import { commissionFinding, publicFinding } from './core/public-finding.ts';
import { parseRegistryCsv, REGISTRY_FILES, type RegistryRecords } from './core/registry-csv.ts';
import type { RegistryKind } from './core/registry.ts';
import { processIo, type CommandIo } from '../platform/command-io.ts';

export const ANALYZE_USAGE = `usage: talapker analyze --offline --profile PROFILE_ID --election-day YYYY-MM-DD --registries DIR
         [--json] [--today YYYY-MM-DD] [--status STATUS] [--fund-opened YYYY-MM-DD]
         [--registries-as-of YYYY-MM-DD] [--with-identifiers]
         REPORT.json [REPORT.json …]
  DIR holds persons.csv, entities.csv, arrears.csv and state_bodies.csv (as of the day the files were
  written unless --registries-as-of says otherwise); the reports are one party's campaign in
  talapker-filing-v1, oldest first. --with-identifiers keeps donors' PINs (commission use only).`;

export type { CommandIo };

const defaultIo = processIo;

class InputError extends Error {}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const STATUSES: ReadonlyArray<Election['status']> = ['called', 'campaign', 'voting', 'results', 'annulled', 'closed'];

const printProblems = (io: CommandIo, where: string, problems: readonly Problem[], limit = 20): void => {
  for (const p of problems.slice(0, limit)) io.stderr(`${where}: ${p.message}\n`);
  if (problems.length > limit) io.stderr(`${where}: … and ${problems.length - limit} more\n`);
};

async function readSnapshot<K extends RegistryKind>(
  dir: string,
  kind: K,
  io: CommandIo,
  asOfDay: string | undefined,
): Promise<Snapshot<RegistryRecords[K]> | undefined> {
  const file = REGISTRY_FILES[kind];
  const path = join(dir, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    io.stderr(`${file}: not found in ${dir}; that registry is not consulted.\n`);
    return undefined;
  }
  const parsed = parseRegistryCsv(kind, text);
  if (!parsed.ok) {
    printProblems(io, file, parsed.error);
    throw new InputError(`${file} cannot be read`);
  }
  if (parsed.value.rejected.length > 0) {
    io.stderr(`${file}: ${parsed.value.rejected.length} row(s) rejected:\n`);
    printProblems(io, file, parsed.value.rejected);
  }
  // Unless told, the snapshot is as of the day the file was last written: its data cannot be newer.
  const asOf = asOfDay ?? (await stat(path)).mtime.toISOString().slice(0, 10);
  return { ref: { kind, id: `file:${file}:${asOf}`, source: 'snapshot', asOf }, records: parsed.value.records };
}

async function readSnapshots(dir: string, io: CommandIo, asOf: string | undefined): Promise<RegistrySnapshots> {
  const [persons, entities, arrears, stateBodies] = await Promise.all([
    readSnapshot(dir, 'persons', io, asOf),
    readSnapshot(dir, 'entities', io, asOf),
    readSnapshot(dir, 'arrears', io, asOf),
    readSnapshot(dir, 'state-bodies', io, asOf),
  ]);
  return {
    ...(persons ? { persons } : {}),
    ...(entities ? { entities } : {}),
    ...(arrears ? { arrears } : {}),
    ...(stateBodies ? { stateBodies } : {}),
  };
}

async function readReport(path: string, io: CommandIo): Promise<Filing> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new InputError(`${path}: ${(e as Error).message}`);
  }
  const parsed = filingSchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 20))
      io.stderr(`${path}: ${issue.path.join('.')}: ${issue.message}\n`);
    throw new InputError(`${path} is not a talapker-filing-v1 report`);
  }
  return parsed.data;
}

/** Open during the campaign, counting results until the last report is due, closed after. */
function statusOn(profile: RulesProfile, electionDay: string, today: string): Election['status'] {
  if (today <= electionDay) return 'campaign';
  const last = deadlinesOf(profile, electionDay).pop();
  return last && today > last.dueDate ? 'closed' : 'results';
}

interface Options {
  profile: RulesProfile;
  electionDay: string;
  registries: string;
  registriesAsOf?: string;
  json: boolean;
  today: string;
  status?: Election['status'];
  fundOpened?: string;
  withIdentifiers: boolean;
  reports: string[];
}

function options(argv: string[]): Options | string {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      offline: { type: 'boolean' },
      profile: { type: 'string' },
      'election-day': { type: 'string' },
      registries: { type: 'string' },
      'registries-as-of': { type: 'string' },
      json: { type: 'boolean' },
      today: { type: 'string' },
      status: { type: 'string' },
      'fund-opened': { type: 'string' },
      'with-identifiers': { type: 'boolean' },
    },
  });
  const electionDay = values['election-day'];
  if (!values.profile || !electionDay || !values.registries || positionals.length === 0) return ANALYZE_USAGE;
  const profile = findRulesProfile(values.profile);
  if (!profile)
    return `unknown profile "${values.profile}"; known: ${builtInRulesProfiles.map((p) => p.id).join(', ')}`;
  const today = values.today ?? new Date().toISOString().slice(0, 10);
  for (const d of [electionDay, today, values['fund-opened'], values['registries-as-of']])
    if (d !== undefined && !ISO_DAY.test(d)) return ANALYZE_USAGE;
  const status = values.status as Election['status'] | undefined;
  if (status !== undefined && !STATUSES.includes(status)) return `--status must be one of ${STATUSES.join(', ')}`;
  return {
    profile,
    electionDay,
    registries: values.registries,
    ...(values['registries-as-of'] ? { registriesAsOf: values['registries-as-of'] } : {}),
    json: values.json === true,
    today,
    ...(status ? { status } : {}),
    ...(values['fund-opened'] ? { fundOpened: values['fund-opened'] } : {}),
    withIdentifiers: values['with-identifiers'] === true,
    reports: positionals,
  };
}

/** The campaign the reports describe; they must all be one party's in one election. */
function campaignOf(filings: readonly Filing[], o: Options): CampaignInput {
  const first = filings[0];
  if (!first) throw new InputError('no report given');
  const { electionId, partyRegistrationNumber } = first.header;
  const other = filings.find(
    (f) => f.header.electionId !== electionId || f.header.partyRegistrationNumber !== partyRegistrationNumber,
  );
  if (other) throw new InputError('the reports are not all of one party in one election');
  return {
    election: electionId,
    party: partyRegistrationNumber,
    electionDay: o.electionDay,
    ...(o.fundOpened ? { fundOpenedOn: o.fundOpened } : {}),
    electionStatus: o.status ?? statusOn(o.profile, o.electionDay, o.today),
    today: o.today,
    reports: filings.map((filing) => ({ filing })),
  };
}

export async function analyzeCommand(argv: string[], io: CommandIo = defaultIo): Promise<number> {
  let o: Options | string;
  try {
    o = options(argv);
  } catch (e) {
    o = `${(e as Error).message}\n${ANALYZE_USAGE}`;
  }
  if (typeof o === 'string') {
    io.stderr(`${o}\n`);
    return 2;
  }
  try {
    const [snapshots, filings] = await Promise.all([
      readSnapshots(o.registries, io, o.registriesAsOf),
      Promise.all(o.reports.map((r) => readReport(r, io))),
    ]);
    const input = campaignOf(filings, o);
    const answers = memoryRegistry(snapshots).answers(registryQuery(input));
    const findings = analyseCampaign(input, answers, o.profile);
    const shaped = findings.map((f) => (o.withIdentifiers ? commissionFinding(f) : publicFinding(f)));
    if (o.json) io.stdout(`${JSON.stringify({ findings: shaped }, null, 2)}\n`);
    else for (const f of shaped) io.stdout(`${f.severity}\t${f.rule}\t${f.status}\t${f.lineIds.join(' ')}\t${f.id}\n`);
    io.stderr(`${findings.length} finding(s) for ${input.party} in ${input.election}.\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    io.stderr(`${e.message}\n`);
    return 1;
  }
}
