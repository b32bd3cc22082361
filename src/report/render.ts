/**
 * The report as one self-contained HTML page: inline CSS and static inline
 * SVG, no script, no external resource, and a Content-Security-Policy that
 * forbids both. All document text is escaped (see html.ts) and bounded.
 */
import type { NetworkEdge } from '../network/aggregate.js';
import type { StoredRelation } from '../store/relations.js';
import { REPORT_DEFAULTS, type ReportData } from './data.js';
import { escapeHtml, num, text, urlLink } from './html.js';
import { scenariosSection } from './scenario-section.js';
import { legendSvg, networkSvg, seriesSvg } from './svg.js';

export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `
body{font:15px/1.45 system-ui,sans-serif;color:#222;max-width:1100px;margin:0 auto;padding:1em 1.5em}
h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f4f4f4}svg text{font:12px system-ui,sans-serif;fill:#222}svg .axis{font-size:10px;fill:#555}
svg .bloc-head{font-weight:bold}.muted{color:#666}.quote{margin:.2em 0 .2em 1em;font-style:italic}
.pos{color:#1b7837}.neg{color:#c51b7d}.charts{display:flex;flex-wrap:wrap;gap:1em}.chart{border:1px solid #eee;padding:.4em}
.triad{border:1px solid #e3e3e3;padding:.5em .8em;margin:.8em 0}code{font-size:.9em}
nav a{margin-right:1em}
`;

function sign(s: 1 | -1): string {
  return s > 0 ? '<span class="pos">+ positive</span>' : '<span class="neg">− negative</span>';
}

function pairName(data: ReportData, a: string, b: string): string {
  const names = new Map(data.nodes.map((n) => [n.id, n.name]));
  return `${text(names.get(a) ?? a, 60)} (${text(a, 16)}) – ${text(names.get(b) ?? b, 60)} (${text(b, 16)})`;
}

function findEdge(data: ReportData, a: string, b: string): NetworkEdge | undefined {
  const [s, t] = a < b ? [a, b] : [b, a];
  return data.network.edges.find((e) => e.source === s && e.target === t);
}

function quoteLine(data: ReportData, r: StoredRelation): string {
  const doc = data.documents.get(r.documentId);
  const when = r.date ?? r.docDate ?? 'undated';
  return `<div class="quote">“${text(r.quote, 400)}”</div><div class="muted">${text(r.source, 16)} → ${text(r.target, 16)} ${r.polarity > 0 ? '+' : '−'} ${text(r.kind, 30)}, ${text(r.modality, 20)}, ${text(when, 20)} — <code>${text(r.doc, 200)}</code>${doc?.date ? `, ${text(doc.date, 25)}` : ''}${doc?.title ? `, ${text(doc.title, 120)}` : ''}</div>`;
}

function networkSection(data: ReportData): string {
  const w = data.network.window;
  const window = w.from ? `${w.from} to ${w.to ?? 'now'}` : w.to ? `up to ${w.to}` : 'all dates';
  return `<section id="network"><h2>Network</h2>
<p>${data.nodes.length} actors, ${data.network.edges.length} signed edges (${escapeHtml(data.network.layer)} layer, ${text(window, 60)}). Bloc A on the left, bloc B on the right: the two camps of the balance partition.</p>
${networkSvg(data)}
<div class="legend">${legendSvg()}</div>
<table><thead><tr><th>pair</th><th>sign</th><th>weight</th><th>confidence</th><th>voices</th><th>relations</th></tr></thead><tbody>
${data.network.edges
  .map(
    (e) =>
      `<tr><td>${pairName(data, e.source, e.target)}</td><td>${sign(e.sign)}</td><td>${num(e.weight)}</td><td>${num(e.confidence)}</td><td>${e.voices}</td><td>${e.relations.length}</td></tr>`,
  )
  .join('\n')}
</tbody></table></section>`;
}

function blocsSection(data: ReportData): string {
  const nodeById = new Map(data.nodes.map((n) => [n.id, n]));
  const rows = data.power.blocs
    .map((b, i) => {
      const members = b.members
        .map((id) => {
          const n = nodeById.get(id);
          const cap = n?.capability;
          return `${text(n?.name ?? id, 60)} (${text(id, 16)})${cap ? ` <span class="muted">CINC ${num(cap.value, 4)} (${cap.year}${cap.carriedForward ? ', carried forward' : ''})</span>` : ''}`;
        })
        .join('<br>');
      return `<tr><td>${i === 0 ? 'A' : 'B'}</td><td>${members || '<span class="muted">none</span>'}</td><td>${num(b.capability, 4)}</td><td>${num(b.share * 100, 1)}%</td><td>${b.unmeasured.map((id) => text(id, 16)).join(', ') || '–'}</td></tr>`;
    })
    .join('\n');
  return `<section id="blocs"><h2>Blocs and power</h2>
<table><thead><tr><th>bloc</th><th>members</th><th>capability (Σ CINC)</th><th>share</th><th>unmeasured members</th></tr></thead><tbody>
${rows}
</tbody></table>
<p>Herfindahl index: ${num(data.power.herfindahl)}; effective number of blocs: ${num(data.power.effectiveBlocs, 2)}. <span class="muted">${escapeHtml(data.power.formula)}; capabilities from ${escapeHtml(data.provenance.capabilitySource)} at ${escapeHtml(data.date)}.</span></p>
</section>`;
}

