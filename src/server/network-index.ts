/**
 * The network at any date, fast: the same rules as `buildNetwork` (see
 * src/network/aggregate.ts, followed line by line), over evidence parsed
 * once — dates turned into day numbers, each relation given its pair and
 * its "slot" (pair × voice × sign) as small integers — so a new date costs
 * one pass over typed arrays instead of date parsing and map lookups. At
 * 50,000 relations that is about a millisecond rather than tens.
 *
 * The slider's question — the network at a date, with no window start,
 * knownAt or dataset filter, without ids — does not even need that pass:
 * see `Timeline` (per-pair binary searches and factorised prefix sums,
 * falling back to exact per-slot sums wherever the last bits could matter),
 * a few hundredths of a millisecond a date. It gives the scan's numbers.
 *
 * The one difference: per pair, voices are summed in slot order rather than
 * in the order buildNetwork meets them, so a weight can differ in the last
 * bits before rounding to three decimals (never in practice in the tests,
 * which compare the two: test/server-network-index.test.ts).
 */
import {
  dateBounds,
  DEFAULTS,
  type EvidenceRelation,
  type Layer,
  type Network,
  type NetworkEdge,
  type NetworkOptions,
} from '../network/aggregate.js';
import type { Modality } from '../domain/relation.js';

/** Ages (days) the decay table covers: 200 years; older evidence computes its factor directly. */
const DECAY_TABLE_DAYS = 73_050;

/** Days the first timeline of a process computes (and discards) to have its code compiled. */
const WARM_UP_DAYS = 60;
let timelineWarmed = false;

/** "No date" in an Int32Array of day numbers (all real days are far above it). */
const NO_DAY = -2_147_483_648;

const MODALITY_CODES: Modality[] = ['asserted', 'reported', 'hypothetical', 'negated'];
const HYPOTHETICAL = MODALITY_CODES.indexOf('hypothetical');

function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

/** An edge with the number of relations behind it (ids only when asked for). */
export interface IndexedEdge extends NetworkEdge {
  relationCount: number;
}

export interface IndexedNetwork extends Network {
  edges: IndexedEdge[];
}

/** Pairs (and their slots) in one orientation: alphabetical, or as written. */
class PairTable {
  readonly source: string[] = [];
  readonly target: string[] = [];
  /** Per relation. */
  readonly pairOf: Int32Array;
  readonly slotOf: Int32Array;
  /** Slots of pair p: slotStart[p] .. slotStart[p + 1] − 1, ordered by voice then sign. */
  slotStart = new Int32Array(0);
  /** Per slot: its voice and whether it is the negative sign. */
  slotVoice = new Int32Array(0);
  slotNegative = new Uint8Array(0);
  slotCount = 0;
  /** Pairs in the order buildNetwork sorts edges (source, then target, by localeCompare). */
  pairOrder = new Int32Array(0);
  /** Scratch for one build: each slot's strongest weight, each pair's relation count. */
  best = new Float64Array(0);
  count = new Int32Array(0);

  constructor(n: number) {
    this.pairOf = new Int32Array(n);
    this.slotOf = new Int32Array(n);
  }

  fill(
    relations: EvidenceRelation[],
    voiceOf: Int32Array,
    orient: (r: EvidenceRelation) => [string, string],
  ): void {
    const pairs = new Map<string, number>();
    const slots = new Map<string, number>();
    const voices: number[] = [];
    const negatives: number[] = [];
    const slotPair: number[] = [];
    relations.forEach((r, i) => {
      const [a, b] = orient(r);
      const key = `${a}\u0000${b}`;
      let p = pairs.get(key);
      if (p === undefined) {
        p = this.source.length;
        pairs.set(key, p);
        this.source.push(a);
        this.target.push(b);
      }
      this.pairOf[i] = p;
      const negative = r.polarity < 0 ? 1 : 0;
      const slotKey = `${p}:${voiceOf[i]}:${negative}`;
      let s = slots.get(slotKey);
      if (s === undefined) {
        s = voices.length;
        slots.set(slotKey, s);
        voices.push(voiceOf[i]!);
        negatives.push(negative);
        slotPair.push(p);
      }
      this.slotOf[i] = s;
    });
    this.slotCount = voices.length;
    this.best = new Float64Array(this.slotCount);
    this.count = new Int32Array(this.source.length);
    // Number slots by pair, then voice, then sign, so a pair's slots are a
    // run and its distinct voices runs within it (read in order, not by lookup).
    const order = [...voices.keys()].sort(
      (x, y) =>
        slotPair[x]! - slotPair[y]! || voices[x]! - voices[y]! || negatives[x]! - negatives[y]!,
    );
    const renumbered = new Int32Array(order.length);
    order.forEach((s, k) => (renumbered[s] = k));
    for (let i = 0; i < this.slotOf.length; i++) this.slotOf[i] = renumbered[this.slotOf[i]!]!;
    this.slotVoice = Int32Array.from(order, (s) => voices[s]!);
    this.slotNegative = Uint8Array.from(order, (s) => negatives[s]!);
    this.slotStart = new Int32Array(this.source.length + 1);
    for (const s of order) this.slotStart[slotPair[s]! + 1]!++;
    for (let p = 0; p < this.source.length; p++) this.slotStart[p + 1]! += this.slotStart[p]!;
    this.pairOrder = Int32Array.from(this.source.keys()).sort((x, y) =>
      this.source[x] === this.source[y]
        ? COLLATOR.compare(this.target[x]!, this.target[y]!)
        : COLLATOR.compare(this.source[x]!, this.source[y]!),
    );
  }
}

