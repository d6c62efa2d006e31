// Seeded randomness for the demo data: the only source of chance in src/demo, so that the synthetic
// dataset is byte-for-byte the same on every machine and every run.
//
// Generator: mulberry32 (Tommy Ettinger, public domain): 32 bits of state, one Math.imul-heavy step
// per number, passes gjrand/PractRand far enough for picking names and dates. It is NOT a
// cryptographic generator and must never be used for the ballot lottery or anything a party could
// contest; the lottery has its own verifiable sampler.
//
// Each consumer asks for its own stream by label (`rngFor('candidates:kg-2020-parliament:…')`) rather
// than sharing one global stream, so that adding a party or a sentence changes only that part of the
// dataset instead of shifting every value generated after it.

import { mulberry32 } from '../platform/seeded-random.ts';

/** The one fixed seed of the demo dataset. Change it and every synthetic value changes. */
export const DEMO_SEED = 20201004;

/** FNV-1a, 32 bits: turns a label into a seed. Chosen for being tiny and well known, not for quality. */
export function hashLabel(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element, uniformly. Throws on an empty array (a bug in the caller's pools). */
  pick<T>(items: readonly T[]): T;
  /** A new array with the same elements in a uniformly random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** k distinct elements, in random order. */
  sample<T>(items: readonly T[], k: number): T[];
  /** One element with probability proportional to its weight. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T;
  /** An ISO date (YYYY-MM-DD) between two ISO dates, both included. */
  dateBetween(from: string, to: string): string;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for an ISO date, in UTC so that no time zone can shift a birthday. */
export function isoToDays(iso: string): number {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO date: ${iso}`);
  return Math.round(ms / DAY_MS);
}

export function daysToIso(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (min: number, max: number): number => {
    if (max < min) throw new RangeError(`empty range ${min}..${max}`);
    return min + Math.floor(next() * (max - min + 1));
  };
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('pick from an empty array');
    return items[int(0, items.length - 1)] as T;
  };
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(0, i);
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  };
  const weighted = <T>(items: ReadonlyArray<readonly [T, number]>): T => {
    const total = items.reduce((s, [, w]) => s + w, 0);
    if (!(total > 0)) throw new RangeError('weighted pick needs a positive total weight');
    let r = next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    // Only reachable through float rounding at the very end of the range.
    return (items.at(-1) as readonly [T, number])[0];
  };
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick,
    shuffle,
    sample: (items, k) => shuffle(items).slice(0, k),
    weighted,
    dateBetween: (from, to) => daysToIso(int(isoToDays(from), isoToDays(to))),
  };
}

/** The stream for one part of the dataset, derived from DEMO_SEED and a stable label. */
export function rngFor(label: string): Rng {
  return createRng(hashLabel(`${DEMO_SEED}:${label}`));
}
