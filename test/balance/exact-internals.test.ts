/**
 * The exact machinery piece by piece: the odd-cycle cuts are valid for every
 * partition and violated by the point they were separated from; the integer
 * program alone (no cutting planes, a poor start) still reaches the optimum.
 */
import { describe, expect, it } from 'vitest';
import { adjacencyOf, type Adjacency } from '../../src/network/balance/adjacency.js';
import { connectedComponents } from '../../src/network/balance/components.js';
import { oddCycleBound } from '../../src/network/balance/cutting-planes.js';
import { exactComponent } from '../../src/network/balance/frustration-exact.js';
import { highsRuntime } from '../../src/network/balance/highs-runtime.js';
import { separateOddCycles } from '../../src/network/balance/odd-cycles.js';
import { frustrationOfSides, isFrustrated } from '../../src/network/balance/partition.js';
import { plantedTwoCamps } from '../../src/network/balance/planted.js';
import { mulberry32 } from '../../src/network/balance/prng.js';

function optimum(adj: Adjacency): number {
  let best = Number.POSITIVE_INFINITY;
  const side = new Uint8Array(adj.n);
  for (let mask = 0; mask < 1 << (adj.n - 1); mask++) {
    for (let i = 0; i < adj.n; i++) side[i] = (mask >> i) & 1;
    best = Math.min(best, frustrationOfSides(adj, side));
  }
  return best;
}

const small = (seed: number) =>
  adjacencyOf(plantedTwoCamps({ nodes: 12, edges: 36, flipRate: 0.35, seed }).graph);

describe('odd-cycle separation', () => {
  it('returns cuts that every partition satisfies and the given point violates', () => {
    const random = mulberry32(5);
    for (let seed = 1; seed <= 10; seed++) {
      const adj = small(seed);
      const f = Float64Array.from({ length: adj.m }, () => random() * 0.5);
      const cuts = separateOddCycles(adj, f);
      expect(cuts.length).toBeGreaterThan(0);
      const side = new Uint8Array(adj.n);
      for (const cut of cuts) {
        let lhs = 0;
        cut.edges.forEach((edge, k) => (lhs += cut.coefs[k]! * f[edge]!));
        expect(cut.rhs - lhs).toBeCloseTo(cut.violation, 9);
        expect(cut.violation).toBeGreaterThan(0);
        // a simple cycle: each node on it has two of its edges
        const degree = new Map<number, number>();
        for (const edge of cut.edges) {
          for (const v of [adj.ea[edge]!, adj.eb[edge]!]) degree.set(v, (degree.get(v) ?? 0) + 1);
        }
        expect([...degree.values()].every((d) => d === 2)).toBe(true);
      }
      for (let mask = 0; mask < 1 << adj.n; mask += 7) {
        for (let i = 0; i < adj.n; i++) side[i] = (mask >> i) & 1;
        for (const cut of cuts) {
          let lhs = 0;
          cut.edges.forEach((edge, k) => {
            const frustrated = isFrustrated(
              adj.sign[edge]!,
              side[adj.ea[edge]!]!,
              side[adj.eb[edge]!]!,
            );
            lhs += cut.coefs[k]! * (frustrated ? 1 : 0);
          });
          expect(lhs).toBeGreaterThanOrEqual(cut.rhs);
        }
      }
    }
  });

  it('gives a lower bound no higher than the optimum', async () => {
    const highs = await highsRuntime();
    for (let seed = 1; seed <= 10; seed++) {
      const adj = small(seed);
      const { bound } = oddCycleBound(highs, adj, { deadline: performance.now() + 10_000 });
      expect(bound).toBeLessThanOrEqual(optimum(adj) + 1e-9);
      expect(bound).toBeGreaterThan(0);
    }
  });
});

describe('the integer program', () => {
  it('reaches the optimum without cutting planes from a poor start', async () => {
    let solved = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const adj = small(seed);
      const [component] = connectedComponents(adj);
      if (component?.length !== adj.n) continue;
      solved += 1;
      const r = await exactComponent(adj, { cuttingPlanes: false, start: new Uint8Array(adj.n) });
      expect(r.exact).toBe(true);
      expect(r.status).toBe('optimal');
      expect(r.frustration).toBe(optimum(adj));
      expect(frustrationOfSides(adj, r.side)).toBe(r.frustration);
      expect(r.side[0]).toBe(0);
    }
    expect(solved).toBeGreaterThanOrEqual(5);
  });
});
