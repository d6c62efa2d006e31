// The secret behind donors' and payees' public identifiers. Identifiers must not change from one day
// to the next (journalists link to them and compare downloads), so the key must be the same every time
// the portal starts.
//
// `TALAPKER_IDENTITY_KEY` when the operator set it. Otherwise the installation makes a random key the
// first time it is needed and keeps it in its data folder, beside the SQLite file and the local file
// store: the data folder is what an installation already keeps and backs up, whereas the database has
// no table for settings, and a key in a table would travel with every database dump handed to someone
// for analysis, which is the one place it must not go. Several instances on one PostgreSQL database do
// not share a data folder, so they must be given the same key through the variable, or each would
// name the same donor differently.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { AppContext } from '../platform/app-context.ts';

export const IDENTITY_KEY_FILE = 'identity.key';

async function keyOfDataFolder(dataDir: string): Promise<Uint8Array> {
  const file = join(dataDir, IDENTITY_KEY_FILE);
  try {
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'hex');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  await mkdir(dataDir, { recursive: true });
  try {
    // `wx`: when two processes start at once, one writes and the other reads what was written.
    await writeFile(file, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return Buffer.from((await readFile(file, 'utf8')).trim(), 'hex');
}

/** The installation's identity key, read once per application. */
export function identityKey(ctx: AppContext): Promise<Uint8Array> {
  const known = ctx.memo.get<Promise<Uint8Array>>('explore', 'identity-key');
  if (known) return known;
  const configured = ctx.config.identityKey;
  const key = configured ? Promise.resolve(Buffer.from(configured, 'utf8')) : keyOfDataFolder(ctx.config.dataDir);
  ctx.memo.set('explore', 'identity-key', key);
  key.catch(() => ctx.memo.set('explore', 'identity-key', undefined));
  return key;
}
