/**
 * One scenario, end to end: shock the starting network, run the model with
 * and without the shocks (same seeds), and read off the predicted blocs, the
 * edges that flip or move with their probability and the triads behind each
 * change, what differs from the no-shock run, and which of the realignments
 * the source argues for the model reproduces.
 */
import { analyseBalance, signedGraph } from '../network/balance/index.js';
import { powerShares, type PowerShares } from '../network/power.js';
import {
  type EngineOptions,
  type EngineResult,
  engineOptions,
  majority,
  simulateNetwork,
} from './engine.js';
import { type Driver, explainChange } from './explain.js';
import type { Expectation } from './scenario.js';
import { applyShocks, describeShock, type Shock } from './shocks.js';
import { type SimEdge, type SimNetwork, pairKey, pairOf } from './sim-network.js';

/** A move of at least this much (in mean sign), also this far from the no-shock run, is a change. */
export const MOVE_THRESHOLD = 0.3;

export interface ScenarioInput {
  readonly base: SimNetwork;
  readonly shocks: readonly Shock[];
  readonly options?: EngineOptions;
  readonly expect?: readonly Expectation[];
  /** Capability of an actor, for bloc power shares; null when unmeasured. */
  readonly capability?: (id: string) => number | null;
}

export interface PredictedEdge {
  readonly source: string;
  readonly target: string;
  readonly sign: 1 | -1 | 0;
  /** Share of runs that gave this sign. */
  readonly probability: number;
  /** Mean end sign over the runs, in [−1, 1]. */
  readonly weight: number;
  /** No evidence on this pair: the model's inference. */
  readonly implied: boolean;
}

export interface Change {
  readonly source: string;
  readonly target: string;
  readonly fromSign: 1 | -1 | 0;
  readonly toSign: 1 | -1 | 0;
  readonly fromWeight: number | null;
  readonly toWeight: number;
  /** Share of runs in which the pair ended with `toSign`. */
  readonly probability: number;
  readonly kind: 'imposed' | 'flip' | 'move';
  /** The no-shock run predicts the same end sign (the change is not the shock's doing). */
  readonly alsoWithoutShock: boolean;
  readonly because: string;
  readonly drivers: readonly Driver[];
}

export interface ExpectationCheck {
  readonly expectation: string;
  readonly claim: string | null;
  /** true / false, or null when an actor is not in the network. */
  readonly withShock: boolean | null;
  readonly withoutShock: boolean | null;
}

export interface Blocs {
  readonly blocs: [string[], string[]];
  readonly frustrationIndex: number;
  readonly exact: boolean;
  readonly power: PowerShares | null;
}

export interface SimulationResult {
  readonly model: string;
  readonly options: Required<EngineOptions>;
  readonly shocks: readonly string[];
  /** The predicted blocs after the shocks. */
  readonly blocs: [string[], string[]];
  readonly before: Blocs;
  readonly after: Blocs;
  readonly withoutShock: Blocs;
  /** The predicted end state with the shocks. */
  readonly edges: readonly PredictedEdge[];
  readonly changes: readonly Change[];
  /** Pairs whose predicted sign differs with and without the shocks. */
  readonly differences: readonly {
    source: string;
    target: string;
    withShock: 1 | -1 | 0;
    withoutShock: 1 | -1 | 0;
    probability: number;
  }[];
  readonly expectations: readonly ExpectationCheck[];
  /** Actors the model could move (in components of three or more). */
  readonly simulated: readonly string[];
}

interface EndState {
  readonly edges: PredictedEdge[];
  readonly byPair: Map<string, PredictedEdge>;
}

