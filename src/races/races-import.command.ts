// `talapker import districts ELECTION FILE.csv` and `talapker import district-candidates ELECTION
// FILE.csv`: the commission's files of an election's districts and of its single-mandate candidates,
// each taken in whole or refused with every problem listed by row and column, nothing written.
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import type { AppContext } from '../platform/app-context.ts';
import { withApp } from '../platform/with-app.ts';
import { processIo, type CommandIo } from '../platform/command-io.ts';
import { ok, type Problem, type Result } from '../platform/result.ts';
import { decodeCsv } from './core/csv-table.ts';
import { DISTRICT_COLUMNS } from './core/district-csv.ts';
import { SINGLE_MANDATE_COLUMNS } from './core/single-mandate-csv.ts';
import { importDistrictCandidates, importDistricts, type RaceImport } from './races.service.ts';

export const RACES_IMPORT_USAGE = `usage: talapker import districts ELECTION_ID FILE.csv
       talapker import district-candidates ELECTION_ID FILE.csv

  districts:           ${DISTRICT_COLUMNS.join(',')}
                       kind: constituency | municipality; seats: a whole number from 1; name_en may be empty
  district-candidates: ${SINGLE_MANDATE_COLUMNS.join(',')}
                       nomination: party | self (party_registration_number exactly for party);
                       status: registered | withdrawn | refused
  UTF-8 with a header row, commas or semicolons. Each file replaces what the election had; a file with
  any problem is refused whole and nothing is written.`;

/** Each import, with its summary line once done. */
const IMPORTS: Record<string, (ctx: AppContext, input: RaceImport) => Promise<Result<string>>> = {
  async districts(ctx, input) {
    const r = await importDistricts(ctx, input);
    return r.ok ? ok(`Imported ${r.value.districts} districts with ${r.value.seats} seats.`) : r;
  },
  async 'district-candidates'(ctx, input) {
    const r = await importDistrictCandidates(ctx, input);
    return r.ok ? ok(`Imported ${r.value.candidates} single-mandate candidates.`) : r;
  },
};

function printRefusal(io: CommandIo, problems: Problem[]): void {
  io.stderr(`Refused: ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written.\n`);
  for (const p of problems) io.stderr(`  - ${p.message}\n`);
}

/** The arguments after `import`. Exit codes: 0 imported, 1 refused, 2 usage. `ctx` and `io` are for tests. */
export async function racesImportCommand(argv: string[], ctx?: AppContext, io: CommandIo = processIo): Promise<number> {
  const [what = '', electionId, file, ...extra] = argv;
  const importer = Object.hasOwn(IMPORTS, what) ? IMPORTS[what] : undefined;
  if (!importer || !electionId || !file || extra.length > 0 || electionId.startsWith('-') || file.startsWith('-')) {
    io.stderr(`${RACES_IMPORT_USAGE}\n`);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    io.stderr(`Cannot read ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  const text = decodeCsv(bytes);
  if (!text.ok) return (printRefusal(io, text.error), 1);
  const run = async (c: AppContext) => {
    const r = await importer(c, { electionId, text: text.value, actor: `cli:${userInfo().username}` });
    if (!r.ok) return (printRefusal(io, r.error), 1);
    io.stdout(`${r.value}\n`);
    return 0;
  };
  return ctx ? run(ctx) : withApp(run);
}
