// `talapker import stations FILE.csv` and `talapker import voters FILE.csv --as-of YYYY-MM-DD`: the
// commission's files taken in, with progress on stderr, rejected rows listed by line and reason, and the
// voter list switched to only once it is all written.
import { parseArgs } from 'node:util';
import { userInfo } from 'node:os';
import type { AppContext } from '../platform/app-context.ts';
import { withApp } from '../platform/with-app.ts';
import { processIo, progressLine, type CommandIo } from '../platform/command-io.ts';
import { isIsoDay } from './core/csv-columns.ts';
import type { RejectedRow } from './voter-list.service.ts';

export const VOTERS_IMPORT_USAGE = `usage: talapker import stations FILE.csv
       talapker import voters FILE.csv --as-of YYYY-MM-DD

  stations: number,name_ky,name_ru,name_en,address_ky,address_ru,address_en,country,city,lat,lon,hours,accessible,district_commission
  voters:   pin,surname,given_name,patronymic,birth_date,station_number,biometric_registered[,death_date]
  UTF-8 with a header row. Stations are added or replaced by number. The voter list replaces the current
  one only once every row is written; rejected rows are listed with their line and reason.`;

const LISTED = 50;
const count = (n: number): string => n.toLocaleString('en-US');

/** The arguments after `import`. Exit codes: 0 imported, 1 refused, 2 usage. `ctx` and `io` are for tests. */
export async function votersImportCommand(
  argv: string[],
  ctx?: AppContext,
  io: CommandIo = processIo,
): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: { 'as-of': { type: 'string' } } });
  } catch (e) {
    io.stderr(`${e instanceof Error ? e.message : String(e)}\n${VOTERS_IMPORT_USAGE}\n`);
    return 2;
  }
  const [what, file, ...extra] = args.positionals;
  const asOf = args.values['as-of'];
  const ok =
    file &&
    extra.length === 0 &&
    (what === 'stations' ? asOf === undefined : what === 'voters' && asOf !== undefined && isIsoDay(asOf));
  if (!ok) {
    io.stderr(`${VOTERS_IMPORT_USAGE}\n`);
    return 2;
  }
  const run = (c: AppContext) => (what === 'stations' ? stations(c, file, io) : voters(c, file, asOf ?? '', io));
  try {
    return ctx ? await run(ctx) : await withApp(run);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT' || code === 'EACCES') {
      io.stderr(`Cannot read ${file}: ${(e as Error).message}\n`);
      return 1;
    }
    throw e;
  }
}

function rejectedLister(io: CommandIo, beforeLine: () => void) {
  let listed = 0;
  return (r: RejectedRow) => {
    if (listed++ >= LISTED) return;
    beforeLine();
    io.stderr(
      `  ${r.line > 0 ? `line ${r.line}` : 'file'}: ${r.message}${listed === LISTED ? ' (further rejected rows are only counted)' : ''}\n`,
    );
  };
}

async function stations(ctx: AppContext, file: string, io: CommandIo): Promise<number> {
  const { importStations } = await import('./voter-list.service.ts');
  const r = await importStations(ctx, {
    path: file,
    actor: `cli:${userInfo().username}`,
    onRejected: rejectedLister(io, () => undefined),
  });
  if (!r.ok) {
    io.stderr(`Refused: ${r.error.map((p) => p.message).join(' ')} Nothing was imported.\n`);
    return 1;
  }
  io.stdout(`Imported ${count(r.value.stations)} polling stations; ${count(r.value.rejected)} rows rejected.\n`);
  return 0;
}

async function voters(ctx: AppContext, file: string, asOf: string, io: CommandIo): Promise<number> {
  const { importVoters } = await import('./voter-list.service.ts');
  const tty = process.stderr.isTTY === true && io === processIo;
  let shown = false;
  const r = await importVoters(ctx, {
    path: file,
    asOf,
    actor: `cli:${userInfo().username}`,
    onProgress: (p) => {
      shown = true;
      io.stderr(tty ? `\r${progressLine('voters', p)}` : `${progressLine('voters', p)}\n`);
    },
    onRejected: rejectedLister(io, () => {
      if (shown && tty) io.stderr('\n');
      shown = false;
    }),
  });
  if (shown && tty) io.stderr('\n');
  if (!r.ok) {
    io.stderr(`Refused: ${r.error.map((p) => p.message).join(' ')} Nothing was imported.\n`);
    return 1;
  }
  const v = r.value;
  io.stdout(
    `Voter list as of ${asOf} is now current (snapshot ${v.snapshotId}): ${count(v.written)} voters, ${count(v.rejected)} rows rejected; ` +
      `${(v.elapsedMs / 1000).toFixed(1)} s, ${count(v.rowsPerSecond)} rows/s.\n`,
  );
  return 0;
}