export class EvidenceIndex {
  readonly size: number;
  private readonly ids: Int32Array;
  private readonly self: Uint8Array;
  private readonly modality: Uint8Array;
  /** Day numbers of the first and last day of the relation's date (else docDate), when `dated`. */
  private readonly dated: Uint8Array;
  private readonly startDay: Int32Array;
  private readonly endDay: Int32Array;
  /** The document's first day, or NO_DAY. */
  private readonly docStartDay: Int32Array;
  /** Index into `datasetNames`, or −1 when the relation names no dataset. */
  private readonly dataset: Int32Array;
  private readonly datasetNames: string[] = [];
  private readonly sorted: PairTable;
  private readonly directed: PairTable;
  /** Relation positions by ascending id (the store gives them in id order already). */
  private readonly idOrder: Int32Array;

  constructor(readonly relations: EvidenceRelation[]) {
    const n = relations.length;
    this.size = n;
    this.ids = new Int32Array(n);
    this.self = new Uint8Array(n);
    this.modality = new Uint8Array(n);
    this.dated = new Uint8Array(n);
    this.startDay = new Int32Array(n);
    this.endDay = new Int32Array(n);
    this.docStartDay = new Int32Array(n);
    this.dataset = new Int32Array(n);
    const datasets = new Map<string, number>();
    const voiceOf = new Int32Array(n);
    const voices = new Map<string, number>();
    // Many relations share a date string: parse each once.
    const bounds = new Map<string, [number, number]>();
    const boundsOf = (date: string): [number, number] => {
      let b = bounds.get(date);
      if (!b) {
        const [s, e] = dateBounds(date);
        bounds.set(date, (b = [dayNumber(s), dayNumber(e)]));
      }
      return b;
    };
    relations.forEach((r, i) => {
      this.ids[i] = r.id;
      this.self[i] = r.source === r.target ? 1 : 0;
      this.modality[i] = Math.max(0, MODALITY_CODES.indexOf(r.modality));
      let v = voices.get(r.voice);
      if (v === undefined) voices.set(r.voice, (v = voices.size));
      voiceOf[i] = v;
      const when = r.date ?? r.docDate;
      if (when) {
        const [s, e] = boundsOf(when);
        this.dated[i] = 1;
        this.startDay[i] = s;
        this.endDay[i] = e;
      }
      this.docStartDay[i] = r.docDate ? boundsOf(r.docDate)[0] : NO_DAY;
      if (r.dataset === undefined) this.dataset[i] = -1;
      else {
        let d = datasets.get(r.dataset);
        if (d === undefined) {
          datasets.set(r.dataset, (d = this.datasetNames.length));
          this.datasetNames.push(r.dataset);
        }
        this.dataset[i] = d;
      }
    });
    this.idOrder = Int32Array.from(this.ids.keys());
    if (!this.ids.every((id, i) => i === 0 || this.ids[i - 1]! <= id))
      this.idOrder.sort((x, y) => this.ids[x]! - this.ids[y]!);
    this.sorted = new PairTable(n);
    this.sorted.fill(relations, voiceOf, (r) =>
      r.source < r.target ? [r.source, r.target] : [r.target, r.source],
    );
    this.directed = new PairTable(n);
    this.directed.fill(relations, voiceOf, (r) => [r.source, r.target]);
  }

  /** The per-relation arrays a timeline is built from. */
  arrays(): {
    self: Uint8Array;
    modality: Uint8Array;
    dated: Uint8Array;
    startDay: Int32Array;
    endDay: Int32Array;
  } {
    const { self, modality, dated, startDay, endDay } = this;
    return { self, modality, dated, startDay, endDay };
  }

  private readonly decays = new Map<number, { table: Float64Array; falling: boolean }>();

