// Password hashing with argon2id, and the one-time random passwords and tokens the system hands out.
import argon2 from 'argon2';
import { createHash, randomBytes } from 'node:crypto';

// The library's defaults (64 MiB, 3 passes, 4 lanes) are above OWASP's argon2id minimum; they are
// named here so that a change of library defaults cannot silently weaken stored hashes.
const STANDARD_COST = { type: argon2.argon2id, memoryCost: 65536, timeCost: 3, parallelism: 4 } as const;
// OWASP's minimum argon2id cost (19 MiB, 2 passes): still argon2id, ~8× cheaper. For test runs
// only, where hundreds of users are created and signed in.
const TEST_COST = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
let hashOptions: typeof STANDARD_COST | typeof TEST_COST = STANDARD_COST;

/** Test seam: cheaper hashing for the rest of this process. Never called by the application. */
export function useTestPasswordHashingCost(): void {
  hashOptions = TEST_COST;
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, hashOptions);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    // A malformed stored hash is a refusal, not a crash of the sign-in page.
    return false;
  }
}

export function passwordNeedsRehash(hash: string): boolean {
  try {
    return argon2.needsRehash(hash, hashOptions);
  } catch {
    return true;
  }
}

// Verifying against a real hash when the login is unknown makes "no such user" take as long as
// "wrong password", so response times do not reveal which logins exist.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}

/** 20 characters from an alphabet without look-alikes (0/O, 1/l/I): about 100 bits. */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const out: string[] = [];
  while (out.length < 20) {
    for (const b of randomBytes(32)) {
      // Rejection sampling keeps every character equally likely.
      if (b < alphabet.length * Math.floor(256 / alphabet.length) && out.length < 20) out.push(alphabet[b % alphabet.length]!);
    }
  }
  return `${out.slice(0, 5).join('')}-${out.slice(5, 10).join('')}-${out.slice(10, 15).join('')}-${out.slice(15).join('')}`;
}

/** A random bearer secret (sessions, API tokens): 256 bits, URL-safe. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Sessions and tokens are looked up by this hash, so the database never holds a usable secret. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
