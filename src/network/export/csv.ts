/**
 * The network as CSV: nodes (id,name,type), edges
 * (source,target,sign,weight,confidence,voices,evidence,relations) and the relations
 * behind them, with parsers that read nodes and edges back.
 *
 * Writing quotes by hand per RFC 4180 (a field holding a comma, a quote, CR
 * or LF is wrapped in quotes, its quotes doubled; records end with LF rather
 * than RFC 4180's CRLF, which csv-parse and spreadsheets accept) — simpler than a second
 * dependency for a fixed, small set of columns. Reading uses csv-parse,
 * already a dependency.
 *
 * The edges file keeps the column layout of `greatgame network --format
 * csv` — weight is the magnitude |weight| and sign carries the direction —
 * so `greatgame balance --edges` reads it too; the parser restores the
 * signed weight as sign × weight. Relations are ids separated by spaces.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { InvalidDataError } from '../../domain/errors.js';
import type { Network, NetworkEdge } from '../aggregate.js';
import { type NodeInfo, nodeInfos } from './nodes.js';

export const NODE_COLUMNS = ['id', 'name', 'type'] as const;
export const EDGE_COLUMNS = [
  'source',
  'target',
  'sign',
  'weight',
  'confidence',
  'voices',
  'evidence',
  'relations',
] as const;
export const RELATION_COLUMNS = [
  'id',
  'source',
  'target',
  'polarity',
  'kind',
  'modality',
  'date',
  'docDate',
  'doc',
  'trigger',
  'quote',
] as const;

/** A relation as the relations CSV lists it (a `StoredRelation` fits). */
export type RelationCsvRow = Record<
  (typeof RELATION_COLUMNS)[number],
  string | number | null | undefined
>;

/** One CSV field, quoted when RFC 4180 requires it; null and undefined are empty. */
export function csvField(value: string | number | null | undefined): string {
  if (value == null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(header: readonly string[], rows: (string | number | null | undefined)[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}

/** Nodes: id,name,type — names and types from `described` (else the id, and empty). */
export function nodesCsv(network: Network, described: readonly NodeInfo[] = []): string {
  return csv(
    NODE_COLUMNS,
    nodeInfos(network, described).map((n) => [n.id, n.name, n.type]),
  );
}

/** Edges: source,target,sign,weight(|weight|),confidence,voices,evidence,relations(space-separated ids). */
export function edgesCsv(network: Network): string {
  return csv(
    EDGE_COLUMNS,
    network.edges.map((e) => [
      e.source,
      e.target,
      e.sign,
      Math.abs(e.weight),
      e.confidence,
      e.voices,
      e.evidence ?? '',
      e.relations.join(' '),
    ]),
  );
}

/** The given relations, one per row, in RELATION_COLUMNS order. */
export function relationsCsv(rows: readonly RelationCsvRow[]): string {
  return csv(
    RELATION_COLUMNS,
    rows.map((r) => RELATION_COLUMNS.map((c) => r[c])),
  );
}

function records(text: string, required: readonly string[], file: string) {
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text, { columns: true, skip_empty_lines: true, bom: true });
  } catch (error) {
    throw new InvalidDataError(`${file}: not valid CSV: ${(error as Error).message}`);
  }
  const first = rows[0];
  if (first) {
    const missing = required.filter((c) => !(c in first));
    if (missing.length)
      throw new InvalidDataError(`${file}: missing column(s) ${missing.join(', ')}`);
  }
  return rows;
}

function number(value: string | undefined, what: string): number {
  const n = Number(value);
  if (value === undefined || value === '' || !Number.isFinite(n))
    throw new InvalidDataError(`${what}: "${value ?? ''}" is not a number`);
  return n;
}

/** Reads a nodes CSV back; an empty type is null. */
export function parseNodesCsv(text: string, file = 'nodes CSV'): NodeInfo[] {
  return records(text, ['id'], file).map((r, i) => {
    if (!r.id) throw new InvalidDataError(`${file}: row ${i + 2}: empty id`);
    return { id: r.id, name: r.name || r.id, type: r.type || null };
  });
}

/** Reads an edges CSV back into network edges (weight signed again). */
export function parseEdgesCsv(text: string, file = 'edges CSV'): NetworkEdge[] {
  // `evidence` came later: edge files without it still read.
  const required = EDGE_COLUMNS.filter((c) => c !== 'evidence');
  return records(text, required, file).map((r, i) => {
    const where = `${file}: row ${i + 2}`;
    if (!r.source || !r.target) throw new InvalidDataError(`${where}: empty source or target`);
    const sign = number(r.sign, `${where}: sign`);
    if (sign !== 1 && sign !== -1) throw new InvalidDataError(`${where}: sign must be 1 or -1`);
    const relations = (r.relations ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => number(id, `${where}: relation id`));
    return {
      source: r.source,
      target: r.target,
      weight: sign * Math.abs(number(r.weight, `${where}: weight`)),
      sign,
      confidence: number(r.confidence, `${where}: confidence`),
      voices: number(r.voices, `${where}: voices`),
      ...(r.evidence ? { evidence: number(r.evidence, `${where}: evidence`) } : {}),
      relations,
    };
  });
}

/**
 * A network from its nodes and edges CSV; what CSV does not hold (layer,
 * window, parameters) comes from `rest`. Nodes are the union of the nodes
 * file and the edges' ends, sorted as `buildNetwork` sorts them.
 */
export function networkFromCsv(
  nodesText: string,
  edgesText: string,
  rest: Pick<Network, 'layer' | 'window' | 'params'> & { directed?: boolean },
): { network: Network; nodes: NodeInfo[] } {
  const nodes = parseNodesCsv(nodesText);
  const edges = parseEdgesCsv(edgesText);
  const ids = new Set([...nodes.map((n) => n.id), ...edges.flatMap((e) => [e.source, e.target])]);
  return {
    network: { ...rest, directed: rest.directed ?? false, nodes: [...ids].sort(), edges },
    nodes,
  };
}