  /**
   * 0.5 ** (age / halfLife) for whole days of age, computed once per
   * half-life (the same expression buildNetwork uses), and whether it never
   * rises with age (what the timelines' shortcut relies on; checked, not assumed).
   */
  private decayTable(halfLife: number): { table: Float64Array; falling: boolean } {
    let decay = this.decays.get(halfLife);
    if (!decay) {
      const table = Float64Array.from(
        { length: DECAY_TABLE_DAYS },
        (_v, age) => 0.5 ** (age / halfLife),
      );
      let falling = table[0] === 1;
      for (let age = 1; falling && age < table.length; age++)
        falling = table[age]! <= table[age - 1]!;
      decay = { table, falling };
      if (this.decays.size >= 8) this.decays.clear();
      this.decays.set(halfLife, decay);
    }
    return decay;
  }

  private readonly timelines = new Map<string, Timeline>();

  private readonly asked = new Map<string, number>();

  /**
   * The timeline of one layer in one orientation, arranged once — on the
   * second date asked of it (arranging takes tens of milliseconds at 50,000
   * relations, and a view asked once is cheaper scanned); null before.
   */
  private timeline(table: PairTable, layer: Layer, baseOf: Float64Array): Timeline | null {
    const key = `${table === this.directed ? 'directed' : 'sorted'}:${layer}`;
    let timeline = this.timelines.get(key);
    if (!timeline) {
      if (secondAsk(this.asked, key)) return null;
      timeline = new Timeline(this, table, layer, baseOf);
      this.timelines.set(key, timeline);
    }
    return timeline;
  }

