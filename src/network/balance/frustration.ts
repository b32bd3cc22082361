/**
 * The frustration index of a signed graph (the least total weight of edges
 * whose sign must flip for the graph to be balanced; for unweighted graphs,
 * their number) and an optimal two-group partition (Harary 1959; Aref &
 * Wilson, "Balance and frustration in signed networks", Journal of Complex
 * Networks 7(2), 2019, 163–189).
 *
 * Each connected component is solved on its own: first the heuristic
 * (frustration-heuristic.ts), which settles balanced components and those
 * where its bound meets its answer; then, for components of at most
 * `exactUpTo` nodes, smallest first, the exact binary program
 * (frustration-exact.ts) started from the heuristic's partition, within one
 * time limit for all. Larger components, and any the time limit does not
 * reach, keep the heuristic's answer with `exact: false` and its proven
 * lower bound.
 */
import { UsageError } from '../../domain/errors.js';
import { adjacencyOf, subAdjacency } from './adjacency.js';
import { connectedComponents } from './components.js';
import { EXACT_DEFAULTS, exactComponent } from './frustration-exact.js';
import { heuristicComponent, type ComponentSolution } from './frustration-heuristic.js';
import { highsRuntime } from './highs-runtime.js';
import { sidesToPartition } from './partition.js';
import type { SignedGraph } from './signed-graph.js';

export const FRUSTRATION_DEFAULTS = {
  /** 'auto': exact up to `exactUpTo` nodes a component, heuristic beyond. */
  method: 'auto',
  /** Largest component (in nodes) solved exactly in 'auto'. */
  exactUpTo: 200,
  /** Seconds the exact solver may spend, in all (components share it in order). */
  timeLimitSeconds: EXACT_DEFAULTS.timeLimitSeconds,
} as const;

export type FrustrationMethod = 'auto' | 'exact' | 'heuristic';

export interface FrustrationOptions {
  readonly method?: FrustrationMethod;
  readonly exactUpTo?: number;
  /**
   * Seconds for the exact solver over all components, taken in order; a
   * component it does not finish keeps its best partition with exact: false.
   */
  readonly timeLimitSeconds?: number;
}

export interface ComponentSummary {
  /** The component's alphabetically first node. */
  readonly first: string;
  readonly nodes: number;
  readonly edges: number;
  /** Which solver gave the answer. */
  readonly method: 'exact' | 'heuristic';
  readonly frustration: number;
  readonly lowerBound: number;
  readonly exact: boolean;
}

export interface FrustrationResult {
  /** Total weight of frustrated edges under `partition` (an upper bound unless exact). */
  readonly frustrationIndex: number;
  /** Proven optimal in every component. */
  readonly exact: boolean;
  /** Proven lower bound (equals frustrationIndex when exact); the gap is their difference. */
  readonly lowerBound: number;
  /** Two sorted groups, the one holding the alphabetically first node first. */
  readonly partition: [string[], string[]];
  readonly components: ComponentSummary[];
}

/** Frustration index and partition, component by component. */
export async function frustrationIndex(
  graph: SignedGraph,
  options: FrustrationOptions = {},
): Promise<FrustrationResult> {
  const fn = 'frustrationIndex';
  const method = options.method ?? FRUSTRATION_DEFAULTS.method;
  if (!['auto', 'exact', 'heuristic'].includes(method)) {
    throw new UsageError(`${fn}: method must be auto, exact or heuristic, got ${String(method)}`);
  }
  const exactUpTo = options.exactUpTo ?? FRUSTRATION_DEFAULTS.exactUpTo;
  if (!(typeof exactUpTo === 'number' && exactUpTo >= 0)) {
    throw new UsageError(`${fn}: exactUpTo must be a number >= 0, got ${String(exactUpTo)}`);
  }
  const timeLimitSeconds = options.timeLimitSeconds ?? FRUSTRATION_DEFAULTS.timeLimitSeconds;
  if (!(typeof timeLimitSeconds === 'number' && timeLimitSeconds > 0)) {
    throw new UsageError(
      `${fn}: timeLimitSeconds must be a number > 0, got ${String(timeLimitSeconds)}`,
    );
  }
  const adj = adjacencyOf(graph);
  const scratch = new Int32Array(adj.n).fill(-1);
  // First the heuristic everywhere (cheap; settles balanced components).
  const parts = connectedComponents(adj).map((nodes) => {
    const sub = subAdjacency(adj, nodes, scratch).adj;
    const solution: ComponentSolution = heuristicComponent(sub);
    return { nodes, sub, solution, used: 'heuristic' as 'exact' | 'heuristic' };
  });
  // Then the exact solver where wanted, smallest components first, so one
  // hard component cannot starve the easy ones of the shared time limit.
  const pending = parts
    .filter((p) => !p.solution.exact)
    .filter((p) => method === 'exact' || (method === 'auto' && p.sub.n <= exactUpTo))
    .sort((p, q) => p.sub.n - q.sub.n || p.sub.m - q.sub.m);
  if (pending.length > 0) await highsRuntime(); // loading is not solving time
  const deadline = performance.now() + timeLimitSeconds * 1000;
  for (const part of pending) {
    const left = (deadline - performance.now()) / 1000;
    if (left <= 0) break;
    const heuristic = part.solution;
    const exact = await exactComponent(part.sub, { timeLimitSeconds: left, start: heuristic.side });
    // The solver starts from the heuristic's partition, so it is never worse;
    // keep the better of the two lower bounds.
    const lowerBound = Math.max(exact.lowerBound, heuristic.lowerBound);
    part.solution = { ...exact, lowerBound, exact: exact.exact || lowerBound >= exact.frustration };
    part.used = 'exact';
  }
  const side = new Uint8Array(adj.n);
  let total = 0;
  let bound = 0;
  const components: ComponentSummary[] = parts.map(({ nodes, sub, solution, used }) => {
    nodes.forEach((g, i) => (side[g] = solution.side[i]!));
    total += solution.frustration;
    bound += solution.lowerBound;
    return {
      first: graph.nodes[nodes[0]!]!,
      nodes: sub.n,
      edges: sub.m,
      method: used,
      frustration: solution.frustration,
      lowerBound: solution.lowerBound,
      exact: solution.exact,
    };
  });
  return {
    frustrationIndex: total,
    exact: components.every((c) => c.exact),
    lowerBound: bound,
    partition: sidesToPartition(graph.nodes, side),
    components,
  };
}

/** The exact method on every component, whatever its size. */
export function exactFrustration(
  graph: SignedGraph,
  options: { readonly timeLimitSeconds?: number } = {},
): Promise<FrustrationResult> {
  return frustrationIndex(graph, { ...options, method: 'exact' });
}

/** The heuristic alone on every component. */
export function heuristicFrustration(graph: SignedGraph): Promise<FrustrationResult> {
  return frustrationIndex(graph, { method: 'heuristic' });
}
