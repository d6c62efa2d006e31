// `talapker user add|disable|reset`: accounts from the command line, chiefly for the first
// administrator (after that, administrators manage users in the web UI). A password comes from
// TALAPKER_PASSWORD or is generated and printed once; it is never taken as an argument, where it
// would end up in shell history and the process list.
import { parseArgs } from 'node:util';
import { userInfo } from 'node:os';
import { loadConfig } from '../platform/config.ts';
import { openApp } from '../platform/bootstrap.ts';
import type { AppContext } from '../platform/app-context.ts';
import type { Problem } from '../platform/result.ts';
import { createUser, disableUser, getUserByLogin, resetPassword } from './user.service.ts';

const USAGE = `talapker user add --login L --role R [--party REG] [--bank B] [--name N]
talapker user disable --login L
talapker user reset --login L [--clear-totp]

Roles: commission_admin, commission_analyst, party_treasurer (needs --party: a party's
       registration number, or a single-mandate candidate's fund number FUND-…),
       bank_officer (needs --bank), auditor.
The password is read from TALAPKER_PASSWORD, or generated and printed once.`;

export interface UserCommandDeps {
  openContext: () => Promise<AppContext>;
  env: NodeJS.ProcessEnv;
  out: NodeJS.WritableStream;
  errOut: NodeJS.WritableStream;
  actor: string;
}

function defaultDeps(): UserCommandDeps {
  return {
    openContext: () => openApp(loadConfig()),
    env: process.env,
    out: process.stdout,
    errOut: process.stderr,
    actor: `cli:${userInfo().username}`,
  };
}

function refuse(errOut: NodeJS.WritableStream, problems: Problem[]): number {
  errOut.write(`Refused: ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was saved.\n`);
  for (const p of problems) errOut.write(`  - ${p.field ? `${p.field}: ` : ''}${p.message}\n`);
  return 1;
}

export async function userCommand(argv: string[], deps: Partial<UserCommandDeps> = {}): Promise<number> {
  const d = { ...defaultDeps(), ...deps };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        login: { type: 'string' },
        role: { type: 'string' },
        party: { type: 'string' },
        bank: { type: 'string' },
        name: { type: 'string' },
        'clear-totp': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    d.errOut.write(`${(e as Error).message}\n\nUsage:\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const sub = positionals[0];
  if (values.help) {
    d.out.write(`${USAGE}\n`);
    return 0;
  }
  if (!values.login || (sub !== 'add' && sub !== 'disable' && sub !== 'reset') || (sub === 'add' && !values.role)) {
    d.errOut.write(`Usage:\n${USAGE}\n`);
    return 2;
  }
  const envPassword = d.env.TALAPKER_PASSWORD || undefined;

  const ctx = await d.openContext();
  try {
    if (sub === 'add') {
      const r = await createUser(
        ctx,
        {
          login: values.login,
          role: values.role,
          displayName: values.name ?? '',
          partyRegistrationNumber: values.party ?? null,
          bank: values.bank ?? null,
        },
        d.actor,
        envPassword === undefined ? {} : { password: envPassword },
      );
      if (!r.ok) return refuse(d.errOut, r.error);
      d.out.write(`Created ${r.value.user.role} "${r.value.user.login}" (id ${r.value.user.id}).\n`);
      if (r.value.generated) d.out.write(`Password (shown once): ${r.value.password}\n`);
      return 0;
    }
    const user = await getUserByLogin(ctx, values.login);
    if (!user)
      return refuse(d.errOut, [{ code: 'user.unknown', message: `No user "${values.login}"`, field: 'login' }]);
    if (sub === 'disable') {
      const r = await disableUser(ctx, user.id, d.actor);
      if (!r.ok) return refuse(d.errOut, r.error);
      d.out.write(`Disabled "${user.login}"; their sessions have ended.\n`);
      return 0;
    }
    const r = await resetPassword(ctx, user.id, d.actor, {
      ...(envPassword === undefined ? {} : { password: envPassword }),
      clearTotp: values['clear-totp'] === true,
    });
    if (!r.ok) return refuse(d.errOut, r.error);
    d.out.write(
      `Reset the password of "${user.login}"; lock-out lifted, sessions ended${values['clear-totp'] ? ', two-step sign-in removed' : ''}.\n`,
    );
    if (r.value.generated) d.out.write(`Password (shown once): ${r.value.password}\n`);
    return 0;
  } finally {
    await ctx.db.destroy();
  }
}