  /**
   * The network `buildNetwork(this.relations, options)` gives. The ids of
   * the relations behind each edge are listed only `withIds` (a client
   * drawing the network needs the counts, not 50,000 ids).
   */
  build(options: NetworkOptions = {}, withIds = true): IndexedNetwork {
    const layer = options.layer ?? 'observed';
    const halfLife = options.halfLifeDays ?? DEFAULTS.halfLifeDays;
    const weights = DEFAULTS.modalityWeight;
    const baseOf = Float64Array.from(MODALITY_CODES, (m) =>
      layer === 'expected' ? 1 : weights[m],
    );
    const windowEnd = options.at
      ? dateBounds(options.at)[1]
      : options.to
        ? dateBounds(options.to)[1]
        : null;
    const windowStart = options.from ? dateBounds(options.from)[0] : null;
    const knownAt = options.knownAt ? dateBounds(options.knownAt)[1] : null;
    const endDay = windowEnd ? dayNumber(windowEnd) : 0;
    const startDay = windowStart ? dayNumber(windowStart) : 0;
    const knownDay = knownAt ? dayNumber(knownAt) : 0;
    const windowed = windowEnd !== null || windowStart !== null;
    const table = options.directed ? this.directed : this.sorted;
    const allowed = options.datasets
      ? Uint8Array.from(this.datasetNames, (name) => (options.datasets?.includes(name) ? 1 : 0))
      : null;

    const { table: decay, falling } = this.decayTable(halfLife);
    const decayDays = decay.length;
    const kept = withIds ? new Uint8Array(this.size) : null;
    const hasEnd = windowEnd !== null;
    const hasStart = windowStart !== null;
    const hasKnown = knownAt !== null;

    // The slider's question (a date, no window start, no knownAt, every
    // dataset): from the timeline, when the decay table covers every age.
    const timeline =
      kept === null &&
      hasEnd &&
      !hasStart &&
      !hasKnown &&
      falling &&
      (allowed?.every((a) => a === 1) ?? true)
        ? this.timeline(table, layer, baseOf)
        : null;
    let edges: IndexedEdge[];
    if (timeline !== null && endDay - timeline.minEnd < decayDays) {
      if (!timelineWarmed) {
        timelineWarmed = true;
        timeline.warmUp(table, decay, halfLife);
      }
      edges = timeline.edges(table, endDay, decay, halfLife);
    } else {
      this.scan({
        table,
        layer,
        baseOf,
        allowed,
        windowed,
        hasEnd,
        endDay,
        hasStart,
        startDay,
        hasKnown,
        knownDay,
        decay,
        halfLife,
        kept,
      });
      // (Each loop in a function of its own: V8 optimises a hot loop on its
      // own, and would otherwise throw the code away at the next untried line.)
      const edgeOfPair = withIds ? new Int32Array(table.source.length).fill(-1) : null;
      edges = edgesOf(table, edgeOfPair);
      if (kept && edgeOfPair) this.listIds(edges, table, kept, edgeOfPair);
    }
    const nodeSet = new Set<string>();
    for (const e of edges) nodeSet.add(e.source).add(e.target);
    const nodes = [...nodeSet].sort();
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

  /** Every relation checked against the options: each slot's strongest weight into table.best, each pair's count into table.count. */
  private scan(q: {
    table: PairTable;
    layer: Layer;
    baseOf: Float64Array;
    allowed: Uint8Array | null;
    windowed: boolean;
    hasEnd: boolean;
    endDay: number;
    hasStart: boolean;
    startDay: number;
    hasKnown: boolean;
    knownDay: number;
    decay: Float64Array;
    halfLife: number;
    kept: Uint8Array | null;
  }): void {
    // Scratch arrays, reused (a build runs to its end without yielding):
    // allocating 35,000 doubles a date cost more than filling them.
    const { slotOf, pairOf, best, count } = q.table;
    best.fill(0);
    count.fill(0);
    // Locals for the hot loop: V8 keeps them in registers.
    const { baseOf, allowed, windowed, hasEnd, endDay, hasStart, startDay, hasKnown } = q;
    const { knownDay, decay, halfLife, kept } = q;
    const decayDays = decay.length;
    const {
      self,
      dataset,
      modality,
      dated,
      startDay: starts,
      endDay: ends,
      docStartDay: docs,
    } = this;
    const observedOnly = q.layer === 'observed';
    const expectedOnly = q.layer === 'expected';
    const n = this.size;
    for (let i = 0; i < n; i++) {
      if (self[i] === 1) continue;
      if (allowed !== null && dataset[i]! >= 0 && allowed[dataset[i]!] === 0) continue;
      const code = modality[i]!;
      if (code === HYPOTHETICAL ? observedOnly : expectedOnly) continue;
      const base = baseOf[code]!;
      if (base === 0) continue;
      const isDated = dated[i] === 1;
      if (!isDated) {
        if (windowed) continue;
      } else {
        if (hasEnd && starts[i]! > endDay) continue;
        if (hasStart && ends[i]! < startDay) continue;
      }
      if (hasKnown && (docs[i] === NO_DAY || docs[i]! > knownDay)) continue;
      let weight = base;
      if (hasEnd && isDated) {
        const age = endDay - ends[i]!;
        if (age > 0) weight *= age < decayDays ? decay[age]! : 0.5 ** (age / halfLife);
      }
      const slot = slotOf[i]!;
      if (weight > best[slot]!) best[slot] = weight;
      count[pairOf[i]!]!++;
      if (kept !== null) kept[i] = 1;
    }
  }

  /** The ids of the kept relations onto their edges, ascending (as buildNetwork lists them). */
  private listIds(
    edges: IndexedEdge[],
    table: PairTable,
    kept: Uint8Array,
    edgeOfPair: Int32Array,
  ): void {
    for (const i of this.idOrder) {
      if (!kept[i]) continue;
      const e = edgeOfPair[table.pairOf[i]!]!;
      if (e >= 0) edges[e]!.relations.push(this.ids[i]!);
    }
  }
}

/** The edges from table.best and table.count, in buildNetwork's order (edgeOfPair: each pair's edge, when given). */
function edgesOf(table: PairTable, edgeOfPair: Int32Array | null): IndexedEdge[] {
  const edges: IndexedEdge[] = [];
  const { slotStart, slotNegative, slotVoice, pairOrder, best, count } = table;
  for (let o = 0; o < pairOrder.length; o++) {
    const p = pairOrder[o]!;
    if (count[p] === 0) continue;
    let signed = 0;
    let total = 0;
    let voices = 0;
    let lastVoice = -1;
    const last = slotStart[p + 1]!;
    for (let s = slotStart[p]!; s < last; s++) {
      const w = best[s]!;
      if (w === 0) continue;
      signed += slotNegative[s] === 1 ? -w : w;
      total += w;
      if (slotVoice[s] !== lastVoice) {
        voices++;
        lastVoice = slotVoice[s]!;
      }
    }
    if (total === 0 || signed === 0) continue;
    if (edgeOfPair !== null) edgeOfPair[p] = edges.length;
    edges.push(edgeOf(table, p, signed, total, voices, count[p]!));
  }
  return edges;
}

/** Pair p's edge from its sums over slots (buildNetwork's rounding). */
function edgeOf(
  table: PairTable,
  p: number,
  signed: number,
  total: number,
  voices: number,
  relationCount: number,
): IndexedEdge {
  const weight = round(signed / total);
  return {
    source: table.source[p]!,
    target: table.target[p]!,
    weight,
    sign: weight > 0 ? 1 : -1,
    confidence: round(1 - 0.5 ** voices),
    voices,
    evidence: round(total),
    relations: [],
    relationCount,
  };
}

/**
 * One layer's dated evidence in one orientation, arranged for the network
 * at a date D with no window start, knownAt or dataset filter (the time
 * slider's question), so a date costs a pass over short "steps" rather than
 * over every relation:
 *
 *   - per slot and modality (a "group": one base weight), the relations by
 *     start day, kept as a staircase of the latest end day so far. Those
 *     that count at D are the ones starting by D; the strongest of them,
 *     base · decay(D − end) with the decay never rising with age (checked
 *     on the table), is the one ending latest, capped at D — the last step
 *     starting by D. Its weight is computed with the very expression the
 *     scan uses, so the slot's maximum is the same number;
 *   - per pair, the start days sorted: the relations counted up to D are a
 *     binary search;
 *   - per pair, factorised sums by day (`sumsFor`), from which most edges
 *     come in a few binary searches; the staircases give the rest exactly.
 */
class Timeline {
  /** Per slot: its groups slotGroups[s] .. slotGroups[s + 1] − 1. */
  readonly slotGroups: Int32Array;
  /** Per group: its base weight, its steps stepFrom[g] .. stepFrom[g + 1] − 1. */
  readonly groupBase: Float64Array;
  readonly stepFrom: Int32Array;
  /** Per step: the start day from which it holds and the latest end day so far. */
  readonly stepDay: Int32Array;
  readonly stepEnd: Int32Array;
  /** Per pair: its relations' start days, ascending, at pairDays[pairFrom[p] .. pairFrom[p + 1]). */
  readonly pairFrom: Int32Array;
  readonly pairDays: Int32Array;
  /** The earliest and latest end days (the oldest age a date can meet is D − minEnd). */
  readonly minEnd: number;
  readonly maxEnd: number;
  /** Per pair: the days its distinct voices first speak, ascending, at voiceDays[voiceFrom[p] .. voiceFrom[p + 1]). */
  readonly voiceFrom: Int32Array;
  readonly voiceDays: Int32Array;
  /** Relations whose date spans days (a month, a year), by start day: start, end, pair; the longest span. */
  readonly spanStart: Int32Array;
  readonly spanEnd: Int32Array;
  readonly spanPair: Int32Array;
  readonly longestSpan: number;
  /** Per slot: its pair; per slot, its relations by start day at bySlot[slotRelations[s] .. slotRelations[s + 1]). */
  private readonly slotPair: Int32Array;
  private readonly slotRelations: Int32Array;
  private readonly bySlot: Int32Array;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly bases: Float64Array;
  private readonly negative: Uint8Array;
  /** The factorised sums, per half-life. */
  private readonly sums = new Map<number, Sums | null>();
  private readonly asked = new Map<number, number>();
  /** Pairs a date falls inside one of whose relations' spans: marked with the build's stamp. */
  private readonly straddled: Int32Array;
  private stamp = 0;

