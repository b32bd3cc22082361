/**
 * The network as GEXF 1.3 (http://gexf.net/1.3), for Gephi and other tools:
 * undirected, node labels and types, edge attributes sign, weight,
 * confidence, voices and relations.
 *
 *   - `staticGexf(network)`: one network, `mode="static"`;
 *   - `dynamicGexf(series)`: networks at a series of dates, `mode="dynamic"`,
 *     `timeformat="date"`. Snapshot i stands for [date_i, date_{i+1} − 1 day]
 *     (the last for [date_n, end], `end` defaulting to date_n); each node and
 *     edge carries `<spells>` for the periods it exists (consecutive ones
 *     merged), and the edge attributes are dynamic: one `<attvalue>` with
 *     start/end per run of equal values. Intervals are closed, GEXF's default.
 *
 * Written by hand (string building, every data value through `escapeText` /
 * `escapeAttr`) rather than with an XML builder: the output is a fixed, small
 * set of elements, and a dependency would add more than it saves. The
 * output validates against the reduced schema in vendor/gexf-1.3/.
 *
 * The XML `weight` attribute of an edge (which Gephi uses for layout) is the
 * magnitude |weight| of the static network; the signed value is the `weight`
 * attribute value, beside `sign`. Dynamic edges carry no static `weight`.
 */
import type { Network, NetworkEdge } from '../aggregate.js';
import { type NodeInfo, nodeInfos } from './nodes.js';
import { attrs, escapeAttr, escapeText } from './xml.js';

export const GEXF_NAMESPACE = 'http://gexf.net/1.3';

export interface DatedNetwork {
  /** YYYY-MM-DD: the day from which this network holds. */
  date: string;
  network: Network;
}

export interface GexfOptions {
  /** Names and types of the nodes (else the id is the label). */
  nodes?: readonly NodeInfo[];
  /** Free text for `<meta><description>`. */
  description?: string;
  /** `<meta lastmodifieddate>` (YYYY-MM-DD); left out when not given, so output is reproducible. */
  lastModified?: string;
}

