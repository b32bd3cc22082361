/**
 * Triad dynamics of Antal, Krapivsky & Redner ("Dynamics of social balance on
 * networks", Phys. Rev. E 72, 036121, 2005) on a real, sparse network: the
 * published update rules run on the triangles that exist (three actors with
 * evidence on all three pairs) instead of a complete graph.
 *   - local triad dynamics (LTD, their §II): pick an imbalanced triangle at
 *     random; a +,+,− one turns its − link + with probability p, otherwise
 *     one of its + links −; a −,−,− one flips a random link;
 *   - constrained triad dynamics (CTD, their §III): pick a link at random;
 *     flip it if that lowers the number of imbalanced triangles, with
 *     probability 1/2 if it leaves the number unchanged, never if it raises
 *     it. CTD settles in a balanced or a jammed state quickly; LTD with
 *     p < 1/2 wanders, so on a real network its end state is a sample.
 * Two additions a scenario needs:
 *   - pinned links (imposed by a shock) never flip;
 *   - inertia: a flip the rule allows happens with probability
 *     1 / (1 + inertia × strength), strength in [0, 1], so links backed by
 *     much consistent evidence resist (inertia 0 is the published rule).
 * The complete-graph LTD kernel in triad-dynamics.ts is kept separate: it
 * is tuned for millions of updates on dense graphs, this one for thousands
 * on a few hundred links.
 */

import { fromEdgeArrays } from '../network/balance/adjacency.js';
import { forEachTriangle } from '../network/balance/triangles.js';

export type TriadRule = 'constrained' | 'local';

export interface SparseTriadInput {
  /** Number of nodes; edges refer to nodes by index. */
  readonly n: number;
  readonly edges: readonly {
    readonly a: number;
    readonly b: number;
    readonly sign: 1 | -1;
    /** In [0, 1]: how much this link resists a flip. */
    readonly strength: number;
    readonly pinned: boolean;
  }[];
}

export interface SparseTriadOptions {
  readonly rule: TriadRule;
  /** LTD: probability that an imbalanced +,+,− triangle resolves by turning its − link +. */
  readonly p: number;
  readonly inertia: number;
  /** Update attempts before stopping (a jammed or wandering state). */
  readonly maxUpdates: number;
  readonly rand: () => number;
}

/** Triangles as triples of edge indexes (the balance engine's listing), and the triangles each edge is in. */
function triangles(input: SparseTriadInput): { tri: Int32Array; byEdge: number[][] } {
  const { n, edges } = input;
  const ea = Int32Array.from(edges, (e) => Math.min(e.a, e.b));
  const eb = Int32Array.from(edges, (e) => Math.max(e.a, e.b));
  const adj = fromEdgeArrays(
    n,
    ea,
    eb,
    Int8Array.from(edges, (e) => e.sign),
    new Float64Array(edges.length).fill(1),
  );
  const list: number[] = [];
  forEachTriangle(adj, (_a, _b, _c, eab, eac, ebc) => list.push(eab, ebc, eac));
  const tri = Int32Array.from(list);
  const byEdge: number[][] = edges.map(() => []);
  for (let t = 0; t < tri.length / 3; t++)
    for (let s = 0; s < 3; s++) byEdge[tri[3 * t + s]!]!.push(t);
  return { tri, byEdge };
}

/** Final sign of each input edge (same order) after the dynamics. */
export function runSparseTriads(input: SparseTriadInput, options: SparseTriadOptions): Int8Array {
  const { edges } = input;
  const signs = Int8Array.from(edges, (e) => e.sign);
  const { tri, byEdge } = triangles(input);
  const count = tri.length / 3;
  if (count === 0) return signs;
  // The imbalanced triangles, kept as a list with positions for O(1) updates.
  const open: number[] = [];
  const at = new Int32Array(count).fill(-1);
  const isOpen = (t: number) =>
    signs[tri[3 * t]!]! * signs[tri[3 * t + 1]!]! * signs[tri[3 * t + 2]!]! < 0;
  const add = (t: number) => {
    at[t] = open.length;
    open.push(t);
  };
  const remove = (t: number) => {
    const last = open.pop()!;
    if (last !== t) {
      open[at[t]!] = last;
      at[last] = at[t]!;
    }
    at[t] = -1;
  };
  for (let t = 0; t < count; t++) if (isOpen(t)) add(t);
  const flip = (e: number) => {
    signs[e] = -signs[e]! as 1 | -1;
    for (const t of byEdge[e]!) {
      if (at[t]! >= 0) remove(t);
      else add(t);
    }
  };
  const resists = (e: number) =>
    edges[e]!.pinned || options.rand() >= 1 / (1 + options.inertia * edges[e]!.strength);
  const { rand } = options;

  for (let attempt = 0; attempt < options.maxUpdates && open.length > 0; attempt++) {
    if (options.rule === 'constrained') {
      const e = Math.floor(rand() * edges.length);
      const around = byEdge[e]!;
      if (around.length === 0) continue;
      let imbalanced = 0;
      for (const t of around) if (at[t]! >= 0) imbalanced += 1;
      // Flipping e toggles every triangle it is in.
      const change = around.length - 2 * imbalanced;
      if (change > 0 || (change === 0 && rand() < 0.5)) continue;
      if (resists(e)) continue;
      flip(e);
    } else {
      const t = open[Math.floor(rand() * open.length)]!;
      const links = [tri[3 * t]!, tri[3 * t + 1]!, tri[3 * t + 2]!];
      const negatives = links.filter((l) => signs[l]! < 0);
      let e: number;
      if (negatives.length === 3) {
        e = links[Math.floor(rand() * 3)]!;
      } else {
        const positives = links.filter((l) => signs[l]! > 0);
        e = rand() < options.p ? negatives[0]! : positives[Math.floor(rand() * positives.length)]!;
      }
      if (resists(e)) continue;
      flip(e);
    }
  }
  return signs;
}
