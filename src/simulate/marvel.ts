/**
 * Continuous-time structural balance: Marvel, Kleinberg, Kleinberg &
 * Strogatz, "Continuous-time model of structural balance", PNAS 108(5),
 * 2011, 1771–1776.
 *
 * The actors' friendliness is a symmetric real matrix X that evolves by
 * dX/dt = X², i.e. each x_ij changes by Σ_k x_ik x_kj. The start has X_ii = 0;
 * as in the paper, the whole matrix equation is integrated, so the diagonal
 * is free to grow afterwards (x_ii' = Σ_k x_ik² ≥ 0). For a
 * generic start the solution X(t) = X₀(I − tX₀)⁻¹ blows up in finite time
 * t* = 1/λ₁ (λ₁ the largest eigenvalue of X₀), where X/‖X‖ tends to u uᵀ
 * with u the leading eigenvector: the network splits into the two factions
 * given by the signs of u, friendly within and hostile across.
 *
 * Integrated with classical fourth-order Runge–Kutta, the step shrinking as
 * the entries grow (dt = min(maxStep, stepScale / max|x_ij|)). Exactly ±1
 * starts are symmetric-degenerate (the paper uses generic magnitudes), so
 * `marvelEnsemble` draws magnitudes from a seeded PRNG and takes the
 * majority over seeds.
 */
import { compareIds } from '../network/balance/signed-graph.js';
import { mulberry32 } from '../network/balance/prng.js';

/** Stop when some |x_ij| exceeds this. */
export const DEFAULT_BLOW_UP = 1e3;
/** Stop at this time if nothing blew up. */
export const DEFAULT_MAX_TIME = 100;
/** Largest RK4 step. */
export const DEFAULT_MAX_STEP = 1e-3;
/** The step never exceeds stepScale / max|x_ij|. */
export const DEFAULT_STEP_SCALE = 1e-3;
/** Hard cap on the number of steps. */
export const DEFAULT_MAX_STEPS = 1_000_000;
/** Magnitudes drawn for generic starts in `marvelEnsemble`. */
export const DEFAULT_MAGNITUDE: readonly [number, number] = [0.5, 1.5];
/** Seeds used by `marvelEnsemble` when none are given. */
export const DEFAULT_SEEDS: readonly number[] = [1, 2, 3, 4, 5, 6, 7];

export interface WeightedPair {
  readonly source: string;
  readonly target: string;
  /** Initial x_ij (any real; the sign is the relation). */
  readonly weight: number;
}

export interface SignedPair {
  readonly source: string;
  readonly target: string;
  readonly sign: 1 | -1 | 0;
}

export interface MarvelInput {
  readonly nodes: readonly string[];
  /** Initial weights; pairs not listed start at 0. Self-pairs are ignored. */
  readonly weights: Iterable<WeightedPair>;
}

export interface MarvelOptions {
  readonly blowUp?: number;
  readonly maxTime?: number;
  readonly maxStep?: number;
  readonly stepScale?: number;
  readonly maxSteps?: number;
}

export interface MarvelResult {
  /** The two factions from the sign of the leading eigenvector at the end. */
  readonly factions: readonly [string[], string[]];
  /** Sign of every pair (source < target) at the end of the integration. */
  readonly endSigns: readonly SignedPair[];
  readonly steps: number;
  readonly time: number;
  /** True when some |x_ij| passed the blow-up threshold. */
  readonly blownUp: boolean;
}

type Matrix = Float64Array; // n×n, row-major

function square(a: Matrix, n: number, out: Matrix): void {
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += a[i * n + k]! * a[k * n + j]!;
      out[i * n + j] = s;
      out[j * n + i] = s;
    }
  }
}

function maxAbs(a: Matrix): number {
  let m = 0;
  for (const v of a) {
    const x = Math.abs(v);
    if (x > m) m = x;
  }
  return m;
}

/**
 * All eigenvalues and eigenvectors of a small symmetric matrix by the cyclic
 * Jacobi method (Golub & Van Loan, "Matrix Computations", 4th ed., §8.5.2–3;
 * Rutishauser's stable rotation formulas as in Numerical Recipes §11.1).
 * Meant for n ≤ 200. Returns eigenvalues and the eigenvectors as columns of
 * `vectors` (row-major, n×n).
 */
export function jacobiEigen(
  matrix: ArrayLike<number>,
  n: number,
  maxSweeps = 100,
): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < n; i++) {
      diag += a[i * n + i]! ** 2;
      for (let j = i + 1; j < n; j++) off += a[i * n + j]! ** 2;
    }
    if (off <= 1e-30 * Math.max(diag, 1e-300) || off === 0) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (apq === 0) continue;
        const app = a[p * n + p]!;
        const aqq = a[q * n + q]!;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p]!;
          const akq = a[k * n + q]!;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!;
          const aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = a[i * n + i]!;
  return { values, vectors: v };
}

