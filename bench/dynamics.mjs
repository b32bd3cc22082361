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
