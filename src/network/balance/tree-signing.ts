/**
 * Sides from a breadth-first spanning tree: the root on side 0, each tree
 * edge's sign decides its child's side. The graph (component) is balanced
 * exactly when this leaves no edge frustrated (Harary 1953; Cartwright &
 * Harary 1956), which this checks in O(n + m).
 */
import type { Adjacency } from './adjacency.js';

/** Sides for a connected adjacency from root 0 (other components: their own roots). */
export function treeSigning(adj: Adjacency): Uint8Array {
  const side = new Uint8Array(adj.n);
  const seen = new Uint8Array(adj.n);
  const queue = new Int32Array(adj.n);
  for (let root = 0; root < adj.n; root++) {
    if (seen[root]) continue;
    seen[root] = 1;
    let head = 0;
    let tail = 0;
    queue[tail++] = root;
    while (head < tail) {
      const u = queue[head++]!;
      for (let k = adj.offsets[u]!; k < adj.offsets[u + 1]!; k++) {
        const v = adj.nbr[k]!;
        if (seen[v]) continue;
        seen[v] = 1;
        side[v] = adj.sign[adj.eid[k]!]! > 0 ? side[u]! : 1 - side[u]!;
        queue[tail++] = v;
      }
    }
  }
  return side;
}
