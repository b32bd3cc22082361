/**
 * Fast frustration heuristic for large graphs: a spectral start (signs of
 * the leading eigenvector of the signed adjacency, see spectral.ts) and a
 * spanning-tree start (tree-signing.ts), each improved by greedy local
 * search (local-search.ts); the better one is then refined by iterated local
 * search (perturb a share of the nodes, search again, keep if better:
 * Lourenço, Martin & Stützle, "Iterated local search", Handbook of
 * Metaheuristics, 2003, 320–353). Alongside it states the lower bound it can
 * prove (lower-bound.ts): the answer is exact only when the two meet (a
 * balanced component always does: bound 0, frustration 0).
 *
 * Spectral start: Kunegis et al., SDM 2010. Local search: Doreian & Mrvar,
 * Social Networks 18, 1996. Everything is seeded: the same graph gives the
 * same answer on every run.
 */
import type { Adjacency } from './adjacency.js';
import { trianglePackingBound } from './lower-bound.js';
import { localSearch } from './local-search.js';
import { frustrationOfSides } from './partition.js';
import { DEFAULT_SEED, mulberry32 } from './prng.js';
import { leadingEigenvector, SPECTRAL_DEFAULTS } from './spectral.js';
import { treeSigning } from './tree-signing.js';

export const HEURISTIC_DEFAULTS = {
  ...SPECTRAL_DEFAULTS,
  /** Seed of the small noise added to the start vector. */
  seed: DEFAULT_SEED,
  /** Size of that noise relative to the ±1 tree start. */
  noise: 0.1,
  /**
   * Iterated local search after the two starts: rounds of perturbing the
   * best partition (moving a random share of nodes) and searching again,
   * kept when better. The default number of rounds is `workBudget / (n + m)`
   * clamped to [0, maxRounds], so small graphs get many and large ones few.
   */
  workBudget: 2_000_000,
  maxRounds: 200,
  perturbShare: 0.1,
} as const;

export interface HeuristicOptions {
  readonly maxIterations?: number;
  readonly tolerance?: number;
  readonly seed?: number;
  /** Rounds of iterated local search (default from the graph's size). */
  readonly rounds?: number;
}

export interface ComponentSolution {
  /** Side (0/1) per node of the component; node 0 is on side 0. */
  readonly side: Uint8Array;
  readonly frustration: number;
  /** A proven lower bound on the component's frustration index. */
  readonly lowerBound: number;
  /** Proven optimal (frustration equals the lower bound). */
  readonly exact: boolean;
}

/** Runs the heuristic on one connected component (local indices). */
export function heuristicComponent(
  adj: Adjacency,
  options: HeuristicOptions = {},
): ComponentSolution {
  const fn = 'heuristicComponent';
  if (options.rounds !== undefined && !(Number.isInteger(options.rounds) && options.rounds >= 0)) {
    throw new RangeError(`${fn}: rounds must be an integer >= 0, got ${options.rounds}`);
  }
  if (options.seed !== undefined && !Number.isFinite(options.seed)) {
    throw new RangeError(`${fn}: seed must be a finite number, got ${options.seed}`);
  }
  const tree = treeSigning(adj);
  const treeFrustration = frustrationOfSides(adj, tree);
  if (treeFrustration === 0) {
    return { side: tree, frustration: 0, lowerBound: 0, exact: true };
  }
  const random = mulberry32(options.seed ?? HEURISTIC_DEFAULTS.seed);
  const start = new Float64Array(adj.n);
  for (let i = 0; i < adj.n; i++) {
    start[i] = (tree[i] ? -1 : 1) + HEURISTIC_DEFAULTS.noise * (random() - 0.5);
  }
  const { vector } = leadingEigenvector(adj, {
    start,
    maxIterations: options.maxIterations ?? HEURISTIC_DEFAULTS.maxIterations,
    tolerance: options.tolerance ?? HEURISTIC_DEFAULTS.tolerance,
  });
  const spectral = new Uint8Array(adj.n);
  for (let i = 0; i < adj.n; i++) spectral[i] = vector[i]! < 0 ? 1 : 0;
  const fromSpectral = localSearch(adj, spectral).frustration;
  const fromTree = localSearch(adj, tree).frustration;
  let side = fromTree < fromSpectral ? tree : spectral;
  let frustration = Math.min(fromTree, fromSpectral);
  const rounds =
    options.rounds ??
    Math.min(
      HEURISTIC_DEFAULTS.maxRounds,
      Math.floor(HEURISTIC_DEFAULTS.workBudget / (adj.n + adj.m)),
    );
  const trial = new Uint8Array(adj.n);
  const lowerBound0 = trianglePackingBound(adj).bound;
  for (let r = 0; r < rounds && frustration > lowerBound0; r++) {
    trial.set(side);
    for (let i = 0; i < adj.n; i++) {
      if (random() < HEURISTIC_DEFAULTS.perturbShare) trial[i] = 1 - trial[i]!;
    }
    const value = localSearch(adj, trial).frustration;
    if (value < frustration) {
      frustration = value;
      side = Uint8Array.from(trial);
    }
  }
  if (side[0] === 1) for (let i = 0; i < adj.n; i++) side[i] = 1 - side[i]!;
  const lowerBound = Math.min(lowerBound0, frustration);
  return { side, frustration, lowerBound, exact: frustration <= lowerBound };
}
