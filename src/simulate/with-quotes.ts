/**
 * Attaches quotes to a simulation's explanations: every change gets the
 * quotes behind its own edge, and every link of every driving triad the
 * quotes behind it, so a reader can check each step of the argument.
 */
import type { QuoteRef } from '../store/quotes.js';
import type { BacktestResult } from './backtest.js';
import type { Driver } from './explain.js';
import type { SimulationResult } from './run-scenario.js';
import type { SimNetwork } from './sim-network.js';
import { pairKey } from './sim-network.js';

/** Quotes shown per edge. */
export const QUOTES_PER_EDGE = 2;

export type QuoteLookup = (ids: readonly number[]) => QuoteRef[];

function driversWithQuotes(drivers: readonly Driver[], lookup: QuoteLookup) {
  const withQuotes = (l: Driver['links'][number]) => ({
    ...l,
    quotes: lookup(l.relations.slice(0, QUOTES_PER_EDGE)),
  });
  return drivers.map((d) => ({
    ...d,
    links: [withQuotes(d.links[0]), withQuotes(d.links[1])] as const,
  }));
}

export function simulationWithQuotes(
  result: SimulationResult,
  base: SimNetwork,
  lookup: QuoteLookup,
) {
  const behind = new Map(base.edges.map((e) => [pairKey(e.source, e.target), e.relations]));
  return {
    ...result,
    changes: result.changes.map((c) => ({
      ...c,
      quotes: lookup((behind.get(pairKey(c.source, c.target)) ?? []).slice(0, QUOTES_PER_EDGE)),
      drivers: driversWithQuotes(c.drivers, lookup),
    })),
  };
}

export function backtestWithQuotes(result: BacktestResult, lookup: QuoteLookup) {
  return {
    ...result,
    edges: result.edges.map((e) => ({
      ...e,
      quotesBefore:
        e.predictedFlip || e.flipped ? lookup(e.relationsBefore.slice(0, QUOTES_PER_EDGE)) : [],
      // The latest later statements: what resolved the prediction.
      quotesAfter: e.flipped !== null ? lookup(e.relationsAfter.slice(-QUOTES_PER_EDGE)) : [],
      drivers: driversWithQuotes(e.drivers, lookup),
    })),
  };
}