function triadsSection(data: ReportData): string {
  const b = data.balance;
  const t = b.triads;
  const index = b.exact
    ? `${b.frustrationIndex} (proven optimal)`
    : `${b.frustrationIndex} (best found; lower bound ${b.lowerBound})`;
  const shown = b.unbalancedTriads.slice(0, REPORT_DEFAULTS.triads);
  const triads = shown
    .map((triad) => {
      const [x, y, z] = triad.nodes;
      const edges = (
        [
          [x, y],
          [x, z],
          [y, z],
        ] as const
      )
        .map(([p, q]) => {
          const edge = findEdge(data, p, q);
          if (!edge) return '';
          const quotes = edge.relations
            .map((id) => data.relations.get(id))
            .filter((r): r is StoredRelation => r !== undefined)
            .slice(0, REPORT_DEFAULTS.quotesPerEdge)
            .map((r) => quoteLine(data, r))
            .join('');
          return `<li>${pairName(data, p, q)}: ${sign(edge.sign)} (weight ${num(edge.weight)}, ${edge.relations.length} relation(s))${quotes || '<div class="muted">no quote stored</div>'}</li>`;
        })
        .join('');
      return `<div class="triad"><strong>${triad.nodes.map((n) => text(n, 16)).join(' · ')}</strong> <span class="muted">${escapeHtml(triad.type)}</span><ul>${edges}</ul></div>`;
    })
    .join('\n');
  return `<section id="triads"><h2>Balance and triads</h2>
<p>Frustration index: <strong>${escapeHtml(index)}</strong> — the fewest sign flips that split the network into two hostile camps.</p>
<table><thead><tr><th>+++</th><th>++−</th><th>+−−</th><th>−−−</th><th>balanced</th><th>unbalanced</th></tr></thead>
<tbody><tr><td>${t['+++']}</td><td>${t['++-']}</td><td>${t['+--']}</td><td>${t['---']}</td><td>${t.balanced}</td><td>${t.unbalanced}</td></tr></tbody></table>
${shown.length ? `<h3>Unbalanced triads${b.unbalancedTriads.length > shown.length ? ` (the ${shown.length} heaviest of ${b.unbalancedTriads.length})` : ''}</h3>\n${triads}` : '<p>No unbalanced triads.</p>'}
</section>`;
}

function timelineSection(data: ReportData): string {
  const t = data.timeline;
  if (!t)
    return `<section id="timeline"><h2>Timeline</h2><p>No dated relations to chart.</p></section>`;
  const charts = t.pairs
    .map(
      (p) =>
        `<div class="chart"><div>${pairName(data, p.source, p.target)} <span class="muted">${p.relations} relation(s)</span></div>${seriesSvg(p)}</div>`,
    )
    .join('\n');
  return `<section id="timeline"><h2>Timeline</h2>
<p>Edge weight (−1 to +1) at the end of each ${escapeHtml(t.step)} window from ${escapeHtml(t.from)} to ${escapeHtml(t.to)}, for the ${t.pairs.length} pairs with the most evidence; gaps where the pair had no edge.</p>
<div class="charts">${charts}</div></section>`;
}

function evidenceLine(data: ReportData, r: StoredRelation): string {
  if (r.dataset === null) return quoteLine(data, r);
  const when = r.date ?? r.docDate ?? 'undated';
  return `<div class="muted">${text(r.dataset, 20)} event ${text(r.eventId ?? '', 40)}: ${text(r.source, 16)} → ${text(r.target, 16)} ${r.polarity > 0 ? '+' : '−'} ${text(r.kind, 30)} (“${text(r.trigger, 120)}”, ${text(r.rule, 40)}), ${text(when, 20)}${r.quote ? ` — “${text(r.quote, 300)}”` : ''}</div>`;
}

