// The Merkle tree of RFC 6962 / RFC 9162 (section 2.1): leaf hash SHA-256(0x00 || leaf), node hash
// SHA-256(0x01 || left || right), the tree split at the largest power of two smaller than its size.
// Written from the RFC text, so that any Certificate Transparency or Go checksum-database tool computes
// the same roots and accepts the same proofs. Proofs are built over an array of leaf hashes; the log is
// small enough (thousands of published events) that recomputing subtree hashes is cheap, and a cache
// of whole subtrees is passed in by the caller when it wants one.
import { createHash } from 'node:crypto';

export type Hash = Uint8Array;

const sha256 = (...parts: Uint8Array[]): Hash => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

export const leafHash = (leaf: Uint8Array): Hash => sha256(LEAF_PREFIX, leaf);
export const nodeHash = (left: Hash, right: Hash): Hash => sha256(NODE_PREFIX, left, right);
/** MTH({}) = SHA-256() */
export const emptyRoot = (): Hash => sha256();

/** The largest power of two strictly smaller than n (n > 1). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * MTH(D[lo:hi]) over leaf hashes. `memo` keeps the hashes of subtrees already computed, keyed by range,
 * so that a proof and the root over one array share their work.
 */
export function subtreeHash(leaves: readonly Hash[], lo: number, hi: number, memo?: Map<string, Hash>): Hash {
  const n = hi - lo;
  if (n === 0) return emptyRoot();
  if (n === 1) return leaves[lo] as Hash;
  const key = `${lo}:${hi}`;
  const known = memo?.get(key);
  if (known) return known;
  const k = splitPoint(n);
  const h = nodeHash(subtreeHash(leaves, lo, lo + k, memo), subtreeHash(leaves, lo + k, hi, memo));
  memo?.set(key, h);
  return h;
}

export const rootOf = (leaves: readonly Hash[], memo?: Map<string, Hash>): Hash =>
  subtreeHash(leaves, 0, leaves.length, memo);

/** PATH(m, D[n]) of RFC 6962 2.1.1: the audit path of leaf `index` in the tree of the first `size` leaves. */
export function inclusionProof(leaves: readonly Hash[], index: number, size: number, memo?: Map<string, Hash>): Hash[] {
  if (!(index >= 0 && index < size && size <= leaves.length)) throw new RangeError('index outside the tree');
  const path: Hash[] = [];
  const walk = (m: number, lo: number, hi: number): void => {
    const n = hi - lo;
    if (n <= 1) return;
    const k = splitPoint(n);
    if (m < k) {
      walk(m, lo, lo + k);
      path.push(subtreeHash(leaves, lo + k, hi, memo));
    } else {
      walk(m - k, lo + k, hi);
      path.push(subtreeHash(leaves, lo, lo + k, memo));
    }
  };
  walk(index, 0, size);
  return path;
}

/** PROOF(m, D[n]) of RFC 6962 2.1.2 (SUBPROOF with b = true at the top). */
export function consistencyProof(
  leaves: readonly Hash[],
  first: number,
  second: number,
  memo?: Map<string, Hash>,
): Hash[] {
  if (!(first >= 0 && first <= second && second <= leaves.length)) throw new RangeError('sizes outside the tree');
  if (first === 0 || first === second) return [];
  const proof: Hash[] = [];
  const sub = (m: number, lo: number, hi: number, whole: boolean): void => {
    const n = hi - lo;
    if (m === n) {
      if (!whole) proof.push(subtreeHash(leaves, lo, hi, memo));
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      sub(m, lo, lo + k, whole);
      proof.push(subtreeHash(leaves, lo + k, hi, memo));
    } else {
      sub(m - k, lo + k, hi, false);
      proof.push(subtreeHash(leaves, lo, lo + k, memo));
    }
  };
  sub(first, 0, second, true);
  return proof;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= (a[i] as number) ^ (b[i] as number);
  return d === 0;
}

const isHash = (h: Uint8Array): boolean => h.length === 32;

/**
 * RFC 9162 2.1.3.2: the root the inclusion proof leads to, or undefined when the proof cannot be one
 * for this index and size. Sizes are plain numbers: a log of 2^53 entries is not in prospect.
 */
export function rootFromInclusionProof(
  index: number,
  size: number,
  leaf: Hash,
  proof: readonly Hash[],
): Hash | undefined {
  if (!(Number.isSafeInteger(index) && Number.isSafeInteger(size) && index >= 0 && index < size)) return undefined;
  if (!isHash(leaf) || !proof.every(isHash)) return undefined;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return undefined;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : undefined;
}

export function verifyInclusion(index: number, size: number, leaf: Hash, proof: readonly Hash[], root: Hash): boolean {
  const r = rootFromInclusionProof(index, size, leaf, proof);
  return r !== undefined && isHash(root) && equalBytes(r, root);
}

/** RFC 9162 2.1.4.2: whether the tree of `second` leaves with root2 extends the one of `first` with root1. */
export function verifyConsistency(
  first: number,
  second: number,
  proof: readonly Hash[],
  root1: Hash,
  root2: Hash,
): boolean {
  if (!(Number.isSafeInteger(first) && Number.isSafeInteger(second) && first >= 0 && first <= second)) return false;
  if (first === second) return proof.length === 0 && equalBytes(root1, root2);
  // Every tree extends the empty one; there is nothing to prove.
  if (first === 0) return proof.length === 0;
  if (proof.length === 0 || !proof.every(isHash) || !isHash(root1) || !isHash(root2)) return false;
  // When the first tree is a complete subtree, its root is the proof's implicit first node.
  const path = isPowerOfTwo(first) ? [root1, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0] as Hash;
  let sr = path[0] as Hash;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equalBytes(fr, root1) && equalBytes(sr, root2);
}

function isPowerOfTwo(n: number): boolean {
  let x = n;
  while (x > 1) {
    if (x % 2 === 1) return false;
    x /= 2;
  }
  return x === 1;
}