export interface DynamicGexfOptions extends GexfOptions {
  /** Last day of the last snapshot's period (default: its own date). */
  end?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const EDGE_ATTRIBUTES = [
  { id: 'sign', type: 'integer', value: (e: NetworkEdge) => e.sign },
  { id: 'weight', type: 'double', value: (e: NetworkEdge) => e.weight },
  { id: 'confidence', type: 'double', value: (e: NetworkEdge) => e.confidence },
  { id: 'voices', type: 'integer', value: (e: NetworkEdge) => e.voices },
  { id: 'relations', type: 'string', value: (e: NetworkEdge) => e.relations.join(' ') },
] as const;

function header(options: GexfOptions, description: string): string[] {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<gexf xmlns="${GEXF_NAMESPACE}" version="1.3">`,
    `  <meta${attrs({ lastmodifieddate: options.lastModified })}>`,
    '    <creator>greatgame</creator>',
    `    <description>${escapeText(options.description ?? description)}</description>`,
    '  </meta>',
  ];
}

function declarations(mode: 'static' | 'dynamic'): string[] {
  return [
    '    <attributes class="node" mode="static">',
    '      <attribute id="type" title="type" type="string"/>',
    '    </attributes>',
    `    <attributes class="edge" mode="${mode}">`,
    ...EDGE_ATTRIBUTES.map(
      (a) => `      <attribute id="${a.id}" title="${a.id}" type="${a.type}"/>`,
    ),
    '    </attributes>',
  ];
}

function nodeLines(node: NodeInfo, spells: string[]): string[] {
  const inner = [
    ...(node.type === null
      ? []
      : [
          '        <attvalues>',
          `          <attvalue for="type" value="${escapeAttr(node.type)}"/>`,
          '        </attvalues>',
        ]),
    ...spells,
  ];
  const open = `      <node id="${escapeAttr(node.id)}" label="${escapeAttr(node.name)}"`;
  return inner.length ? [`${open}>`, ...inner, '      </node>'] : [`${open}/>`];
}

function windowText(network: Network): string {
  const w = network.window;
  return `greatgame signed network, ${network.layer} layer, window ${w.from ?? '…'} to ${w.to ?? '…'}${w.knownAt ? `, known at ${w.knownAt}` : ''}`;
}

/** One network as static GEXF 1.3. */
export function staticGexf(network: Network, options: GexfOptions = {}): string {
  const lines = [
    ...header(options, windowText(network)),
    '  <graph defaultedgetype="undirected" mode="static">',
    ...declarations('static'),
    `    <nodes count="${network.nodes.length}">`,
    ...nodeInfos(network, options.nodes ?? []).flatMap((n) => nodeLines(n, [])),
    '    </nodes>',
    `    <edges count="${network.edges.length}">`,
  ];
  network.edges.forEach((e, i) => {
    lines.push(
      `      <edge${attrs({ id: `e${i}`, source: e.source, target: e.target, weight: Math.abs(e.weight) })}>`,
      '        <attvalues>',
      ...EDGE_ATTRIBUTES.map(
        (a) => `          <attvalue for="${a.id}" value="${escapeAttr(a.value(e))}"/>`,
      ),
      '        </attvalues>',
      '      </edge>',
    );
  });
  lines.push('    </edges>', '  </graph>', '</gexf>');
  return lines.join('\n') + '\n';
}

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

interface Period {
  start: string;
  end: string;
}

/** Runs of consecutive periods (indices) holding the same value (undefined = absent). */
function runs<T>(
  periods: Period[],
  valueAt: (i: number) => T | undefined,
): { start: string; end: string; value: T }[] {
  const out: { start: string; end: string; value: T }[] = [];
  let current: { start: string; end: string; value: T } | null = null;
  periods.forEach((p, i) => {
    const v = valueAt(i);
    if (v === undefined) {
      current = null;
    } else if (current && current.value === v) {
      current.end = p.end;
    } else {
      current = { start: p.start, end: p.end, value: v };
      out.push(current);
    }
  });
  return out;
}

function spellLines(spans: { start: string; end: string }[]): string[] {
  return [
    '        <spells>',
    ...spans.map((s) => `          <spell start="${s.start}" end="${s.end}"/>`),
    '        </spells>',
  ];
}

/** A series of dated networks as dynamic GEXF 1.3 (dates ascending, distinct, YYYY-MM-DD). */
export function dynamicGexf(
  series: readonly DatedNetwork[],
  options: DynamicGexfOptions = {},
): string {
  if (series.length === 0) throw new RangeError('dynamicGexf: the series is empty');
  series.forEach((s, i) => {
    if (!DAY.test(s.date)) throw new RangeError(`dynamicGexf: "${s.date}" is not YYYY-MM-DD`);
    const prev = series[i - 1];
    if (prev && prev.date >= s.date)
      throw new RangeError(`dynamicGexf: dates must ascend (${prev.date} then ${s.date})`);
  });
  const first = series[0]!;
  const last = series[series.length - 1]!;
  const end = options.end ?? last.date;
  if (!DAY.test(end) || end < last.date)
    throw new RangeError(`dynamicGexf: end "${end}" must be a YYYY-MM-DD on or after ${last.date}`);
  const periods: Period[] = series.map((s, i) => ({
    start: s.date,
    end: i + 1 < series.length ? dayBefore(series[i + 1]!.date) : end,
  }));

  // Node descriptions: the caller's, else the id.
  const described = new Map((options.nodes ?? []).map((n) => [n.id, n]));
  const nodeIds = [...new Set(series.flatMap((s) => s.network.nodes))].sort();
  const present = series.map((s) => new Set(s.network.nodes));
  const edgeKey = (e: NetworkEdge) => `${e.source}\u0000${e.target}`;
  const edgeMaps = series.map((s) => new Map(s.network.edges.map((e) => [edgeKey(e), e])));
  const edgeKeys = [...new Set(edgeMaps.flatMap((m) => [...m.keys()]))].sort();

  const lines = [
    ...header(
      options,
      `greatgame signed network, ${first.network.layer} layer, ${series.length} snapshots from ${first.date} to ${last.date}`,
    ),
    `  <graph${attrs({ defaultedgetype: 'undirected', mode: 'dynamic', timeformat: 'date', timerepresentation: 'interval', start: first.date, end })}>`,
    ...declarations('dynamic'),
    `    <nodes count="${nodeIds.length}">`,
  ];
  for (const id of nodeIds) {
    const d = described.get(id);
    const info: NodeInfo = { id, name: d?.name ?? id, type: d?.type ?? null };
    const spans = runs(periods, (i) => (present[i]!.has(id) ? true : undefined));
    lines.push(...nodeLines(info, spellLines(spans)));
  }
  lines.push('    </nodes>', `    <edges count="${edgeKeys.length}">`);
  edgeKeys.forEach((key, n) => {
    const [source, target] = key.split('\u0000') as [string, string];
    lines.push(`      <edge${attrs({ id: `e${n}`, source, target })}>`, '        <attvalues>');
    for (const a of EDGE_ATTRIBUTES) {
      for (const r of runs(periods, (i) => {
        const e = edgeMaps[i]!.get(key);
        return e ? a.value(e) : undefined;
      })) {
        lines.push(
          `          <attvalue${attrs({ for: a.id, value: r.value, start: r.start, end: r.end })}/>`,
        );
      }
    }
    lines.push(
      '        </attvalues>',
      ...spellLines(runs(periods, (i) => (edgeMaps[i]!.has(key) ? true : undefined))),
      '      </edge>',
    );
  });
  lines.push('    </edges>', '  </graph>', '</gexf>');
  return lines.join('\n') + '\n';
}
