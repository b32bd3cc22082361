/**
 * Compressed sparse adjacency (CSR) of a signed graph, indexed by the
 * position of each node in `graph.nodes` (so index order is id order). The
 * algorithms work on these typed arrays; nothing here is dense.
 */
import type { SignedGraph } from './signed-graph.js';

export interface Adjacency {
  /** Number of nodes. */
  readonly n: number;
  /** Number of edges. */
  readonly m: number;
  /** Edge endpoints, `ea[e] < eb[e]`. */
  readonly ea: Int32Array;
  readonly eb: Int32Array;
  readonly sign: Int8Array;
  readonly weight: Float64Array;
  /** Neighbours of node i: `nbr[offsets[i] .. offsets[i+1])`, ascending; `eid` the edge. */
  readonly offsets: Int32Array;
  readonly nbr: Int32Array;
  readonly eid: Int32Array;
}

/** The adjacency of a whole graph. */
export function adjacencyOf(graph: SignedGraph): Adjacency {
  const index = new Map<string, number>();
  graph.nodes.forEach((id, i) => index.set(id, i));
  const m = graph.edges.length;
  const ea = new Int32Array(m);
  const eb = new Int32Array(m);
  const sign = new Int8Array(m);
  const weight = new Float64Array(m);
  graph.edges.forEach((e, k) => {
    const a = index.get(e.a);
    const b = index.get(e.b);
    if (a === undefined || b === undefined) {
      throw new Error(`adjacencyOf: edge ${e.a}–${e.b} names a node missing from the graph`);
    }
    ea[k] = Math.min(a, b);
    eb[k] = Math.max(a, b);
    sign[k] = e.sign;
    weight[k] = e.weight;
  });
  return fromEdgeArrays(graph.nodes.length, ea, eb, sign, weight);
}

/** Builds the CSR arrays from edge arrays (`ea[e] < eb[e]`). */
export function fromEdgeArrays(
  n: number,
  ea: Int32Array,
  eb: Int32Array,
  sign: Int8Array,
  weight: Float64Array,
): Adjacency {
  const m = ea.length;
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    offsets[ea[e]! + 1]! += 1;
    offsets[eb[e]! + 1]! += 1;
  }
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, n);
  const nbr = new Int32Array(2 * m);
  const eid = new Int32Array(2 * m);
  // Neighbours below i first (edges taken in ascending order of their lower
  // end), then neighbours above i (ascending upper end): every list ascends.
  for (const e of countingOrder(n, ea)) {
    const b = eb[e]!;
    nbr[fill[b]!] = ea[e]!;
    eid[fill[b]!] = e;
    fill[b]! += 1;
  }
  for (const e of countingOrder(n, eb)) {
    const a = ea[e]!;
    nbr[fill[a]!] = eb[e]!;
    eid[fill[a]!] = e;
    fill[a]! += 1;
  }
  return { n, m, ea, eb, sign, weight, offsets, nbr, eid };
}

/** Edge ids in ascending order of `key[e]` (stable counting sort). */
function countingOrder(n: number, key: Int32Array): Int32Array {
  const m = key.length;
  const start = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) start[key[e]! + 1]! += 1;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const out = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const k = key[e]!;
    out[start[k]!] = e;
    start[k]! += 1;
  }
  return out;
}

/**
 * The adjacency of the subgraph induced by `nodes` (ascending indices into
 * `adj`), with local indices 0..k-1 in the same order and `edgeMap[local]`
 * the edge's index in `adj`.
 */
export function subAdjacency(
  adj: Adjacency,
  nodes: ArrayLike<number>,
  scratch?: Int32Array,
): { adj: Adjacency; edgeMap: Int32Array } {
  // `scratch` (length n, all -1) saves an allocation per call; it is restored.
  const local = scratch ?? new Int32Array(adj.n).fill(-1);
  for (let i = 0; i < nodes.length; i++) local[nodes[i]!] = i;
  const edges: number[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const u = nodes[i]!;
    for (let k = adj.offsets[u]!; k < adj.offsets[u + 1]!; k++) {
      const v = adj.nbr[k]!;
      if (v > u && local[v]! >= 0) edges.push(adj.eid[k]!);
    }
  }
  const m = edges.length;
  const ea = new Int32Array(m);
  const eb = new Int32Array(m);
  const sign = new Int8Array(m);
  const weight = new Float64Array(m);
  const edgeMap = Int32Array.from(edges);
  edges.forEach((e, k) => {
    ea[k] = local[adj.ea[e]!]!;
    eb[k] = local[adj.eb[e]!]!;
    sign[k] = adj.sign[e]!;
    weight[k] = adj.weight[e]!;
  });
  for (let i = 0; i < nodes.length; i++) local[nodes[i]!] = -1;
  return { adj: fromEdgeArrays(nodes.length, ea, eb, sign, weight), edgeMap };
}
