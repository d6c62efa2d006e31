// Short secrets kept in the database sealed with a key from the configuration (AES-256-GCM). A sealed
// value says so by its prefix, so values stored in plain text before a key was set are still read,
// and no migration is needed: they are sealed when next written.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const PREFIX = 'sealed:v1:';

/** The stored form: sealed when there is a key, as it is otherwise. */
export function sealText(key: Buffer | undefined, plain: string): string {
  if (!key) return plain;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

export const isSealed = (stored: string): boolean => stored.startsWith(PREFIX);

/** The plain value of a stored one. A sealed value without its key, or tampered with, is an error. */
export function openText(key: Buffer | undefined, stored: string): string {
  if (!isSealed(stored)) return stored;
  if (!key) throw new Error('A sealed secret is stored, but no key is configured to open it.');
  const raw = Buffer.from(stored.slice(PREFIX.length), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
