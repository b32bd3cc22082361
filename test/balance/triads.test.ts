import { describe, expect, it } from 'vitest';
import { signedGraph } from '../../src/network/balance/signed-graph.js';
import { analyseTriads, triadCensus, unbalancedTriads } from '../../src/network/balance/triads.js';

const e = (a: string, b: string, sign: 1 | -1, weight = 1) => ({ a, b, sign, weight });

describe('triad census', () => {
  it('counts every closed triangle by type', () => {
    // K4 on A..D with A–D and B–C negative: each triangle holds exactly one of them
    const g = signedGraph({
      edges: [
        e('A', 'B', 1),
        e('A', 'C', 1),
        e('A', 'D', -1),
        e('B', 'C', -1),
        e('B', 'D', 1),
        e('C', 'D', 1),
      ],
    });
    // ABC: AB+ AC+ BC- → ++-; ABD: AB+ AD- BD+ → ++-; ACD: AC+ AD- CD+ → ++-; BCD: BC- BD+ CD+ → ++-
    expect(triadCensus(g)).toEqual({
      '+++': 0,
      '++-': 4,
      '+--': 0,
      '---': 0,
      balanced: 0,
      unbalanced: 4,
    });
  });

  it('tells balanced (even negatives) from unbalanced', () => {
    const g = signedGraph({
      edges: [
        e('A', 'B', 1),
        e('B', 'C', 1),
        e('A', 'C', 1), // +++
        e('D', 'E', -1),
        e('E', 'F', -1),
        e('D', 'F', 1), // +--
        e('G', 'H', -1),
        e('H', 'I', -1),
        e('G', 'I', -1), // ---
        e('J', 'K', 1),
        e('K', 'L', 1),
        e('J', 'L', -1), // ++-
        e('M', 'N', 1), // no triangle
      ],
    });
    expect(triadCensus(g)).toEqual({
      '+++': 1,
      '++-': 1,
      '+--': 1,
      '---': 1,
      balanced: 2,
      unbalanced: 2,
    });
  });

  it('ranks unbalanced triads by total weight, ties by node ids', () => {
    const g = signedGraph({
      edges: [
        e('X', 'Y', -1, 1),
        e('Y', 'Z', -1, 1),
        e('X', 'Z', -1, 1), // --- weight 3
        e('A', 'B', 1, 1),
        e('B', 'C', 1, 1),
        e('A', 'C', -1, 1), // ++- weight 3
        e('P', 'Q', 1, 5),
        e('Q', 'R', 1, 0.5),
        e('P', 'R', -1, 0.5), // ++- weight 6
        e('D', 'E', 1, 9),
        e('E', 'F', 1, 9),
        e('D', 'F', 1, 9), // balanced, not listed
      ],
    });
    const list = unbalancedTriads(g);
    expect(list.map((t) => t.nodes.join(''))).toEqual(['PQR', 'ABC', 'XYZ']);
    expect(list[0]).toEqual({ nodes: ['P', 'Q', 'R'], signs: [1, -1, 1], type: '++-', weight: 6 });
    expect(list[2]?.type).toBe('---');
    expect(unbalancedTriads(g, { limit: 1 })).toHaveLength(1);
    expect(analyseTriads(g).census.unbalanced).toBe(3);
  });

  it('finds the triangles of a larger graph once each', () => {
    // complete graph on 12 nodes: C(12,3) = 220 triangles
    const ids = Array.from({ length: 12 }, (_, i) => `v${String(i).padStart(2, '0')}`);
    const edges = [];
    for (let i = 0; i < 12; i++)
      for (let j = i + 1; j < 12; j++) edges.push(e(ids[i]!, ids[j]!, (i + j) % 3 === 0 ? -1 : 1));
    const c = triadCensus(signedGraph({ edges }));
    expect(c.balanced + c.unbalanced).toBe(220);
  });
});
