// C2SP signed-note with Ed25519 keys (https://c2sp.org/signed-note) and the tlog-checkpoint body it
// carries (https://c2sp.org/tlog-checkpoint), written from those texts so that Go's
// golang.org/x/mod/sumdb/note, the transparency-dev tools and witnesses read our checkpoints.
//
//   verifier key   <name>+<hex key hash>+<base64(0x01 || 32-byte public key)>
//   signer key     PRIVATE+KEY+<name>+<hex key hash>+<base64(0x01 || 32-byte seed)>
//   key hash       first 4 bytes (big-endian) of SHA-256(name || 0x0A || 0x01 || public key)
//   note           text (ending in a newline) || "\n" || one line per signature:
//                  "— " name " " base64(key hash || signature) "\n"
import { createHash, createPrivateKey, createPublicKey, sign as edSign, verify as edVerify } from 'node:crypto';
import { err, ok, problem, type Result } from '../../platform/result.ts';

export const ALG_ED25519 = 0x01;
const EM_DASH = '\u2014';

export interface VerifierKey {
  name: string;
  keyHash: number;
  publicKey: Uint8Array;
}

export interface SignerKey extends VerifierKey {
  seed: Uint8Array;
}

export interface NoteSignature {
  name: string;
  keyHash: number;
  signature: Uint8Array;
}

const fail = (message: string) => err([problem('log.note', message)]);

/** A key name: non-empty, without `+` or whitespace (the signature line is split on spaces). */
export const isKeyName = (name: string): boolean => name.length > 0 && !/[+\s]/u.test(name) && !/\p{Cc}/u.test(name);

export function keyHash(name: string, publicKey: Uint8Array): number {
  const h = createHash('sha256')
    .update(Buffer.from(name, 'utf8'))
    .update(Uint8Array.of(0x0a, ALG_ED25519))
    .update(publicKey)
    .digest();
  return h.readUInt32BE(0);
}

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');
const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');

/** Strict base64 (standard alphabet, padded), as the Go decoder requires. */
function fromBase64(s: string): Uint8Array | undefined {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)) return undefined;
  const b = Buffer.from(s, 'base64');
  return b.toString('base64') === s ? new Uint8Array(b) : undefined;
}

// DER wrappers of a raw Ed25519 key (RFC 8410), so node:crypto can use the 32 bytes the format carries.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

const privateKeyOf = (seed: Uint8Array) =>
  createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
const publicKeyObject = (pub: Uint8Array) =>
  createPublicKey({ key: Buffer.concat([SPKI_PREFIX, pub]), format: 'der', type: 'spki' });

export function publicKeyOfSeed(seed: Uint8Array): Uint8Array {
  const der = createPublicKey(privateKeyOf(seed)).export({ format: 'der', type: 'spki' });
  return new Uint8Array(der.subarray(SPKI_PREFIX.length));
}

export function formatVerifierKey(name: string, publicKey: Uint8Array): string {
  const material = Uint8Array.of(ALG_ED25519, ...publicKey);
  return `${name}+${hex8(keyHash(name, publicKey))}+${b64(material)}`;
}

export function formatSignerKey(key: SignerKey): string {
  return `PRIVATE+KEY+${key.name}+${hex8(key.keyHash)}+${b64(Uint8Array.of(ALG_ED25519, ...key.seed))}`;
}

export function signerKeyOfSeed(name: string, seed: Uint8Array): SignerKey {
  const publicKey = publicKeyOfSeed(seed);
  return { name, seed, publicKey, keyHash: keyHash(name, publicKey) };
}

function parseKeyParts(name: string, hash: string, material: string): Result<{ key: Uint8Array; hash: number }> {
  if (!isKeyName(name)) return fail('malformed key name');
  if (!/^[0-9a-f]{8}$/.test(hash)) return fail('malformed key hash');
  const bytes = fromBase64(material);
  if (!bytes || bytes.length !== 33 || bytes[0] !== ALG_ED25519) return fail('not an Ed25519 key');
  return ok({ key: bytes.subarray(1), hash: parseInt(hash, 16) });
}

export function parseVerifierKey(vkey: string): Result<VerifierKey> {
  const parts = vkey.split('+');
  // The base64 may itself contain `+`.
  if (parts.length < 3) return fail('malformed verifier key');
  const [name = '', hash = '', ...rest] = parts;
  const r = parseKeyParts(name, hash, rest.join('+'));
  if (!r.ok) return r;
  if (keyHash(name, r.value.key) !== r.value.hash) return fail('verifier key hash does not match the key');
  return ok({ name, keyHash: r.value.hash, publicKey: r.value.key });
}