/** Integrates dX/dt = X² from the given start until blow-up or maxTime. */
export function runMarvel(input: MarvelInput, options: MarvelOptions = {}): MarvelResult {
  const blowUp = options.blowUp ?? DEFAULT_BLOW_UP;
  const maxTime = options.maxTime ?? DEFAULT_MAX_TIME;
  const maxStep = options.maxStep ?? DEFAULT_MAX_STEP;
  const stepScale = options.stepScale ?? DEFAULT_STEP_SCALE;
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;

  const nodes = [...new Set(input.nodes)].sort(compareIds);
  const n = nodes.length;
  const index = new Map(nodes.map((id, i) => [id, i]));
  const x: Matrix = new Float64Array(n * n);
  for (const w of input.weights) {
    const i = index.get(w.source);
    const j = index.get(w.target);
    if (i === undefined || j === undefined) {
      throw new Error(`runMarvel: pair ${w.source}–${w.target} names an unknown node`);
    }
    if (i === j) continue;
    if (!Number.isFinite(w.weight))
      throw new Error(`runMarvel: weight of ${w.source}–${w.target} is not finite`);
    x[i * n + j] = w.weight;
    x[j * n + i] = w.weight;
  }

  const k1 = new Float64Array(n * n);
  const k2 = new Float64Array(n * n);
  const k3 = new Float64Array(n * n);
  const k4 = new Float64Array(n * n);
  const tmp = new Float64Array(n * n);
  let time = 0;
  let steps = 0;
  let blownUp = maxAbs(x) > blowUp;
  while (!blownUp && time < maxTime && steps < maxSteps) {
    const m = maxAbs(x);
    const dt = Math.min(maxStep, m > 0 ? stepScale / m : maxStep, maxTime - time);
    square(x, n, k1);
    for (let e = 0; e < n * n; e++) tmp[e] = x[e]! + 0.5 * dt * k1[e]!;
    square(tmp, n, k2);
    for (let e = 0; e < n * n; e++) tmp[e] = x[e]! + 0.5 * dt * k2[e]!;
    square(tmp, n, k3);
    for (let e = 0; e < n * n; e++) tmp[e] = x[e]! + dt * k3[e]!;
    square(tmp, n, k4);
    for (let e = 0; e < n * n; e++) {
      x[e] = x[e]! + (dt / 6) * (k1[e]! + 2 * k2[e]! + 2 * k3[e]! + k4[e]!);
    }
    time += dt;
    steps += 1;
    if (!Number.isFinite(maxAbs(x))) break;
    blownUp = maxAbs(x) > blowUp;
  }

  const endSigns: SignedPair[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = x[i * n + j]!;
      endSigns.push({ source: nodes[i]!, target: nodes[j]!, sign: v > 0 ? 1 : v < 0 ? -1 : 0 });
    }
  }
  return { factions: factionsOf(x, nodes), endSigns, steps, time, blownUp };
}

/** Factions from the sign of the eigenvector of the largest eigenvalue. */
function factionsOf(x: Matrix, nodes: readonly string[]): [string[], string[]] {
  const n = nodes.length;
  if (n === 0) return [[], []];
  const scale = maxAbs(x) || 1;
  const { values, vectors } = jacobiEigen(
    x.map((v) => v / scale),
    n,
  );
  let best = 0;
  for (let i = 1; i < n; i++) if (values[i]! > values[best]!) best = i;
  const first = vectors[0 * n + best]! >= 0 ? 1 : -1; // first node in faction 0
  const a: string[] = [];
  const b: string[] = [];
  for (let i = 0; i < n; i++) {
    const u = vectors[i * n + best]! * first;
    (u >= 0 ? a : b).push(nodes[i]!);
  }
  return [a, b];
}

export interface SignedStart {
  readonly source: string;
  readonly target: string;
  readonly sign: number;
}

export interface MarvelEnsembleInput {
  readonly nodes: readonly string[];
  /** Initial signs; each run multiplies them by a magnitude drawn in `magnitude`. */
  readonly signs: Iterable<SignedStart>;
  readonly seeds?: readonly number[];
  readonly magnitude?: readonly [number, number];
  readonly options?: MarvelOptions;
}

export interface MarvelEnsembleResult {
  readonly runs: readonly MarvelResult[];
  /** Per pair, the sign most runs ended with (0 on a tie). */
  readonly majoritySigns: readonly SignedPair[];
  /** The faction split most runs ended with (as sorted lists). */
  readonly majorityFactions: readonly [string[], string[]];
  /** True when every run ended with the same signs on every pair. */
  readonly allAgree: boolean;
}

/** Runs the model from the same signs with seeded generic magnitudes. */
export function marvelEnsemble(input: MarvelEnsembleInput): MarvelEnsembleResult {
  const seeds = input.seeds ?? DEFAULT_SEEDS;
  const [lo, hi] = input.magnitude ?? DEFAULT_MAGNITUDE;
  const signs = [...input.signs];
  const runs = seeds.map((seed) => {
    const rand = mulberry32(seed);
    const weights = signs.map((s) => ({
      source: s.source,
      target: s.target,
      weight: Math.sign(s.sign) * (lo + (hi - lo) * rand()),
    }));
    return runMarvel({ nodes: input.nodes, weights }, input.options);
  });
  const first = runs[0];
  if (!first) throw new Error('marvelEnsemble: no seeds');
  const majoritySigns = first.endSigns.map((pair, e) => {
    let total = 0;
    for (const r of runs) total += r.endSigns[e]!.sign;
    const sign: 1 | -1 | 0 = total > 0 ? 1 : total < 0 ? -1 : 0;
    return { source: pair.source, target: pair.target, sign };
  });
  const allAgree = runs.every((r) =>
    r.endSigns.every((p, e) => p.sign === first.endSigns[e]!.sign),
  );
  const votes = new Map<string, { count: number; factions: [string[], string[]] }>();
  for (const r of runs) {
    const key = JSON.stringify(r.factions);
    const v = votes.get(key);
    if (v) v.count += 1;
    else votes.set(key, { count: 1, factions: [[...r.factions[0]], [...r.factions[1]]] });
  }
  let majorityFactions: [string[], string[]] = [[], []];
  let bestCount = -1;
  for (const v of votes.values()) {
    if (v.count > bestCount) {
      bestCount = v.count;
      majorityFactions = v.factions;
    }
  }
  return { runs, majoritySigns, majorityFactions, allAgree };
}
