/**
 * Triad-dynamics figures: `npm run build && node bench/dynamics.mjs`.
 * Times a 1,000-run Monte Carlo of local triad dynamics (Antal, Krapivsky &
 * Redner 2005) on a 50-actor complete network, 10,000 updates a run, and
 * prints the time (goal: under one second) and the mean density. Seeded;
 * prints figures, asserts nothing.
 */
import { meanFieldDensity, monteCarlo } from '../dist/simulate/index.js';

const SETUP = { n: 50, runs: 1000, updates: 10_000, seed: 1 };

for (const p of [0, 0.2, 0.3]) {
  const started = performance.now();
  const r = monteCarlo({ ...SETUP, p });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `p=${p}  ${SETUP.runs} runs × ${SETUP.updates} updates on n=${SETUP.n}: ` +
      `${seconds.toFixed(3)} s  mean final density ${r.meanDensity.toFixed(4)} ` +
      `(sd ${r.sdDensity.toFixed(4)}, time-averaged ${r.meanTimeAveragedDensity.toFixed(4)}, ` +
      `mean field ${meanFieldDensity(p).toFixed(4)}, stalled runs ${r.stalledRuns})`,
  );
}

// The scenario engine: a shocked 40-actor network from two planted camps
// with 15% of signs flipped, 200 runs with and 200 without the shock.
import { mulberry32 } from '../dist/network/balance/prng.js';
import { normalise, runScenario } from '../dist/simulate/index.js';

const rand = mulberry32(11);
const actors = Array.from({ length: 40 }, (_, i) => `A${String(i).padStart(2, '0')}`);
const edges = [];
for (let i = 0; i < actors.length; i++) {
  for (let j = i + 1; j < actors.length; j++) {
    if (rand() > 0.35) continue;
    let sign = i % 2 === j % 2 ? 1 : -1;
    if (rand() < 0.15) sign = -sign;
    edges.push({
      source: actors[i],
      target: actors[j],
      weight: sign * (0.3 + 0.7 * rand()),
      confidence: 1 - 0.5 ** (1 + Math.floor(rand() * 4)),
      relations: [],
    });
  }
}
const base = normalise(actors, edges);
for (const model of ['marvel', 'triads']) {
  const started = performance.now();
  const r = await runScenario({
    base,
    shocks: [{ type: 'set', pair: ['A00', 'A01'], value: 0.9 }],
    options: { model, runs: 200, seed: 1 },
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `scenario engine, ${model}: 40 actors, ${base.edges.length} edges, 2 × 200 runs: ${seconds.toFixed(2)} s; ` +
      `${r.changes.length} changes, ${r.differences.length} pairs differ from no shock`,
  );
}
