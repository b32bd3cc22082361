/**
 * Runs a balance model many times on a (shocked) network and counts, pair by
 * pair, how often each sign comes out: the probability of every predicted
 * sign, for the deterministic model too.
 *
 * Each run draws the starting weights from what the evidence says and how
 * sure it is:
 *   - generic magnitudes: w × U[0.5, 1.5], as Marvel et al. (2011) start
 *     from generic values (exactly equal ±1 starts are degenerate);
 *   - uncertainty: + N(0, σ²) with σ = uncertainty × (1 − confidence), so an
 *     edge one outlet reports (confidence 0.5) is often drawn near zero or
 *     with the other sign, and one that many voices agree on (confidence
 *     → 1) almost never;
 *   - inertia: strong, well-sourced edges resist change. In Marvel's model a
 *     pair's starting magnitude is what resists (dX/dt = X² amplifies what is
 *     there), so the start is scaled by 1 + inertia × confidence; in the
 *     triad dynamics a link chosen to flip flips with probability
 *     1 / (1 + inertia × confidence × |w|).
 * Imposed (shocked) edges are held at their value in every run.
 * Components are simulated separately; those of fewer than three actors
 * hold no triad and are left as they are.
 */
import { mulberry32 } from '../network/balance/prng.js';
import { marvelLimit, runMarvel } from './marvel.js';
import { type SimNetwork, components, pairKey } from './sim-network.js';
import { runSparseTriads, type TriadRule } from './sparse-triads.js';

export type ModelName = 'marvel' | 'triads';
export const MODELS: readonly ModelName[] = ['marvel', 'triads'];

export const ENGINE_DEFAULTS = {
  model: 'marvel' as ModelName,
  runs: 100,
  seed: 1,
  /** Scale of resistance from evidence (0: the published models as they are). */
  inertia: 1,
  /** Scale of the noise drawn on an edge with confidence c: σ = uncertainty × (1 − c). */
  uncertainty: 1,
  /** Triad dynamics: constrained (CTD, settles) or local (LTD, wanders when p < 1/2). */
  rule: 'constrained' as TriadRule,
  /** LTD: chance that a +,+,− triangle resolves by making its − link + (1/3: a random link flips). */
  p: 1 / 3,
  /** Generic starting magnitudes (Marvel et al. 2011). */
  magnitude: [0.5, 1.5] as const,
  /** Marvel integration: larger steps than the published-result tests use, for Monte Carlo speed. */
  marvelStep: 0.05,
  /** Triad dynamics: update attempts per edge. */
  attemptsPerEdge: 20,
};

export interface EngineOptions {
  readonly model?: ModelName;
  readonly runs?: number;
  readonly seed?: number;
  readonly inertia?: number;
  readonly uncertainty?: number;
  readonly p?: number;
  readonly rule?: TriadRule;
}

/** How often each sign came out for one pair. */
export interface PairOutcome {
  readonly source: string;
  readonly target: string;
  plus: number;
  minus: number;
  /** Runs in which the pair was simulated. */
  runs: number;
}

export interface EngineResult {
  readonly model: ModelName;
  readonly runs: number;
  readonly seed: number;
  /** By pair key: every pair the model gave a sign (Marvel: all pairs of a component). */
  readonly outcomes: ReadonlyMap<string, PairOutcome>;
  /** Actors in components of three or more (the rest cannot move). */
  readonly simulated: readonly string[];
}

/** The options with defaults filled in, checked. */
export function engineOptions(options: EngineOptions = {}): Required<EngineOptions> {
  const o = {
    model: options.model ?? ENGINE_DEFAULTS.model,
    runs: options.runs ?? ENGINE_DEFAULTS.runs,
    seed: options.seed ?? ENGINE_DEFAULTS.seed,
    inertia: options.inertia ?? ENGINE_DEFAULTS.inertia,
    uncertainty: options.uncertainty ?? ENGINE_DEFAULTS.uncertainty,
    p: options.p ?? ENGINE_DEFAULTS.p,
    rule: options.rule ?? ENGINE_DEFAULTS.rule,
  };
  if (o.rule !== 'constrained' && o.rule !== 'local')
    throw new RangeError('rule must be constrained or local');
  if (!MODELS.includes(o.model)) throw new RangeError(`model must be one of ${MODELS.join(', ')}`);
  if (!Number.isInteger(o.runs) || o.runs < 1 || o.runs > 100_000)
    throw new RangeError('runs must be an integer from 1 to 100000');
  if (!Number.isInteger(o.seed)) throw new RangeError('seed must be an integer');
  if (!(o.inertia >= 0)) throw new RangeError('inertia must be ≥ 0');
  if (!(o.uncertainty >= 0)) throw new RangeError('uncertainty must be ≥ 0');
  if (!(o.p >= 0 && o.p <= 1)) throw new RangeError('p must be in [0, 1]');
  return o;
}

