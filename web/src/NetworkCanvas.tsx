/**
 * The network drawn by sigma.js on a graphology graph. Positions are fixed
 * once (ForceAtlas2 from a circle, deterministic) so the picture does not
 * jump as the date moves; only which edges exist, their sign and weight
 * change. Cooperation edges are drawn solid by sigma; conflict edges dashed
 * on a canvas layer of our own (sigma has no dashed edges), and blocs as
 * shaded halos on a layer beneath.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { useEffect, useRef } from 'preact/hooks';
import Sigma from 'sigma';
import { BLOC_SHADE, nodeSize, SIGN_COLOUR, TYPE_COLOUR, UNKNOWN_TYPE_COLOUR } from './style.js';
import type { NetworkAnswer } from './types.js';

export interface Layout {
  positions: Map<string, { x: number; y: number }>;
}

/** A deterministic layout of every actor in `network`. */
export function computeLayout(network: NetworkAnswer): Layout {
  const graph = new Graph({ type: 'undirected' });
  const ids = network.nodes.map((n) => n.id).sort();
  ids.forEach((id, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, ids.length);
    graph.addNode(id, { x: Math.cos(angle) * 100, y: Math.sin(angle) * 100 });
  });
  for (const e of network.edges)
    if (!graph.hasEdge(e.source, e.target))
      graph.addEdge(e.source, e.target, { weight: e.weight, sign: e.sign });
  if (graph.size > 0)
    forceAtlas2.assign(graph, {
      iterations: 150,
      // Allies pull together; adversaries barely (they should not cluster).
      getEdgeWeight: (_e, attr) =>
        (attr.sign as number) > 0 ? Math.abs(attr.weight as number) : 0.05,
      settings: { gravity: 1, scalingRatio: 10, strongGravityMode: true, barnesHutOptimize: false },
    });
  return { positions: evenRadii(graph) };
}

/**
 * Keeps each node's angle around the centre but spreads the radii evenly
 * by rank: an actor tied to the rest by one hostile edge would otherwise
 * drift far out and squeeze everyone else into a corner.
 */
function evenRadii(graph: Graph): Map<string, { x: number; y: number }> {
  const nodes: { id: string; x: number; y: number }[] = [];
  graph.forEachNode((id, attr) => nodes.push({ id, x: attr.x as number, y: attr.y as number }));
  const cx = nodes.reduce((s, n) => s + n.x, 0) / Math.max(1, nodes.length);
  const cy = nodes.reduce((s, n) => s + n.y, 0) / Math.max(1, nodes.length);
  const polar = nodes
    .map((n) => ({
      id: n.id,
      r: Math.hypot(n.x - cx, n.y - cy),
      a: Math.atan2(n.y - cy, n.x - cx),
    }))
    .sort((p, q) => p.r - q.r || p.id.localeCompare(q.id));
  const positions = new Map<string, { x: number; y: number }>();
  polar.forEach((p, rank) => {
    const r = 100 * Math.sqrt((rank + 1) / polar.length);
    positions.set(p.id, { x: r * Math.cos(p.a), y: r * Math.sin(p.a) });
  });
  return positions;
}

/** A place for an actor the layout did not know: on an outer ring, by its id. */
function fallbackPosition(id: string): { x: number; y: number } {
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  const angle = (h % 360) * (Math.PI / 180);
  return { x: Math.cos(angle) * 160, y: Math.sin(angle) * 160 };
}

interface Props {
  /** Null while loading: sigma starts at once (WebGL takes a while), the graph comes later. */
  network: NetworkAnswer | null;
  layout: Layout | null;
  /** Actor id → 0 or 1 (its bloc), when known. */
  blocs: Map<string, number>;
  selectedPair: [string, string] | null;
  onNode: (id: string) => void;
  onEdge: (a: string, b: string) => void;
  onDrawn: () => void;
}

