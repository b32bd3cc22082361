/**
 * Triad census of a signed graph: every closed triangle by its signs
 * (+++, ++-, +--, ---). A triangle is balanced when it has an even number of
 * negative edges (Heider, "Attitudes and cognitive organization", J.
 * Psychology 21, 1946, 107–112; Cartwright & Harary 1956). The unbalanced
 * ones are listed heaviest first: by the sum of |weight| of their edges,
 * ties by node ids.
 */
import { adjacencyOf, type Adjacency } from './adjacency.js';
import type { Sign, SignedGraph } from './signed-graph.js';
import { forEachTriangle } from './triangles.js';

export type TriadType = '+++' | '++-' | '+--' | '---';

export interface TriadCensus {
  readonly '+++': number;
  readonly '++-': number;
  readonly '+--': number;
  readonly '---': number;
  readonly balanced: number;
  readonly unbalanced: number;
}

export interface UnbalancedTriad {
  /** The three node ids, sorted. */
  readonly nodes: readonly [string, string, string];
  /** Signs of the edges a–b, a–c, b–c. */
  readonly signs: readonly [Sign, Sign, Sign];
  readonly type: TriadType;
  /** Sum of |weight| of the three edges. */
  readonly weight: number;
}

export interface TriadOptions {
  /** Keep at most this many unbalanced triads (the heaviest); default all. */
  readonly limit?: number;
}

const TYPES: readonly TriadType[] = ['+++', '++-', '+--', '---'];

/** Census and ranked unbalanced triads in one pass. */
export function analyseTriads(
  graph: SignedGraph,
  options: TriadOptions = {},
): { census: TriadCensus; unbalanced: UnbalancedTriad[] } {
  return triadsOf(adjacencyOf(graph), graph.nodes, options);
}

/** The census alone. */
export function triadCensus(graph: SignedGraph): TriadCensus {
  return triadsOf(adjacencyOf(graph), graph.nodes, { limit: 0 }).census;
}

/** The unbalanced triads, heaviest first. */
export function unbalancedTriads(
  graph: SignedGraph,
  options: TriadOptions = {},
): UnbalancedTriad[] {
  return triadsOf(adjacencyOf(graph), graph.nodes, options).unbalanced;
}

/** Same as `analyseTriads`, on an adjacency already built. */
export function triadsOf(
  adj: Adjacency,
  ids: readonly string[],
  options: TriadOptions = {},
): { census: TriadCensus; unbalanced: UnbalancedTriad[] } {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  if (!(limit >= 0)) throw new RangeError(`triadsOf: limit must be >= 0, got ${String(limit)}`);
  const counts = [0, 0, 0, 0];
  const found: { a: number; b: number; c: number; s: [Sign, Sign, Sign]; w: number }[] = [];
  forEachTriangle(adj, (a, b, c, eab, eac, ebc) => {
    const s: [Sign, Sign, Sign] = [
      adj.sign[eab]! as Sign,
      adj.sign[eac]! as Sign,
      adj.sign[ebc]! as Sign,
    ];
    const negatives = (s[0] < 0 ? 1 : 0) + (s[1] < 0 ? 1 : 0) + (s[2] < 0 ? 1 : 0);
    counts[negatives]! += 1;
    if (negatives % 2 === 1 && limit > 0) {
      found.push({ a, b, c, s, w: adj.weight[eab]! + adj.weight[eac]! + adj.weight[ebc]! });
    }
  });
  // Node indices follow id order, so comparing indices compares ids.
  found.sort((p, q) => q.w - p.w || p.a - q.a || p.b - q.b || p.c - q.c);
  const kept = Number.isFinite(limit) ? found.slice(0, limit) : found;
  const unbalanced = kept.map((t) => ({
    nodes: [ids[t.a]!, ids[t.b]!, ids[t.c]!] as const,
    signs: t.s,
    type: TYPES[t.s.filter((x) => x < 0).length]!,
    weight: t.w,
  }));
  return {
    census: {
      '+++': counts[0]!,
      '++-': counts[1]!,
      '+--': counts[2]!,
      '---': counts[3]!,
      balanced: counts[0]! + counts[2]!,
      unbalanced: counts[1]! + counts[3]!,
    },
    unbalanced,
  };
}