  constructor(index: EvidenceIndex, table: PairTable, layer: Layer, baseOf: Float64Array) {
    const { self, modality, dated, startDay: starts, endDay: ends } = index.arrays();
    const { slotOf, pairOf } = table;
    const chosen = new Int32Array(index.size);
    let n = 0;
    for (let i = 0; i < index.size; i++) {
      if (self[i] === 1 || dated[i] === 0) continue;
      const code = modality[i]!;
      if (code === HYPOTHETICAL ? layer === 'observed' : layer === 'expected') continue;
      if (baseOf[code] === 0) continue;
      chosen[n++] = i;
    }
    const kept = chosen.slice(0, n);
    let minEnd = Number.MAX_SAFE_INTEGER;
    let maxEnd = Number.MIN_SAFE_INTEGER;
    for (const i of kept) {
      minEnd = Math.min(minEnd, ends[i]!);
      maxEnd = Math.max(maxEnd, ends[i]!);
    }
    this.minEnd = minEnd;
    this.maxEnd = maxEnd;
    this.starts = starts;
    this.ends = ends;
    this.bases = new Float64Array(index.size);
    for (const i of kept) this.bases[i] = baseOf[modality[i]!]!;
    this.straddled = new Int32Array(table.source.length);
    this.negative = table.slotNegative;

    // Spanning relations, by start day.
    const spans = sortedBy(
      kept.filter((i) => ends[i]! > starts[i]!),
      starts,
    );
    this.spanStart = Int32Array.from(spans, (i) => starts[i]!);
    this.spanEnd = Int32Array.from(spans, (i) => ends[i]!);
    this.spanPair = Int32Array.from(spans, (i) => pairOf[i]!);
    this.longestSpan = spans.reduce((m, i) => Math.max(m, ends[i]! - starts[i]!), 0);

    // Per slot, its relations by start day.
    this.slotPair = new Int32Array(table.slotCount);
    for (let p = 0; p < table.source.length; p++)
      this.slotPair.fill(p, table.slotStart[p]!, table.slotStart[p + 1]!);
    this.bySlot = sortedBy(sortedBy(kept, starts), slotOf);
    this.slotRelations = new Int32Array(table.slotCount + 1);
    for (const i of kept) this.slotRelations[slotOf[i]! + 1]!++;
    for (let k = 0; k < table.slotCount; k++) this.slotRelations[k + 1]! += this.slotRelations[k]!;

    // Per pair, the day each voice first speaks (its slots are a run: by voice, then sign).
    this.voiceFrom = new Int32Array(table.source.length + 1);
    const voiceDays = new Int32Array(table.slotCount);
    let voices = 0;
    for (let p = 0; p < table.source.length; p++) {
      let voice = -1;
      let first = 0;
      for (let k = table.slotStart[p]!; k <= table.slotStart[p + 1]!; k++) {
        if (k === table.slotStart[p + 1]! || table.slotVoice[k] !== voice) {
          if (voice >= 0 && first !== Number.MAX_SAFE_INTEGER) voiceDays[voices++] = first;
          if (k === table.slotStart[p + 1]!) break;
          voice = table.slotVoice[k]!;
          first = Number.MAX_SAFE_INTEGER;
        }
        const from = this.slotRelations[k]!;
        if (from < this.slotRelations[k + 1]!) first = Math.min(first, starts[this.bySlot[from]!]!);
      }
      this.voiceFrom[p + 1] = voices;
      voiceDays.subarray(this.voiceFrom[p]!, voices).sort();
    }
    this.voiceDays = voiceDays.slice(0, voices);

    // Per pair, the start days sorted.
    const pairs = table.source.length;
    this.pairFrom = new Int32Array(pairs + 1);
    for (const i of kept) this.pairFrom[pairOf[i]! + 1]!++;
    for (let p = 0; p < pairs; p++) this.pairFrom[p + 1]! += this.pairFrom[p]!;
    this.pairDays = new Int32Array(kept.length);
    const next = this.pairFrom.slice(0, pairs);
    for (const i of kept) this.pairDays[next[pairOf[i]!]!++] = starts[i]!;
    for (let p = 0; p < pairs; p++)
      this.pairDays.subarray(this.pairFrom[p]!, this.pairFrom[p + 1]!).sort();

    // Per group, the staircase.
    const byGroup = sortedBy(sortedBy(this.bySlot, modality), slotOf);
    const groupBase = new Float64Array(n);
    const stepFrom = new Int32Array(n + 1);
    const stepDay = new Int32Array(n);
    const stepEnd = new Int32Array(n);
    this.slotGroups = new Int32Array(table.slotCount + 1);
    let groups = 0;
    let steps = 0;
    let slot = -1;
    let code = -1;
    let latest = 0;
    for (const i of byGroup) {
      if (slotOf[i] !== slot || modality[i] !== code) {
        slot = slotOf[i]!;
        code = modality[i]!;
        this.slotGroups[slot + 1]!++;
        groupBase[groups] = baseOf[code]!;
        stepFrom[groups++] = steps;
      } else if (ends[i]! <= latest) continue;
      stepDay[steps] = starts[i]!;
      stepEnd[steps++] = latest = ends[i]!;
    }
    stepFrom[groups] = steps;
    for (let k = 0; k < table.slotCount; k++) this.slotGroups[k + 1]! += this.slotGroups[k]!;
    this.groupBase = groupBase.slice(0, groups);
    this.stepFrom = stepFrom.slice(0, groups + 1);
    this.stepDay = stepDay.slice(0, steps);
    this.stepEnd = stepEnd.slice(0, steps);
  }

