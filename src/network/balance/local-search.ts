/**
 * Greedy local search for a low-frustration partition: move a node to the
 * other side while that lowers the total weight of frustrated edges, until
 * no single move does (a 1-opt local minimum, as in the node-flip moves of
 * Doreian & Mrvar, "A partitioning approach to structural balance", Social
 * Networks 18(2), 1996, 149–168). Each move strictly lowers the frustration,
 * so it ends; nodes are revisited first-in first-out, so it is deterministic.
 */
import type { Adjacency } from './adjacency.js';
import { frustrationOfSides, isFrustrated } from './partition.js';

/** A move must gain more than this (guards float round-off with weights). */
export const LOCAL_SEARCH_EPSILON = 1e-9;

/** Improves `side` in place; returns the frustration it ends with and the moves made. */
export function localSearch(
  adj: Adjacency,
  side: Uint8Array,
): { frustration: number; moves: number } {
  const { n, offsets, nbr, eid, sign, weight } = adj;
  // frustrated and total incident weight per node
  const bad = new Float64Array(n);
  const total = new Float64Array(n);
  for (let e = 0; e < adj.m; e++) {
    const a = adj.ea[e]!;
    const b = adj.eb[e]!;
    const w = weight[e]!;
    total[a]! += w;
    total[b]! += w;
    if (isFrustrated(sign[e]!, side[a]!, side[b]!)) {
      bad[a]! += w;
      bad[b]! += w;
    }
  }
  const queue = new Int32Array(n);
  const queued = new Uint8Array(n).fill(1);
  for (let i = 0; i < n; i++) queue[i] = i;
  let head = 0;
  let size = n;
  let moves = 0;
  while (size > 0) {
    const u = queue[head]!;
    head = head + 1 === n ? 0 : head + 1;
    size -= 1;
    queued[u] = 0;
    // Moving u makes its frustrated edges satisfied and the others frustrated.
    if (2 * bad[u]! - total[u]! <= LOCAL_SEARCH_EPSILON) continue;
    side[u] = 1 - side[u]!;
    moves += 1;
    bad[u] = total[u]! - bad[u]!;
    for (let k = offsets[u]!; k < offsets[u + 1]!; k++) {
      const v = nbr[k]!;
      const e = eid[k]!;
      const w = weight[e]!;
      if (isFrustrated(sign[e]!, side[u]!, side[v]!)) bad[v]! += w;
      else bad[v]! -= w;
      if (!queued[v]) {
        queued[v] = 1;
        queue[(head + size) % n] = v;
        size += 1;
      }
    }
  }
  return { frustration: frustrationOfSides(adj, side), moves };
}
