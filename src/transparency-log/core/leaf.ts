// What one entry of the log says: that a record with this public identifier was published at this
// time with these bytes. Only the hash of the published bytes is in the leaf, never the bytes, so
// the log can hold nothing the public pages do not show (no PIN, no address) and still pins them.
import { createHash } from 'node:crypto';
import { canonicalBytes, canonicalJson } from './jcs.ts';

/** The events the log records; the names are part of the public format, so they never change. */
export const LEAF_KINDS = [
  'filing.version',
  'filing.status',
  'candidates.list',
  'lottery.step',
  'bank.statement',
  'findings.publication',
  'programme.attached',
  'annual-report.version',
] as const;
export type LeafKind = (typeof LEAF_KINDS)[number];

export interface Leaf {
  kind: LeafKind;
  /** ISO timestamp of the change. */
  at: string;
  /** The record's public identifier, as in its public URL or API (e.g. a filing id). */
  ref: string;
  /** SHA-256 (hex) of the published bytes: the JCS form of the record's public JSON. */
  sha256: string;
}

export const sha256Hex = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/** The SHA-256 of a record's published form: its public JSON, canonicalised. */
export const recordHash = (publicRecord: unknown): string => sha256Hex(canonicalBytes(publicRecord));

export const leafOf = (kind: LeafKind, at: string, ref: string, publicRecord: unknown): Leaf => ({
  kind,
  at,
  ref,
  sha256: recordHash(publicRecord),
});

/** The exact bytes of the leaf: JCS of the four fields. */
export const leafBytes = (leaf: Leaf): Uint8Array =>
  canonicalBytes({ kind: leaf.kind, at: leaf.at, ref: leaf.ref, sha256: leaf.sha256 });

export function parseLeaf(bytes: Uint8Array): Leaf | undefined {
  try {
    const v = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as Record<string, unknown>;
    const leaf = { kind: v.kind, at: v.at, ref: v.ref, sha256: v.sha256 };
    if (!LEAF_KINDS.includes(leaf.kind as LeafKind) || typeof leaf.at !== 'string' || typeof leaf.ref !== 'string')
      return undefined;
    if (typeof leaf.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(leaf.sha256)) return undefined;
    // Only the canonical form is a leaf: two spellings of one JSON must not be two entries.
    return canonicalJson(leaf) === new TextDecoder().decode(bytes) ? (leaf as Leaf) : undefined;
  } catch {
    return undefined;
  }
}
