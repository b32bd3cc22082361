import { describe, expect, it } from 'vitest';
import { InvalidDataError } from '../../src/domain/errors.js';
import { parseEdgeList } from '../../src/network/balance/edge-list.js';
import {
  inducedSubgraph,
  signedGraph,
  signedGraphFromRows,
} from '../../src/network/balance/signed-graph.js';

describe('signedGraphFromRows', () => {
  it('merges a pair listed in both directions into one edge', () => {
    const g = signedGraphFromRows([
      { source: 'B', target: 'A', sign: -1, line: 2 },
      { source: 'A', target: 'B', sign: -1, line: 3 },
      { source: 'C', target: 'A', sign: 1, weight: 2.5, line: 4 },
    ]);
    expect(g.nodes).toEqual(['A', 'B', 'C']);
    expect(g.edges).toEqual([
      { a: 'A', b: 'B', sign: -1, weight: 1 },
      { a: 'A', b: 'C', sign: 1, weight: 2.5 },
    ]);
  });

  it('names both lines when two rows for a pair contradict in sign', () => {
    const rows = parseEdgeList('source,target,sign\nA,B,1\nC,D,1\nB,A,-1\n', { file: 'net.csv' });
    expect(() => signedGraphFromRows(rows, { file: 'net.csv' })).toThrowError(
      /signedGraphFromRows: net\.csv: line 2 and line 4 give the pair A–B contradictory signs \(\+1 and -1\)/,
    );
    expect(() => signedGraphFromRows(rows)).toThrowError(InvalidDataError);
  });

  it('names both lines when two rows for a pair give different weights', () => {
    expect(() =>
      signedGraphFromRows([
        { source: 'A', target: 'B', sign: 1, weight: 1, line: 5 },
        { source: 'B', target: 'A', sign: 1, weight: 3, line: 9 },
      ]),
    ).toThrowError(/line 5 and line 9 .* different weights \(1 and 3\)/);
  });

  it('refuses a missing sign (never +1), naming the line', () => {
    expect(() =>
      signedGraphFromRows([{ source: 'A', target: 'B', sign: undefined, line: 7 }]),
    ).toThrowError(/signedGraphFromRows: line 7: the sign is missing/);
  });

  it('refuses a sign other than ±1, a self-loop, a missing id, a weight <= 0', () => {
    expect(() =>
      signedGraphFromRows([{ source: 'A', target: 'B', sign: 0, line: 3 }]),
    ).toThrowError(/line 3: the sign must be \+1 or -1, got 0/);
    expect(() =>
      signedGraphFromRows([{ source: 'A', target: 'A', sign: 1, line: 4 }]),
    ).toThrowError(/line 4: self-loop on "A"/);
    expect(() => signedGraphFromRows([{ source: '', target: 'A', sign: 1 }])).toThrowError(
      /row 1: the source id is missing/,
    );
    expect(() =>
      signedGraphFromRows([{ source: 'A', target: 'B', sign: 1, weight: -2, line: 6 }]),
    ).toThrowError(/line 6: the weight must be a finite number > 0.*-2/);
  });

  it('keeps isolated nodes given explicitly', () => {
    const g = signedGraphFromRows([{ source: 'A', target: 'B', sign: 1 }], { nodes: ['Z'] });
    expect(g.nodes).toEqual(['A', 'B', 'Z']);
  });
});

describe('signedGraph', () => {
  it('sorts nodes and edges by code units and stores a < b', () => {
    const g = signedGraph({
      edges: [
        { a: 'b', b: 'A', sign: 1 },
        { a: 'a', b: 'B', sign: -1, weight: 2 },
      ],
    });
    expect(g.nodes).toEqual(['A', 'B', 'a', 'b']);
    expect(g.edges.map((e) => `${e.a}${e.b}${e.sign}`)).toEqual(['Ab1', 'Ba-1']);
    expect(Object.isFrozen(g.edges)).toBe(true);
  });

  it('refuses a pair given twice', () => {
    expect(() =>
      signedGraph({
        edges: [
          { a: 'A', b: 'B', sign: 1 },
          { a: 'B', b: 'A', sign: 1 },
        ],
      }),
    ).toThrowError(/signedGraph: edge 2: the pair A–B is given twice/);
  });

  it('takes induced subgraphs', () => {
    const g = signedGraph({
      edges: [
        { a: 'A', b: 'B', sign: 1 },
        { a: 'B', b: 'C', sign: -1 },
      ],
    });
    expect(inducedSubgraph(g, ['A', 'B']).edges).toEqual([{ a: 'A', b: 'B', sign: 1, weight: 1 }]);
  });
});
