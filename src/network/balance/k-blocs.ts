/**
 * Blocs beyond two: the relocation method of Doreian & Mrvar, "A
 * partitioning approach to structural balance", Social Networks 18 (1996)
 * 149–168. A partition into at most k blocs is scored by its line
 * frustration for k-balance (Cartwright & Harary's generalisation): the
 * weight of negative edges inside blocs plus positive edges between them.
 * Starting from the best two-bloc split, each actor in turn moves to the
 * bloc (or a new one, while fewer than k exist) that lowers the score most,
 * until no move helps. Single moves stall where a whole group should leave
 * (two camps glued together), so a bloc is also split by the exact
 * two-bloc analysis of its own edges when that lowers the score — a
 * recursive bisection between relocation rounds. A heuristic: the result is
 * a local optimum.
 */
import { UsageError } from '../../domain/errors.js';
import { analyseBalance } from './analyse.js';
import { inducedSubgraph, type SignedGraph } from './signed-graph.js';

export const K_BLOCS_DEFAULTS = {
  /** Passes over all actors before giving up on further improvement. */
  maxPasses: 100,
} as const;

export interface KBlocs {
  /** The blocs, each sorted, largest first (ties by first member). */
  blocs: string[][];
  /** Weight of negative edges inside blocs plus positive edges between them. */
  frustration: number;
}

/** Line frustration of a partition for k-balance. */
export function kFrustration(graph: SignedGraph, blocOf: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const e of graph.edges) {
    const same = blocOf.get(e.a) === blocOf.get(e.b);
    if ((e.sign < 0 && same) || (e.sign > 0 && !same)) total += e.weight;
  }
  return total;
}

export async function kBlocs(
  graph: SignedGraph,
  k: number,
  start?: readonly (readonly string[])[],
): Promise<KBlocs> {
  if (!Number.isInteger(k) || k < 1)
    throw new UsageError(`kBlocs: k must be a whole number ≥ 1, got ${k}`);
  const blocOf = new Map<string, number>();
  (start ?? [graph.nodes]).forEach((group, i) => {
    for (const id of group) blocOf.set(id, Math.min(i, k - 1));
  });
  for (const id of graph.nodes) if (!blocOf.has(id)) blocOf.set(id, 0);

  // Signed, weighted neighbours of each actor.
  const neighbours = new Map<string, { other: string; signed: number }[]>();
  for (const e of graph.edges) {
    const signed = e.sign * e.weight;
    neighbours.set(e.a, [...(neighbours.get(e.a) ?? []), { other: e.b, signed }]);
    neighbours.set(e.b, [...(neighbours.get(e.b) ?? []), { other: e.a, signed }]);
  }

  const relocate = () => {
    for (let pass = 0; pass < K_BLOCS_DEFAULTS.maxPasses; pass++) {
      let moved = false;
      for (const id of graph.nodes) {
        const used = new Set(blocOf.values());
        const current = blocOf.get(id) as number;
        // Cost of placing `id` in bloc b: negative ties inside b, positive ties outside it.
        const cost = (b: number) =>
          (neighbours.get(id) ?? []).reduce((sum, n) => {
            const same = blocOf.get(n.other) === b;
            return sum + (n.signed < 0 && same ? -n.signed : n.signed > 0 && !same ? n.signed : 0);
          }, 0);
        const candidates = [...used];
        const fresh = [...Array(k).keys()].find((b) => !used.has(b));
        if (fresh !== undefined) candidates.push(fresh);
        let best = current;
        let bestCost = cost(current);
        for (const b of candidates.sort((x, y) => x - y)) {
          const c = cost(b);
          if (c < bestCost - 1e-12) {
            best = b;
            bestCost = c;
          }
        }
        if (best !== current) {
          blocOf.set(id, best);
          moved = true;
        }
      }
      if (!moved) break;
    }
  };

  relocate();
  // Split a bloc in two while that helps and fewer than k blocs exist.
  for (;;) {
    const used = [...new Set(blocOf.values())];
    if (used.length >= k) break;
    const fresh = [...Array(k).keys()].find((b) => !used.includes(b)) as number;
    const before = kFrustration(graph, blocOf);
    let best: { members: string[]; score: number } | undefined;
    for (const b of used.sort((x, y) => x - y)) {
      const members = graph.nodes.filter((id) => blocOf.get(id) === b);
      if (members.length < 2) continue;
      const split = await analyseBalance(inducedSubgraph(graph, members));
      const trial = new Map(blocOf);
      for (const id of split.partition[1]) trial.set(id, fresh);
      const score = kFrustration(graph, trial);
      if (score < before - 1e-12 && (!best || score < best.score))
        best = { members: split.partition[1], score };
    }
    if (!best) break;
    for (const id of best.members) blocOf.set(id, fresh);
    relocate();
  }

  const groups = new Map<number, string[]>();
  for (const id of graph.nodes)
    groups.set(blocOf.get(id) as number, [...(groups.get(blocOf.get(id) as number) ?? []), id]);
  const blocs = [...groups.values()]
    .map((g) => g.sort())
    .sort((x, y) => y.length - x.length || ((x[0] as string) < (y[0] as string) ? -1 : 1));
  return { blocs, frustration: kFrustration(graph, blocOf) };
}
