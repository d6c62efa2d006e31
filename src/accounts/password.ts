// Password hashing with argon2id, and the one-time random passwords and tokens the system hands out.
import argon2 from 'argon2';
import { createHash, randomBytes } from 'node:crypto';

// The library's defaults (64 MiB, 3 passes, 4 lanes) are above OWASP's argon2id minimum; they are
// named here so that a change of library defaults cannot silently weaken stored hashes.
// OWASP's minimum argon2id cost (19 MiB, 2 passes) is still argon2id, ~8× cheaper: only for test
// runs, where hundreds of users are created and signed in.
const COSTS = {
  standard: { type: argon2.argon2id, memoryCost: 65536, timeCost: 3, parallelism: 4 },
  test: { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 },
} as const;
export type HashingCost = keyof typeof COSTS;

/** The standard cost, except under the test runner (vitest sets VITEST), which uses the minimum. */
export function defaultHashingCost(env: NodeJS.ProcessEnv = process.env): HashingCost {
  return env.VITEST === undefined ? 'standard' : 'test';
}

export function hashPassword(password: string, cost: HashingCost = defaultHashingCost()): Promise<string> {
  return argon2.hash(password, COSTS[cost]);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    // A malformed stored hash is a refusal, not a crash of the sign-in page.
    return false;
  }
}

export function passwordNeedsRehash(hash: string, cost: HashingCost = defaultHashingCost()): boolean {
  try {
    return argon2.needsRehash(hash, COSTS[cost]);
  } catch {
    return true;
  }
}

// Verifying against a real hash when the login is unknown makes "no such user" take as long as
// "wrong password", so response times do not reveal which logins exist. These are hashes, at each
// cost, of a random password that was thrown away: not secrets, and no sign-in ever accepts them.
const DUMMY_HASHES: Record<HashingCost, string> = {
  standard: '$argon2id$v=19$m=65536,p=4,t=3$zZHNT/SkbwncvZWE1RVs2A$VoSjcDc56i+j1o/6t5mc2R4djDu38ONFSn46lynRpps',
  test: '$argon2id$v=19$m=19456,p=1,t=2$3KAN/5gRVKSdfDiHAYT7mQ$HdnJ+koEU29vBJCb51G519/L7SFnfhujyIdpRCFW1YM',
};

/** Spends the time a wrong password would, for a login that does not exist or may not sign in. */
export async function verifyNothing(password: string, cost: HashingCost = defaultHashingCost()): Promise<void> {
  await verifyPassword(DUMMY_HASHES[cost], password);
}

const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 20 characters from an alphabet without look-alikes (0/O, 1/l/I): about 100 bits. */
export function generatePassword(): string {
  let out = '';
  while (out.length < 20) {
    for (const b of randomBytes(32)) {
      // Rejection sampling keeps every character equally likely.
      if (b < ALPHABET.length * Math.floor(256 / ALPHABET.length) && out.length < 20)
        out += ALPHABET.charAt(b % ALPHABET.length);
    }
  }
  return `${out.slice(0, 5)}-${out.slice(5, 10)}-${out.slice(10, 15)}-${out.slice(15)}`;
}

/** A random bearer secret (sessions, API tokens): 256 bits, URL-safe. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Sessions and tokens are looked up by this hash, so the database never holds a usable secret. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
