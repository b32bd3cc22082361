/**
 * The server's fast network (src/server/network-index.ts) against the
 * reference buildNetwork, on the seeds' gold evidence and on a generated
 * evidence set with undated, partial-date and duplicate-voice relations.
 */
import { describe, expect, it } from 'vitest';
import {
  buildNetwork,
  type EvidenceRelation,
  type NetworkOptions,
} from '../src/network/aggregate.js';
import { EvidenceIndex } from '../src/server/network-index.js';
import { seedsAvailable } from './helpers/corpus.js';
import { goldEvidence } from './helpers/gold.js';

function compare(
  evidence: EvidenceRelation[],
  options: NetworkOptions,
  index = new EvidenceIndex(evidence),
): void {
  const expected = buildNetwork(evidence, options);
  const actual = index.build(options);
  expect(actual.nodes).toEqual(expected.nodes);
  expect(actual.window).toEqual(expected.window);
  expect(actual.edges.map(({ relationCount: _c, ...e }) => e)).toEqual(expected.edges);
  expect(actual.edges.map((e) => e.relationCount)).toEqual(
    expected.edges.map((e) => e.relations.length),
  );
  // Without ids, a date with no window start, knownAt or dataset filter
  // takes the timeline (from the second such date asked of the index: the
  // first is scanned) — per-slot staircases and factorised sums — instead
  // of the scan: the same answer.
  for (let ask = 0; ask < 2; ask++) {
    const counted = index.build(options, false);
    expect(counted.nodes).toEqual(expected.nodes);
    expect(counted.window).toEqual(expected.window);
    expect(counted.edges.map(({ relationCount: _c, relations: _r, ...e }) => e)).toEqual(
      expected.edges.map(({ relations: _r, ...e }) => e),
    );
    expect(counted.edges.map((e) => e.relationCount)).toEqual(
      expected.edges.map((e) => e.relations.length),
    );
  }
}

const OPTIONS: NetworkOptions[] = [
  {},
  { at: '2021-08' },
  { at: '2021-12' },
  { at: '2025-06' },
  { at: '2025' },
  { from: '2020', to: '2022-06' },
  { from: '2024-01-15' },
  { at: '2025-06', knownAt: '2021' },
  { at: '2025-06', layer: 'expected' },
  { at: '2025-06', layer: 'merged', halfLifeDays: 90 },
  { at: '2023-03-05', directed: true },
];

function generated(): EvidenceRelation[] {
  const actors = ['PAK', 'TAL', 'USA', 'CHN', 'IND', 'RUS', 'IRN', 'TTP'];
  const modalities = ['asserted', 'reported', 'hypothetical', 'negated'] as const;
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  return Array.from({ length: 3000 }, (_, i) => {
    const a = actors[Math.floor(next() * actors.length)]!;
    const b = actors[Math.floor(next() * actors.length)]!;
    const y = 2015 + Math.floor(next() * 11);
    const m = String(1 + Math.floor(next() * 12)).padStart(2, '0');
    const form = next();
    const date =
      form < 0.05
        ? null
        : form < 0.3
          ? String(y)
          : form < 0.6
            ? `${y}-${m}`
            : `${y}-${m}-1${Math.floor(next() * 10)}`;
    return {
      id: i * 3 + 1,
      source: a,
      target: b,
      polarity: next() < 0.5 ? 1 : -1,
      modality: modalities[Math.floor(next() * 4)]!,
      date,
      docDate: next() < 0.1 ? null : `${y}-${m}-01`,
      voice: `v${Math.floor(next() * 40)}`,
    };
  });
}