  /**
   * The per-pair sums for half-life h, or null when the weights' range would
   * leave doubles (over 2^1000). A slot's weight at D, for relations that
   * have ended by D, is base · 0.5^((D − end)/h) = 2^(−(D − minEnd)/h) ·
   * base · 2^((end − minEnd)/h): the strongest is the largest second factor
   * among the slot's relations started by D — a running maximum over start
   * days, which only rises. So each pair's sum of positive (and negative)
   * slots is a sum of rises by day, prefix-summed once here.
   */
  private sumsFor(h: number): Sums | null {
    let sums = this.sums.get(h);
    if (sums !== undefined) return sums;
    // Made on the second date asked with this half-life: one asked once
    // (a half-life slider moving) is cheaper computed slot by slot.
    if (secondAsk(this.asked, h)) return null;
    sums = null;
    if ((this.maxEnd - this.minEnd) / h <= 1000) {
      const { bySlot, slotRelations, slotPair, starts, ends, bases, minEnd } = this;
      const slots = slotPair.length;
      const rises = bySlot.length;
      const day = new Int32Array(rises);
      const pair = new Int32Array(rises);
      const rise = new Float64Array(rises);
      const negative = new Uint8Array(rises);
      let n = 0;
      for (let s = 0; s < slots; s++) {
        let strongest = 0;
        for (let k = slotRelations[s]!; k < slotRelations[s + 1]!; k++) {
          const i = bySlot[k]!;
          const v = bases[i]! * 2 ** ((ends[i]! - minEnd) / h);
          if (v <= strongest) continue;
          day[n] = starts[i]!;
          pair[n] = slotPair[s]!;
          rise[n] = v - strongest;
          negative[n] = this.negative[s]!;
          n++;
          strongest = v;
        }
      }
      const order = sortedBy(
        sortedBy(
          Int32Array.from({ length: n }, (_v, k) => k),
          day,
        ),
        pair,
      );
      const pairs = this.pairFrom.length - 1;
      const riseFrom = new Int32Array(pairs + 1);
      for (let k = 0; k < n; k++) riseFrom[pair[k]! + 1]!++;
      for (let p = 0; p < pairs; p++) riseFrom[p + 1]! += riseFrom[p]!;
      const riseDay = new Int32Array(n);
      const positive = new Float64Array(n);
      const negativeSum = new Float64Array(n);
      let previous = -1;
      let up = 0;
      let down = 0;
      order.forEach((k, at) => {
        if (pair[k] !== previous) [previous, up, down] = [pair[k]!, 0, 0];
        if (negative[k] === 1) down += rise[k]!;
        else up += rise[k]!;
        riseDay[at] = day[k]!;
        positive[at] = up;
        negativeSum[at] = down;
      });
      sums = { riseFrom, riseDay, positive, negative: negativeSum };
    }
    if (this.sums.size >= 8) this.sums.clear();
    this.sums.set(h, sums);
    return sums;
  }