/** Layers side by side: overlap and agreement, then the pairs where they disagree in sign. */
function layersSection(data: ReportData): string {
  const c = data.layers;
  if (!c) return '';
  const shown = data.network.datasets ?? [];
  const overlaps = c.overlaps
    .map(
      (o) =>
        `<tr><td>${text(o.a, 30)} / ${text(o.b, 30)}</td><td>${o.shared}</td><td>${o.agree}</td><td>${o.disagree}</td></tr>`,
    )
    .join('\n');
  const cases = c.disagreements
    .slice(0, REPORT_DEFAULTS.triads)
    .map(
      (d) => `<div class="triad"><strong>${pairName(data, d.source, d.target)}</strong>
${d.sides
  .map(
    (s) =>
      `<div>${text(s.dataset, 30)}: ${sign(s.sign)} (weight ${num(s.weight)}, ${s.relations.length} relation(s))</div>${s.relations
        .slice(0, REPORT_DEFAULTS.quotesPerEdge)
        .map((id) => data.relations.get(id))
        .filter((r): r is StoredRelation => r !== undefined)
        .map((r) => evidenceLine(data, r))
        .join('\n')}`,
  )
  .join('\n')}</div>`,
    )
    .join('\n');
  return `<section id="layers"><h2>Layers compared</h2>
<p>Each layer's network built alone, with the same window and weights: ${c.layers
    .map((l) => `${text(l.dataset, 30)} ${l.edges} edges`)
    .join(
      ', ',
    )}. The network above shows ${escapeHtml(shown.join(', ') || 'the default layer')}.</p>
<table><thead><tr><th>layers</th><th>pairs in both</th><th>same sign</th><th>opposite sign</th></tr></thead><tbody>
${overlaps}
</tbody></table>
<p>${c.disagreements.length} pair(s) where the layers disagree in sign${c.disagreements.length > REPORT_DEFAULTS.triads ? ` (the first ${REPORT_DEFAULTS.triads} shown)` : ''}.</p>
${cases}
</section>`;
}

function sourcesSection(data: ReportData): string {
  const docs = [...data.documents.values()].sort(
    (a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.id - b.id,
  );
  const rows = docs
    .map(
      (d) =>
        `<tr><td>${text(d.title ?? '(untitled)', 200)}</td><td>${text(d.author ?? '', 80)}</td><td>${text(d.date ?? '', 25)}</td><td>${text(d.source ?? '', 80)}</td><td><code>${text(d.path, 200)}</code>${d.url ? `<br>${urlLink(d.url)}` : ''}</td></tr>`,
    )
    .join('\n');
  return `<section id="sources"><h2>Sources</h2>
<p>${docs.length} document(s) behind the relations shown.</p>
<table><thead><tr><th>title</th><th>author</th><th>date</th><th>source</th><th>path / URL</th></tr></thead><tbody>
${rows}
</tbody></table></section>`;
}

function provenanceSection(data: ReportData): string {
  const p = data.provenance;
  const params = data.network.params;
  const w = data.network.window;
  return `<section id="provenance"><h2>Provenance</h2>
<table><tbody>
<tr><th>greatgame version</th><td>${escapeHtml(p.greatgameVersion)}</td></tr>
<tr><th>extractor version</th><td>${escapeHtml(p.extractorVersion)}</td></tr>
${p.files.map((file) => `<tr><th>${text(file.name, 120)}</th><td><code>sha256 ${escapeHtml(file.sha256)}</code></td></tr>`).join('\n')}
<tr><th>capabilities</th><td>${escapeHtml(p.capabilitySource)}</td></tr>
<tr><th>layer</th><td>${escapeHtml(data.network.layer)}</td></tr>
<tr><th>window</th><td>from ${escapeHtml(w.from ?? '–')} to ${escapeHtml(w.to ?? '–')}${w.knownAt ? `, known at ${escapeHtml(w.knownAt)}` : ''}</td></tr>
<tr><th>half-life</th><td>${params.halfLifeDays} days</td></tr>
<tr><th>modality weights</th><td>${Object.entries(params.modalityWeight)
    .map(([k, v]) => `${escapeHtml(k)} ${v}`)
    .join(', ')}</td></tr>
<tr><th>timeline step</th><td>${escapeHtml(data.timeline?.step ?? '–')}</td></tr>
</tbody></table></section>`;
}

export function renderReport(data: ReportData): string {
  const title = `greatgame report — ${data.date}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<nav><a href="#network">network</a><a href="#blocs">blocs</a><a href="#triads">triads</a><a href="#timeline">timeline</a>${data.layers ? '<a href="#layers">layers</a>' : ''}${data.scenarios?.length ? '<a href="#scenarios">scenarios</a>' : ''}<a href="#sources">sources</a><a href="#provenance">provenance</a></nav>
${networkSection(data)}
${blocsSection(data)}
${triadsSection(data)}
${timelineSection(data)}
${layersSection(data)}
${scenariosSection(data.scenarios ?? [])}
${sourcesSection(data)}
${provenanceSection(data)}
</body>
</html>
`;
}
