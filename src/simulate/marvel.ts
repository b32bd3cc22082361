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
import { EigenvalueDecomposition, Matrix as MlMatrix } from 'ml-matrix';
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
  /**
   * Imposed (a shock): held at `weight` times the largest free |x_kl| at every
   * step, so it stays as strong, relative to the rest, as the shock says
   * while the free pairs grow towards blow-up.
   */
  readonly fixed?: boolean;
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
 * Leading eigenpair of a symmetric matrix (row-major n×n), by ml-matrix's
 * symmetric eigen decomposition (Householder tridiagonalisation and QL, after
 * JAMA): the largest eigenvalue and its unit eigenvector.
 */
export function leadingEigen(
  matrix: ArrayLike<number>,
  n: number,
): { value: number; vector: number[] } {
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) rows.push(Array.from({ length: n }, (_, j) => matrix[i * n + j]!));
  const decomposition = new EigenvalueDecomposition(new MlMatrix(rows), { assumeSymmetric: true });
  const values = decomposition.realEigenvalues;
  let best = 0;
  for (let i = 1; i < n; i++) if (values[i]! > values[best]!) best = i;
  return { value: values[best]!, vector: decomposition.eigenvectorMatrix.getColumn(best) };
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
  // Per-pair rate multiplier: 1 in the published model, 0 for pinned pairs
  // (which `pin` sets directly).
  const rate: Matrix = new Float64Array(n * n).fill(1);
  const pinned: { i: number; j: number; weight: number }[] = [];
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
    const r = w.fixed ? 0 : 1;
    rate[i * n + j] = r;
    rate[j * n + i] = r;
    if (w.fixed) pinned.push({ i, j, weight: w.weight });
  }
  const isPinned = new Uint8Array(n * n);
  for (const { i, j } of pinned) isPinned[i * n + j] = isPinned[j * n + i] = 1;
  /** Sets each pinned pair to its weight × the largest free off-diagonal |x|. */
  const pin = (): void => {
    if (pinned.length === 0) return;
    let scale = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        if (isPinned[i * n + j]) continue;
        const v = Math.abs(x[i * n + j]!);
        if (v > scale) scale = v;
      }
    }
    if (scale === 0) scale = 1;
    for (const { i, j, weight } of pinned) x[i * n + j] = x[j * n + i] = weight * scale;
  };
  pin();

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
    for (let e = 0; e < n * n; e++) tmp[e] = x[e]! + 0.5 * dt * rate[e]! * k1[e]!;
    square(tmp, n, k2);
    for (let e = 0; e < n * n; e++) tmp[e] = x[e]! + 0.5 * dt * rate[e]! * k2[e]!;
    square(tmp, n, k3);
    for (let e = 0; e < n * n; e++) tmp[e] = x[e]! + dt * rate[e]! * k3[e]!;
    square(tmp, n, k4);
    for (let e = 0; e < n * n; e++) {
      x[e] = x[e]! + (dt / 6) * rate[e]! * (k1[e]! + 2 * k2[e]! + 2 * k3[e]! + k4[e]!);
    }
    pin();
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

/**
 * The model's end state read analytically, without integrating: for a start
 * X₀ with no held pairs, X(t) = X₀(I − tX₀)⁻¹ blows up at t* = 1/λ₁ with
 * X/‖X‖ → u uᵀ (Marvel et al. 2011), so pair i–j ends with the sign of
 * u_i u_j. One eigen decomposition instead of thousands of steps; `runMarvel`
 * is needed only when pairs are held (a shock). Returns null when X₀ has no
 * positive eigenvalue (nothing blows up).
 */
export function marvelLimit(input: MarvelInput): MarvelResult | null {
  const nodes = [...new Set(input.nodes)].sort(compareIds);
  const n = nodes.length;
  const index = new Map(nodes.map((id, i) => [id, i]));
  const x: Matrix = new Float64Array(n * n);
  for (const w of input.weights) {
    const i = index.get(w.source);
    const j = index.get(w.target);
    if (i === undefined || j === undefined || i === j) continue;
    if (w.fixed) throw new Error('marvelLimit: held pairs need runMarvel');
    x[i * n + j] = w.weight;
    x[j * n + i] = w.weight;
  }
  if (n === 0) return null;
  const { value, vector } = leadingEigen(x, n);
  if (!(value > 1e-12)) return null;
  const endSigns: SignedPair[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = vector[i]! * vector[j]!;
      endSigns.push({ source: nodes[i]!, target: nodes[j]!, sign: v > 0 ? 1 : v < 0 ? -1 : 0 });
    }
  }
  const first = vector[0]! >= 0 ? 1 : -1;
  const factions: [string[], string[]] = [[], []];
  for (let i = 0; i < n; i++) factions[vector[i]! * first >= 0 ? 0 : 1].push(nodes[i]!);
  return { factions, endSigns, steps: 0, time: 1 / value, blownUp: true };
}

/** Factions from the sign of the eigenvector of the largest eigenvalue. */
function factionsOf(x: Matrix, nodes: readonly string[]): [string[], string[]] {
  const n = nodes.length;
  if (n === 0) return [[], []];
  const scale = maxAbs(x) || 1;
  const { vector } = leadingEigen(
    x.map((v) => v / scale),
    n,
  );
  const first = vector[0]! >= 0 ? 1 : -1; // first node in faction 0
  const a: string[] = [];
  const b: string[] = [];
  for (let i = 0; i < n; i++) {
    const u = vector[i]! * first;
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
