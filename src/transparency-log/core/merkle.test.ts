import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  consistencyProof,
  emptyRoot,
  inclusionProof,
  leafHash,
  rootFromInclusionProof,
  rootOf,
  verifyConsistency,
  verifyInclusion,
  type Hash,
} from './merkle.ts';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const dh = (h: string): Uint8Array => new Uint8Array(Buffer.from(h, 'hex'));

// The eight-leaf tree of Certificate Transparency's tests, copied from
// github.com/transparency-dev/merkle, proof/verify_test.go (formerly certificate-transparency-go's
// merkle tests): leaves, the root of each size 1..8, and their inclusion and consistency proofs.
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(
  dh,
);
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
// { leaf (1-based), size, proof }
const INCLUSION = [
  {
    leaf: 1,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    leaf: 6,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { leaf: 3, size: 3, proof: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    leaf: 2,
    size: 5,
    proof: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];
const CONSISTENCY = [
  {
    size1: 1,
    size2: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    size1: 6,
    size2: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    size1: 2,
    size2: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
  {
    size1: 6,
    size2: 7,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];
const HASHES = LEAVES.map(leafHash);
const root = (n: number): Uint8Array => dh(ROOTS[n - 1] ?? '');

describe('RFC 6962 test vectors (transparency-dev/merkle proof/verify_test.go)', () => {
  it('computes the root of every prefix of the eight-leaf tree', () => {
    expect(hex(emptyRoot())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    for (let n = 1; n <= 8; n++) expect(hex(rootOf(HASHES.slice(0, n)))).toBe(ROOTS[n - 1]);
  });

  it.each(INCLUSION)('builds and verifies the inclusion proof of leaf $leaf in $size', ({ leaf, size, proof }) => {
    expect(inclusionProof(HASHES, leaf - 1, size).map(hex)).toEqual(proof);
    const h = HASHES[leaf - 1] as Hash;
    expect(verifyInclusion(leaf - 1, size, h, proof.map(dh), root(size))).toBe(true);
    // The reference's corruptions: wrong index, wrong size, wrong leaf, extra or missing nodes.
    expect(verifyInclusion(leaf, size, h, proof.map(dh), root(size))).toBe(false);
    expect(verifyInclusion(leaf - 1, size * 2, h, proof.map(dh), root(size))).toBe(false);
    expect(verifyInclusion(leaf - 1, size, leafHash(dh('ff')), proof.map(dh), root(size))).toBe(false);
    expect(verifyInclusion(leaf - 1, size, h, [...proof.map(dh), root(size)], root(size))).toBe(false);
    expect(verifyInclusion(leaf - 1, size, h, proof.slice(0, -1).map(dh), root(size))).toBe(false);
  });

  it.each(CONSISTENCY)('builds and verifies the consistency proof $size1 → $size2', ({ size1, size2, proof }) => {
    expect(consistencyProof(HASHES, size1, size2).map(hex)).toEqual(proof);
    expect(verifyConsistency(size1, size2, proof.map(dh), root(size1), root(size2))).toBe(true);
    expect(verifyConsistency(size1, size2, proof.map(dh), root(size2), root(size1))).toBe(false);
    expect(verifyConsistency(size1 + 1, size2, proof.map(dh), root(size1), root(size2))).toBe(false);
    expect(verifyConsistency(size1, size2, [], root(size1), root(size2))).toBe(false);
    expect(verifyConsistency(size1, size2, proof.slice(0, -1).map(dh), root(size1), root(size2))).toBe(false);
  });

  it('follows the reference on the trivial sizes', () => {
    const a = root(1);
    const b = root(2);
    expect(verifyConsistency(0, 0, [], a, a)).toBe(true);
    expect(verifyConsistency(0, 1, [], a, b)).toBe(true);
    expect(verifyConsistency(1, 1, [], a, b)).toBe(false);
    expect(verifyConsistency(2, 1, [], a, b)).toBe(false);
    expect(verifyConsistency(1, 1, [emptyRoot()], a, a)).toBe(false);
    expect(rootFromInclusionProof(0, 0, HASHES[0] as Hash, [])).toBeUndefined();
  });
});

const flip = (h: Uint8Array, byte: number, bit: number): Uint8Array => {
  const c = Uint8Array.from(h);
  c[byte % c.length] = (c[byte % c.length] as number) ^ (1 << (bit % 8));
  return c;
};

describe('random trees', () => {
  const tree = fc
    .array(fc.uint8Array({ maxLength: 12 }), { minLength: 1, maxLength: 70 })
    .map((leaves) => leaves.map(leafHash));

  it('every inclusion proof verifies, and a changed byte anywhere fails it', () => {
    fc.assert(
      fc.property(tree, fc.nat(), fc.nat(), fc.nat(), fc.nat(), (hashes, i, j, b, bit) => {
        const size = 1 + (j % hashes.length);
        const index = i % size;
        const r = rootOf(hashes.slice(0, size));
        const proof = inclusionProof(hashes, index, size);
        expect(verifyInclusion(index, size, hashes[index] as Hash, proof, r)).toBe(true);
        expect(verifyInclusion(index, size, flip(hashes[index] as Hash, b, bit), proof, r)).toBe(false);
        expect(verifyInclusion(index, size, hashes[index] as Hash, proof, flip(r, b, bit))).toBe(false);
        if (proof.length > 0) {
          const k = b % proof.length;
          const bad = proof.map((p, x) => (x === k ? flip(p, b, bit) : p));
          expect(verifyInclusion(index, size, hashes[index] as Hash, bad, r)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('every consistency proof verifies, and a changed byte anywhere fails it', () => {
    fc.assert(
      fc.property(tree, fc.nat(), fc.nat(), fc.nat(), fc.nat(), (hashes, i, j, b, bit) => {
        const second = 1 + (j % hashes.length);
        const first = 1 + (i % second);
        const r1 = rootOf(hashes.slice(0, first));
        const r2 = rootOf(hashes.slice(0, second));
        const proof = consistencyProof(hashes, first, second);
        expect(verifyConsistency(first, second, proof, r1, r2)).toBe(true);
        expect(verifyConsistency(first, second, proof, flip(r1, b, bit), r2)).toBe(false);
        expect(verifyConsistency(first, second, proof, r1, flip(r2, b, bit))).toBe(false);
        if (proof.length > 0) {
          const k = b % proof.length;
          const bad = proof.map((p, x) => (x === k ? flip(p, b, bit) : p));
          expect(verifyConsistency(first, second, bad, r1, r2)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
