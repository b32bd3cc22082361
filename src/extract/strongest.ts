/**
 * The strongest relations of a set: actor pairs by how many independent
 * documents state them, asserted statements weighing most. A quick summary
 * for the demo; the network stage does the full weighting.
 */
import type { StoredRelation } from '../store/relations.js';

const MODALITY_WEIGHT: Record<string, number> = {
  asserted: 1,
  reported: 0.6,
  hypothetical: 0.3,
  negated: 0,
};

export interface PairStrength {
  pair: string;
  polarity: 1 | -1;
  documents: number;
  relations: number;
  score: number;
  example: string;
}

export function strongestRelations(relations: StoredRelation[], top: number): PairStrength[] {
  const pairs = new Map<
    string,
    {
      polarity: 1 | -1;
      docs: Map<number, number>;
      relations: number;
      best: StoredRelation;
      bestWeight: number;
    }
  >();
  for (const r of relations) {
    const [a, b] = r.source < r.target ? [r.source, r.target] : [r.target, r.source];
    const key = `${a}-${b}|${r.polarity}`;
    const w = MODALITY_WEIGHT[r.modality] ?? 0;
    const entry = pairs.get(key) ?? {
      polarity: r.polarity,
      docs: new Map(),
      relations: 0,
      best: r,
      bestWeight: -1,
    };
    entry.relations++;
    entry.docs.set(r.documentId, Math.max(entry.docs.get(r.documentId) ?? 0, w));
    if (w > entry.bestWeight) {
      entry.best = r;
      entry.bestWeight = w;
    }
    pairs.set(key, entry);
  }
  return [...pairs]
    .map(([key, e]) => ({
      pair: key.split('|')[0] as string,
      polarity: e.polarity,
      documents: e.docs.size,
      relations: e.relations,
      score: [...e.docs.values()].reduce((s, w) => s + w, 0),
      example: e.best.quote.replace(/\s+/g, ' '),
    }))
    .filter((p) => p.score > 0)
    .sort((a, b) => b.score - a.score || b.documents - a.documents || a.pair.localeCompare(b.pair))
    .slice(0, top);
}
