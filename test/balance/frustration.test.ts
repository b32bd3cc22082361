import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/domain/errors.js';
import { analyseBalance } from '../../src/network/balance/analyse.js';
import {
  exactFrustration,
  frustrationIndex,
  heuristicFrustration,
} from '../../src/network/balance/frustration.js';
import { frustrationOf } from '../../src/network/balance/partition.js';
import { plantedTwoCamps } from '../../src/network/balance/planted.js';
import { mulberry32 } from '../../src/network/balance/prng.js';
import { signedGraph, type SignedGraph } from '../../src/network/balance/signed-graph.js';

const e = (a: string, b: string, sign: 1 | -1, weight = 1) => ({ a, b, sign, weight });

/** The frustration index by trying every partition (small graphs only). */
function bruteForce(graph: SignedGraph): number {
  const n = graph.nodes.length;
  const index = new Map(graph.nodes.map((id, i) => [id, i]));
  let best = Number.POSITIVE_INFINITY;
  for (let mask = 0; mask < 1 << (n - 1); mask++) {
    let total = 0;
    for (const edge of graph.edges) {
      const sa = (mask >> index.get(edge.a)!) & 1;
      const sb = (mask >> index.get(edge.b)!) & 1;
      if (edge.sign > 0 ? sa !== sb : sa === sb) total += edge.weight;
    }
    best = Math.min(best, total);
  }
  return best;
}

function randomGraph(seed: number, n: number, m: number, weighted: boolean): SignedGraph {
  const random = mulberry32(seed);
  const ids = Array.from({ length: n }, (_, i) => `v${String(i).padStart(2, '0')}`);
  const seen = new Set<string>();
  const edges = [];
  while (edges.length < m) {
    const a = Math.floor(random() * n);
    const b = Math.floor(random() * n);
    if (a === b || seen.has(`${Math.min(a, b)},${Math.max(a, b)}`)) continue;
    seen.add(`${Math.min(a, b)},${Math.max(a, b)}`);
    const sign = random() < 0.5 ? 1 : -1;
    edges.push(e(ids[a]!, ids[b]!, sign, weighted ? 1 + Math.floor(random() * 5) : 1));
  }
  return signedGraph({ nodes: ids, edges });
}

describe('frustration index, by hand', () => {
  it('a balanced square has index 0 and its two camps', async () => {
    const g = signedGraph({
      edges: [e('A', 'B', 1), e('B', 'C', -1), e('C', 'D', 1), e('D', 'A', -1)],
    });
    const r = await analyseBalance(g);
    expect(r.frustrationIndex).toBe(0);
    expect(r.exact).toBe(true);
    expect(r.lowerBound).toBe(0);
    expect(r.partition).toEqual([
      ['A', 'B'],
      ['C', 'D'],
    ]);
    expect(r.triads.balanced + r.triads.unbalanced).toBe(0);
  });

  it('an all-negative triangle has index 1', async () => {
    const g = signedGraph({ edges: [e('A', 'B', -1), e('B', 'C', -1), e('A', 'C', -1)] });
    const r = await analyseBalance(g);
    expect(r.frustrationIndex).toBe(1);
    expect(r.exact).toBe(true);
    expect(r.triads['---']).toBe(1);
    expect(r.unbalancedTriads).toEqual([
      { nodes: ['A', 'B', 'C'], signs: [-1, -1, -1], type: '---', weight: 3 },
    ]);
    expect(frustrationOf(g, r.partition)).toBe(1);
  });

  it('adds up two components, each placed with its first node in the first group', async () => {
    const g = signedGraph({
      edges: [
        e('A', 'B', -1),
        e('B', 'C', -1),
        e('A', 'C', -1), // index 1
        e('P', 'Q', 1),
        e('Q', 'R', 1),
        e('P', 'R', -1), // index 1
        e('X', 'Y', -1), // balanced
      ],
    });
    const r = await analyseBalance(g);
    expect(r.frustrationIndex).toBe(2);
    expect(r.exact).toBe(true);
    expect(r.components.map((c) => [c.first, c.nodes, c.frustration])).toEqual([
      ['A', 3, 1],
      ['P', 3, 1],
      ['X', 2, 0],
    ]);
    for (const first of ['A', 'P', 'X']) expect(r.partition[0]).toContain(first);
    expect(r.partition[1]).toContain('Y');
    expect(frustrationOf(g, r.partition)).toBe(2);
  });

  it('flips the light edge when weights differ', async () => {
    // A–B and B–C strong alliances, A–C a weak enmity: the cheapest flip is A–C
    const g = signedGraph({ edges: [e('A', 'B', 1, 5), e('B', 'C', 1, 4), e('A', 'C', -1, 0.5)] });
    const r = await analyseBalance(g);
    expect(r.frustrationIndex).toBe(0.5);
    expect(r.exact).toBe(true);
    expect(r.partition).toEqual([['A', 'B', 'C'], []]);
    expect(r.unbalancedTriads[0]?.weight).toBe(9.5);
  });

  it('has nothing to do on an empty graph', async () => {
    const r = await analyseBalance(signedGraph({ edges: [] }));
    expect(r).toMatchObject({
      frustrationIndex: 0,
      exact: true,
      lowerBound: 0,
      partition: [[], []],
    });
  });

  it('names the function and the value of a bad option', async () => {
    const g = signedGraph({ edges: [e('A', 'B', 1)] });
    await expect(frustrationIndex(g, { timeLimitSeconds: 0 })).rejects.toThrowError(
      /frustrationIndex: timeLimitSeconds must be a number > 0, got 0/,
    );
    await expect(frustrationIndex(g, { exactUpTo: -1 })).rejects.toThrowError(UsageError);
    expect(() => frustrationOf(g, [['A'], []])).toThrowError(
      /frustrationOf: "B" is in neither group/,
    );
  });
});

describe('frustration index against brute force', () => {
  it('matches every partition tried on 40 random small graphs, weighted or not', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const weighted = seed % 2 === 0;
      const g = randomGraph(seed, 11, 14 + (seed % 20), weighted);
      const expected = bruteForce(g);
      const exact = await exactFrustration(g);
      expect(exact.exact, `seed ${seed}`).toBe(true);
      expect(exact.frustrationIndex, `seed ${seed}`).toBe(expected);
      expect(frustrationOf(g, exact.partition)).toBe(expected);
      const heuristic = await heuristicFrustration(g);
      expect(heuristic.frustrationIndex).toBeGreaterThanOrEqual(expected);
      expect(heuristic.lowerBound).toBeLessThanOrEqual(expected);
      expect(frustrationOf(g, heuristic.partition)).toBe(heuristic.frustrationIndex);
    }
  });

  it('is deterministic', async () => {
    const { graph } = plantedTwoCamps({ nodes: 40, edges: 300, flipRate: 0.12, seed: 7 });
    const a = await analyseBalance(graph);
    const b = await analyseBalance(graph);
    expect(b).toEqual(a);
  });
});

describe('the time limit', () => {
  it('returns the best partition found, exact false, and a proven lower bound', async () => {
    // dense and heavily mixed: not solved in a tenth of a second
    const { graph } = plantedTwoCamps({ nodes: 40, edges: 300, flipRate: 0.4, seed: 2000 });
    const started = performance.now();
    const r = await exactFrustration(graph, { timeLimitSeconds: 0.1 });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(r.exact).toBe(false);
    expect(r.lowerBound).toBeGreaterThan(0);
    expect(r.lowerBound).toBeLessThan(r.frustrationIndex);
    expect(frustrationOf(graph, r.partition)).toBe(r.frustrationIndex);
  });
});
