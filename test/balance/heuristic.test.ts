import { describe, expect, it } from 'vitest';
import { analyseBalance } from '../../src/network/balance/analyse.js';
import { heuristicFrustration } from '../../src/network/balance/frustration.js';
import { frustrationOf } from '../../src/network/balance/partition.js';
import { plantedTwoCamps } from '../../src/network/balance/planted.js';

describe('the heuristic on a large two-camp graph', () => {
  // 2,000 nodes, 20,000 edges (mean degree 20), 5% of signs flipped
  const planted = plantedTwoCamps({ nodes: 2000, edges: 20_000, flipRate: 0.05, seed: 42 });

  it('finds the planted split and reports exact false', async () => {
    const started = performance.now();
    const r = await heuristicFrustration(planted.graph);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(r.partition).toEqual(planted.camps);
    expect(r.frustrationIndex).toBe(planted.flipped);
    expect(frustrationOf(planted.graph, r.partition)).toBe(planted.flipped);
    expect(r.exact).toBe(false);
    expect(r.lowerBound).toBeGreaterThanOrEqual(0);
    expect(r.lowerBound).toBeLessThan(r.frustrationIndex);
    expect(r.components).toHaveLength(1);
    expect(r.components[0]?.method).toBe('heuristic');
  });

  it('is what analyseBalance uses beyond exactUpTo', async () => {
    const r = await analyseBalance(planted.graph, { exactUpTo: 200 });
    expect(r.partition).toEqual(planted.camps);
    expect(r.exact).toBe(false);
    expect(r.components[0]?.method).toBe('heuristic');
  });
});