export function NetworkCanvas(props: Props) {
  const container = useRef<HTMLDivElement>(null);
  const sigma = useRef<Sigma | null>(null);
  const graph = useRef(new Graph({ type: 'undirected' }));
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    if (!container.current) return;
    performance.mark('gg:sigma-start');
    const renderer = new Sigma(graph.current, container.current, {
      renderEdgeLabels: false,
      enableEdgeEvents: true,
      labelRenderedSizeThreshold: 0,
      labelFont: 'system-ui, sans-serif',
      labelSize: 12,
      zIndex: true,
      edgeReducer: (_edge, data) =>
        // Conflict edges are drawn dashed on our own layer.
        (data.sign as number) < 0 ? { ...data, hidden: true } : data,
    });
    sigma.current = renderer;
    performance.mark('gg:sigma-ready');
    const shade = renderer.createCanvas('blocs', { beforeLayer: 'edges' });
    const dashes = renderer.createCanvas('dashes', { afterLayer: 'edges' });
    for (const c of [shade, dashes])
      Object.assign(c.style, { position: 'absolute', inset: '0', pointerEvents: 'none' });
    renderer.on('afterRender', () => {
      drawOverlays(renderer, graph.current, shade, dashes, latest.current.blocs);
      latest.current.onDrawn();
    });
    renderer.on('clickNode', ({ node }) => latest.current.onNode(node));
    renderer.on('clickEdge', ({ edge }) => {
      const [a, b] = graph.current.extremities(edge);
      latest.current.onEdge(a, b);
    });
    return () => {
      renderer.kill();
      sigma.current = null;
    };
  }, []);

  useEffect(() => {
    const g = graph.current;
    const { network, layout, selectedPair } = props;
    if (!network || !layout) return;
    const present = new Set(network.nodes.map((n) => n.id));
    g.forEachNode((id) => {
      if (!present.has(id)) g.dropNode(id);
    });
    for (const n of network.nodes) {
      const at = layout.positions.get(n.id) ?? fallbackPosition(n.id);
      const attributes = {
        x: at.x,
        y: at.y,
        label: n.id,
        size: nodeSize(n.capability?.value),
        color: TYPE_COLOUR[n.type ?? ''] ?? UNKNOWN_TYPE_COLOUR,
        zIndex: 1,
      };
      if (g.hasNode(n.id)) g.mergeNodeAttributes(n.id, attributes);
      else g.addNode(n.id, attributes);
    }
    g.clearEdges();
    for (const e of network.edges) {
      const selected =
        selectedPair !== null &&
        ((selectedPair[0] === e.source && selectedPair[1] === e.target) ||
          (selectedPair[0] === e.target && selectedPair[1] === e.source));
      g.addEdge(e.source, e.target, {
        sign: e.sign,
        weight: e.weight,
        size: 1 + 5 * Math.abs(e.weight) + (selected ? 2 : 0),
        color: selected ? '#000000' : SIGN_COLOUR[e.sign],
      });
    }
    sigma.current?.refresh();
  }, [props.network, props.layout, props.selectedPair, props.blocs]);

  return (
    <div
      ref={container}
      class="network-canvas"
      role="img"
      aria-label={
        props.network
          ? `Network at ${props.network.date}: ${props.network.nodes.length} actors, ${props.network.edges.length} edges (listed in the table below)`
          : 'loading the network'
      }
      data-testid="network-canvas"
    />
  );
}

function fit(
  canvas: HTMLCanvasElement,
  width: number,
  height: number,
): CanvasRenderingContext2D | null {
  const ratio = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
  }
  const ctx = canvas.getContext('2d');
  ctx?.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx?.clearRect(0, 0, width, height);
  return ctx;
}

function drawOverlays(
  renderer: Sigma,
  graph: Graph,
  shade: HTMLCanvasElement,
  dashes: HTMLCanvasElement,
  blocs: Map<string, number>,
): void {
  const { width, height } = renderer.getDimensions();
  const back = fit(shade, width, height);
  const front = fit(dashes, width, height);
  if (!back || !front) return;
  const viewport = (id: string) => {
    const data = renderer.getNodeDisplayData(id);
    if (!data) return null;
    return { ...renderer.framedGraphToViewport(data), size: renderer.scaleSize(data.size) };
  };
  graph.forEachNode((id) => {
    const bloc = blocs.get(id);
    const at = viewport(id);
    if (bloc === undefined || !at) return;
    back.fillStyle = BLOC_SHADE[bloc] ?? 'transparent';
    back.beginPath();
    back.arc(at.x, at.y, at.size + 16, 0, 2 * Math.PI);
    back.fill();
  });
  graph.forEachEdge((_edge, attr, source, target) => {
    if ((attr.sign as number) > 0) return;
    const a = viewport(source);
    const b = viewport(target);
    if (!a || !b) return;
    front.strokeStyle = attr.color as string;
    front.lineWidth = renderer.scaleSize(attr.size as number);
    front.setLineDash([8, 6]);
    front.beginPath();
    front.moveTo(a.x, a.y);
    front.lineTo(b.x, b.y);
    front.stroke();
  });
}
