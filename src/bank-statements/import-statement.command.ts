// `talapker import statement FILE --bank CODE`: a bank's statement file received by hand (a USB stick, an
// e-mail to the commission) goes through the same intake as the web upload and the API, with the same
// checks, the original kept and an activity record naming the person at the console.
import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import type { AppContext } from '../platform/app-context.ts';
import { bankSchema } from '../accounts/index.ts';
import { intakeStatement } from './intake.service.ts';
import { withApp } from '../platform/with-app.ts';

export const IMPORT_STATEMENT_USAGE = `usage: talapker import statement FILE --bank CODE

  Receives a bank statement file (camt.053, MT940 or 1C; the format is read from the content) for
  electoral fund accounts at bank CODE, with the checks of the web upload: registered account of a
  current election at that bank, opening balance = previous closing balance, no gap in statement
  numbers or dates. A statement received before is recognised and not stored twice.

Environment: DATABASE_URL or TALAPKER_DATA_DIR, as for talapker serve.`;

/**
 * Accepts the arguments after `import` (`statement FILE --bank CODE`) or after `import statement`.
 * Exit codes: 0 received or already received, 1 refused, 2 usage. `ctx` is for tests.
 */
export async function importStatementCommand(argv: string[], ctx?: AppContext): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { bank: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n${IMPORT_STATEMENT_USAGE}\n`);
    return 2;
  }
  if (args.values.help) {
    process.stdout.write(`${IMPORT_STATEMENT_USAGE}\n`);
    return 0;
  }
  const positionals = args.positionals[0] === 'statement' ? args.positionals.slice(1) : args.positionals;
  const file = positionals[0];
  const bank = bankSchema.safeParse(args.values.bank ?? '');
  if (!file || positionals.length > 1 || !bank.success) {
    process.stderr.write(`${IMPORT_STATEMENT_USAGE}\n`);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    process.stderr.write(`Cannot read ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  const run = async (c: AppContext) => {
    const r = await intakeStatement(c, {
      bytes,
      bank: bank.data,
      actor: `cli:${userInfo().username}`,
      fileName: basename(file),
    });
    if (!r.ok) {
      process.stderr.write(
        `Refused: ${r.error.problems.length} problem${r.error.problems.length === 1 ? '' : 's'}; nothing was saved, the file was not kept (SHA-256 ${r.error.fileSha256 ?? '—'}).\n`,
      );
      for (const p of r.error.problems) {
        const where = [
          p.row !== undefined ? `line ${p.row}` : '',
          p.field && !/^statement\[\d+\]$/.test(p.field) ? `element ${p.field}` : '',
        ]
          .filter(Boolean)
          .join(', ');
        process.stderr.write(`  - ${where ? `${where}: ` : ''}${p.message}\n`);
      }
      return 1;
    }
    const o = r.value;
    process.stdout.write(`Format ${o.format}; original kept as ${o.blobSha256}.\n`);
    for (const s of o.statements) {
      const number = s.statementNumber ? ` no. ${s.statementNumber}` : '';
      const status =
        s.status === 'received'
          ? `received as statement ${s.statementId}`
          : `already received (statement ${s.statementId}); not stored again`;
      process.stdout.write(
        `  ${s.accountNumber}${number}, ${s.from} – ${s.to}, ${s.transactionCount} transactions: ${status}\n`,
      );
    }
    for (const w of o.warnings) process.stdout.write(`  warning: ${w.message}\n`);
    if (o.reconciliationRunIds.length > 0)
      process.stdout.write(`Reconciled again: run ${o.reconciliationRunIds.join(', ')}.\n`);
    return 0;
  };
  return ctx ? run(ctx) : withApp(run);
}
