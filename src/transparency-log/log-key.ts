// The key that signs the log's checkpoints. Anyone who saved a checkpoint checks later ones against
// the verifier key, so the key must survive restarts: `TALAPKER_LOG_KEY` (the signed-note
// `PRIVATE+KEY+…` string) or `TALAPKER_LOG_KEY_FILE` when the operator set one; otherwise the
// installation makes a key on first start and keeps it in its data folder, like the identity key and
// for the same reason (a key in a table would travel with every database dump). Several instances on
// one database must be given the same key, or their checkpoints would carry different signatures.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { AppContext } from '../platform/app-context.ts';
import { formatSignerKey, parseSignerKey, signerKeyOfSeed, type SignerKey } from './core/note.ts';

export const LOG_KEY_FILE = 'transparency-log.key';

/** The log's name (the checkpoint's origin line and the key name): the portal's host, or a local name. */
export function logOrigin(publicUrl: string | undefined): string {
  const host = publicUrl ? new URL(publicUrl).host : 'talapker.local';
  return `${host}/log`;
}

function parsed(text: string, where: string): SignerKey {
  const r = parseSignerKey(text.trim());
  if (!r.ok) throw new Error(`${where}: not a signed-note signer key (${r.error[0]?.message ?? ''})`);
  return r.value;
}

async function keyOfDataFolder(dataDir: string, origin: string): Promise<SignerKey> {
  const file = join(dataDir, LOG_KEY_FILE);
  try {
    return parsed(await readFile(file, 'utf8'), file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  await mkdir(dataDir, { recursive: true });
  try {
    // `wx`: when two processes start at once, one writes and the other reads what was written.
    const key = signerKeyOfSeed(origin, randomBytes(32));
    await writeFile(file, `${formatSignerKey(key)}\n`, { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return parsed(await readFile(file, 'utf8'), file);
}

async function loadKey(ctx: AppContext): Promise<SignerKey> {
  const configured = ctx.config.logKey;
  if (configured?.key) return parsed(configured.key, 'TALAPKER_LOG_KEY');
  if (configured?.file) return parsed(await readFile(configured.file, 'utf8'), configured.file);
  return keyOfDataFolder(ctx.config.dataDir, logOrigin(ctx.config.publicUrl));
}

/** The installation's log key, read once per application. */
export function logKey(ctx: AppContext): Promise<SignerKey> {
  const known = ctx.memo.get<Promise<SignerKey>>('transparency-log', 'key');
  if (known) return known;
  const key = loadKey(ctx);
  ctx.memo.set('transparency-log', 'key', key);
  key.catch(() => ctx.memo.set('transparency-log', 'key', undefined));
  return key;
}
