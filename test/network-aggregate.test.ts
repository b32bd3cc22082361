/**
 * Relations into a signed network: weights, voices, decay, windows, layers;
 * and the network the seeds' gold relations describe around the fall of
 * Kabul and in 2025.
 */
import { describe, expect, it } from 'vitest';
import {
  buildNetwork,
  dateBounds,
  type EvidenceRelation,
  type Network,
} from '../src/network/aggregate.js';
import { analyseBalance, signedGraph } from '../src/network/balance/index.js';
import { seedsAvailable } from './helpers/corpus.js';
import { goldEvidence } from './helpers/gold.js';

let next = 1;
function rel(
  source: string,
  target: string,
  polarity: 1 | -1,
  extra: Partial<EvidenceRelation> = {},
): EvidenceRelation {
  return {
    id: next++,
    source,
    target,
    polarity,
    modality: 'asserted',
    date: '2024-01-10',
    docDate: '2024-01-10',
    voice: 'Outlet A',
    ...extra,
  };
}

function edge(network: Network, a: string, b: string) {
  const [s, t] = a < b ? [a, b] : [b, a];
  return network.edges.find((e) => e.source === s && e.target === t);
}

describe('buildNetwork', () => {
  it('makes one undirected edge per pair, with the relations behind it', () => {
    const n = buildNetwork([rel('PAK', 'TAL', 1), rel('TAL', 'PAK', 1, { voice: 'Outlet B' })]);
    expect(n.edges).toHaveLength(1);
    expect(n.edges[0]).toMatchObject({
      source: 'PAK',
      target: 'TAL',
      sign: 1,
      weight: 1,
      voices: 2,
      confidence: 0.75,
    });
    expect(n.edges[0]?.relations).toHaveLength(2);
    expect(n.nodes).toEqual(['PAK', 'TAL']);
  });

  it('gives a directed view on request: who acts on whom', () => {
    const evidence = [
      rel('PAK', 'TTP', -1),
      rel('TTP', 'PAK', -1, { voice: 'Outlet B' }),
      rel('CHN', 'PAK', 1),
    ];
    const directed = buildNetwork(evidence, { directed: true });
    expect(directed.directed).toBe(true);
    expect(directed.edges.map((e) => `${e.source}>${e.target}`)).toEqual([
      'CHN>PAK',
      'PAK>TTP',
      'TTP>PAK',
    ]);
    expect(buildNetwork(evidence).edges).toHaveLength(2);
  });

  it('counts a voice once per pair and sign, however often it repeats itself', () => {
    const repeated = [1, 2, 3, 4].map(() => rel('CHN', 'PAK', 1));
    const n = buildNetwork([...repeated, rel('CHN', 'PAK', -1, { voice: 'Outlet B' })]);
    // four + from one voice against one − from another: they cancel
    expect(edge(n, 'CHN', 'PAK')).toBeUndefined();
  });

  it('weighs asserted over reported, ignores negated, keeps hypotheticals to the expected layer', () => {
    const evidence = [
      rel('RUS', 'TAL', 1),
      rel('RUS', 'TAL', -1, { voice: 'Outlet B', modality: 'reported' }),
      rel('IND', 'TAL', 1, { modality: 'negated' }),
      rel('USA', 'TAL', 1, { modality: 'hypothetical' }),
    ];
    const observed = buildNetwork(evidence);
    expect(edge(observed, 'RUS', 'TAL')?.weight).toBeCloseTo((1 - 0.5) / 1.5, 3);
    expect(edge(observed, 'IND', 'TAL')).toBeUndefined();
    expect(edge(observed, 'USA', 'TAL')).toBeUndefined();
    const expected = buildNetwork(evidence, { layer: 'expected' });
    expect(expected.edges.map((e) => `${e.source}-${e.target}`)).toEqual(['TAL-USA']);
    expect(edge(buildNetwork(evidence, { layer: 'merged' }), 'TAL', 'USA')?.sign).toBe(1);
  });

  it('lets older evidence fade before the reference date', () => {
    const evidence = [
      rel('PAK', 'TAL', 1, { date: '2019-06', voice: 'Old' }),
      rel('PAK', 'TAL', -1, { date: '2024-06', voice: 'New' }),
    ];
    const n = buildNetwork(evidence, { at: '2024-12' });
    expect(edge(n, 'PAK', 'TAL')?.sign).toBe(-1);
    expect(edge(n, 'PAK', 'TAL')?.weight).toBeLessThan(-0.9);
    // at an earlier date the newer evidence does not exist yet
    expect(edge(buildNetwork(evidence, { at: '2020' }), 'PAK', 'TAL')?.sign).toBe(1);
  });

  it('treats a partial date as an interval and filters by what was published', () => {
    expect(dateBounds('2021')).toEqual(['2021-01-01', '2021-12-31']);
    expect(dateBounds('2024-02')).toEqual(['2024-02-01', '2024-02-29']);
    const evidence = [rel('IRN', 'TAL', -1, { date: '2023', docDate: '2023-06-01' })];
    expect(buildNetwork(evidence, { from: '2023-05', to: '2023-05' }).edges).toHaveLength(1);
    expect(buildNetwork(evidence, { from: '2024' }).edges).toHaveLength(0);
    expect(buildNetwork(evidence, { knownAt: '2023-05-31' }).edges).toHaveLength(0);
    expect(buildNetwork(evidence, { knownAt: '2023-06' }).edges).toHaveLength(1);
  });
});

const available = seedsAvailable();

describe.skipIf(!available)('the network of the seeds’ gold relations', () => {
  const gold = goldEvidence();

  it('shows Pakistan and the Taliban aligned, the TTP with the Taliban and against Pakistan, up to August 2021', () => {
    const n = buildNetwork(gold, { to: '2021-08' });
    expect(edge(n, 'PAK', 'TAL')?.sign).toBe(1);
    expect(edge(n, 'TAL', 'TTP')?.sign).toBe(1);
    expect(edge(n, 'PAK', 'TTP')?.sign).toBe(-1);
  });

  it('flags Pakistan–Taliban–TTP as an unbalanced triad up to August 2021', async () => {
    const n = buildNetwork(gold, { to: '2021-08' });
    const graph = signedGraph({
      edges: n.edges.map((e) => ({ a: e.source, b: e.target, sign: e.sign })),
    });
    const balance = await analyseBalance(graph);
    expect(balance.unbalancedTriads.map((t) => t.nodes.join('-'))).toContain('PAK-TAL-TTP');
  });

  it('shows Pakistan and the Taliban opposed in 2025', () => {
    expect(edge(buildNetwork(gold, { from: '2025', to: '2025' }), 'PAK', 'TAL')?.sign).toBe(-1);
  });
});