export function parseSignerKey(skey: string): Result<SignerKey> {
  const parts = skey.split('+');
  if (parts.length < 5 || parts[0] !== 'PRIVATE' || parts[1] !== 'KEY') return fail('malformed signer key');
  const [, , name = '', hash = '', ...rest] = parts;
  const r = parseKeyParts(name, hash, rest.join('+'));
  if (!r.ok) return r;
  const key = signerKeyOfSeed(name, r.value.key);
  if (key.keyHash !== r.value.hash) return fail('signer key hash does not match the key');
  return ok(key);
}

/** A note's text: UTF-8 lines, each ending in a newline, no control characters besides the newline. */
const isNoteText = (text: string): boolean =>
  text.length > 0 && text.endsWith('\n') && !/[\p{Cc}\uFFFD]/u.test(text.replaceAll('\n', ''));

export function signNote(text: string, key: SignerKey): Result<string> {
  if (!isNoteText(text)) return fail('malformed note');
  const sig = edSign(null, Buffer.from(text, 'utf8'), privateKeyOf(key.seed));
  const blob = Buffer.alloc(4 + sig.length);
  blob.writeUInt32BE(key.keyHash, 0);
  sig.copy(blob, 4);
  return ok(`${text}\n${EM_DASH} ${key.name} ${blob.toString('base64')}\n`);
}

export interface OpenedNote {
  text: string;
  /** Signatures by the keys given, each checked. */
  verified: NoteSignature[];
  /** Signatures by keys not given (witnesses, say): kept, not checked. */
  unverified: NoteSignature[];
}

/** Splits a note into its text and signature lines without checking any signature. */
export function parseNote(note: string): Result<{ text: string; signatures: NoteSignature[] }> {
  const split = note.lastIndexOf('\n\n');
  if (split < 0) return fail('malformed note');
  const text = note.slice(0, split + 1);
  const sigBlock = note.slice(split + 2);
  if (!isNoteText(text) || !sigBlock.endsWith('\n')) return fail('malformed note');
  const lines = sigBlock.slice(0, -1).split('\n');
  // The Go reader refuses more than 100 signatures; so do we.
  if (lines.length > 100) return fail('malformed note');
  const signatures: NoteSignature[] = [];
  for (const line of lines) {
    const m = /^\u2014 (\S+) (\S+)$/u.exec(line);
    const name = m?.[1] ?? '';
    const blob = m ? fromBase64(m[2] ?? '') : undefined;
    if (!m || !isKeyName(name) || !blob || blob.length < 5) return fail('malformed note');
    signatures.push({
      name,
      keyHash: Buffer.from(blob).readUInt32BE(0),
      signature: blob.subarray(4),
    });
  }
  return ok({ text, signatures });
}

/** Opens a note: at least one signature must be by one of `keys` and every such signature must verify. */
export function openNote(note: string, keys: readonly VerifierKey[]): Result<OpenedNote> {
  const parsed = parseNote(note);
  if (!parsed.ok) return parsed;
  const { text, signatures } = parsed.value;
  const verified: NoteSignature[] = [];
  const unverified: NoteSignature[] = [];
  for (const s of signatures) {
    const key = keys.find((k) => k.name === s.name && k.keyHash === s.keyHash);
    if (!key) {
      unverified.push(s);
      continue;
    }
    const ok =
      s.signature.length === 64 &&
      edVerify(null, Buffer.from(text, 'utf8'), publicKeyObject(key.publicKey), s.signature);
    if (!ok) return fail(`invalid signature for key ${s.name}+${hex8(s.keyHash)}`);
    verified.push(s);
  }
  if (verified.length === 0) return fail('note has no verifiable signatures');
  return ok({ text, verified, unverified });
}

export interface Checkpoint {
  origin: string;
  size: number;
  root: Uint8Array;
  /** Extension lines after the root, kept as they are. */
  extensions: string[];
}

export function formatCheckpoint(c: Omit<Checkpoint, 'extensions'> & { extensions?: string[] }): string {
  return [c.origin, String(c.size), b64(c.root), ...(c.extensions ?? [])].join('\n') + '\n';
}

export function parseCheckpoint(text: string): Result<Checkpoint> {
  if (!text.endsWith('\n')) return fail('malformed checkpoint');
  const [origin = '', size = '', root = '', ...extensions] = text.slice(0, -1).split('\n');
  const rootBytes = fromBase64(root);
  if (origin === '' || !/^(0|[1-9][0-9]*)$/.test(size) || !Number.isSafeInteger(Number(size)))
    return fail('malformed checkpoint');
  if (!rootBytes || rootBytes.length !== 32) return fail('malformed checkpoint root');
  if (extensions.some((l) => l === '')) return fail('malformed checkpoint');
  return ok({ origin, size: Number(size), root: rootBytes, extensions });
}
