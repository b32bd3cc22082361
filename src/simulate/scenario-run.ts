/**
 * A scenario run on a store network, ready to show: the scenario's name and
 * source, a line describing the starting network, and the result with the
 * quotes behind every change and every link of its driving triads. Shared
 * by `greatgame simulate --json`, the report and the HTTP API.
 */
import type { Network } from '../network/aggregate.js';
import type { EngineOptions } from './engine.js';
import { runScenario } from './run-scenario.js';
import type { Expectation, Scenario } from './scenario.js';
import type { Shock } from './shocks.js';
import { fromNetwork } from './sim-network.js';
import { type QuoteLookup, simulationWithQuotes } from './with-quotes.js';

export interface ScenarioRun {
  readonly name: string;
  readonly file: string | null;
  readonly arguedBy: Scenario['arguedBy'] | null;
  readonly baseText: string;
  readonly base: {
    readonly from: string | null;
    readonly to: string | null;
    readonly knownAt: string | null;
    readonly layer: string;
    readonly nodes: number;
    readonly edges: number;
  };
  readonly result: ReturnType<typeof simulationWithQuotes>;
}

export interface ScenarioRunInput {
  readonly name: string;
  readonly file?: string;
  readonly arguedBy?: Scenario['arguedBy'];
  readonly network: Network;
  readonly shocks: readonly Shock[];
  readonly options?: EngineOptions;
  readonly expect?: readonly Expectation[];
  readonly capability?: (id: string) => number | null;
  readonly quotes: QuoteLookup;
}

/** Describes the network a scenario starts from, in one line. */
export function baseDescription(network: Network): string {
  const w = network.window;
  const when = w.from ? `${w.from} to ${w.to ?? '…'}` : w.to ? `at ${w.to}` : 'all dates';
  return `network ${when} (${network.layer} layer${w.knownAt ? `, known at ${w.knownAt}` : ''}): ${network.nodes.length} actors, ${network.edges.length} edges`;
}

export async function runScenarioOn(input: ScenarioRunInput): Promise<ScenarioRun> {
  const base = fromNetwork(input.network);
  const result = await runScenario({
    base,
    shocks: input.shocks,
    ...(input.options && { options: input.options }),
    ...(input.expect && { expect: input.expect }),
    ...(input.capability && { capability: input.capability }),
  });
  return {
    name: input.name,
    file: input.file ?? null,
    arguedBy: input.arguedBy ?? null,
    baseText: baseDescription(input.network),
    base: {
      ...input.network.window,
      layer: input.network.layer,
      nodes: base.nodes.length,
      edges: base.edges.length,
    },
    result: simulationWithQuotes(result, base, input.quotes),
  };
}
