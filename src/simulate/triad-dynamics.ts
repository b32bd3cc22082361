/**
 * Local triad dynamics (LTD): Antal, Krapivsky & Redner, "Dynamics of social
 * balance on networks", Phys. Rev. E 72, 036121 (2005), §II.
 *
 * A complete graph of n actors, every link friendly (+) or unfriendly (−).
 * A triad Δ_k has k negative links; Δ1 and Δ3 are imbalanced. One update
 * (the paper's rule): pick an imbalanced triad at random;
 *  - if it is Δ1, with probability p its negative link becomes +
 *    (Δ1 → Δ0), otherwise, with probability 1 − p, one of its two positive
 *    links, chosen at random, becomes − (Δ1 → Δ2);
 *  - if it is Δ3, one of its three links, chosen at random, becomes +
 *    (Δ3 → Δ2).
 * Every update flips exactly one link. Mean field (their Eq. 4) gives the
 * stationary density of friendly links ρ∞ = 1 / (1 + √(3(1 − 2p))) for
 * p < 1/2 and ρ∞ = 1 (paradise) for p ≥ 1/2; for p < 1/2 a finite complete
 * graph needs a time growing like exp(N²) to reach a balanced state, so the
 * stationary density is what one sees.
 *
 * "Pick an imbalanced triad at random" is implemented by drawing triads
 * uniformly and rejecting balanced ones, which gives each imbalanced triad
 * the same chance; `updates` counts the updates (flips), not the draws.
 */
import { mulberry32 } from '../network/balance/prng.js';

/** Density of friendly links in the random start. */
export const DEFAULT_INITIAL_DENSITY = 0.5;
/** Seed when none is given. */
export const DEFAULT_TRIAD_SEED = 1;
/** Fraction of updates discarded before time-averaging the density. */
export const DEFAULT_BURN_IN = 0.5;
/** After this many × n balanced draws in a row, test whether the whole graph is balanced. */
export const BALANCE_CHECK_MISSES = 64;

/** Mean-field stationary density of friendly links (Antal et al. 2005, Eq. 4). */
export function meanFieldDensity(p: number): number {
  return p >= 0.5 ? 1 : 1 / (1 + Math.sqrt(3 * (1 - 2 * p)));
}

export interface TriadDynamicsOptions {
  /** Number of actors (complete graph), at least 3. */
  readonly n: number;
  /** Probability that a Δ1 update turns its negative link positive. */
  readonly p: number;
  /** Number of updates (link flips). */
  readonly updates: number;
  readonly seed?: number;
  readonly initialDensity?: number;
  /** Fraction of the updates left out of `meanDensity` (default 0.5). */
  readonly burnIn?: number;
}

export interface TriadDynamicsResult {
  /** Density of friendly links at the end. */
  readonly density: number;
  /** Density averaged over the updates after the burn-in. */
  readonly meanDensity: number;
  readonly updates: number;
  readonly draws: number;
  /** True when no imbalanced triad was found (a balanced state): stopped early. */
  readonly stalled: boolean;
}

function check(o: TriadDynamicsOptions, fn: string): void {
  if (!Number.isInteger(o.n) || o.n < 3) throw new RangeError(`${fn}: n must be an integer ≥ 3`);
  if (!(o.p >= 0 && o.p <= 1)) throw new RangeError(`${fn}: p must be in [0, 1]`);
  if (!Number.isInteger(o.updates) || o.updates < 0) {
    throw new RangeError(`${fn}: updates must be a non-negative integer`);
  }
  const d = o.initialDensity ?? DEFAULT_INITIAL_DENSITY;
  if (!(d >= 0 && d <= 1)) throw new RangeError(`${fn}: initialDensity must be in [0, 1]`);
}

/**
 * A complete signed graph is balanced iff every link agrees with the split
 * by sign towards actor 0 (Cartwright & Harary 1956). O(n²).
 */
function isBalanced(signs: Int8Array, n: number): boolean {
  for (let i = 1; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (signs[i * n + j]! !== signs[i]! * signs[j]!) return false;
    }
  }
  return true;
}

/** Uniforms drawn from the generator in blocks, so the hot loop makes no calls. */
const BLOCK = 4096;
/** Most uniforms one update loop iteration consumes. */
const PER_DRAW = 4;

/** Largest n whose triads are drawn from a single uniform. */
const PACKED_MAX_N = 128;

class Uniforms {
  readonly buffer = new Float64Array(BLOCK);
  /** Index of the next unused number; BLOCK means empty. */
  at = BLOCK;
  constructor(private readonly rand: () => number) {}
  /** Refills the whole block (numbers left in it are dropped: still deterministic). */
  refill(): void {
    const { buffer, rand } = this;
    for (let i = 0; i < BLOCK; i++) buffer[i] = rand();
    this.at = 0;
  }
  next(): number {
    if (this.at === BLOCK) this.refill();
    return this.buffer[this.at++]!;
  }
}

