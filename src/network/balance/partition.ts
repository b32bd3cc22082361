/**
 * Two-group partitions and the frustration they leave: an edge is frustrated
 * when it is positive across the groups or negative inside one. The least
 * total weight of frustrated edges over all partitions is the frustration
 * index, or line index of balance (Harary, "On the measurement of structural
 * balance", Behavioral Science 4(4), 1959, 316–323).
 */
import { UsageError } from '../../domain/errors.js';
import { adjacencyOf, type Adjacency } from './adjacency.js';
import type { SignedGraph } from './signed-graph.js';

/** Whether an edge of this sign between nodes on sides sa, sb is frustrated. */
export function isFrustrated(sign: number, sa: number, sb: number): boolean {
  return sign > 0 ? sa !== sb : sa === sb;
}

/** Total weight of the frustrated edges for a side (0/1) per node. */
export function frustrationOfSides(adj: Adjacency, side: ArrayLike<number>): number {
  let total = 0;
  for (let e = 0; e < adj.m; e++) {
    if (isFrustrated(adj.sign[e]!, side[adj.ea[e]!]!, side[adj.eb[e]!]!)) total += adj.weight[e]!;
  }
  return total;
}

/**
 * The frustration a two-group partition of the graph's nodes leaves. Every
 * node must be in exactly one group.
 */
export function frustrationOf(
  graph: SignedGraph,
  partition: readonly [Iterable<string>, Iterable<string>],
): number {
  const index = new Map<string, number>();
  graph.nodes.forEach((id, i) => index.set(id, i));
  const side = new Int8Array(graph.nodes.length).fill(-1);
  partition.forEach((group, g) => {
    for (const id of group) {
      const i = index.get(id);
      if (i === undefined)
        throw new UsageError(`frustrationOf: "${id}" is not a node of the graph`);
      if (side[i] !== -1) throw new UsageError(`frustrationOf: "${id}" is in both groups`);
      side[i] = g;
    }
  });
  const missing = graph.nodes.find((_, i) => side[i] === -1);
  if (missing !== undefined)
    throw new UsageError(`frustrationOf: "${missing}" is in neither group`);
  return frustrationOfSides(adjacencyOf(graph), side);
}

/**
 * The partition as two sorted id lists, the group holding the graph's
 * alphabetically first node first.
 */
export function sidesToPartition(
  ids: readonly string[],
  side: ArrayLike<number>,
): [string[], string[]] {
  const groups: [string[], string[]] = [[], []];
  const first = ids.length > 0 ? side[0]! : 0;
  ids.forEach((id, i) => groups[side[i] === first ? 0 : 1].push(id));
  return groups;
}
