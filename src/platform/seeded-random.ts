// Seeded, reproducible randomness for synthetic data and fuzzing: the same seed gives the same
// numbers on every machine. mulberry32 (Tommy Ettinger, public domain): 32 bits of state, one
// Math.imul-heavy step per number. Not a cryptographic generator: never for the ballot lottery.

/** mulberry32 over a 32-bit seed: floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
