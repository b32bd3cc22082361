/**
 * Separation of odd-cycle inequalities for the frustration (cut) polytope,
 * exactly, by shortest paths in a doubled graph (Barahona & Mahjoub, "On the
 * cut polytope", Mathematical Programming 36, 1986, 157–173; the same
 * inequalities strengthen the frustration-index models of Aref, Mason &
 * Wilson, Networks 75(1), 2020, 95–110).
 *
 * In any partition the frustrated edges of a cycle C number an odd count
 * when C has an odd number of negative edges and an even count otherwise.
 * So for every S ⊆ C whose size has the wrong parity,
 *
 *   sum_{e in S} (1 - f_e) + sum_{e in C \ S} f_e >= 1,
 *
 * which a fractional f may violate. A walk through the graph on two layers,
 * where an edge switches layer when (e in S) xor (e negative) and costs
 * 1 - f_e in S and f_e outside, finds the most violated one: a path from
 * (u, 0) to (u, 1) shorter than 1.
 */
import type { Adjacency } from './adjacency.js';

export const ODD_CYCLE_DEFAULTS = {
  /** A cut must be violated by more than this to be returned. */
  minViolation: 1e-4,
  /** Most cuts returned by one call (the most violated). */
  maxCuts: 400,
} as const;

/** sum over edges of coef * f >= rhs, coef +1 (outside S) or -1 (in S). */
export interface OddCycleCut {
  readonly edges: Int32Array;
  readonly coefs: Int8Array;
  readonly rhs: number;
  readonly violation: number;
}

export interface OddCycleOptions {
  readonly minViolation?: number;
  readonly maxCuts?: number;
}

/** The violated odd-cycle inequalities found from each node, most violated first. */
export function separateOddCycles(
  adj: Adjacency,
  f: ArrayLike<number>,
  options: OddCycleOptions = {},
): OddCycleCut[] {
  const minViolation = options.minViolation ?? ODD_CYCLE_DEFAULTS.minViolation;
  const maxCuts = options.maxCuts ?? ODD_CYCLE_DEFAULTS.maxCuts;
  const { n, offsets, nbr, eid, sign } = adj;
  const N = 2 * n;
  const dist = new Float64Array(N);
  const prevNode = new Int32Array(N);
  const prevEdge = new Int32Array(N);
  const done = new Uint8Array(N);
  const heap = new MinHeap(N);
  const found = new Map<string, OddCycleCut>();
  const cost = (e: number, inS: number): number => {
    const v = f[e]!;
    const c = inS ? 1 - v : v;
    return c < 0 ? 0 : c;
  };
  for (let u = 0; u < n; u++) {
    dist.fill(Number.POSITIVE_INFINITY);
    done.fill(0);
    heap.clear();
    const source = 2 * u;
    const target = 2 * u + 1;
    dist[source] = 0;
    prevNode[source] = -1;
    heap.push(source, 0);
    while (heap.size > 0) {
      const s = heap.pop();
      if (done[s]) continue;
      done[s] = 1;
      if (s === target || dist[s]! >= 1 - minViolation) break;
      const v = s >> 1;
      const layer = s & 1;
      for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
        const w = nbr[k]!;
        const e = eid[k]!;
        const negative = sign[e]! < 0 ? 1 : 0;
        for (let inS = 0; inS < 2; inS++) {
          const t = 2 * w + (layer ^ inS ^ negative);
          const d = dist[s]! + cost(e, inS);
          if (d < dist[t]!) {
            dist[t] = d;
            prevNode[t] = s;
            prevEdge[t] = e;
            heap.push(t, d);
          }
        }
      }
    }
    if (!(dist[target]! < 1 - minViolation)) continue;
    // The walk, as (node, edge used to reach it, layer change) steps.
    const walkNodes: number[] = [];
    const walkEdges: number[] = [];
    const walkInS: number[] = [];
    for (let s = target; prevNode[s]! >= 0; s = prevNode[s]!) {
      const p = prevNode[s]!;
      const e = prevEdge[s]!;
      const negative = sign[e]! < 0 ? 1 : 0;
      walkNodes.push(s >> 1);
      walkEdges.push(e);
      walkInS.push((s & 1) ^ (p & 1) ^ negative);
    }
    const cut = simpleCycleCut(walkNodes, walkEdges, walkInS, f, sign);
    if (!cut || cut.violation <= minViolation) continue;
    const key = cycleKey(cut);
    const old = found.get(key);
    if (!old || old.violation < cut.violation) found.set(key, cut);
  }
  return [...found.values()]
    .sort((p, q) => q.violation - p.violation || compareArrays(p.edges, q.edges))
    .slice(0, maxCuts);
}

