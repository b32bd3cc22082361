/**
 * The network as GraphML (http://graphml.graphdrawing.org/xmlns), for
 * yEd, Cytoscape, igraph, NetworkX: an undirected graph with keys for the
 * node's name and type and the edge's sign, weight (signed), confidence,
 * voices and relations (space-separated ids). Written by hand like the
 * GEXF (see gexf.ts); every data value goes through `escapeText`/`escapeAttr`.
 */
import type { Network } from '../aggregate.js';
import { type NodeInfo, nodeInfos } from './nodes.js';
import { attrs, escapeText } from './xml.js';

export const GRAPHML_NAMESPACE = 'http://graphml.graphdrawing.org/xmlns';

export interface GraphmlOptions {
  /** Names and types of the nodes (else the id is the name). */
  nodes?: readonly NodeInfo[];
}

const KEYS = [
  { id: 'name', for: 'node', type: 'string' },
  { id: 'type', for: 'node', type: 'string' },
  { id: 'sign', for: 'edge', type: 'int' },
  { id: 'weight', for: 'edge', type: 'double' },
  { id: 'confidence', for: 'edge', type: 'double' },
  { id: 'voices', for: 'edge', type: 'int' },
  { id: 'relations', for: 'edge', type: 'string' },
] as const;

function data(key: string, value: string | number | null): string[] {
  return value === null ? [] : [`      <data key="${key}">${escapeText(value)}</data>`];
}

export function graphml(network: Network, options: GraphmlOptions = {}): string {
  const w = network.window;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<graphml xmlns="${GRAPHML_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
      ` xsi:schemaLocation="${GRAPHML_NAMESPACE} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`,
    ...KEYS.map(
      (k) => `  <key${attrs({ id: k.id, for: k.for, 'attr.name': k.id, 'attr.type': k.type })}/>`,
    ),
    '  <graph id="G" edgedefault="undirected">',
    `    <desc>${escapeText(
      `greatgame signed network, ${network.layer} layer, window ${w.from ?? '…'} to ${w.to ?? '…'}${w.knownAt ? `, known at ${w.knownAt}` : ''}`,
    )}</desc>`,
  ];
  for (const n of nodeInfos(network, options.nodes ?? [])) {
    lines.push(
      `    <node${attrs({ id: n.id })}>`,
      ...data('name', n.name),
      ...data('type', n.type),
      '    </node>',
    );
  }
  network.edges.forEach((e, i) => {
    lines.push(
      `    <edge${attrs({ id: `e${i}`, source: e.source, target: e.target })}>`,
      ...data('sign', e.sign),
      ...data('weight', e.weight),
      ...data('confidence', e.confidence),
      ...data('voices', e.voices),
      ...data('relations', e.relations.join(' ')),
      '    </edge>',
    );
  });
  lines.push('  </graph>', '</graphml>');
  return lines.join('\n') + '\n';
}
