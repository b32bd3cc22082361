import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { buildNetwork, type EvidenceRelation, type Network } from '../src/network/aggregate.js';
import {
  dynamicGexf,
  edgesCsv,
  escapeAttr,
  escapeText,
  graphml,
  networkFromCsv,
  type NodeInfo,
  nodesCsv,
  parseEdgesCsv,
  parseNodesCsv,
  relationsCsv,
  staticGexf,
} from '../src/network/export/index.js';
import { REPO_ROOT } from './helpers/corpus.js';

const SCHEMA = path.join(REPO_ROOT, 'vendor', 'gexf-1.3', 'gexf.xsd');
const NASTY = '<script>&"\'x';

function rel(
  id: number,
  source: string,
  target: string,
  polarity: 1 | -1,
  date: string,
  voice = `v${id}`,
): EvidenceRelation {
  return { id, source, target, polarity, modality: 'asserted', date, docDate: date, voice };
}

const RELATIONS: EvidenceRelation[] = [
  rel(1, 'PAK', 'TAL', 1, '2020-03-01'),
  rel(2, 'PAK', 'TAL', 1, '2020-06-01'),
  rel(3, 'PAK', 'TAL', -1, '2021-09-01'),
  rel(4, 'PAK', 'TAL', -1, '2021-10-01'),
  rel(5, 'PAK', 'TAL', -1, '2021-11-01'),
  rel(6, 'IND', 'PAK', -1, '2020-02-01'),
  rel(7, 'CHN', 'PAK', 1, '2021-01-01'),
  rel(8, NASTY, 'TAL', -1, '2021-05-01'),
  rel(9, 'USA', 'TAL', 1, '2020-02-29'),
  rel(10, 'USA', 'TAL', 1, '2020-02-29', 'v9'),
];

const NODES: NodeInfo[] = [
  { id: 'PAK', name: 'Pakistan', type: 'state' },
  { id: 'TAL', name: 'Taliban, the "Islamic Emirate"', type: 'armed group' },
  { id: 'IND', name: 'India', type: 'state' },
  { id: 'CHN', name: 'China\nPRC', type: 'state' },
  { id: NASTY, name: `${NASTY} & co`, type: null },
];

const net2020 = buildNetwork(RELATIONS, { at: '2020-12' });
const net2021 = buildNetwork(RELATIONS, { at: '2021-12' });
const net2022 = buildNetwork(
  RELATIONS.filter((r) => r.id !== 8),
  { at: '2022-06' },
);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name) =>
    ['attributes', 'attribute', 'node', 'edge', 'attvalue', 'spell', 'key', 'data'].includes(name),
});

type Xml = Record<string, unknown> & Record<`@_${string}`, string>;
function parseXml(text: string): Xml {
  expect(XMLValidator.validate(text)).toBe(true);
  return parser.parse(text) as Xml;
}
function list(parent: unknown, name: string): Xml[] {
  return ((parent as Record<string, unknown> | undefined)?.[name] as Xml[] | undefined) ?? [];
}
function child(parent: unknown, name: string): Xml {
  return (parent as Record<string, Xml>)[name]!;
}

