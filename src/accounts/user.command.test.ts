import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { userCommand } from './user.command.ts';
import { openDatabase } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import type { AppContext } from '../platform/app-context.ts';
import { loadConfig } from '../platform/config.ts';
import { login } from './sign-in.service.ts';
import { ensureParty } from './test-support.ts';
import { EventBus } from '../platform/event-bus.ts';
import { Memo } from '../platform/memo.ts';

function sink() {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

describe('talapker user', () => {
  let dir: string;
  let file: string;
  // Each command opens and closes its own connection, as the real CLI does, on one SQLite file.
  const openContext = async (): Promise<AppContext> => {
    const db = openDatabase({ url: file });
    await migrateToLatest(db);
    return {
      db,
      blobs: null as never,
      config: loadConfig({}),
      now: () => new Date(),
      events: new EventBus(),
      memo: new Memo(),
    };
  };
  async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
    const out = sink();
    const errOut = sink();
    const code = await userCommand(argv, {
      openContext,
      env,
      out: out.stream,
      errOut: errOut.stream,
      actor: 'cli:test',
    });
    return { code, out: out.text(), err: errOut.text() };
  }
  async function canSignIn(loginName: string, password: string) {
    const ctx = await openContext();
    try {
      return (await login(ctx, { login: loginName, password, ip: '127.0.0.1' })).ok;
    } finally {
      await ctx.db.destroy();
    }
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'talapker-user-'));
    file = join(dir, 'talapker.sqlite');
    const ctx = await openContext();
    await ensureParty(ctx, 'PARTY-A');
    await ctx.db.destroy();
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds the first administrator with the password from TALAPKER_PASSWORD', async () => {
    const r = await run(['add', '--login', 'admin', '--role', 'commission_admin', '--name', 'Первый админ'], {
      TALAPKER_PASSWORD: 'first admin passphrase',
    });
    expect(r.code).toBe(0);
    expect(r.out).toContain('Created commission_admin "admin"');
    expect(r.out).not.toContain('first admin passphrase');
    expect(await canSignIn('admin', 'first admin passphrase')).toBe(true);
  });

  it('generates and prints a password once when none is given', async () => {
    const r = await run(['add', '--login', 'treasurer-a', '--role', 'party_treasurer', '--party', 'PARTY-A']);
    expect(r.code).toBe(0);
    const password = /Password \(shown once\): (\S+)/.exec(r.out)?.[1];
    expect(password).toBeTruthy();
    expect(await canSignIn('treasurer-a', password!)).toBe(true);
  });

  it('refuses invalid accounts with the problems and exit code 1', async () => {
    const r = await run(['add', '--login', 'officer', '--role', 'bank_officer']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('bank: A bank officer needs a bank');
    const dup = await run(['add', '--login', 'admin', '--role', 'auditor']);
    expect(dup.code).toBe(1);
    expect(dup.err).toContain('already in use');
  });

  it('disables and resets by login', async () => {
    expect((await run(['disable', '--login', 'treasurer-a'])).code).toBe(0);
    expect((await run(['disable', '--login', 'nobody'])).code).toBe(1);
    const reset = await run(['reset', '--login', 'treasurer-a'], { TALAPKER_PASSWORD: 'a new long passphrase' });
    expect(reset.code).toBe(0);
    // Still disabled: a reset does not re-enable.
    expect(await canSignIn('treasurer-a', 'a new long passphrase')).toBe(false);
    const lastAdmin = await run(['disable', '--login', 'admin']);
    expect(lastAdmin.code).toBe(1);
    expect(lastAdmin.err).toContain('last active administrator');
  });

  it('prints usage and exits 2 on bad arguments', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['add', '--login', 'x'])).code).toBe(2);
    expect((await run(['remove', '--login', 'x'])).code).toBe(2);
    expect((await run(['add', '--bogus'])).code).toBe(2);
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('talapker user add');
  });
});
