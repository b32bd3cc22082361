/**
 * Connected components by breadth-first search (Moore, "The shortest path
 * through a maze", Proc. Int. Symp. Theory of Switching, 1959), O(n + m). Components come in order of
 * their smallest node index (so of their alphabetically first id), and each
 * lists its nodes in ascending index order.
 */
import type { Adjacency } from './adjacency.js';

export function connectedComponents(adj: Adjacency): Int32Array[] {
  const seen = new Uint8Array(adj.n);
  const queue = new Int32Array(adj.n);
  const out: Int32Array[] = [];
  for (let s = 0; s < adj.n; s++) {
    if (seen[s]) continue;
    seen[s] = 1;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    while (head < tail) {
      const u = queue[head++]!;
      for (let k = adj.offsets[u]!; k < adj.offsets[u + 1]!; k++) {
        const v = adj.nbr[k]!;
        if (!seen[v]) {
          seen[v] = 1;
          queue[tail++] = v;
        }
      }
    }
    out.push(queue.slice(0, tail).sort());
  }
  return out;
}