/**
 * A closed walk with an odd number of S-edges-or-negatives may repeat nodes;
 * split it at a repeated node into two closed walks, keep the one with the
 * wrong parity (at most the whole cost, so still violated), until simple.
 */
function simpleCycleCut(
  nodes: number[],
  edges: number[],
  inS: number[],
  f: ArrayLike<number>,
  sign: Int8Array,
): OddCycleCut | undefined {
  // nodes[k] is the node the walk leaves by edges[k] (walking it backwards);
  // the walk is closed.
  let ns = nodes;
  let es = edges;
  let ss = inS;
  for (;;) {
    const seen = new Map<number, number>();
    let split: [number, number] | undefined;
    for (let k = 0; k < ns.length; k++) {
      const first = seen.get(ns[k]!);
      if (first !== undefined) {
        split = [first, k];
        break;
      }
      seen.set(ns[k]!, k);
    }
    if (!split) break;
    const [i, j] = split;
    // The visits i and j of one node close the inner walk (edges i..j-1).
    const inner = { ns: ns.slice(i, j), es: es.slice(i, j), ss: ss.slice(i, j) };
    const outer = {
      ns: [...ns.slice(0, i), ...ns.slice(j)],
      es: [...es.slice(0, i), ...es.slice(j)],
      ss: [...ss.slice(0, i), ...ss.slice(j)],
    };
    // The whole walk switches layer an odd number of times: exactly one part does.
    const pick = switchesOdd(inner.es, inner.ss, sign) ? inner : outer;
    ns = pick.ns;
    es = pick.es;
    ss = pick.ss;
  }
  // A walk back and forth over one edge is never violated; no cut.
  if (new Set(es).size !== es.length) return undefined;
  let slack = 0;
  let inCount = 0;
  const coefs = new Int8Array(es.length);
  for (let k = 0; k < es.length; k++) {
    const v = f[es[k]!]!;
    if (ss[k]) {
      slack += 1 - v;
      inCount += 1;
      coefs[k] = -1;
    } else {
      slack += v;
      coefs[k] = 1;
    }
  }
  const order = es.map((e, k) => [e, coefs[k]!] as const).sort((p, q) => p[0] - q[0]);
  return {
    edges: Int32Array.from(order.map((p) => p[0])),
    coefs: Int8Array.from(order.map((p) => p[1])),
    rhs: 1 - inCount,
    violation: 1 - slack,
  };
}

function switchesOdd(es: number[], ss: number[], sign: Int8Array): boolean {
  let p = 0;
  for (let k = 0; k < es.length; k++) p ^= ss[k]! ^ (sign[es[k]!]! < 0 ? 1 : 0);
  return p === 1;
}

function cycleKey(cut: OddCycleCut): string {
  return `${cut.edges.join(',')}|${cut.coefs.join(',')}`;
}

function compareArrays(a: Int32Array, b: Int32Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** Binary min-heap of (item, key) with lazy deletion. */
class MinHeap {
  private items: Int32Array;
  private keys: Float64Array;
  size = 0;
  constructor(capacity: number) {
    this.items = new Int32Array(Math.max(16, capacity));
    this.keys = new Float64Array(Math.max(16, capacity));
  }
  clear(): void {
    this.size = 0;
  }
  push(item: number, key: number): void {
    if (this.size === this.items.length) {
      const items = new Int32Array(this.items.length * 2);
      items.set(this.items);
      const keys = new Float64Array(this.keys.length * 2);
      keys.set(this.keys);
      this.items = items;
      this.keys = keys;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.items[i] = this.items[parent]!;
      this.keys[i] = this.keys[parent]!;
      i = parent;
    }
    this.items[i] = item;
    this.keys[i] = key;
  }
  pop(): number {
    const top = this.items[0]!;
    const lastItem = this.items[--this.size]!;
    const lastKey = this.keys[this.size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1]! < this.keys[child]!) child += 1;
      if (this.keys[child]! >= lastKey) break;
      this.items[i] = this.items[child]!;
      this.keys[i] = this.keys[child]!;
      i = child;
    }
    this.items[i] = lastItem;
    this.keys[i] = lastKey;
    return top;
  }
}