  /**
   * The edges at day `day`, in buildNetwork's order. Per pair: its relations
   * starting by `day` counted (a binary search); then, when no relation of
   * the pair spans `day` (a month or year it falls inside, which the decay
   * caps) and the factorised sums are far enough from every rounding edge
   * that their last bits cannot matter, the edge from those sums and the
   * count of voices that have spoken; else, exactly, per slot its strongest
   * weight (the best of its groups' last steps by `day`), summed in slot
   * order as the scan's edges are.
   */
  edges(table: PairTable, day: number, decay: Float64Array, h: number): IndexedEdge[] {
    const { pairFrom, pairDays, voiceFrom, voiceDays, minEnd } = this;
    const { pairOrder } = table;
    const sums = day - minEnd <= 1000 * h && decay[day - minEnd]! > 1e-290 ? this.sumsFor(h) : null;
    const scale = 2 ** (-(day - minEnd) / h);
    const stamp = ++this.stamp;
    if (sums !== null) this.markSpanned(day, stamp);
    const edges: IndexedEdge[] = [];
    for (let o = 0; o < pairOrder.length; o++) {
      const p = pairOrder[o]!;
      const count = upTo(pairDays, pairFrom[p]!, pairFrom[p + 1]!, day) - pairFrom[p]!;
      if (count === 0) continue;
      if (sums !== null && this.straddled[p] !== stamp) {
        const k = upTo(sums.riseDay, sums.riseFrom[p]!, sums.riseFrom[p + 1]!, day) - 1;
        const up = k >= sums.riseFrom[p]! ? sums.positive[k]! * scale : 0;
        const down = k >= sums.riseFrom[p]! ? sums.negative[k]! * scale : 0;
        const voices = upTo(voiceDays, voiceFrom[p]!, voiceFrom[p + 1]!, day) - voiceFrom[p]!;
        const edge = factorisedEdge(table, p, up, down, voices, count);
        if (edge !== undefined) {
          if (edge !== null) edges.push(edge);
          continue;
        }
      }
      const edge = this.exactEdge(table, p, day, decay, count);
      if (edge !== null) edges.push(edge);
    }
    return edges;
  }

  /**
   * Runs `edges` at days spread over the evidence and throws the answers
   * away: the first timeline a process makes (at start, from the server's
   * warm-up) thereby has its date code compiled before the first real
   * dates arrive, rather than interpreted for them. Nothing is kept but
   * the sums (which the first date would make anyway).
   */
  warmUp(table: PairTable, decay: Float64Array, h: number): void {
    const last = Math.min(this.maxEnd, this.minEnd + decay.length - 1);
    for (let k = 0; k < WARM_UP_DAYS; k++)
      this.edges(
        table,
        this.minEnd + Math.floor(((last - this.minEnd) * k) / WARM_UP_DAYS),
        decay,
        h,
      );
  }

  /** Marks (with `stamp`) the pairs with a relation whose span holds `day` inside it (start ≤ day < end). */
  private markSpanned(day: number, stamp: number): void {
    const { spanStart, spanEnd, spanPair, straddled } = this;
    const from = upTo(spanStart, 0, spanStart.length, day - this.longestSpan - 1);
    const to = upTo(spanStart, from, spanStart.length, day);
    for (let k = from; k < to; k++) if (spanEnd[k]! > day) straddled[spanPair[k]!] = stamp;
  }

