/**
 * Comparing layers of evidence: the network greatgame extracts and those of
 * imported event datasets, each built alone with the same window and
 * weights. Pairs where two layers give opposite signs are listed with the
 * relations behind each side, so a reader can check which is right.
 */
import {
  buildNetwork,
  type EvidenceRelation,
  type NetworkEdge,
  type NetworkOptions,
} from '../network/aggregate.js';

export interface LayerSide {
  dataset: string;
  sign: 1 | -1;
  weight: number;
  relations: number[];
}

export interface LayerComparison {
  layers: { dataset: string; edges: number }[];
  /** For each two layers: pairs both have an edge for, and how many agree in sign. */
  overlaps: { a: string; b: string; shared: number; agree: number; disagree: number }[];
  disagreements: { source: string; target: string; sides: LayerSide[] }[];
}

/** Null when fewer than two layers hold signed evidence. */
export function compareLayers(
  evidence: EvidenceRelation[],
  settings: NetworkOptions,
): LayerComparison | null {
  const byLayer = new Map<string, EvidenceRelation[]>();
  for (const r of evidence) {
    const key = r.dataset ?? 'extracted';
    const list = byLayer.get(key);
    if (list) list.push(r);
    else byLayer.set(key, [r]);
  }
  if (byLayer.size < 2) return null;
  const names = [...byLayer.keys()].sort((x, y) =>
    x === 'extracted' ? -1 : y === 'extracted' ? 1 : x.localeCompare(y),
  );
  const edges = new Map<string, Map<string, NetworkEdge>>();
  for (const name of names) {
    const { datasets: _ignored, ...rest } = settings;
    const network = buildNetwork(byLayer.get(name) ?? [], { ...rest, directed: false });
    edges.set(name, new Map(network.edges.map((e) => [`${e.source}\u0000${e.target}`, e])));
  }
  const overlaps: LayerComparison['overlaps'] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const a = edges.get(names[i] as string) as Map<string, NetworkEdge>;
      const b = edges.get(names[j] as string) as Map<string, NetworkEdge>;
      let shared = 0;
      let agree = 0;
      for (const [key, e] of a) {
        const other = b.get(key);
        if (!other) continue;
        shared++;
        if (other.sign === e.sign) agree++;
      }
      overlaps.push({
        a: names[i] as string,
        b: names[j] as string,
        shared,
        agree,
        disagree: shared - agree,
      });
    }
  }
  const pairs = new Set([...edges.values()].flatMap((m) => [...m.keys()]));
  const disagreements: LayerComparison['disagreements'] = [];
  for (const key of [...pairs].sort()) {
    const sides = names
      .map((name) => {
        const e = edges.get(name)?.get(key);
        return e
          ? { dataset: name, sign: e.sign, weight: e.weight, relations: e.relations }
          : undefined;
      })
      .filter((s): s is LayerSide => s !== undefined);
    if (new Set(sides.map((s) => s.sign)).size < 2) continue;
    const [source, target] = key.split('\u0000') as [string, string];
    disagreements.push({ source, target, sides });
  }
  return {
    layers: names.map((name) => ({ dataset: name, edges: edges.get(name)?.size ?? 0 })),
    overlaps,
    disagreements,
  };
}
