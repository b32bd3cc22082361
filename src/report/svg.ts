/**
 * Static SVG drawings for the report: the signed network with its two blocs
 * on two facing arcs, and small line charts of a pair's weight through time.
 * Positive edges are solid and green, negative ones dashed and magenta, so
 * the sign reads without colour. Deterministic: same data, same picture.
 */
import type { PairSeries, ReportData, ReportNode } from './data.js';
import { escapeHtml, text } from './html.js';

export const EDGE_STYLE = {
  positive: { colour: '#1b7837', dash: null },
  negative: { colour: '#c51b7d', dash: '7 5' },
} as const;

const f = (x: number) => (Math.round(x * 10) / 10).toString();

/** The stroke attributes of an edge of this sign. */
export function edgeStroke(sign: 1 | -1, width: number): string {
  const style = sign > 0 ? EDGE_STYLE.positive : EDGE_STYLE.negative;
  return `stroke="${style.colour}" stroke-width="${f(width)}"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''} class="${sign > 0 ? 'edge-pos' : 'edge-neg'}"`;
}

/** Node radius: by capability relative to the strongest measured actor; a fixed small size when unmeasured. */
function radius(node: ReportNode, max: number): number {
  if (!node.capability || max <= 0) return 7;
  return 8 + 20 * Math.sqrt(node.capability.value / max);
}

export function networkSvg(data: ReportData): string {
  const max = Math.max(0, ...data.nodes.map((n) => n.capability?.value ?? 0));
  const byBloc = [0, 1].map((b) =>
    data.nodes
      .filter((n) => n.bloc === b)
      .sort(
        (x, y) =>
          (y.capability?.value ?? -1) - (x.capability?.value ?? -1) || x.id.localeCompare(y.id),
      ),
  );
  const rows = Math.max(1, ...byBloc.map((b) => b.length));
  const width = 760;
  const spacing = 56;
  const top = 60;
  const height = Math.max(260, top + 40 + (rows - 1) * spacing);
  const pos = new Map<string, { x: number; y: number; r: number; side: 0 | 1 }>();
  byBloc.forEach((bloc, b) => {
    // Each bloc on an arc bulging outwards (left for bloc A, right for bloc B),
    // spaced evenly from the top, the most capable first.
    const span = (height - top - 40) / Math.max(1, rows - 1);
    const offset = ((rows - bloc.length) * span) / 2;
    bloc.forEach((node, i) => {
      const y = top + offset + i * span;
      const t = (y - top) / Math.max(1, height - top - 40) - 0.5;
      const bulge = 90 * Math.cos(t * Math.PI * 0.9);
      const x = b === 0 ? 250 - bulge : 510 + bulge;
      pos.set(node.id, { x, y, r: radius(node, max), side: b as 0 | 1 });
    });
  });
  const names = new Map(data.nodes.map((n) => [n.id, n.name]));
  const edges = data.network.edges
    .map((e) => {
      const a = pos.get(e.source);
      const b = pos.get(e.target);
      if (!a || !b) return '';
      const w = 1 + 3 * Math.abs(e.weight) * e.confidence;
      const label = `${names.get(e.source) ?? e.source} – ${names.get(e.target) ?? e.target}: ${e.sign > 0 ? 'positive' : 'negative'}, weight ${e.weight}, ${e.voices} voice(s), ${e.relations.length} relation(s)`;
      const title = `<title>${text(label, 300)}</title>`;
      if (a.side === b.side) {
        // Within a bloc: a curve bowing inwards, clear of the members and their labels.
        const bow = (a.side === 0 ? 1 : -1) * (20 + Math.abs(a.y - b.y) * 0.3);
        const cx = (a.x + b.x) / 2 + bow;
        const cy = (a.y + b.y) / 2;
        return `<path d="M${f(a.x)} ${f(a.y)} Q${f(cx)} ${f(cy)} ${f(b.x)} ${f(b.y)}" fill="none" ${edgeStroke(e.sign, w)} stroke-opacity="0.8">${title}</path>`;
      }
      return `<line x1="${f(a.x)}" y1="${f(a.y)}" x2="${f(b.x)}" y2="${f(b.y)}" ${edgeStroke(e.sign, w)} stroke-opacity="0.8">${title}</line>`;
    })
    .join('\n');
  const nodes = data.nodes
    .map((n) => {
      const p = pos.get(n.id);
      if (!p) return '';
      const fill = p.side === 0 ? '#4a6fa5' : '#c8842c';
      const measured = n.capability !== null;
      const title = `${n.name} (${n.id})${measured ? `, CINC ${n.capability?.value} (${n.capability?.year})` : ', capability not measured'}`;
      const labelX = p.side === 0 ? p.x - p.r - 6 : p.x + p.r + 6;
      const anchor = p.side === 0 ? 'end' : 'start';
      return (
        `<g class="node"><circle cx="${f(p.x)}" cy="${f(p.y)}" r="${f(p.r)}" fill="${measured ? fill : '#ffffff'}" stroke="${fill}" stroke-width="2"><title>${text(title, 200)}</title></circle>` +
        `<text x="${f(labelX)}" y="${f(p.y + 4)}" text-anchor="${anchor}">${text(n.id, 16)}</text></g>`
      );
    })
    .join('\n');
  const heads =
    `<text x="160" y="22" text-anchor="middle" class="bloc-head">bloc A</text>` +
    `<text x="600" y="22" text-anchor="middle" class="bloc-head">bloc B</text>`;
  return `<svg viewBox="0 0 ${width} ${f(height)}" width="${width}" height="${f(height)}" role="img" aria-label="signed network of ${data.nodes.length} actors and ${data.network.edges.length} edges">
<title>Signed network at ${escapeHtml(data.date)}</title>
${heads}
${edges}
${nodes}
</svg>`;
}