  /** Pair p's edge at `day` from its slots one by one, as the scan sums them. */
  private exactEdge(
    table: PairTable,
    p: number,
    day: number,
    decay: Float64Array,
    count: number,
  ): IndexedEdge | null {
    const { slotGroups, groupBase, stepFrom, stepDay, stepEnd } = this;
    const { slotStart, slotNegative, slotVoice } = table;
    let signed = 0;
    let total = 0;
    let voices = 0;
    let lastVoice = -1;
    const last = slotStart[p + 1]!;
    for (let s = slotStart[p]!; s < last; s++) {
      let w = 0;
      const groupsEnd = slotGroups[s + 1]!;
      for (let g = slotGroups[s]!; g < groupsEnd; g++) {
        let a = stepFrom[g]!;
        if (stepDay[a]! > day) continue;
        const b = stepFrom[g + 1]!;
        while (a + 1 < b && stepDay[a + 1]! <= day) a++;
        let weight = groupBase[g]!;
        const age = day - stepEnd[a]!;
        if (age > 0) weight *= decay[age]!;
        if (weight > w) w = weight;
      }
      if (w === 0) continue;
      signed += slotNegative[s] === 1 ? -w : w;
      total += w;
      if (slotVoice[s] !== lastVoice) {
        voices++;
        lastVoice = slotVoice[s]!;
      }
    }
    if (total === 0 || signed === 0) return null;
    return edgeOf(table, p, signed, total, voices, count);
  }
}

/** Counts an ask of `key`; true the first time (and keeps the count small). */
function secondAsk<K>(asked: Map<K, number>, key: K): boolean {
  const times = (asked.get(key) ?? 0) + 1;
  if (asked.size >= 64) asked.clear();
  asked.set(key, times);
  return times < 2;
}

/**
 * `order` sorted by key[element], stably (so sorting by one key, then by
 * another, orders by the second and then the first): a counting sort, in
 * time proportional to the elements and the keys' range.
 */
function sortedBy(order: Int32Array, key: ArrayLike<number>): Int32Array {
  let min = Number.MAX_SAFE_INTEGER;
  let max = Number.MIN_SAFE_INTEGER;
  for (const i of order) {
    min = Math.min(min, key[i]!);
    max = Math.max(max, key[i]!);
  }
  if (order.length === 0) return order.slice();
  if (max - min > 4 * order.length + 1_000_000)
    return Int32Array.from(Array.from(order).sort((x, y) => key[x]! - key[y]!));
  const at = new Int32Array(max - min + 2);
  for (const i of order) at[key[i]! - min + 1]!++;
  for (let k = 1; k < at.length; k++) at[k]! += at[k - 1]!;
  const out = new Int32Array(order.length);
  for (const i of order) out[at[key[i]! - min]!++] = i;
  return out;
}

/** Per pair, the sums of its slots' factorised weights by day (see Timeline.sumsFor). */
interface Sums {
  /** Pair p's rises: riseFrom[p] .. riseFrom[p + 1] − 1, by day. */
  riseFrom: Int32Array;
  riseDay: Int32Array;
  /** After each rise, the pair's sums over its positive and its negative slots. */
  positive: Float64Array;
  negative: Float64Array;
}

/** The first position in sorted days[from .. to) past the days ≤ day. */
function upTo(days: Int32Array, from: number, to: number, day: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * How far, relative to the total, the factorised sums may be from the
 * scan's sums: both are sums of at most 50,000-odd positive terms, each
 * within a few units in the last place (2^−52 ≈ 2.2e−16) of the true
 * weight, so both are within about 1e−11 of the true sums; 1e−9 leaves a
 * hundredfold margin.
 */
const SUM_TOLERANCE = 1e-9;

/**
 * Pair p's edge from its factorised sums, when that is certainly the edge
 * the exact sums give: the sign of signed/total is clear, and neither
 * weight nor evidence lies within the tolerance of a rounding edge (a half
 * thousandth), so both round to the same numbers. Null: certainly no edge;
 * undefined: too close to call (the caller computes it exactly).
 */
function factorisedEdge(
  table: PairTable,
  p: number,
  up: number,
  down: number,
  voices: number,
  relationCount: number,
): IndexedEdge | null | undefined {
  const total = up + down;
  if (!(total > 0) || voices === 0) return undefined;
  const slack = SUM_TOLERANCE * total;
  const signed = up - down;
  if (Math.abs(signed) <= 2 * slack) return undefined;
  const ratio = (signed / total) * 1000;
  const mass = total * 1000;
  if (nearHalf(ratio, 10 * SUM_TOLERANCE * 1000) || nearHalf(mass, 10 * slack * 1000))
    return undefined;
  return edgeOf(table, p, signed, total, voices, relationCount);
}

/** Whether x lies within `margin` of a half-integer (where Math.round turns). */
function nearHalf(x: number, margin: number): boolean {
  return Math.abs(x - Math.floor(x) - 0.5) <= margin;
}

/** localeCompare's order (buildNetwork sorts with it), without its cost per call. */
const COLLATOR = new Intl.Collator();

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
