/**
 * Structural-balance figures: `npm run build && node bench/balance.mjs`.
 * Exact frustration index (HiGHS) on small planted two-camp graphs, the same
 * under a time limit on a denser mix of flipped signs (with the proven gap),
 * and the heuristic on a large graph. Seeded; prints figures, asserts nothing.
 */
import { mulberry32, plantedTwoCamps } from '../dist/network/balance/index.js';
import { exactFrustration, heuristicFrustration } from '../dist/network/balance/frustration.js';
import { highsRuntime } from '../dist/network/balance/highs-runtime.js';

const SMALL = { nodes: 40, edges: 300, graphs: 10 };
const LARGE = { nodes: 20_000, edges: 100_000, flipRate: 0.05 };
const DENSE_TIME_LIMIT = 2; // seconds per graph
const seconds = (since) => (performance.now() - since) / 1000;
const pad = (s, n) => String(s).padStart(n);

await highsRuntime(); // load the WebAssembly module before timing

async function exactSeries(title, lo, hi, timeLimitSeconds, seed) {
  console.log(`\n${title}`);
  console.log('graph  flipped  planted  index  bound  gap  exact  seconds');
  const rate = mulberry32(seed);
  let total = 0;
  for (let k = 0; k < SMALL.graphs; k++) {
    const flipRate = lo + (hi - lo) * rate();
    const { graph, flipped } = plantedTwoCamps({ ...SMALL, flipRate, seed: seed + k });
    const started = performance.now();
    const r = await exactFrustration(graph, { timeLimitSeconds });
    const took = seconds(started);
    total += took;
    console.log(
      `${pad(k + 1, 5)}  ${pad((100 * flipRate).toFixed(1) + '%', 7)}  ${pad(flipped, 7)}  ` +
        `${pad(r.frustrationIndex, 5)}  ${pad(r.lowerBound, 5)}  ${pad(r.frustrationIndex - r.lowerBound, 3)}  ` +
        `${pad(r.exact, 5)}  ${pad(took.toFixed(3), 7)}`,
    );
  }
  console.log(`total ${total.toFixed(2)} s, mean ${(total / SMALL.graphs).toFixed(3)} s a graph`);
}

console.log(`Balance benchmark (Node ${process.version})`);
await exactSeries(
  `Exact, ${SMALL.nodes} nodes, ${SMALL.edges} edges, 10-15% of signs flipped (goal < 1 s each)`,
  0.1,
  0.15,
  60,
  1000,
);
await exactSeries(
  `Exact with a ${DENSE_TIME_LIMIT} s limit, ${SMALL.nodes} nodes, ${SMALL.edges} edges, 30-40% flipped`,
  0.3,
  0.4,
  DENSE_TIME_LIMIT,
  2000,
);

console.log(
  `\nHeuristic, ${LARGE.nodes} nodes, ${LARGE.edges} edges, ${100 * LARGE.flipRate}% flipped (goal < 10 s)`,
);
let started = performance.now();
const large = plantedTwoCamps({ ...LARGE, seed: 3000 });
console.log(`generated in ${seconds(started).toFixed(2)} s`);
started = performance.now();
const h = await heuristicFrustration(large.graph);
const took = seconds(started);
const camp = new Set(large.camps[0]);
let agree = 0;
for (const id of h.partition[0]) if (camp.has(id)) agree += 1;
for (const id of h.partition[1]) if (!camp.has(id)) agree += 1;
const n = large.graph.nodes.length;
const matched = Math.max(agree, n - agree);
console.log(`seconds            ${took.toFixed(2)}`);
console.log(`components         ${h.components.length}`);
console.log(`frustration found  ${h.frustrationIndex}`);
console.log(
  `planted flips      ${large.flipped}  (found - planted = ${h.frustrationIndex - large.flipped})`,
);
console.log(`lower bound        ${h.lowerBound}  (gap ${h.frustrationIndex - h.lowerBound})`);
console.log(`exact              ${h.exact}`);
console.log(
  `nodes on their planted side ${matched} of ${n} (${((100 * matched) / n).toFixed(2)}%)`,
);
