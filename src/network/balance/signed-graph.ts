/**
 * An undirected signed graph as a plain value: sorted node ids and one edge
 * per unordered pair, each with a sign (+1 alliance, -1 enmity) and a
 * positive weight.
 *
 * Signed graphs and structural balance: Cartwright & Harary, "Structural
 * balance: a generalization of Heider's theory", Psychological Review 63(5),
 * 1956, 277–293; Harary, "On the notion of balance of a signed graph",
 * Michigan Mathematical Journal 2(2), 1953, 143–146.
 *
 * A sign is never assumed: a row without one is an error, not +1.
 */
import { InvalidDataError } from '../../domain/errors.js';

/** The weight an edge gets when its row gives none. */
export const DEFAULT_EDGE_WEIGHT = 1;

export type Sign = 1 | -1;

/** One undirected edge, stored with `a < b` (code-unit order). */
export interface SignedEdge {
  readonly a: string;
  readonly b: string;
  readonly sign: Sign;
  readonly weight: number;
}

export interface SignedGraph {
  /** Every node id once, sorted by code units. */
  readonly nodes: readonly string[];
  /** Every edge once, `a < b`, sorted by `a` then `b`. */
  readonly edges: readonly SignedEdge[];
}

/** One row of an edge list, as read from a file or built by a caller. */
export interface EdgeRow {
  readonly source: string;
  readonly target: string;
  /** +1 or -1; anything else (including a missing sign) is an error. */
  readonly sign: number | undefined;
  readonly weight?: number | undefined;
  /** Line in the file the row came from, for error messages. */
  readonly line?: number | undefined;
}

export interface FromRowsOptions {
  /** Nodes to include even when no row names them (isolated nodes). */
  readonly nodes?: Iterable<string>;
  /** Name of the file the rows came from, prefixed to error messages. */
  readonly file?: string;
}

/** Code-unit order: the same on every machine and locale. */
export function compareIds(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Builds a graph from edge rows. A pair listed in both directions (or twice)
 * becomes one edge; rows for the same pair that disagree in sign or weight
 * are an error naming both lines. Self-loops and missing ids are errors.
 */
export function signedGraphFromRows(
  rows: Iterable<EdgeRow>,
  options: FromRowsOptions = {},
): SignedGraph {
  const fn = 'signedGraphFromRows';
  const prefix = options.file ? `${options.file}: ` : '';
  const seen = new Map<string, { edge: SignedEdge; where: string }>();
  let index = 0;
  for (const row of rows) {
    index += 1;
    const where = row.line !== undefined ? `line ${row.line}` : `row ${index}`;
    const fail = (why: string): never => {
      throw new InvalidDataError(`${fn}: ${prefix}${where}: ${why}`);
    };
    const source = checkId(row.source, 'source', fail);
    const target = checkId(row.target, 'target', fail);
    if (source === target) fail(`self-loop on "${source}" (a signed graph has none)`);
    const sign = checkSign(row.sign, fail);
    const weight = checkWeight(row.weight, fail);
    const [a, b] = compareIds(source, target) < 0 ? [source, target] : [target, source];
    const key = `${a}\u0000${b}`;
    const earlier = seen.get(key);
    if (earlier) {
      const pair = `${a}–${b}`;
      if (earlier.edge.sign !== sign) {
        throw new InvalidDataError(
          `${fn}: ${prefix}${earlier.where} and ${where} give the pair ${pair} contradictory signs ` +
            `(${formatSign(earlier.edge.sign)} and ${formatSign(sign)})` +
            (row.line !== undefined ? '; for a dated edge list, select one year (at)' : ''),
        );
      }
      if (earlier.edge.weight !== weight) {
        throw new InvalidDataError(
          `${fn}: ${prefix}${earlier.where} and ${where} give the pair ${pair} different weights ` +
            `(${earlier.edge.weight} and ${weight})`,
        );
      }
      continue;
    }
    seen.set(key, { edge: { a, b, sign, weight }, where });
  }
  return signedGraph({
    nodes: options.nodes,
    edges: [...seen.values()].map((s) => s.edge),
  });
}

/**
 * Builds a graph from edges that already name each pair once. A pair given
 * twice (in either direction) is an error here; use `signedGraphFromRows` to
 * merge rows.
 */
export function signedGraph(input: {
  readonly nodes?: Iterable<string> | undefined;
  readonly edges: Iterable<{
    readonly a: string;
    readonly b: string;
    readonly sign: number | undefined;
    readonly weight?: number | undefined;
  }>;
}): SignedGraph {
  const fn = 'signedGraph';
  const nodes = new Set<string>();
  for (const id of input.nodes ?? []) {
    nodes.add(checkId(id, 'node', (why) => fail(`${fn}: ${why}`)));
  }
  const edges: SignedEdge[] = [];
  const pairs = new Set<string>();
  let index = 0;
  for (const e of input.edges) {
    index += 1;
    const bad = (why: string): never => fail(`${fn}: edge ${index}: ${why}`);
    const x = checkId(e.a, 'a', bad);
    const y = checkId(e.b, 'b', bad);
    if (x === y) bad(`self-loop on "${x}" (a signed graph has none)`);
    const sign = checkSign(e.sign, bad);
    const weight = checkWeight(e.weight, bad);
    const [a, b] = compareIds(x, y) < 0 ? [x, y] : [y, x];
    const key = `${a}\u0000${b}`;
    if (pairs.has(key)) bad(`the pair ${a}–${b} is given twice`);
    pairs.add(key);
    nodes.add(a);
    nodes.add(b);
    edges.push(Object.freeze({ a, b, sign, weight }));
  }
  edges.sort((p, q) => compareIds(p.a, q.a) || compareIds(p.b, q.b));
  return Object.freeze({
    nodes: Object.freeze([...nodes].sort(compareIds)),
    edges: Object.freeze(edges),
  });
}

/** The graph restricted to the given nodes (edges with both ends inside). */
export function inducedSubgraph(graph: SignedGraph, keep: Iterable<string>): SignedGraph {
  const set = new Set(keep);
  return signedGraph({
    nodes: graph.nodes.filter((n) => set.has(n)),
    edges: graph.edges.filter((e) => set.has(e.a) && set.has(e.b)),
  });
}

export function formatSign(sign: Sign): string {
  return sign > 0 ? '+1' : '-1';
}

function fail(message: string): never {
  throw new InvalidDataError(message);
}

function checkId(value: unknown, field: string, bad: (why: string) => never): string {
  if (typeof value !== 'string' || value.trim() === '') {
    return bad(`the ${field} id is missing (got ${JSON.stringify(value)})`);
  }
  return value;
}

function checkSign(value: unknown, bad: (why: string) => never): Sign {
  if (value === undefined || value === null || value === '') {
    return bad('the sign is missing (an edge needs +1 or -1; none is assumed)');
  }
  if (value !== 1 && value !== -1) {
    return bad(`the sign must be +1 or -1, got ${JSON.stringify(value)}`);
  }
  return value;
}

function checkWeight(value: unknown, bad: (why: string) => never): number {
  if (value === undefined || value === null) return DEFAULT_EDGE_WEIGHT;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    return bad(
      `the weight must be a finite number > 0 (the sign carries the sign), got ${JSON.stringify(value)}`,
    );
  }
  return value;
}
