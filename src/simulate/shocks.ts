/**
 * A scenario's "ifs" applied to the starting network: set or shift the
 * relation between two actors, add or remove an actor, weaken an actor's
 * capability. Edges a shock sets are imposed: the models hold them, since
 * the scenario says they happen, and let everything else respond.
 */
import { type SimEdge, type SimNetwork, normalise, ordered, pairKey } from './sim-network.js';

export type Shock =
  | { readonly type: 'set'; readonly pair: readonly [string, string]; readonly value: number }
  | { readonly type: 'shift'; readonly pair: readonly [string, string]; readonly by: number }
  | {
      readonly type: 'add-actor';
      readonly actor: string;
      readonly relations: readonly { readonly with: string; readonly value: number }[];
    }
  | { readonly type: 'remove-actor'; readonly actor: string }
  | { readonly type: 'weaken'; readonly actor: string; readonly factor: number };

export interface ShockedNetwork {
  readonly network: SimNetwork;
  /** Pair keys the scenario imposes, with the value each is held at. */
  readonly imposed: ReadonlyMap<string, number>;
  /** Capability multipliers (weaken), by actor. */
  readonly capabilityFactor: ReadonlyMap<string, number>;
  /** Actors the shocks removed. */
  readonly removed: readonly string[];
}

function clamp(x: number): number {
  return Math.max(-1, Math.min(1, x));
}

/** One line describing a shock, for explanations and reports. */
export function describeShock(shock: Shock): string {
  const signed = (x: number) => (x > 0 ? `+${x}` : String(x));
  switch (shock.type) {
    case 'set':
      return `set ${shock.pair[0]}–${shock.pair[1]} to ${signed(shock.value)}`;
    case 'shift':
      return `shift ${shock.pair[0]}–${shock.pair[1]} by ${signed(shock.by)}`;
    case 'add-actor':
      return `add ${shock.actor}${shock.relations.length ? ` (${shock.relations.map((r) => `${r.with} ${signed(r.value)}`).join(', ')})` : ''}`;
    case 'remove-actor':
      return `remove ${shock.actor}`;
    case 'weaken':
      return `weaken ${shock.actor}'s capability to ${shock.factor}×`;
  }
}

/** Applies the shocks in order to a copy of the network. */
export function applyShocks(base: SimNetwork, shocks: readonly Shock[]): ShockedNetwork {
  const edges = new Map<string, SimEdge>(base.edges.map((e) => [pairKey(e.source, e.target), e]));
  const nodes = new Set(base.nodes);
  const imposed = new Map<string, number>();
  const capabilityFactor = new Map<string, number>();
  const removed: string[] = [];
  const impose = (a: string, b: string, value: number): void => {
    const [source, target] = ordered(a, b);
    const key = pairKey(source, target);
    const weight = clamp(value);
    nodes.add(source);
    nodes.add(target);
    if (weight === 0) {
      // Setting a relation to 0 ends it: the pair is held at no relation.
      edges.delete(key);
    } else {
      edges.set(key, { source, target, weight, confidence: 1, relations: [] });
    }
    imposed.set(key, weight);
  };
  for (const shock of shocks) {
    switch (shock.type) {
      case 'set':
        impose(shock.pair[0], shock.pair[1], shock.value);
        break;
      case 'shift': {
        const current = edges.get(pairKey(shock.pair[0], shock.pair[1]))?.weight ?? 0;
        impose(shock.pair[0], shock.pair[1], current + shock.by);
        break;
      }
      case 'add-actor':
        nodes.add(shock.actor);
        for (const r of shock.relations) impose(shock.actor, r.with, r.value);
        break;
      case 'remove-actor':
        nodes.delete(shock.actor);
        removed.push(shock.actor);
        for (const [key, e] of edges)
          if (e.source === shock.actor || e.target === shock.actor) edges.delete(key);
        for (const key of imposed.keys())
          if (key.split('\u0000').includes(shock.actor)) imposed.delete(key);
        break;
      case 'weaken':
        capabilityFactor.set(shock.actor, (capabilityFactor.get(shock.actor) ?? 1) * shock.factor);
        break;
    }
  }
  return { network: normalise(nodes, edges.values()), imposed, capabilityFactor, removed };
}
