/**
 * Random signed graphs with a planted two-camp split, for tests and
 * benchmarks: G(n, m) edges (Erdős & Rényi, "On random graphs I", 1959)
 * signed +1 inside a camp and -1 across, then a given share of the signs
 * flipped (the planted-partition model of signed networks; e.g. Aref, Mason
 * & Wilson 2020 generate their random test graphs this way). The planted
 * split leaves exactly the flipped edges frustrated, so their number is an
 * upper bound on the frustration index. Seeded: the same options give the
 * same graph.
 */
import { UsageError } from '../../domain/errors.js';
import { DEFAULT_SEED, mulberry32 } from './prng.js';
import { signedGraph, type SignedGraph } from './signed-graph.js';

export interface PlantedOptions {
  readonly nodes: number;
  readonly edges: number;
  /** Share of edges whose sign is flipped, in [0, 1]. */
  readonly flipRate: number;
  /** Share of nodes in the first camp (default 0.5). */
  readonly campShare?: number;
  readonly seed?: number;
}

export interface PlantedGraph {
  readonly graph: SignedGraph;
  /** The planted camps, sorted, the one holding the first node first. */
  readonly camps: [string[], string[]];
  /** Number of flipped edges (the frustration the planted split leaves). */
  readonly flipped: number;
}

/** Node ids are zero-padded ("n00042") so id order is numeric order. */
export function plantedTwoCamps(options: PlantedOptions): PlantedGraph {
  const fn = 'plantedTwoCamps';
  const { nodes: n, edges: m, flipRate } = options;
  const campShare = options.campShare ?? 0.5;
  if (!(Number.isInteger(n) && n >= 2))
    throw new UsageError(`${fn}: nodes must be an integer >= 2, got ${n}`);
  const most = (n * (n - 1)) / 2;
  if (!(Number.isInteger(m) && m >= 0 && m <= most)) {
    throw new UsageError(`${fn}: edges must be an integer in [0, ${most}], got ${m}`);
  }
  if (!(flipRate >= 0 && flipRate <= 1))
    throw new UsageError(`${fn}: flipRate must be in [0, 1], got ${flipRate}`);
  if (!(campShare > 0 && campShare < 1))
    throw new UsageError(`${fn}: campShare must be in (0, 1), got ${campShare}`);
  const random = mulberry32(options.seed ?? DEFAULT_SEED);
  const width = String(n - 1).length;
  const ids = Array.from({ length: n }, (_, i) => `n${String(i).padStart(width, '0')}`);
  const camp = new Uint8Array(n);
  for (let i = 0; i < n; i++) camp[i] = random() < campShare ? 0 : 1;
  const pairs = new Set<number>();
  const list: [number, number][] = [];
  while (list.length < m) {
    const a = Math.floor(random() * n);
    const b = Math.floor(random() * n);
    if (a === b) continue;
    const [x, y] = a < b ? [a, b] : [b, a];
    const key = x * n + y;
    if (pairs.has(key)) continue;
    pairs.add(key);
    list.push([x, y]);
  }
  // Flip exactly round(flipRate * m) edges, chosen by a partial shuffle.
  const flips = Math.round(flipRate * m);
  const order = Array.from({ length: m }, (_, i) => i);
  for (let i = 0; i < flips; i++) {
    const j = i + Math.floor(random() * (m - i));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const flip = new Uint8Array(m);
  for (let i = 0; i < flips; i++) flip[order[i]!] = 1;
  const graph = signedGraph({
    nodes: ids,
    edges: list.map(([x, y], k) => {
      const base = camp[x] === camp[y] ? 1 : -1;
      return { a: ids[x]!, b: ids[y]!, sign: flip[k] ? -base : base };
    }),
  });
  const groups: [string[], string[]] = [[], []];
  ids.forEach((id, i) => groups[camp[i] === camp[0] ? 0 : 1].push(id));
  return { graph, camps: groups, flipped: flips };
}