function run(o: TriadDynamicsOptions, uniforms: Uniforms, signs: Int8Array): TriadDynamicsResult {
  const { n, p, updates } = o;
  const density0 = o.initialDensity ?? DEFAULT_INITIAL_DENSITY;
  const burnIn = Math.floor(updates * (o.burnIn ?? DEFAULT_BURN_IN));
  const edges = (n * (n - 1)) / 2;
  // signs[i * n + j] = +1 / −1, kept symmetric.
  let positive = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = uniforms.next() < density0 ? 1 : -1;
      signs[i * n + j] = s;
      signs[j * n + i] = s;
      if (s > 0) positive += 1;
    }
  }
  const buffer = uniforms.buffer;
  let at = uniforms.at;
  const packed = n <= PACKED_MAX_N;
  let draws = 0;
  let misses = 0; // balanced triads drawn in a row
  let checkAfter = BALANCE_CHECK_MISSES * n;
  let done = 0;
  let sum = 0;
  let stalled = false;
  while (done < updates) {
    if (misses >= checkAfter) {
      if (isBalanced(signs, n)) {
        stalled = true; // no imbalanced triad is left: the dynamics has stopped
        break;
      }
      misses = 0;
      checkAfter *= 2;
    }
    draws += 1;
    if (at > BLOCK - PER_DRAW) {
      uniforms.refill();
      at = 0;
    }
    // An ordered triple of actors drawn with replacement, rejected unless
    // distinct: uniform over the triads. For n ≤ PACKED_MAX_N one 32-bit
    // uniform r = m / 2³² gives all three as the base-n digits of
    // ⌊m n³ / 2³²⌋ (every product below is exact in a double; the bias is at
    // most n³ / 2³² ≤ 0.05%, the same kind as ⌊r n⌋); larger n use three.
    let i: number;
    let j: number;
    let k: number;
    if (packed) {
      const u = buffer[at++]! * n;
      i = u | 0;
      const v = (u - i) * n;
      j = v | 0;
      k = ((v - j) * n) | 0;
    } else {
      i = (buffer[at++]! * n) | 0;
      j = (buffer[at++]! * n) | 0;
      k = (buffer[at++]! * n) | 0;
    }
    if (i === j || j === k || i === k) continue;
    const ij = i * n + j;
    const jk = j * n + k;
    const ki = k * n + i;
    const sij = signs[ij]!;
    const sjk = signs[jk]!;
    const ski = signs[ki]!;
    if (sij * sjk * ski > 0) {
      misses += 1; // balanced: Δ0 or Δ2
      continue;
    }
    misses = 0;
    let flip: number; // index of the link to flip
    const negatives = (sij < 0 ? 1 : 0) + (sjk < 0 ? 1 : 0) + (ski < 0 ? 1 : 0);
    if (negatives === 3) {
      const r = (buffer[at++]! * 3) | 0;
      flip = r === 0 ? ij : r === 1 ? jk : ki;
    } else {
      // Δ1: one draw picks Δ1 → Δ0 (probability p) or Δ1 → Δ2 on one of the
      // two positive links ((1 − p) / 2 each)
      const u = buffer[at++]!;
      const neg = sij < 0 ? ij : sjk < 0 ? jk : ki;
      const pos1 = sij < 0 ? jk : ij;
      const pos2 = ski < 0 ? jk : ki;
      flip = u < p ? neg : u < p + (1 - p) / 2 ? pos1 : pos2;
    }
    const a = (flip / n) | 0;
    const b = flip - a * n;
    const s = -signs[flip]!;
    signs[flip] = s;
    signs[b * n + a] = s;
    positive += s;
    done += 1;
    if (done > burnIn) sum += positive;
  }
  uniforms.at = at;
  const averaged = done - burnIn;
  return {
    density: positive / edges,
    meanDensity: averaged > 0 ? sum / averaged / edges : positive / edges,
    updates: done,
    draws,
    stalled,
  };
}

/** One run of local triad dynamics on a complete graph from a random start. */
export function runTriadDynamics(options: TriadDynamicsOptions): TriadDynamicsResult {
  check(options, 'runTriadDynamics');
  const uniforms = new Uniforms(mulberry32(options.seed ?? DEFAULT_TRIAD_SEED));
  return run(options, uniforms, new Int8Array(options.n * options.n));
}

export interface MonteCarloOptions extends TriadDynamicsOptions {
  readonly runs: number;
}

export interface MonteCarloResult {
  readonly runs: number;
  /** Mean over runs of the final density. */
  readonly meanDensity: number;
  /** Standard deviation over runs of the final density. */
  readonly sdDensity: number;
  /** Mean over runs of the time-averaged density after burn-in. */
  readonly meanTimeAveragedDensity: number;
  /** Runs that stopped early in a balanced state. */
  readonly stalledRuns: number;
  /** Final density of each run. */
  readonly densities: Float64Array;
}

/** Many independent runs, one seeded stream: deterministic for a given seed. */
export function monteCarlo(options: MonteCarloOptions): MonteCarloResult {
  check(options, 'monteCarlo');
  if (!Number.isInteger(options.runs) || options.runs < 1) {
    throw new RangeError('monteCarlo: runs must be a positive integer');
  }
  const uniforms = new Uniforms(mulberry32(options.seed ?? DEFAULT_TRIAD_SEED));
  const signs = new Int8Array(options.n * options.n);
  const densities = new Float64Array(options.runs);
  let timeAveraged = 0;
  let stalledRuns = 0;
  for (let r = 0; r < options.runs; r++) {
    const result = run(options, uniforms, signs);
    densities[r] = result.density;
    timeAveraged += result.meanDensity;
    if (result.stalled) stalledRuns += 1;
  }
  let mean = 0;
  for (const d of densities) mean += d;
  mean /= options.runs;
  let variance = 0;
  for (const d of densities) variance += (d - mean) ** 2;
  const sdDensity = options.runs > 1 ? Math.sqrt(variance / (options.runs - 1)) : 0;
  return {
    runs: options.runs,
    meanDensity: mean,
    sdDensity,
    meanTimeAveragedDensity: timeAveraged / options.runs,
    stalledRuns,
    densities,
  };
}
