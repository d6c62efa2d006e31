// `talapker import registry persons|entities|arrears|state-bodies FILE.csv [--as-of YYYY-MM-DD]`: a state
// registry's export taken in as a dated snapshot. Progress goes to stderr once an import takes more than a
// second; rejected rows are listed on stderr with their line and reason, then summed up by reason.
import { parseArgs } from 'node:util';
import { userInfo } from 'node:os';
import type { AppContext } from '../platform/app-context.ts';
import { withApp } from '../platform/with-app.ts';
import { progressLine } from '../platform/command-io.ts';
import { REGISTRY_KINDS, type RegistryKind } from './core/registry.ts';
import type { ImportProgress, RejectedRow } from './registry-import.service.ts';

export const IMPORT_REGISTRY_USAGE = `usage: talapker import registry persons|entities|arrears|state-bodies FILE.csv [--as-of YYYY-MM-DD]

  Imports a state registry's CSV export (UTF-8, header row) as a snapshot dated --as-of (default: today).
  Running the same file again after an interruption continues after the last committed line.
  Rejected rows are listed with their line and reason; the rest are imported.

Environment: DATABASE_URL or TALAPKER_DATA_DIR, as for talapker serve.`;

/** Rejected rows listed one by one on stderr; beyond this, only counted. */
const LISTED_REJECTIONS = 50;

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * Accepts the arguments after `import registry`. Exit codes: 0 imported (rejected rows or not), 1
 * refused (wrong header, unreadable file), 2 usage. `ctx` is for tests.
 */
export async function importRegistryCommand(argv: string[], ctx?: AppContext): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { 'as-of': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n${IMPORT_REGISTRY_USAGE}\n`);
    return 2;
  }
  if (args.values.help) {
    process.stdout.write(`${IMPORT_REGISTRY_USAGE}\n`);
    return 0;
  }
  const [kind, file, ...extra] = args.positionals;
  const asOf = args.values['as-of'];
  const kindOk = (REGISTRY_KINDS as readonly string[]).includes(kind ?? '');
  if (!kindOk || !file || extra.length > 0 || (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf))) {
    process.stderr.write(`${IMPORT_REGISTRY_USAGE}\n`);
    return 2;
  }
  const run = (c: AppContext) => runImport(c, kind as RegistryKind, file, asOf);
  return ctx ? run(ctx) : withApp(run);
}

async function runImport(ctx: AppContext, kind: RegistryKind, file: string, asOf: string | undefined): Promise<number> {
  const { importRegistry } = await import('./registry-import.service.ts');
  const tty = process.stderr.isTTY === true;
  let shownProgress = false;
  let listed = 0;
  const onRejected = (r: RejectedRow) => {
    if (listed++ >= LISTED_REJECTIONS) return;
    if (shownProgress && tty) process.stderr.write('\n');
    shownProgress = false;
    process.stderr.write(
      `  line ${r.line}: ${r.message}${listed === LISTED_REJECTIONS ? ' (further rejected rows are only counted)' : ''}\n`,
    );
  };
  const onProgress = (p: ImportProgress) => {
    shownProgress = true;
    process.stderr.write(tty ? `\r${progressLine(p.kind, p)}` : `${progressLine(p.kind, p)}\n`);
  };
  let r;
  try {
    r = await importRegistry(ctx.db, {
      kind,
      path: file,
      ...(asOf ? { asOf } : {}),
      actor: `cli:${userInfo().username}`,
      now: ctx.now,
      onProgress,
      onRejected,
    });
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT' || (e as { code?: string }).code === 'EACCES') {
      process.stderr.write(`Cannot read ${file}: ${(e as Error).message}\n`);
      return 1;
    }
    throw e;
  }
  if (shownProgress && tty) process.stderr.write('\n');
  if (!r.ok) {
    process.stderr.write(`Refused: ${r.error.map((p) => p.message).join('; ')}. Nothing was imported.\n`);
    return 1;
  }
  const v = r.value;
  const resumed = v.resumedFromLine > 0 ? ` (continued after line ${count(v.resumedFromLine)})` : '';
  process.stdout.write(
    `Imported ${kind} snapshot ${v.snapshot.id} as of ${v.snapshot.as_of}${resumed}: ${count(v.written)} rows written, ` +
      `${count(v.snapshot.row_count)} in the snapshot, ${count(v.rejected)} rejected; ` +
      `${(v.elapsedMs / 1000).toFixed(1)} s, ${count(v.rowsPerSecond)} rows/s.\n`,
  );
  if (v.rejected > 0) {
    process.stderr.write(`Rejected rows by reason:\n`);
    for (const [code, n] of Object.entries(v.rejectedByCode)) process.stderr.write(`  ${code}: ${count(n)}\n`);
  }
  // A new snapshot can change what the checks find: every campaign still open is analysed again by the
  // server's worker (or by `talapker analyze`).
  const { enqueueOpenCampaigns } = await import('./analysis-jobs.ts');
  const queued = await enqueueOpenCampaigns(ctx, {
    trigger: 'registry',
    triggerRef: String(v.snapshot.id),
    actor: `cli:${userInfo().username}`,
  });
  process.stdout.write(`${count(queued)} campaign(s) queued for analysis against the new snapshot.\n`);
  return 0;
}
