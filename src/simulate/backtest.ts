/**
 * Retrodiction: build the network from what had been published by a cutoff
 * (by the documents' dates), let a model predict which of its edges flip,
 * and score the predictions against the evidence published after it. Only
 * edges the later evidence speaks to are scored; the rest stay "unknown".
 */
import {
  buildNetwork,
  dateBounds,
  evidenceSpan,
  type EvidenceRelation,
  type Layer,
} from '../network/aggregate.js';
import { type EngineOptions, engineOptions, majority, simulateNetwork } from './engine.js';
import { type Driver, explainChange } from './explain.js';
import { fromNetwork, pairKey, type SimEdge } from './sim-network.js';

export interface BacktestOptions extends EngineOptions {
  /** Last day of what is known (inclusive). */
  readonly cutoff: string;
  /** Later evidence up to this date (default: all of it). */
  readonly until?: string;
  readonly layer?: Layer;
  readonly halfLifeDays?: number;
}

export interface BacktestEdge {
  readonly source: string;
  readonly target: string;
  readonly weightAtCutoff: number;
  /** Share of runs in which the edge ended with the other sign. */
  readonly flipProbability: number;
  readonly predictedFlip: boolean;
  /** Weight of the edge in the evidence published after the cutoff; null when none speaks to it. */
  readonly laterWeight: number | null;
  /** true / false once later evidence speaks; null when it does not. */
  readonly flipped: boolean | null;
  readonly outcome: 'hit' | 'miss' | 'false alarm' | 'correct rejection' | 'unknown';
  readonly because: string | null;
  readonly drivers: readonly Driver[];
  /** Relation ids behind the edge at the cutoff and after it. */
  readonly relationsBefore: readonly number[];
  readonly relationsAfter: readonly number[];
}

export interface BacktestResult {
  readonly cutoff: string;
  readonly until: string | null;
  readonly model: string;
  readonly options: Required<EngineOptions>;
  readonly edges: readonly BacktestEdge[];
  readonly scores: {
    readonly scored: number;
    readonly hits: number;
    readonly misses: number;
    readonly falseAlarms: number;
    readonly correctRejections: number;
    /** hits / (hits + false alarms); null when nothing was predicted to flip. */
    readonly precision: number | null;
    /** hits / (hits + misses); null when nothing flipped. */
    readonly recall: number | null;
    readonly accuracy: number | null;
    /** Mean (flipProbability − flipped)² over scored edges. */
    readonly brier: number | null;
    /** The Brier score of always saying "no flip", for comparison. */
    readonly brierNoChange: number | null;
  };
}

export function backtest(
  evidence: readonly EvidenceRelation[],
  options: BacktestOptions,
): BacktestResult {
  const engine = engineOptions(options);
  const cutoffDay = dateBounds(options.cutoff)[1];
  const untilDay = options.until ? dateBounds(options.until)[1] : null;
  const known = buildNetwork([...evidence], {
    at: cutoffDay,
    knownAt: cutoffDay,
    ...(options.layer && { layer: options.layer }),
    ...(options.halfLifeDays !== undefined && { halfLifeDays: options.halfLifeDays }),
  });
  // Later: published after the cutoff (by document date) and about after it.
  const published = evidence.filter(
    (r) => r.docDate !== null && dateBounds(r.docDate)[0] > cutoffDay,
  );
  // The later state as of its end (recency decay to there), so what was
  // said last about a pair outweighs what was said just after the cutoff.
  const laterEnd = untilDay ?? evidenceSpan(published).last;
  const later = buildNetwork(published, {
    from: cutoffDay,
    ...(laterEnd ? { to: laterEnd } : {}),
    ...(options.layer && { layer: options.layer }),
  });
  const laterByPair = new Map(later.edges.map((e) => [pairKey(e.source, e.target), e]));
  const start = fromNetwork(known);
  const result = simulateNetwork(start, new Map(), engine);
  const baseByPair = new Map<string, SimEdge>(
    start.edges.map((e) => [pairKey(e.source, e.target), e]),
  );
  const endSign = (a: string, b: string) => {
    const o = result.outcomes.get(pairKey(a, b));
    return o ? majority(o).sign : baseByPair.get(pairKey(a, b))?.weight;
  };

  const edges: BacktestEdge[] = start.edges.map((e) => {
    const key = pairKey(e.source, e.target);
    const sign = e.weight > 0 ? 1 : -1;
    const o = result.outcomes.get(key);
    const flipProbability = o ? round((sign > 0 ? o.minus : o.plus) / Math.max(1, o.runs)) : 0;
    const predictedFlip = flipProbability > 0.5;
    const after = laterByPair.get(key);
    const flipped = after ? after.sign !== sign : null;
    const outcome =
      flipped === null
        ? 'unknown'
        : predictedFlip
          ? flipped
            ? 'hit'
            : 'false alarm'
          : flipped
            ? 'miss'
            : 'correct rejection';
    const explanation = predictedFlip
      ? explainChange(e.source, e.target, sign > 0 ? -1 : 1, {
          nodes: start.nodes,
          base: baseByPair,
          imposed: new Map(),
          endSign,
        })
      : null;
    return {
      source: e.source,
      target: e.target,
      weightAtCutoff: e.weight,
      flipProbability,
      predictedFlip,
      laterWeight: after ? after.weight : null,
      flipped,
      outcome,
      because: explanation?.because ?? null,
      drivers: explanation?.drivers ?? [],
      relationsBefore: e.relations,
      relationsAfter: after ? after.relations : [],
    };
  });
  const scored = edges.filter((e) => e.flipped !== null);
  const tally = (o: BacktestEdge['outcome']) => edges.filter((e) => e.outcome === o).length;
  const hits = tally('hit');
  const misses = tally('miss');
  const falseAlarms = tally('false alarm');
  const correctRejections = tally('correct rejection');
  const ratio = (a: number, b: number) => (b > 0 ? round(a / b) : null);
  const brier = scored.length
    ? round(
        scored.reduce((s, e) => s + (e.flipProbability - (e.flipped ? 1 : 0)) ** 2, 0) /
          scored.length,
      )
    : null;
  const brierNoChange = scored.length
    ? round(scored.filter((e) => e.flipped).length / scored.length)
    : null;
  return {
    cutoff: cutoffDay,
    until: untilDay,
    model: engine.model,
    options: engine,
    edges: edges.sort(
      (x, y) =>
        y.flipProbability - x.flipProbability ||
        (pairKey(x.source, x.target) < pairKey(y.source, y.target) ? -1 : 1),
    ),
    scores: {
      scored: scored.length,
      hits,
      misses,
      falseAlarms,
      correctRejections,
      precision: ratio(hits, hits + falseAlarms),
      recall: ratio(hits, hits + misses),
      accuracy: ratio(hits + correctRejections, scored.length),
      brier,
      brierNoChange,
    },
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
