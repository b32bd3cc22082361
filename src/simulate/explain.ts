/**
 * Why a pair changes: the triads that drive it. Under structural balance a
 * pair A–B is pushed towards sign(A–K) × sign(K–B) by every third actor K
 * (a friend of a friend is a friend, an enemy of a friend an enemy…), so a
 * predicted change is explained by the third parties whose two links, in
 * the predicted end state, agree with the new sign — heaviest evidence
 * first. Each link keeps the relation ids behind it, for its quotes.
 */
import type { SimEdge } from './sim-network.js';
import { pairKey } from './sim-network.js';

export interface DriverLink {
  readonly source: string;
  readonly target: string;
  /** Sign in the predicted end state. */
  readonly sign: 1 | -1;
  /** Weight in the starting network; null when the evidence had no such edge. */
  readonly baseWeight: number | null;
  /** Set by the scenario. */
  readonly imposed: boolean;
  readonly relations: readonly number[];
}

export interface Driver {
  /** The third actor. */
  readonly via: string;
  readonly links: readonly [DriverLink, DriverLink];
  /** Ranking weight: how much evidence stands behind the two links. */
  readonly score: number;
}

export interface Explanation {
  readonly because: string;
  readonly drivers: readonly Driver[];
}

export interface ExplainContext {
  readonly nodes: readonly string[];
  /** The starting (shocked) network's edges by pair key. */
  readonly base: ReadonlyMap<string, SimEdge>;
  readonly imposed: ReadonlyMap<string, number>;
  /** The predicted end sign of a pair (0 or undefined when none). */
  readonly endSign: (a: string, b: string) => number | undefined;
  /** Most drivers listed per change. */
  readonly limit?: number;
}

const SIGN_WORD = { 1: 'positive', [-1]: 'negative' } as const;

function link(a: string, b: string, sign: 1 | -1, ctx: ExplainContext): DriverLink {
  const key = pairKey(a, b);
  const edge = ctx.base.get(key);
  return {
    source: a,
    target: b,
    sign,
    baseWeight: edge ? edge.weight : null,
    imposed: ctx.imposed.has(key),
    relations: edge ? edge.relations : [],
  };
}

function linkText(l: DriverLink): string {
  const note = l.imposed
    ? ' (imposed)'
    : l.baseWeight === null
      ? ' (predicted)'
      : Math.sign(l.baseWeight) !== l.sign
        ? ' (predicted to flip)'
        : '';
  return `${l.source}–${l.target} is ${SIGN_WORD[l.sign]}${note}`;
}

/** The triads that push a–b to `toSign`, heaviest first, and a sentence. */
export function explainChange(
  a: string,
  b: string,
  toSign: 1 | -1,
  ctx: ExplainContext,
): Explanation {
  const drivers: Driver[] = [];
  for (const k of ctx.nodes) {
    if (k === a || k === b) continue;
    const ak = ctx.endSign(a, k);
    const kb = ctx.endSign(k, b);
    if (!ak || !kb || Math.sign(ak) * Math.sign(kb) !== toSign) continue;
    const first = link(a, k, Math.sign(ak) as 1 | -1, ctx);
    const second = link(b, k, Math.sign(kb) as 1 | -1, ctx);
    // Evidence-backed and imposed links explain more than predicted ones.
    const strength = (l: DriverLink) =>
      l.imposed ? 1 : l.baseWeight === null ? 0.1 : Math.abs(l.baseWeight);
    drivers.push({ via: k, links: [first, second], score: strength(first) * strength(second) });
  }
  drivers.sort((x, y) => y.score - x.score || (x.via < y.via ? -1 : 1));
  const top = drivers.slice(0, ctx.limit ?? 3);
  const turn = toSign > 0 ? 'turns friendly' : 'turns hostile';
  const because = top.length
    ? `${a}–${b} ${turn} because ${top.map((d) => `${linkText(d.links[0])} and ${linkText(d.links[1])}`).join('; and ')}`
    : `${a}–${b} ${turn}: no third actor links both; the model's blocs put them ${toSign > 0 ? 'together' : 'apart'}`;
  return { because, drivers: top };
}
