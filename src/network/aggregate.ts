/**
 * From relations to a signed, weighted, dated network: one edge per actor
 * pair, its weight the net sign of the evidence in [−1, 1], its confidence
 * growing with the number of independent sources, and the ids of the
 * relations behind it so every number opens onto its quotes.
 *
 * Weighting (defaults at the top, all options):
 *   - modality: asserted counts fully, reported half, negated not at all;
 *     hypothetical relations form the separate "expected" layer (or count
 *     at `hypotheticalWeight` when the layers are merged);
 *   - recency: a relation's weight halves every `halfLifeDays` before the
 *     reference date (the end of the window);
 *   - independence: one source (outlet, else author, else file) counts once
 *     per pair and sign, however many sentences or republications repeat it;
 *     duplicates are already left out upstream.
 */
import type { Modality } from '../domain/relation.js';

export const DEFAULTS = {
  halfLifeDays: 365,
  modalityWeight: { asserted: 1, reported: 0.5, negated: 0, hypothetical: 0.3 } as Record<
    Modality,
    number
  >,
};

export type Layer = 'observed' | 'expected' | 'merged';

/** What aggregation needs of a relation. */
export interface EvidenceRelation {
  id: number;
  source: string;
  target: string;
  polarity: 1 | -1;
  modality: Modality;
  /** When it holds (partial dates allowed); null means the document's date was unknown too. */
  date: string | null;
  docDate: string | null;
  /** Who says so: outlet, else author, else file — one voice per pair and sign. */
  voice: string;
  /** The layer: 'extracted', or the event dataset it was imported from (icews, gdelt…). */
  dataset?: string;
}

export interface NetworkOptions {
  /** The network as it stood at this date: relations dated up to it, decayed to it. */
  at?: string;
  /** A window instead: relations whose date overlaps [from, to]. */
  from?: string;
  to?: string;
  /** Only what had been published by this date (by docDate). */
  knownAt?: string;
  layer?: Layer;
  /** Who acts on whom: one edge per ordered pair (source → target) instead of per pair. */
  directed?: boolean;
  halfLifeDays?: number;
  /**
   * Which layers of evidence (`--dataset`): 'extracted' and/or imported
   * datasets; undefined lets the store choose (see RelationStore.evidence).
   */
  datasets?: string[];
}

export interface NetworkEdge {
  /** Alphabetical when undirected; the actor acting and the one acted on when directed. */
  source: string;
  target: string;
  /** Net sign of the weighted evidence, in [−1, 1]. */
  weight: number;
  sign: 1 | -1;
  /** 1 − 2^(−independent voices): 0.5 for one voice, 0.75 for two… */
  confidence: number;
  voices: number;
  /**
   * Σ over voices of their strongest decayed, modality-weighted statement:
   * the evidence mass, which a recent asserted voice adds 1 to and an old or
   * reported one less (what the simulations read as how firm the edge is).
   */
  evidence?: number;
  relations: number[];
}

export interface Network {
  nodes: string[];
  edges: NetworkEdge[];
  layer: Layer;
  directed: boolean;
  window: { from: string | null; to: string | null; knownAt: string | null };
  /** The layers of evidence it was built from, when chosen ('extracted', 'icews'…). */
  datasets?: string[];
  params: { halfLifeDays: number; modalityWeight: Record<Modality, number> };
}

/** First and last day a partial date can mean. */
export function dateBounds(date: string): [string, string] {
  if (/^\d{4}$/.test(date)) return [`${date}-01-01`, `${date}-12-31`];
  if (/^\d{4}-\d{2}$/.test(date)) {
    const [y, m] = date.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return [`${date}-01`, `${date}-${String(last).padStart(2, '0')}`];
  }
  return [date.slice(0, 10), date.slice(0, 10)];
}

/** First and last day the dated evidence covers, or undefined when none is dated. */
export function evidenceSpan(relations: EvidenceRelation[]): { first?: string; last?: string } {
  let first: string | undefined;
  let last: string | undefined;
  for (const r of relations) {
    const when = r.date ?? r.docDate;
    if (!when) continue;
    const [start, end] = dateBounds(when);
    if (first === undefined || start < first) first = start;
    if (last === undefined || end > last) last = end;
  }
  return { first, last };
}

