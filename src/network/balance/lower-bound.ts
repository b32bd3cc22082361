/**
 * A lower bound on the frustration index from a greedy packing of
 * edge-disjoint unbalanced triangles: every unbalanced cycle has at least one
 * frustrated edge in any partition, so edge-disjoint unbalanced triangles
 * need at least one frustrated edge each, costing at least their lightest
 * edge (the cycle-packing bound used by Aref, Mason & Wilson, "A modeling
 * and computational study of the frustration index in signed networks",
 * Networks 75(1), 2020, 95–110).
 */
import type { Adjacency } from './adjacency.js';
import { forEachTriangle } from './triangles.js';

/** The bound and the number of triangles packed. */
export function trianglePackingBound(adj: Adjacency): { bound: number; triangles: number } {
  const used = new Uint8Array(adj.m);
  let bound = 0;
  let triangles = 0;
  forEachTriangle(adj, (_a, _b, _c, eab, eac, ebc) => {
    if (used[eab] || used[eac] || used[ebc]) return;
    if (adj.sign[eab]! * adj.sign[eac]! * adj.sign[ebc]! > 0) return;
    used[eab] = 1;
    used[eac] = 1;
    used[ebc] = 1;
    bound += Math.min(adj.weight[eab]!, adj.weight[eac]!, adj.weight[ebc]!);
    triangles += 1;
  });
  return { bound, triangles };
}