export function legendSvg(): string {
  return `<svg viewBox="0 0 560 70" width="560" height="70" role="img" aria-label="legend">
<line x1="10" y1="15" x2="60" y2="15" ${edgeStroke(1, 3)}/><text x="68" y="19">positive (cooperation): solid green</text>
<line x1="10" y1="40" x2="60" y2="40" ${edgeStroke(-1, 3)}/><text x="68" y="44">negative (conflict): dashed magenta</text>
<circle cx="330" cy="15" r="10" fill="#4a6fa5" stroke="#4a6fa5" stroke-width="2"/><text x="346" y="19">size: share of capability (CINC)</text>
<circle cx="330" cy="45" r="7" fill="#ffffff" stroke="#4a6fa5" stroke-width="2"/><text x="346" y="49">hollow: capability not measured</text>
<text x="10" y="65">line width: |weight| × confidence</text>
</svg>`;
}

/** A small chart of a pair's weight in [−1, 1] per window. */
export function seriesSvg(series: PairSeries): string {
  const width = 320;
  const height = 110;
  const left = 30;
  const right = 10;
  const top = 12;
  const bottom = 22;
  const n = series.points.length;
  const x = (i: number) => left + (n <= 1 ? 0.5 : i / (n - 1)) * (width - left - right);
  const y = (w: number) => top + ((1 - w) / 2) * (height - top - bottom);
  const segments: string[] = [];
  let current: string[] = [];
  const dots: string[] = [];
  series.points.forEach((p, i) => {
    if (p.weight === null) {
      if (current.length) segments.push(current.join(' '));
      current = [];
      return;
    }
    current.push(`${f(x(i))},${f(y(p.weight))}`);
    const sign = p.weight > 0 ? 1 : -1;
    const style = sign > 0 ? EDGE_STYLE.positive : EDGE_STYLE.negative;
    dots.push(
      `<circle cx="${f(x(i))}" cy="${f(y(p.weight))}" r="2.5" fill="${style.colour}"><title>${text(`${p.from} – ${p.to}: ${p.weight}`, 80)}</title></circle>`,
    );
  });
  if (current.length) segments.push(current.join(' '));
  const lines = segments
    .map((pts) => `<polyline points="${pts}" fill="none" stroke="#333" stroke-width="1.5"/>`)
    .join('');
  const firstLabel = series.points[0]?.from ?? '';
  const lastLabel = series.points[n - 1]?.to ?? '';
  return `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${text(`${series.source}–${series.target} weight through time`, 80)}">
<line x1="${left}" y1="${f(y(0))}" x2="${width - right}" y2="${f(y(0))}" stroke="#999" stroke-dasharray="2 2"/>
<text x="2" y="${f(y(1) + 4)}" class="axis">+1</text><text x="8" y="${f(y(0) + 4)}" class="axis">0</text><text x="2" y="${f(y(-1) + 4)}" class="axis">−1</text>
${lines}${dots.join('')}
<text x="${left}" y="${height - 6}" class="axis">${text(firstLabel, 12)}</text>
<text x="${width - right}" y="${height - 6}" text-anchor="end" class="axis">${text(lastLabel, 12)}</text>
</svg>`;
}