function days(a: string, b: string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}

export function buildNetwork(relations: EvidenceRelation[], options: NetworkOptions = {}): Network {
  const layer = options.layer ?? 'observed';
  const halfLife = options.halfLifeDays ?? DEFAULTS.halfLifeDays;
  const weights = DEFAULTS.modalityWeight;
  const windowEnd = options.at
    ? dateBounds(options.at)[1]
    : options.to
      ? dateBounds(options.to)[1]
      : null;
  const windowStart = options.from ? dateBounds(options.from)[0] : null;
  const knownAt = options.knownAt ? dateBounds(options.knownAt)[1] : null;

  interface Acc {
    /** Strongest weight of each voice, per sign. */
    voices: Map<string, number>;
    relations: number[];
  }
  const pairs = new Map<string, Acc>();
  for (const r of relations) {
    if (r.source === r.target) continue;
    if (options.datasets && r.dataset !== undefined && !options.datasets.includes(r.dataset))
      continue;
    const hypothetical = r.modality === 'hypothetical';
    if (layer === 'observed' && hypothetical) continue;
    if (layer === 'expected' && !hypothetical) continue;
    const base = layer === 'expected' ? 1 : weights[r.modality];
    if (base === 0) continue;
    const when = r.date ?? r.docDate;
    if (!when) {
      if (windowStart || windowEnd) continue; // undated evidence cannot be placed in a window
    } else {
      const [start, end] = dateBounds(when);
      if (windowEnd && start > windowEnd) continue;
      if (windowStart && end < windowStart) continue;
    }
    if (knownAt && (!r.docDate || dateBounds(r.docDate)[0] > knownAt)) continue;
    // Recency: the weight halves every half-life before the reference date.
    let weight = base;
    if (windowEnd && when)
      weight *= 0.5 ** (Math.max(0, days(dateBounds(when)[1], windowEnd)) / halfLife);
    // Symmetric statements ("A-B ties") are stored alphabetically, so the
    // directed view reads them as A acting on B: direction matters only
    // where the text gave one.
    const [a, b] =
      options.directed || r.source < r.target ? [r.source, r.target] : [r.target, r.source];
    const key = `${a}\u0000${b}`;
    const acc = pairs.get(key) ?? { voices: new Map<string, number>(), relations: [] };
    // One voice counts once per pair and sign: its strongest statement.
    const voiceKey = `${r.polarity}\u0000${r.voice}`;
    acc.voices.set(voiceKey, Math.max(acc.voices.get(voiceKey) ?? 0, weight));
    acc.relations.push(r.id);
    pairs.set(key, acc);
  }

  const edges: NetworkEdge[] = [];
  for (const [key, acc] of pairs) {
    let signed = 0;
    let total = 0;
    for (const [voiceKey, w] of acc.voices) {
      signed += (voiceKey.startsWith('-') ? -1 : 1) * w;
      total += w;
    }
    if (total === 0 || signed === 0) continue; // evidence that cancels out gives no sign
    const [source, target] = key.split('\u0000') as [string, string];
    const voices = new Set([...acc.voices.keys()].map((v) => v.split('\u0000')[1])).size;
    const weight = round(signed / total);
    edges.push({
      source,
      target,
      weight,
      sign: weight > 0 ? 1 : -1,
      confidence: round(1 - 0.5 ** voices),
      voices,
      evidence: round(total),
      relations: acc.relations.sort((x, y) => x - y),
    });
  }
  edges.sort((x, y) =>
    x.source === y.source ? x.target.localeCompare(y.target) : x.source.localeCompare(y.source),
  );
  const nodes = [...new Set(edges.flatMap((e) => [e.source, e.target]))].sort();
  return {
    nodes,
    edges,
    layer,
    directed: options.directed ?? false,
    window: { from: windowStart, to: windowEnd, knownAt },
    ...(options.datasets ? { datasets: options.datasets } : {}),
    params: { halfLifeDays: halfLife, modalityWeight: weights },
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
