/**
 * Enumerates every closed triangle once, by the edge-iterator with a degree
 * ordering (Chiba & Nishizeki, "Arboricity and subgraph listing algorithms",
 * SIAM J. Computing 14(1), 1985, 210–223; Latapy, "Main-memory triangle
 * computations for very large (sparse (power-law)) graphs", Theoretical
 * Computer Science 407, 2008, 458–473): O(m^1.5) time, O(n + m) memory.
 */
import type { Adjacency } from './adjacency.js';

/**
 * Calls `visit(a, b, c, eab, eac, ebc)` for each triangle, with node indices
 * a < b < c and the ids of its three edges. The order of the calls is fixed
 * by the graph (deterministic) but not sorted.
 */
export function forEachTriangle(
  adj: Adjacency,
  visit: (a: number, b: number, c: number, eab: number, eac: number, ebc: number) => void,
): void {
  const { n, offsets, nbr, eid } = adj;
  // rank: by degree, then index; orient each edge from lower to higher rank.
  const degree = (i: number): number => offsets[i + 1]! - offsets[i]!;
  const higher = (u: number, v: number): boolean => {
    const du = degree(u);
    const dv = degree(v);
    return dv > du || (dv === du && v > u);
  };
  const mark = new Int32Array(n).fill(-1);
  for (let u = 0; u < n; u++) {
    for (let k = offsets[u]!; k < offsets[u + 1]!; k++) {
      const v = nbr[k]!;
      if (higher(u, v)) mark[v] = eid[k]!;
    }
    for (let k = offsets[u]!; k < offsets[u + 1]!; k++) {
      const v = nbr[k]!;
      if (!higher(u, v)) continue;
      const euv = eid[k]!;
      for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
        const w = nbr[j]!;
        if (!higher(v, w)) continue;
        const euw = mark[w]!;
        if (euw < 0) continue;
        emitSorted(u, v, w, euv, euw, eid[j]!, visit);
      }
    }
    for (let k = offsets[u]!; k < offsets[u + 1]!; k++) mark[nbr[k]!] = -1;
  }
}

function emitSorted(
  u: number,
  v: number,
  w: number,
  euv: number,
  euw: number,
  evw: number,
  visit: (a: number, b: number, c: number, eab: number, eac: number, ebc: number) => void,
): void {
  // Sort three nodes and carry the edges along: edge opposite each node.
  let x = u;
  let y = v;
  let z = w;
  let ex = evw; // opposite u
  let ey = euw; // opposite v
  let ez = euv; // opposite w
  let t: number;
  if (x > y) {
    t = x;
    x = y;
    y = t;
    t = ex;
    ex = ey;
    ey = t;
  }
  if (y > z) {
    t = y;
    y = z;
    z = t;
    t = ey;
    ey = ez;
    ez = t;
  }
  if (x > y) {
    t = x;
    x = y;
    y = t;
    t = ex;
    ex = ey;
    ey = t;
  }
  // edge ab is opposite c, ac opposite b, bc opposite a.
  visit(x, y, z, ez, ey, ex);
}
