/**
 * The exact frustration index of one connected component as a binary linear
 * program, the XOR model of Aref, Mason & Wilson, "Computing the line index
 * of balance using integer programming optimisation", in Goldengorin (ed.),
 * Optimization Problems in Graph Theory, Springer, 2018, 65–84:
 *
 *   minimise   sum_ij w_ij f_ij
 *   positive:  f_ij >= x_i - x_j,      f_ij >= x_j - x_i
 *   negative:  f_ij >= x_i + x_j - 1,  f_ij >= 1 - x_i - x_j
 *   x_i, f_ij binary; x of the component's first node fixed to 0.
 *
 * The plain model's linear relaxation has bound 0 (every x = 1/2), so it is
 * strengthened, as Aref, Mason & Wilson ("A modeling and computational study
 * of the frustration index in signed networks", Networks 75(1), 2020,
 * 95–110) do with unbalanced-triangle inequalities, here with those and the
 * odd-cycle inequalities a cutting-plane loop finds (cutting-planes.ts).
 * When that bound already meets the heuristic's partition, the partition is
 * proven optimal and no branching is needed.
 *
 * Solved by HiGHS (WebAssembly) under a time limit, started from the
 * heuristic's partition; when the limit stops it, the best partition is
 * returned with `exact: false` and the best lower bound proven.
 */
import { UsageError } from '../../domain/errors.js';
import type { Adjacency } from './adjacency.js';
import { oddCycleBound } from './cutting-planes.js';
import { heuristicComponent, type ComponentSolution } from './frustration-heuristic.js';
import { highsRuntime } from './highs-runtime.js';
import { LpRows } from './lp-rows.js';
import { trianglePackingBound } from './lower-bound.js';
import { frustrationOfSides, isFrustrated } from './partition.js';

export const EXACT_DEFAULTS = {
  /** Seconds one component may take (cutting planes and branch-and-bound). */
  timeLimitSeconds: 10,
  /** Share of the time limit the cutting-plane loop may use. */
  cuttingPlaneShare: 0.8,
} as const;

export interface ExactOptions {
  readonly timeLimitSeconds?: number;
  /** A start (side per node), e.g. from the heuristic; computed when absent. */
  readonly start?: Uint8Array;
  /** Skip the cutting-plane loop (the plain XOR model with triangle cuts). */
  readonly cuttingPlanes?: boolean;
}

export interface ExactSolution extends ComponentSolution {
  /** How it ended: "bound" (cuts proved the start optimal), or HiGHS's status. */
  readonly status: string;
}