const tmp = mkdtempSync(path.join(tmpdir(), 'greatgame-export-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** xmllint present? A notice and a skip where it is not — a failure under CI=true. */
function xmllintAvailable(): boolean {
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (!probe.error) return true;
  if (process.env.CI === 'true') {
    throw new Error('xmllint is missing; CI must install it (apt-get install -y libxml2-utils)');
  }
  console.warn('notice: xmllint not found; skipping the GEXF schema validation');
  return false;
}
const hasXmllint = xmllintAvailable();

function xmllint(name: string, text: string) {
  const file = path.join(tmp, name);
  writeFileSync(file, text);
  return spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8' });
}

describe('fixture', () => {
  it('has signed edges of both signs and an edge that changes sign over time', () => {
    const pt = (n: Network) => n.edges.find((e) => e.source === 'PAK' && e.target === 'TAL');
    expect(pt(net2020)?.sign).toBe(1);
    expect(pt(net2021)?.sign).toBe(-1);
    expect(net2021.nodes).toContain(NASTY);
  });
});

describe('CSV', () => {
  it('round-trips nodes and edges to the same network', () => {
    const back = networkFromCsv(nodesCsv(net2021, NODES), edgesCsv(net2021), net2021);
    expect(back.network).toEqual(net2021);
    expect(back.nodes).toEqual(
      net2021.nodes.map((id) => NODES.find((n) => n.id === id) ?? { id, name: id, type: null }),
    );
  });

  it('quotes per RFC 4180 and reads quoted fields back', () => {
    const text = nodesCsv(net2021, NODES);
    expect(text).toContain('"Taliban, the ""Islamic Emirate"""');
    expect(text).toContain('"China\nPRC"');
    expect(text).toContain(`"${NASTY.replace(/"/g, '""')}",`);
    expect(parseNodesCsv(text).find((n) => n.id === 'CHN')?.name).toBe('China\nPRC');
  });

  it('keeps the column layout `balance --edges` reads: |weight| and sign', () => {
    const [header, ...rows] = edgesCsv(net2021).trim().split('\n');
    expect(header).toBe('source,target,sign,weight,confidence,voices,evidence,relations');
    for (const row of rows) expect(row).not.toMatch(/,-0?\.\d+,/);
    expect(parseEdgesCsv(edgesCsv(net2021))).toEqual(net2021.edges);
  });

  it('writes relations rows and rejects bad edge rows', () => {
    const text = relationsCsv([
      {
        id: 1,
        source: 'PAK',
        target: 'TAL',
        polarity: 1,
        kind: 'support',
        modality: 'asserted',
        date: '2020-03-01',
        docDate: null,
        doc: 'a.txt',
        trigger: 'backs',
        quote: 'Pakistan "backs" the Taliban, sources say',
      },
    ]);
    expect(text.split('\n')[0]).toBe(
      'id,source,target,polarity,kind,modality,date,docDate,doc,trigger,quote',
    );
    expect(text).toContain(',,a.txt,backs,"Pakistan ""backs"" the Taliban, sources say"');
    expect(() => parseEdgesCsv('source,target,sign\nA,B,1\n')).toThrow(/missing column/);
    expect(() =>
      parseEdgesCsv('source,target,sign,weight,confidence,voices,relations\nA,B,2,1,0.5,1,\n'),
    ).toThrow(/sign must be/);
  });
});

describe('JSON', () => {
  it('round-trips the network through JSON.stringify/parse', () => {
    for (const n of [net2020, net2021]) expect(JSON.parse(JSON.stringify(n))).toEqual(n);
  });
});

describe('GEXF, static', () => {
  const text = staticGexf(net2021, { nodes: NODES });
  const doc = parseXml(text);

  it('is GEXF 1.3, undirected, with declared edge attributes', () => {
    const gexf = child(doc, 'gexf');
    expect(gexf['@_xmlns']).toBe('http://gexf.net/1.3');
    expect(gexf['@_version']).toBe('1.3');
    const graph = child(gexf, 'graph');
    expect(graph['@_defaultedgetype']).toBe('undirected');
    expect(graph['@_mode']).toBe('static');
    const edgeAttrs = list(graph, 'attributes').find((a) => a['@_class'] === 'edge');
    expect(list(edgeAttrs, 'attribute').map((a) => a['@_id'])).toEqual(
      expect.arrayContaining(['sign', 'weight', 'confidence']),
    );
  });

  it('carries every node and edge with its values, ids escaped', () => {
    const graph = child(child(doc, 'gexf'), 'graph');
    const nodes = list(child(graph, 'nodes'), 'node');
    expect(nodes.map((n) => n['@_id'])).toEqual(net2021.nodes);
    expect(nodes.find((n) => n['@_id'] === 'TAL')?.['@_label']).toBe(
      'Taliban, the "Islamic Emirate"',
    );
    expect(text).toContain('label="Taliban, the &quot;Islamic Emirate&quot;"');
    const edges = list(child(graph, 'edges'), 'edge');
    expect(edges).toHaveLength(net2021.edges.length);
    net2021.edges.forEach((e, i) => {
      const x = edges[i]!;
      expect([x['@_source'], x['@_target']]).toEqual([e.source, e.target]);
      const values = Object.fromEntries(
        list(child(x, 'attvalues'), 'attvalue').map((v) => [v['@_for'], v['@_value']]),
      );
      expect(Number(values.sign)).toBe(e.sign);
      expect(Number(values.weight)).toBe(e.weight);
      expect(Number(values.confidence)).toBe(e.confidence);
      expect(Number(x['@_weight'])).toBe(Math.abs(e.weight));
    });
  });

  it('keeps <script>&" inert: escaped in the text, intact once parsed', () => {
    expect(text).not.toContain('<script>');
    expect(text).toContain('id="&lt;script&gt;&amp;&quot;&apos;x"');
    const graph = child(child(parseXml(text), 'gexf'), 'graph');
    const ids = list(child(graph, 'nodes'), 'node').map((n) => n['@_id']);
    expect(ids).toContain(NASTY);
    expect(list(child(graph, 'edges'), 'edge').some((e) => e['@_source'] === NASTY)).toBe(true);
  });

  it.runIf(hasXmllint)('validates against the vendored GEXF 1.3 schema', () => {
    const result = xmllint('static.gexf', text);
    expect(result.stderr).toMatch(/validates/);
    expect(result.status).toBe(0);
  });

  it.runIf(hasXmllint)('the schema does reject an edge to an undeclared node', () => {
    const broken = text.replace(/target="TAL"/, 'target="NOPE"');
    expect(xmllint('broken.gexf', broken).status).not.toBe(0);
  });
});

describe('GEXF, dynamic', () => {
  const series = [
    { date: '2020-12-31', network: net2020 },
    { date: '2021-12-31', network: net2021 },
    { date: '2022-06-30', network: net2022 },
  ];
  const text = dynamicGexf(series, { nodes: NODES, end: '2022-12-31' });
  const graph = child(child(parseXml(text), 'gexf'), 'graph');
  const spells = (x: Xml | undefined) =>
    list(child(x, 'spells'), 'spell').map((s) => [s['@_start'], s['@_end']]);

  it('is dynamic with dates and a dynamic edge attribute block', () => {
    expect(graph['@_mode']).toBe('dynamic');
    expect(graph['@_timeformat']).toBe('date');
    expect(graph['@_defaultedgetype']).toBe('undirected');
    expect([graph['@_start'], graph['@_end']]).toEqual(['2020-12-31', '2022-12-31']);
    const edgeAttrs = list(graph, 'attributes').find((a) => a['@_class'] === 'edge');
    expect(edgeAttrs?.['@_mode']).toBe('dynamic');
  });

  it('gives nodes and edges spells for the periods they exist', () => {
    const nodes = list(child(graph, 'nodes'), 'node');
    // CHN first appears in 2021 and stays.
    expect(spells(nodes.find((n) => n['@_id'] === 'CHN'))).toEqual([['2021-12-31', '2022-12-31']]);
    // PAK is there throughout: one merged spell.
    expect(spells(nodes.find((n) => n['@_id'] === 'PAK'))).toEqual([['2020-12-31', '2022-12-31']]);
    const edges = list(child(graph, 'edges'), 'edge');
    const nasty = edges.find((e) => e['@_source'] === NASTY);
    // Relation 8 is left out of the last snapshot: the edge exists in 2021 only.
    expect(spells(nasty)).toEqual([['2021-12-31', '2022-06-29']]);
    expect(
      edges.find((e) => e['@_source'] === NASTY || e['@_target'] === NASTY)?.['@_target'],
    ).toBe('TAL');
  });

  it('gives edge attributes dynamic values with start and end', () => {
    const edges = list(child(graph, 'edges'), 'edge');
    const pt = edges.find((e) => e['@_source'] === 'PAK' && e['@_target'] === 'TAL');
    const signs = list(child(pt, 'attvalues'), 'attvalue')
      .filter((v) => v['@_for'] === 'sign')
      .map((v) => [v['@_value'], v['@_start'], v['@_end']]);
    expect(signs).toEqual([
      ['1', '2020-12-31', '2021-12-30'],
      ['-1', '2021-12-31', '2022-12-31'],
    ]);
  });

  it('refuses dates out of order or malformed', () => {
    expect(() => dynamicGexf([])).toThrow(/empty/);
    expect(() => dynamicGexf([series[1]!, series[0]!])).toThrow(/ascend/);
    expect(() => dynamicGexf([{ date: '2021-12', network: net2021 }])).toThrow(/YYYY-MM-DD/);
  });

  it.runIf(hasXmllint)('validates against the vendored GEXF 1.3 schema', () => {
    const result = xmllint('dynamic.gexf', text);
    expect(result.stderr).toMatch(/validates/);
    expect(result.status).toBe(0);
  });
});

describe('GraphML', () => {
  const text = graphml(net2021, { nodes: NODES });
  const root = child(parseXml(text), 'graphml');

  it('declares keys for sign, weight, confidence and node name/type', () => {
    expect(root['@_xmlns']).toBe('http://graphml.graphdrawing.org/xmlns');
    const keys = list(root, 'key').map((k) => `${k['@_for']}:${k['@_attr.name']}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'node:name',
        'node:type',
        'edge:sign',
        'edge:weight',
        'edge:confidence',
      ]),
    );
    expect(child(root, 'graph')['@_edgedefault']).toBe('undirected');
  });

  it('carries nodes and edges with their data', () => {
    const graph = child(root, 'graph');
    expect(list(graph, 'node').map((n) => n['@_id'])).toHaveLength(net2021.nodes.length);
    const edges = list(graph, 'edge');
    net2021.edges.forEach((e, i) => {
      const data = Object.fromEntries(
        list(edges[i], 'data').map((d) => [d['@_key'], String(d['#text'])]),
      );
      expect([edges[i]!['@_source'], edges[i]!['@_target']]).toEqual([e.source, e.target]);
      expect(Number(data.sign)).toBe(e.sign);
      expect(Number(data.weight)).toBe(e.weight);
      expect(Number(data.confidence)).toBe(e.confidence);
    });
    expect(text).not.toContain('<script>');
    expect(list(graph, 'node').find((n) => n['@_id'] === NASTY)).toBeDefined();
  });
});

describe('XML escaping', () => {
  it('replaces characters XML 1.0 cannot carry and keeps line breaks in attributes', () => {
    expect(escapeText('a\u0001b\uD800')).toBe('a\uFFFDb\uFFFD');
    expect(escapeAttr('x\ny\t"')).toBe('x&#10;y&#9;&quot;');
    const net: Network = { ...net2020, nodes: ['A\u0000B', 'C'], edges: [] };
    expect(XMLValidator.validate(staticGexf(net))).toBe(true);
  });
});
