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
 * Strengthened with the unbalanced-triangle inequalities f_ab + f_ac + f_bc
 * >= 1 of Aref, Mason & Wilson, "A modeling and computational study of the
 * frustration index in signed networks", Networks 75(1), 2020, 95–110 (also
 * used by Aref & Wilson, "Balance and frustration in signed networks",
 * Journal of Complex Networks 7(2), 2019, 163–189): the plain model's linear
 * relaxation has bound 0 (every x = 1/2), these make it useful.
 *
 * Solved by HiGHS (WebAssembly) under a time limit, started from a heuristic
 * solution; when the limit stops it, the best partition is returned with
 * `exact: false` and the dual bound HiGHS proved.
 */
import { UsageError } from '../../domain/errors.js';
import type { Adjacency } from './adjacency.js';
import type { ComponentSolution } from './frustration-heuristic.js';
import { highsRuntime } from './highs-runtime.js';
import { trianglePackingBound } from './lower-bound.js';
import { frustrationOfSides, isFrustrated } from './partition.js';
import { forEachTriangle } from './triangles.js';

export const EXACT_DEFAULTS = {
  /** Seconds HiGHS may spend on one component. */
  timeLimitSeconds: 10,
  /** Add the unbalanced-triangle inequalities. */
  triangleInequalities: true,
  /** At most this many of them (the model stays small on dense graphs). */
  maxTriangleInequalities: 200_000,
} as const;

export interface ExactOptions {
  readonly timeLimitSeconds?: number;
  readonly triangleInequalities?: boolean;
  readonly maxTriangleInequalities?: number;
  /** A feasible start (side per node), e.g. from the heuristic. */
  readonly start?: Uint8Array;
}

export interface ExactSolution extends ComponentSolution {
  /** HiGHS's model status name, e.g. "optimal" or "timeLimit". */
  readonly status: string;
}

/** Solves one connected component (local indices, node 0 fixed to side 0). */
export async function exactComponent(
  adj: Adjacency,
  options: ExactOptions = {},
): Promise<ExactSolution> {
  const fn = 'exactComponent';
  const timeLimit = options.timeLimitSeconds ?? EXACT_DEFAULTS.timeLimitSeconds;
  if (!(typeof timeLimit === 'number' && timeLimit > 0)) {
    throw new UsageError(`${fn}: timeLimitSeconds must be a number > 0, got ${String(timeLimit)}`);
  }
  const { n, m } = adj;
  if (options.start && options.start.length !== n) {
    throw new UsageError(`${fn}: start has length ${options.start.length}, the component ${n} nodes`);
  }
  if (m === 0) {
    return { side: new Uint8Array(n), frustration: 0, lowerBound: 0, exact: true, status: 'empty' };
  }
  const highs = await highsRuntime();

  // Rows in CSR: two per edge, then one per unbalanced triangle.
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const lower: number[] = [];
  const f = (e: number): number => n + e;
  const row = (cols: number[], coefs: number[], lo: number): void => {
    indices.push(...cols);
    values.push(...coefs);
    starts.push(indices.length);
    lower.push(lo);
  };
  for (let e = 0; e < m; e++) {
    const i = adj.ea[e]!;
    const j = adj.eb[e]!;
    if (adj.sign[e]! > 0) {
      row([i, j, f(e)], [-1, 1, 1], 0); // f - x_i + x_j >= 0
      row([i, j, f(e)], [1, -1, 1], 0); // f + x_i - x_j >= 0
    } else {
      row([i, j, f(e)], [-1, -1, 1], -1); // f - x_i - x_j >= -1
      row([i, j, f(e)], [1, 1, 1], 1); // f + x_i + x_j >= 1
    }
  }
  if (options.triangleInequalities ?? EXACT_DEFAULTS.triangleInequalities) {
    const most = options.maxTriangleInequalities ?? EXACT_DEFAULTS.maxTriangleInequalities;
    let added = 0;
    forEachTriangle(adj, (_a, _b, _c, eab, eac, ebc) => {
      if (added >= most) return;
      if (adj.sign[eab]! * adj.sign[eac]! * adj.sign[ebc]! > 0) return;
      const cols = [f(eab), f(eac), f(ebc)].sort((p, q) => p - q);
      row(cols, [1, 1, 1], 1);
      added += 1;
    });
  }
  const numCols = n + m;
  const numRows = lower.length;
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(1);
  colUpper[0] = 0; // symmetry: the component's first node is on side 0
  const colCost = new Float64Array(numCols);
  for (let e = 0; e < m; e++) colCost[f(e)] = adj.weight[e]!;
  const integrality = new Int32Array(numCols).fill(highs.constants.variableType.integer);

  const model = highs.createModel({
    numCols,
    numRows,
    colCost,
    colLower,
    colUpper,
    rowLower: Float64Array.from(lower),
    rowUpper: new Float64Array(numRows).fill(highs.infinity),
    matrix: {
      format: 'csr',
      numRows,
      numCols,
      starts: Int32Array.from(starts),
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    },
    integrality,
  });
  try {
    model.options.set({
      output_flag: false,
      time_limit: timeLimit,
      mip_rel_gap: 0,
      mip_abs_gap: 1e-6,
      random_seed: 0,
    });
    let best = options.start ? Uint8Array.from(options.start) : undefined;
    if (best) {
      if (best[0] === 1) for (let i = 0; i < n; i++) best[i] = 1 - best[i]!;
      const colValue = new Float64Array(numCols);
      for (let i = 0; i < n; i++) colValue[i] = best[i]!;
      for (let e = 0; e < m; e++) {
        colValue[f(e)] = isFrustrated(adj.sign[e]!, best[adj.ea[e]!]!, best[adj.eb[e]!]!) ? 1 : 0;
      }
      model.setSolution({ colValue });
    }
    model.run();
    const code = model.getModelStatus();
    const status = statusName(highs.constants.modelStatus, code);
    const optimal = code === highs.constants.modelStatus.optimal;
    if (Number(model.info.get('primal_solution_status')) === 2) {
      const x = model.getSolution().colValue;
      const side = new Uint8Array(n);
      for (let i = 0; i < n; i++) side[i] = x[i]! > 0.5 ? 1 : 0;
      if (!best || frustrationOfSides(adj, side) <= frustrationOfSides(adj, best)) best = side;
    } else if (!best) {
      throw new Error(`${fn}: HiGHS stopped (${status}) without a solution and no start was given`);
    }
    const frustration = frustrationOfSides(adj, best);
    if (optimal) return { side: best, frustration, lowerBound: frustration, exact: true, status };
    let dual = Number(model.info.get('mip_dual_bound'));
    if (!Number.isFinite(dual)) dual = 0;
    if (adj.weight.every(Number.isInteger)) dual = Math.ceil(dual - 1e-6);
    const lowerBound = Math.min(frustration, Math.max(dual, trianglePackingBound(adj).bound, 0));
    return { side: best, frustration, lowerBound, exact: lowerBound >= frustration, status };
  } finally {
    model.dispose();
  }
}

function statusName(table: Readonly<Record<string, number>>, code: number): string {
  return Object.keys(table).find((k) => table[k] === code) ?? String(code);
}
