/**
 * What the exporters say about a node beyond its id: the actor's name and
 * type, as `greatgame network --format json` describes them from the
 * knowledge base. The network itself holds ids only; callers pass these in.
 */
import type { Network } from '../aggregate.js';

export interface NodeInfo {
  id: string;
  name: string;
  /** The knowledge base's type (state, armed group…); null when unknown. */
  type: string | null;
}

/** One entry per node of the network, from `described` where given, else the id as its name. */
export function nodeInfos(network: Network, described: readonly NodeInfo[] = []): NodeInfo[] {
  const byId = new Map(described.map((n) => [n.id, n]));
  return network.nodes.map((id) => {
    const n = byId.get(id);
    return { id, name: n?.name ?? id, type: n?.type ?? null };
  });
}
