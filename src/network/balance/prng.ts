/**
 * A small seeded pseudo-random generator, so that every "random" start and
 * every generated test graph is the same on each run: mulberry32 (Tommy
 * Ettinger, public domain), 32-bit state, period 2^32.
 */

/** Default seed used by the balance algorithms. */
export const DEFAULT_SEED = 0x9e3779b9;

/** Returns a function giving uniform numbers in [0, 1). */
export function mulberry32(seed: number = DEFAULT_SEED): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
