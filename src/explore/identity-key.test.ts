import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config.ts';
import { Memo } from '../platform/memo.ts';
import type { AppContext } from '../platform/app-context.ts';
import { IDENTITY_KEY_FILE, identityKey } from './identity-key.ts';

const dir = mkdtempSync(join(tmpdir(), 'talapker-identity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Only what the key needs of an application. */
const appWith = (env: Record<string, string>) =>
  ({ config: loadConfig({ TALAPKER_DATA_DIR: dir, ...env }), memo: new Memo() }) as unknown as AppContext;

describe('the identity key', () => {
  it('is made once per installation and read again after a restart', async () => {
    const first = await identityKey(appWith({}));
    expect(first.length).toBe(32);
    expect(statSync(join(dir, IDENTITY_KEY_FILE)).mode & 0o077).toBe(0);
    const again = await identityKey(appWith({}));
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    expect(readFileSync(join(dir, IDENTITY_KEY_FILE), 'utf8').trim()).toBe(Buffer.from(first).toString('hex'));
  });

  it('is the configured one when set, and refuses a short one', async () => {
    const secret = 'x'.repeat(40);
    expect(Buffer.from(await identityKey(appWith({ TALAPKER_IDENTITY_KEY: secret }))).toString()).toBe(secret);
    expect(() => loadConfig({ TALAPKER_IDENTITY_KEY: 'short' })).toThrow(/TALAPKER_IDENTITY_KEY/);
  });
});