describe('the server network index', () => {
  it('gives the same network as buildNetwork on generated evidence', () => {
    for (const options of OPTIONS) compare(generated(), options);
  });

  it.skipIf(!seedsAvailable())(
    'gives the same network as buildNetwork on the gold evidence',
    () => {
      for (const options of OPTIONS) compare(goldEvidence(), options);
    },
  );

  it('follows the dataset selection as buildNetwork does', () => {
    const layered = generated().map((r, i) => ({
      ...r,
      ...(i % 3 === 0 ? {} : { dataset: i % 3 === 1 ? 'extracted' : 'icews' }),
    }));
    for (const datasets of [['extracted'], ['icews'], ['extracted', 'icews']])
      compare(layered, { at: '2024-06', datasets });
  });

  it('answers every date, layer, orientation and half-life as buildNetwork does (timeline path)', () => {
    const evidence = generated();
    const index = new EvidenceIndex(evidence);
    const dates = [
      '2014',
      '2015-01',
      '2015-06-12',
      '2017-02',
      '2019',
      '2020-12-31',
      '2023-07-15',
      '2026',
    ];
    for (const at of dates)
      for (const layer of ['observed', 'expected', 'merged'] as const)
        for (const directed of [false, true])
          for (const halfLifeDays of [undefined, 30, 1000])
            compare(evidence, { at, layer, directed, halfLifeDays }, index);
    compare(evidence, { to: '2019-05' }, index);
    // Partial dates straddling the date, repeated voices, an old relation beyond the decay table.
    const straddling: EvidenceRelation[] = [
      ...evidence,
      {
        id: 90_001,
        source: 'PAK',
        target: 'TAL',
        polarity: 1,
        modality: 'asserted',
        date: '2019',
        docDate: '2019-01-01',
        voice: 'v1',
      },
      {
        id: 90_002,
        source: 'TAL',
        target: 'PAK',
        polarity: 1,
        modality: 'reported',
        date: '2019-06-30',
        docDate: '2019-07-01',
        voice: 'v1',
      },
      {
        id: 90_003,
        source: 'PAK',
        target: 'TAL',
        polarity: -1,
        modality: 'asserted',
        date: '1790-05',
        docDate: '1790-06-01',
        voice: 'v2',
      },
    ];
    // Two voices that cancel exactly (no edge), and a pair whose voices tie across modalities.
    straddling.push(
      {
        id: 90_004,
        source: 'AAA',
        target: 'BBB',
        polarity: 1,
        modality: 'asserted',
        date: '2019-03-01',
        docDate: '2019-03-01',
        voice: 'v1',
      },
      {
        id: 90_005,
        source: 'BBB',
        target: 'AAA',
        polarity: -1,
        modality: 'asserted',
        date: '2019-03-01',
        docDate: '2019-03-01',
        voice: 'v2',
      },
      {
        id: 90_006,
        source: 'CCC',
        target: 'DDD',
        polarity: 1,
        modality: 'reported',
        date: '2019-03-01',
        docDate: '2019-03-01',
        voice: 'v1',
      },
      {
        id: 90_007,
        source: 'CCC',
        target: 'DDD',
        polarity: -1,
        modality: 'asserted',
        date: '2018-03-01',
        docDate: '2018-03-01',
        voice: 'v2',
      },
    );
    const withOld = new EvidenceIndex(straddling);
    for (const at of ['1795', '2019-03', '2019-06-30', '2019-07-01', '2020', '2021-02-28'])
      compare(straddling, { at }, withOld);
  });

  it('takes the timeline when a dataset selection keeps every dataset', () => {
    const layered = generated().map((r, i) => ({
      ...r,
      ...(i % 3 === 0 ? {} : { dataset: i % 3 === 1 ? 'extracted' : 'icews' }),
    }));
    compare(layered, { at: '2022-03', datasets: ['extracted', 'icews', 'gdelt'] });
  });

  it('leaves the ids out when not asked, keeping the counts', () => {
    const index = new EvidenceIndex(generated());
    const network = index.build({ at: '2020' }, false);
    expect(network.edges.every((e) => e.relations.length === 0 && e.relationCount > 0)).toBe(true);
  });
});
