import { describe, expect, it } from 'vitest';
import {
  defaultHashingCost,
  generatePassword,
  hashPassword,
  passwordNeedsRehash,
  randomToken,
  sha256Hex,
  verifyPassword,
} from './password.ts';

describe('passwords', () => {
  it('hashes with argon2id at the standard cost and verifies', async () => {
    const hash = await hashPassword('a long enough passphrase', 'standard');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
    expect(await verifyPassword(hash, 'a long enough passphrase')).toBe(true);
    expect(await verifyPassword(hash, 'a long enough passphrasE')).toBe(false);
    expect(passwordNeedsRehash(hash, 'standard')).toBe(false);
    expect(passwordNeedsRehash(hash, 'test')).toBe(true);
  });

  it('uses the standard cost outside the test runner', () => {
    expect(defaultHashingCost({})).toBe('standard');
    expect(defaultHashingCost({ VITEST: 'true' })).toBe('test');
  });

  it('treats a malformed stored hash as a refusal', async () => {
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
    expect(passwordNeedsRehash('not a hash')).toBe(true);
  });

  it('generates distinct readable passwords long enough for the policy', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = generatePassword();
      expect(p).toMatch(
        /^[a-km-zA-HJ-NP-Z2-9]{5}-[a-km-zA-HJ-NP-Z2-9]{5}-[a-km-zA-HJ-NP-Z2-9]{5}-[a-km-zA-HJ-NP-Z2-9]{5}$/,
      );
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });

  it('makes URL-safe random tokens and hex digests', () => {
    expect(randomToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