/** The predicted end state: simulated pairs by majority, the rest as they were. */
function endState(
  network: SimNetwork,
  result: EngineResult,
  imposed: ReadonlyMap<string, number>,
): EndState {
  const byPair = new Map<string, PredictedEdge>();
  const evidence = new Set(network.edges.map((e) => pairKey(e.source, e.target)));
  for (const [key, outcome] of result.outcomes) {
    const { sign, probability } = majority(outcome);
    byPair.set(key, {
      source: outcome.source,
      target: outcome.target,
      sign,
      probability: round(probability),
      weight: round((outcome.plus - outcome.minus) / Math.max(1, outcome.runs)),
      implied: !evidence.has(key) && !imposed.has(key),
    });
  }
  for (const e of network.edges) {
    const key = pairKey(e.source, e.target);
    if (byPair.has(key)) continue;
    const sign = e.weight > 0 ? 1 : -1;
    byPair.set(key, {
      source: e.source,
      target: e.target,
      sign,
      probability: 1,
      weight: e.weight,
      implied: false,
    });
  }
  const edges = [...byPair.values()].sort((x, y) =>
    x.source === y.source ? (x.target < y.target ? -1 : 1) : x.source < y.source ? -1 : 1,
  );
  return { edges, byPair };
}

async function blocsOf(
  nodes: readonly string[],
  edges: Iterable<{ source: string; target: string; sign: number }>,
  capability: ScenarioInput['capability'],
  factor: ReadonlyMap<string, number>,
): Promise<Blocs> {
  const rows = [...edges]
    .filter((e) => e.sign !== 0)
    .map((e) => ({ a: e.source, b: e.target, sign: e.sign }));
  const analysis = await analyseBalance(signedGraph({ nodes, edges: rows }), { triadLimit: 0 });
  const power = capability
    ? powerShares(analysis.partition, (id) => {
        const c = capability(id);
        return c === null ? null : c * (factor.get(id) ?? 1);
      })
    : null;
  return {
    blocs: analysis.partition,
    frustrationIndex: analysis.frustrationIndex,
    exact: analysis.exact,
    power,
  };
}

function sameBloc(blocs: [string[], string[]], actors: readonly string[]): boolean | null {
  const side = (id: string) => (blocs[0].includes(id) ? 0 : blocs[1].includes(id) ? 1 : -1);
  const sides = actors.map(side);
  if (sides.includes(-1)) return null;
  return sides.every((s) => s === sides[0]);
}

function checkExpectation(
  e: Expectation,
  state: EndState,
  blocs: [string[], string[]],
): boolean | null {
  switch (e.kind) {
    case 'sign': {
      const edge = state.byPair.get(pairKey(e.pair[0], e.pair[1]));
      return edge ? edge.sign === e.sign : null;
    }
    case 'together':
      return sameBloc(blocs, e.actors);
    case 'apart': {
      const [a, b] = e.groups;
      const inA = sameBloc(blocs, a);
      const inB = sameBloc(blocs, b);
      const across = sameBloc(blocs, [a[0]!, b[0]!]);
      if (inA === null || inB === null || across === null) return null;
      return inA && inB && !across;
    }
  }
}

export function describeExpectation(e: Expectation): string {
  switch (e.kind) {
    case 'sign':
      return `${e.pair[0]}–${e.pair[1]} ${e.sign > 0 ? 'positive' : 'negative'}`;
    case 'together':
      return `${e.actors.join(', ')} in one bloc`;
    case 'apart':
      return `${e.groups[0].join(', ')} against ${e.groups[1].join(', ')}`;
  }
}

