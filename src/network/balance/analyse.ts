/**
 * Structural balance of a signed graph in one call: the frustration index
 * with an optimal (or best found) two-group partition, and the triad census
 * with the unbalanced triads heaviest first. After Aref & Wilson, "Balance
 * and frustration in signed networks", Journal of Complex Networks 7(2),
 * 2019, 163–189, which reads both measures together.
 */
import { adjacencyOf } from './adjacency.js';
import { FRUSTRATION_DEFAULTS, frustrationIndex, type ComponentSummary } from './frustration.js';
import type { SignedGraph } from './signed-graph.js';
import { triadsOf, type TriadCensus, type UnbalancedTriad } from './triads.js';

export const ANALYSE_DEFAULTS = {
  exactUpTo: FRUSTRATION_DEFAULTS.exactUpTo,
  timeLimitSeconds: FRUSTRATION_DEFAULTS.timeLimitSeconds,
  /** Unbalanced triads listed (the heaviest); all by default. */
  triadLimit: Number.POSITIVE_INFINITY,
} as const;

export interface AnalyseOptions {
  /** Components of at most this many nodes are solved exactly (default 200). */
  readonly exactUpTo?: number;
  /** Time limit of the exact solver, in seconds, for all components together (default 10). */
  readonly timeLimitSeconds?: number;
  /** List at most this many unbalanced triads. */
  readonly triadLimit?: number;
}

export interface BalanceAnalysis {
  readonly frustrationIndex: number;
  readonly exact: boolean;
  readonly lowerBound: number;
  readonly partition: [string[], string[]];
  readonly triads: TriadCensus;
  readonly unbalancedTriads: UnbalancedTriad[];
  readonly components: ComponentSummary[];
}

export async function analyseBalance(
  graph: SignedGraph,
  options: AnalyseOptions = {},
): Promise<BalanceAnalysis> {
  const frustration = await frustrationIndex(graph, {
    method: 'auto',
    exactUpTo: options.exactUpTo ?? ANALYSE_DEFAULTS.exactUpTo,
    timeLimitSeconds: options.timeLimitSeconds ?? ANALYSE_DEFAULTS.timeLimitSeconds,
  });
  const { census, unbalanced } = triadsOf(adjacencyOf(graph), graph.nodes, {
    limit: options.triadLimit ?? ANALYSE_DEFAULTS.triadLimit,
  });
  return {
    frustrationIndex: frustration.frustrationIndex,
    exact: frustration.exact,
    lowerBound: frustration.lowerBound,
    partition: frustration.partition,
    triads: census,
    unbalancedTriads: unbalanced,
    components: frustration.components,
  };
}
