// What `talapker log verify` checks, as plain functions over what any copy of the log gives: the signed
// checkpoint, the verifier key, every leaf in order and, optionally, a checkpoint saved earlier. The
// first failure is named (which entry, which record), because "the log does not verify" alone gives a
// journalist nothing to ask the commission about.
import { equalBytes, leafHash, rootOf, type Hash } from './merkle.ts';
import { openNote, parseCheckpoint, parseVerifierKey, type Checkpoint } from './note.ts';
import { parseLeaf, recordHash, type Leaf } from './leaf.ts';

export interface VerifiedCheckpoint extends Checkpoint {
  note: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; failure: string };

const failed = (failure: string): { ok: false; failure: string } => ({ ok: false, failure });

/** The checkpoint a note carries, when the note is signed by the key. */
export function checkCheckpoint(note: string, verifierKey: string, what = 'checkpoint'): Checked<VerifiedCheckpoint> {
  const key = parseVerifierKey(verifierKey.trim());
  if (!key.ok) return failed(`the verifier key is not valid: ${key.error[0]?.message ?? ''}`);
  const opened = openNote(note, [key.value]);
  if (!opened.ok) return failed(`the ${what} is not signed by ${key.value.name}: ${opened.error[0]?.message ?? ''}`);
  const c = parseCheckpoint(opened.value.text);
  if (!c.ok) return failed(`the ${what} is not a checkpoint: ${c.error[0]?.message ?? ''}`);
  if (c.value.origin !== key.value.name)
    return failed(`the ${what} is of log "${c.value.origin}", not ${key.value.name}`);
  return { ok: true, value: { ...c.value, note } };
}

export interface EntryBytes {
  index: number;
  leaf: Uint8Array;
  /** The hash the server stored beside the leaf, when the entries come from a database. */
  storedHash?: Uint8Array;
}

/**
 * Every leaf of the tree of `size`, in order, each a canonical leaf, and their root the checkpoint's.
 * Returns the parsed leaves for the record checks.
 */
export function checkLeaves(entries: readonly EntryBytes[], checkpoint: Checkpoint): Checked<Leaf[]> {
  if (entries.length < checkpoint.size)
    return failed(`the log gives ${entries.length} entries, the checkpoint says ${checkpoint.size}`);
  const hashes: Hash[] = [];
  const leaves: Leaf[] = [];
  for (const e of entries.slice(0, checkpoint.size)) {
    if (e.index !== hashes.length) return failed(`entry ${hashes.length} is missing (next given is ${e.index})`);
    const leaf = parseLeaf(e.leaf);
    if (!leaf) return failed(`entry ${e.index} is not a canonical leaf`);
    const h = leafHash(e.leaf);
    if (e.storedHash && !equalBytes(h, e.storedHash))
      return failed(`entry ${e.index} (${leaf.kind} ${leaf.ref}) was changed after it was logged`);
    hashes.push(h);
    leaves.push(leaf);
  }
  if (!equalBytes(rootOf(hashes), checkpoint.root))
    return failed(`the root of the ${checkpoint.size} entries is not the checkpoint's root`);
  return { ok: true, value: leaves };
}

/** The saved checkpoint's tree is the start of the current one (the log was only appended to). */
export function checkExtends(leaves: readonly Leaf[], hashes: readonly Hash[], saved: Checkpoint): Checked<true> {
  if (saved.size > hashes.length)
    return failed(`the saved checkpoint has ${saved.size} entries, more than the log's ${hashes.length}`);
  if (!equalBytes(rootOf(hashes.slice(0, saved.size)), saved.root)) {
    const last = leaves[saved.size - 1];
    return failed(
      `the log was rewritten: its first ${saved.size} entries are not those of the saved checkpoint` +
        (last ? ` (last of them: ${last.kind} ${last.ref})` : ''),
    );
  }
  return { ok: true, value: true };
}

/**
 * For each record, its newest leaf against the record as the database holds it now (older leaves of a
 * record are earlier states, which the database no longer keeps). `recordOf` returns undefined for a
 * record that is gone. The first mismatch in log order is the failure.
 */
export async function checkRecords(
  leaves: readonly Leaf[],
  recordOf: (kind: string, ref: string) => Promise<unknown>,
): Promise<Checked<number>> {
  const newest = new Map<string, number>();
  leaves.forEach((l, i) => newest.set(`${l.kind}\n${l.ref}`, i));
  const order = [...newest.values()].sort((a, b) => a - b);
  for (const i of order) {
    const leaf = leaves[i] as Leaf;
    const record = await recordOf(leaf.kind, leaf.ref);
    if (record === undefined) return failed(`entry ${i}: ${leaf.kind} ${leaf.ref} is no longer in the database`);
    if (recordHash(record) !== leaf.sha256)
      return failed(`entry ${i}: ${leaf.kind} ${leaf.ref} was changed after it was published`);
  }
  return { ok: true, value: order.length };
}

/** A copy of the log to check: read from a database or fetched from a server. */
export interface LogCopy {
  checkpoint: string;
  verifierKey: string;
  entries(size: number): Promise<EntryBytes[]>;
}

export interface VerifyOptions {
  /** A checkpoint note saved earlier: the log must extend it. */
  saved?: string;
  /** The verifier key the saved checkpoint was signed with, when the log's key was rotated since. */
  savedKey?: string;
  /** The record as the database holds it now, by kind and ref; absent when no database is at hand. */
  recordOf?: (kind: string, ref: string) => Promise<unknown>;
}

/** Every check in order; the value says what was checked. */
export async function verifyLog(copy: LogCopy, opts: VerifyOptions = {}): Promise<Checked<string>> {
  const current = checkCheckpoint(copy.checkpoint, copy.verifierKey);
  if (!current.ok) return current;
  const entries = await copy.entries(current.value.size);
  const leaves = checkLeaves(entries, current.value);
  if (!leaves.ok) return leaves;
  const said = [`checkpoint of ${current.value.size} entries signed by ${current.value.origin}`, 'root recomputed'];
  if (opts.saved !== undefined) {
    const saved = checkCheckpoint(opts.saved, opts.savedKey ?? copy.verifierKey, 'saved checkpoint');
    if (!saved.ok) return saved;
    const hashes = entries.slice(0, current.value.size).map((e) => leafHash(e.leaf));
    const extended = checkExtends(leaves.value, hashes, saved.value);
    if (!extended.ok) return extended;
    said.push(`consistent with the saved checkpoint of ${saved.value.size}`);
  }
  if (opts.recordOf) {
    const records = await checkRecords(leaves.value, opts.recordOf);
    if (!records.ok) return records;
    said.push(`${records.value} records match the database`);
  }
  return { ok: true, value: said.join('; ') };
}