/** Runs a scenario on a starting network. */
export async function runScenario(input: ScenarioInput): Promise<SimulationResult> {
  const options = engineOptions(input.options);
  const shocked = applyShocks(input.base, input.shocks);
  const withShock = simulateNetwork(shocked.network, shocked.imposed, options);
  const baseline = simulateNetwork(input.base, new Map(), options);
  const after = endState(shocked.network, withShock, shocked.imposed);
  const without = endState(input.base, baseline, new Map());

  const baseEdges = new Map<string, SimEdge>(
    input.base.edges.map((e) => [pairKey(e.source, e.target), e]),
  );
  const shockedEdges = new Map<string, SimEdge>(
    shocked.network.edges.map((e) => [pairKey(e.source, e.target), e]),
  );
  const endSign = (a: string, b: string) => after.byPair.get(pairKey(a, b))?.sign;

  const changes: Change[] = [];
  const keys = new Set([...after.byPair.keys(), ...baseEdges.keys()]);
  for (const key of keys) {
    const [source, target] = pairOf(key);
    const base = baseEdges.get(key);
    const end = after.byPair.get(key);
    const fromSign: 1 | -1 | 0 = base ? (base.weight > 0 ? 1 : -1) : 0;
    const toSign = end?.sign ?? 0;
    const toWeight = end?.weight ?? 0;
    const imposed = shocked.imposed.has(key);
    const noShock = without.byPair.get(key);
    const flipped = fromSign !== 0 && toSign !== fromSign;
    const moved =
      base !== undefined &&
      Math.abs(toWeight - base.weight) >= MOVE_THRESHOLD &&
      Math.abs(toWeight - (noShock?.weight ?? base.weight)) >= MOVE_THRESHOLD;
    if (!imposed && !flipped && !moved) continue;
    const kind = imposed ? 'imposed' : flipped ? 'flip' : 'move';
    const explanation =
      kind === 'imposed'
        ? {
            because: `${source}–${target} is imposed by the scenario (${
              input.shocks
                .filter((s) => 'pair' in s && pairKey(s.pair[0], s.pair[1]) === key)
                .map(describeShock)
                .join('; ') || 'a shock on an actor'
            })`,
            drivers: [],
          }
        : toSign === 0
          ? { because: `${source}–${target} ends with no clear sign (runs split)`, drivers: [] }
          : explainChange(source, target, toSign, {
              nodes: shocked.network.nodes,
              base: shockedEdges,
              imposed: shocked.imposed,
              endSign,
            });
    changes.push({
      source,
      target,
      fromSign,
      toSign,
      fromWeight: base ? base.weight : null,
      toWeight,
      probability: end?.probability ?? 1,
      kind,
      alsoWithoutShock:
        input.shocks.length > 0 &&
        !imposed &&
        noShock !== undefined &&
        noShock.sign === toSign &&
        toSign !== fromSign,
      because: explanation.because,
      drivers: explanation.drivers,
    });
  }
  const order = { imposed: 0, flip: 1, move: 2 };
  changes.sort(
    (x, y) =>
      order[x.kind] - order[y.kind] ||
      y.probability - x.probability ||
      (pairKey(x.source, x.target) < pairKey(y.source, y.target) ? -1 : 1),
  );

  const differences = [...new Set([...after.byPair.keys(), ...without.byPair.keys()])]
    .map((key) => {
      const [source, target] = pairOf(key);
      const w = after.byPair.get(key);
      const o = without.byPair.get(key);
      return {
        source,
        target,
        withShock: w?.sign ?? 0,
        withoutShock: o?.sign ?? 0,
        probability: w?.probability ?? 0,
      };
    })
    .filter((d) => d.withShock !== d.withoutShock)
    .sort((x, y) => (pairKey(x.source, x.target) < pairKey(y.source, y.target) ? -1 : 1));

  const none = new Map<string, number>();
  const before = await blocsOf(
    input.base.nodes,
    input.base.edges.map((e) => ({ ...e, sign: Math.sign(e.weight) })),
    input.capability,
    none,
  );
  const afterBlocs = await blocsOf(
    shocked.network.nodes,
    after.edges,
    input.capability,
    shocked.capabilityFactor,
  );
  const withoutBlocs = await blocsOf(input.base.nodes, without.edges, input.capability, none);

  const expectations = (input.expect ?? []).map((e) => ({
    expectation: describeExpectation(e),
    claim: e.claim ?? null,
    withShock: checkExpectation(e, after, afterBlocs.blocs),
    withoutShock: checkExpectation(e, without, withoutBlocs.blocs),
  }));

  return {
    model: options.model,
    options,
    shocks: input.shocks.map(describeShock),
    blocs: afterBlocs.blocs,
    before,
    after: afterBlocs,
    withoutShock: withoutBlocs,
    edges: after.edges,
    changes,
    differences,
    expectations,
    simulated: withShock.simulated,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
