/**
 * Fast frustration heuristic for large graphs: a spectral start (signs of
 * the leading eigenvector of the signed adjacency, see spectral.ts) and a
 * spanning-tree start (tree-signing.ts), each improved by greedy local
 * search (local-search.ts); the better one is kept. Alongside it states the
 * lower bound it can prove (lower-bound.ts): the answer is exact only when
 * the two meet (a balanced component always does: bound 0, frustration 0).
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
} as const;

export interface HeuristicOptions {
  readonly maxIterations?: number;
  readonly tolerance?: number;
  readonly seed?: number;
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
  const side = fromTree < fromSpectral ? tree : spectral;
  const frustration = Math.min(fromTree, fromSpectral);
  if (side[0] === 1) for (let i = 0; i < adj.n; i++) side[i] = 1 - side[i]!;
  const lowerBound = Math.min(trianglePackingBound(adj).bound, frustration);
  return { side, frustration, lowerBound, exact: frustration <= lowerBound };
}
