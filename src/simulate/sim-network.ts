/**
 * What the simulation models start from: actors and undirected weighted
 * edges, each with how sure the evidence is (its confidence) and the ids of
 * the relations behind it, so every predicted change can point back to
 * quotes. Built from a store network or from a user's signed edge list.
 */
import type { Network } from '../network/aggregate.js';
import { adjacencyOf } from '../network/balance/adjacency.js';
import { connectedComponents } from '../network/balance/components.js';
import { compareIds, signedGraph } from '../network/balance/signed-graph.js';

export interface SimEdge {
  /** `source < target` (code-unit order). */
  readonly source: string;
  readonly target: string;
  /** In [−1, 1]; its sign is the relation. */
  readonly weight: number;
  /**
   * How firm the evidence is, in [0, 1]: 1 − 2^(−m) for store edges, m the
   * edge's evidence mass (each independent voice adds up to 1, less when its
   * statement is old or only reported), so recent evidence from many voices
   * is firm and a single old report is not; 1 for a user's edge list (taken
   * as given).
   */
  readonly confidence: number;
  /** Relation ids behind the edge (empty for edge lists and imposed edges). */
  readonly relations: readonly number[];
}

export interface SimNetwork {
  /** Sorted. */
  readonly nodes: readonly string[];
  /** One per unordered pair, sorted by source then target. */
  readonly edges: readonly SimEdge[];
}

/** Key of an unordered pair, the same whichever way round it is given. */
export function pairKey(a: string, b: string): string {
  return compareIds(a, b) <= 0 ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** The two ids of a pair key, in order. */
export function pairOf(key: string): [string, string] {
  return key.split('\u0000') as [string, string];
}

/** Orders a pair so that source < target. */
export function ordered(a: string, b: string): [string, string] {
  return compareIds(a, b) <= 0 ? [a, b] : [b, a];
}

/** A store network (undirected) as a simulation start. */
export function fromNetwork(network: Network): SimNetwork {
  if (network.directed)
    throw new RangeError('fromNetwork: simulations need the undirected network');
  return normalise(
    network.nodes,
    network.edges.map((e) => ({
      source: e.source,
      target: e.target,
      weight: e.weight,
      confidence: Math.round((1 - 0.5 ** (e.evidence ?? e.voices)) * 1000) / 1000,
      relations: e.relations,
    })),
  );
}

/** A user's signed edge list (sign ±1, optional weight) as a simulation start. */
export function fromSignedRows(
  rows: readonly { source: string; target: string; sign: number; weight?: number | undefined }[],
): SimNetwork {
  const edges = rows.map((r) => ({
    source: r.source,
    target: r.target,
    weight: Math.sign(r.sign) * Math.min(1, Math.abs(r.weight ?? 1)),
    confidence: 1,
    relations: [] as number[],
  }));
  return normalise(
    edges.flatMap((e) => [e.source, e.target]),
    edges,
  );
}

/** Sorted nodes and edges, each pair once with source < target. */
export function normalise(nodes: Iterable<string>, edges: Iterable<SimEdge>): SimNetwork {
  const byPair = new Map<string, SimEdge>();
  const all = new Set(nodes);
  for (const e of edges) {
    if (e.source === e.target) continue;
    const [source, target] = ordered(e.source, e.target);
    all.add(source);
    all.add(target);
    byPair.set(pairKey(source, target), { ...e, source, target });
  }
  return {
    nodes: [...all].sort(compareIds),
    edges: [...byPair.values()].sort(
      (x, y) => compareIds(x.source, y.source) || compareIds(x.target, y.target),
    ),
  };
}

/** Connected components (by edges), largest first, each sorted; isolated nodes are components of one. */
export function components(network: SimNetwork): string[][] {
  const graph = signedGraph({
    nodes: network.nodes,
    edges: network.edges.map((e) => ({ a: e.source, b: e.target, sign: e.weight < 0 ? -1 : 1 })),
  });
  return connectedComponents(adjacencyOf(graph))
    .map((c) => Array.from(c, (i) => graph.nodes[i]!))
    .sort((a, b) => b.length - a.length || compareIds(a[0]!, b[0]!));
}