/** Solves one connected component (local indices, node 0 fixed to side 0). */
export async function exactComponent(
  adj: Adjacency,
  options: ExactOptions = {},
): Promise<ExactSolution> {
  const fn = 'exactComponent';
  const highs = await highsRuntime(); // loading is not solving time
  const started = performance.now();
  const timeLimit = options.timeLimitSeconds ?? EXACT_DEFAULTS.timeLimitSeconds;
  if (!(typeof timeLimit === 'number' && timeLimit > 0)) {
    throw new UsageError(`${fn}: timeLimitSeconds must be a number > 0, got ${String(timeLimit)}`);
  }
  const { n, m } = adj;
  if (options.start && options.start.length !== n) {
    throw new UsageError(
      `${fn}: start has length ${options.start.length}, the component ${n} nodes`,
    );
  }
  if (m === 0) {
    return { side: new Uint8Array(n), frustration: 0, lowerBound: 0, exact: true, status: 'empty' };
  }
  const deadline = started + timeLimit * 1000;
  const integral = adj.weight.every(Number.isInteger);
  const roundUp = (b: number): number => (integral ? Math.ceil(b - 1e-6) : b);

  let best = Uint8Array.from(options.start ?? heuristicComponent(adj).side);
  if (best[0] === 1) for (let i = 0; i < n; i++) best[i] = 1 - best[i]!;
  let bestValue = frustrationOfSides(adj, best);
  const packing = trianglePackingBound(adj).bound;
  const done = (status: string, bound: number): ExactSolution => {
    const lowerBound = Math.min(bestValue, Math.max(0, packing, bound));
    return {
      side: best,
      frustration: bestValue,
      lowerBound,
      exact: lowerBound >= bestValue,
      status,
    };
  };

  const planes = oddCycleBound(highs, adj, {
    deadline:
      options.cuttingPlanes === false
        ? started
        : started + timeLimit * 1000 * EXACT_DEFAULTS.cuttingPlaneShare,
    upperBound: bestValue,
    ...(options.cuttingPlanes === false ? { maxRounds: 0 } : {}),
  });
  let bound = roundUp(planes.bound);
  if (bound >= bestValue) return done('bound', bestValue);
  if (performance.now() >= deadline) return done('timeLimit', bound);

  // x_0..x_{n-1}, then f_0..f_{m-1}.
  const f = (e: number): number => n + e;
  const rows = new LpRows();
  for (let e = 0; e < m; e++) {
    const i = adj.ea[e]!;
    const j = adj.eb[e]!;
    if (adj.sign[e]! > 0) {
      rows.add([i, j, f(e)], [-1, 1, 1], 0, highs.infinity); // f >= x_i - x_j
      rows.add([i, j, f(e)], [1, -1, 1], 0, highs.infinity); // f >= x_j - x_i
    } else {
      rows.add([i, j, f(e)], [-1, -1, 1], -1, highs.infinity); // f >= x_i + x_j - 1
      rows.add([i, j, f(e)], [1, 1, 1], 1, highs.infinity); // f >= 1 - x_i - x_j
    }
  }
  for (const cut of planes.cuts) {
    rows.add(Array.from(cut.edges, f), cut.coefs, cut.rhs, highs.infinity);
  }
  const numCols = n + m;
  const colUpper = new Float64Array(numCols).fill(1);
  colUpper[0] = 0; // symmetry: the component's first node is on side 0
  const colCost = new Float64Array(numCols);
  for (let e = 0; e < m; e++) colCost[f(e)] = adj.weight[e]!;
  const data = rows.toData(numCols);
  const model = highs.createModel({
    numCols,
    numRows: rows.count,
    colCost,
    colLower: new Float64Array(numCols),
    colUpper,
    rowLower: data.lower,
    rowUpper: data.upper,
    matrix: data.matrix,
    integrality: new Int32Array(numCols).fill(highs.constants.variableType.integer),
  });
  try {
    model.options.set({
      output_flag: false,
      time_limit: Math.max(0.01, (deadline - performance.now()) / 1000),
      mip_rel_gap: 0,
      mip_abs_gap: integral ? 0.999 : 1e-6,
      random_seed: 0,
    });
    const colValue = new Float64Array(numCols);
    for (let i = 0; i < n; i++) colValue[i] = best[i]!;
    for (let e = 0; e < m; e++) {
      colValue[f(e)] = isFrustrated(adj.sign[e]!, best[adj.ea[e]!]!, best[adj.eb[e]!]!) ? 1 : 0;
    }
    model.setSolution({ colValue });
    model.run();
    const code = model.getModelStatus();
    const status = statusName(highs.constants.modelStatus, code);
    if (Number(model.info.get('primal_solution_status')) === 2) {
      const x = model.getSolution().colValue;
      const side = new Uint8Array(n);
      for (let i = 0; i < n; i++) side[i] = x[i]! > 0.5 ? 1 : 0;
      const value = frustrationOfSides(adj, side);
      if (value < bestValue) {
        best = side;
        bestValue = value;
      }
    }
    if (code === highs.constants.modelStatus.optimal) return done(status, bestValue);
    const dual = Number(model.info.get('mip_dual_bound'));
    if (Number.isFinite(dual)) bound = Math.max(bound, roundUp(dual));
    return done(status, bound);
  } finally {
    model.dispose();
  }
}

function statusName(table: Readonly<Record<string, number>>, code: number): string {
  return Object.keys(table).find((k) => table[k] === code) ?? String(code);
}