/** A standard normal draw (Box–Muller). */
function gaussian(rand: () => number): number {
  const u = 1 - rand(); // (0, 1]
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** Runs the model `runs` times and counts the end signs. */
export function simulateNetwork(
  network: SimNetwork,
  imposed: ReadonlyMap<string, number>,
  options: EngineOptions = {},
): EngineResult {
  const o = engineOptions(options);
  const groups = components(network).filter((c) => c.length >= 3);
  const inGroup = new Map<string, number>();
  groups.forEach((g, i) => g.forEach((n) => inGroup.set(n, i)));
  const groupEdges = groups.map(() => [] as SimNetwork['edges'][number][]);
  for (const e of network.edges) {
    const g = inGroup.get(e.source);
    if (g !== undefined) groupEdges[g]!.push(e);
  }
  const outcomes = new Map<string, PairOutcome>();
  const count = (a: string, b: string, sign: number): void => {
    const key = pairKey(a, b);
    let o = outcomes.get(key);
    if (!o) {
      const [source, target] = a < b ? [a, b] : [b, a];
      o = { source, target, plus: 0, minus: 0, runs: 0 };
      outcomes.set(key, o);
    }
    o.runs += 1;
    if (sign > 0) o.plus += 1;
    else if (sign < 0) o.minus += 1;
  };
  const [lo, hi] = ENGINE_DEFAULTS.magnitude;
  for (let run = 0; run < o.runs; run++) {
    // One stream per run, so a run's draws do not depend on the run count.
    const rand = mulberry32((Math.imul(o.seed, 0x9e3779b1) + Math.imul(run + 1, 0x85ebca6b)) >>> 0);
    groups.forEach((nodes, g) => {
      const drawn = groupEdges[g]!.map((e) => {
        const held = imposed.get(pairKey(e.source, e.target));
        if (held !== undefined) return { e, w: held, pinned: true };
        const w =
          e.weight * (lo + (hi - lo) * rand()) +
          o.uncertainty * (1 - e.confidence) * gaussian(rand);
        return { e, w, pinned: false };
      });
      if (o.model === 'marvel') {
        const weights = drawn.map(({ e, w, pinned }) => ({
          source: e.source,
          target: e.target,
          weight: pinned ? w : w * (1 + o.inertia * e.confidence),
          fixed: pinned,
        }));
        // Held pairs need the integration; without them the end state is
        // the leading eigenvector's (the same model, read analytically).
        const result = drawn.some((d) => d.pinned)
          ? runMarvel(
              { nodes, weights },
              { maxStep: ENGINE_DEFAULTS.marvelStep, stepScale: ENGINE_DEFAULTS.marvelStep },
            )
          : marvelLimit({ nodes, weights });
        if (result) for (const s of result.endSigns) count(s.source, s.target, s.sign);
      } else {
        const index = new Map(nodes.map((n, i) => [n, i]));
        const live = drawn.filter((d) => d.w !== 0);
        const signs = runSparseTriads(
          {
            n: nodes.length,
            edges: live.map(({ e, w, pinned }) => ({
              a: index.get(e.source)!,
              b: index.get(e.target)!,
              sign: w > 0 ? 1 : -1,
              strength: e.confidence * Math.min(1, Math.abs(e.weight)),
              pinned,
            })),
          },
          {
            rule: o.rule,
            p: o.p,
            inertia: o.inertia,
            maxUpdates: ENGINE_DEFAULTS.attemptsPerEdge * live.length,
            rand,
          },
        );
        live.forEach(({ e }, i) => count(e.source, e.target, signs[i]!));
      }
    });
  }
  return {
    model: o.model,
    runs: o.runs,
    seed: o.seed,
    outcomes,
    simulated: groups.flat().sort(),
  };
}

/** The sign most runs gave a pair (0 on a tie), and the share of runs that gave it. */
export function majority(outcome: PairOutcome): { sign: 1 | -1 | 0; probability: number } {
  const sign = outcome.plus > outcome.minus ? 1 : outcome.minus > outcome.plus ? -1 : 0;
  const agreeing =
    sign > 0
      ? outcome.plus
      : sign < 0
        ? outcome.minus
        : outcome.runs - outcome.plus - outcome.minus;
  return { sign, probability: outcome.runs ? agreeing / outcome.runs : 0 };
}
