/**
 * A lower bound on the frustration index by cutting planes: the linear
 * program over edge variables 0 <= f_e <= 1 minimising sum w_e f_e, started
 * with the unbalanced-triangle inequalities and strengthened round by round
 * with the most violated odd-cycle inequalities (odd-cycles.ts) until none
 * is left, the bound stalls, it meets a known upper bound, or time runs out.
 * Every cut is valid for every partition, so the bound is too; on graphs
 * without a K5 minor (planar ones among them) odd-cycle inequalities describe
 * the cut polytope and the bound is the frustration index (Barahona &
 * Mahjoub 1986). The cuts found are handed to the integer program.
 */
import type { Highs } from 'highs';
import type { Adjacency } from './adjacency.js';
import { LpRows } from './lp-rows.js';
import { separateOddCycles, type OddCycleCut } from './odd-cycles.js';
import { forEachTriangle } from './triangles.js';

export const CUTTING_PLANE_DEFAULTS = {
  /** Most separation rounds. */
  maxRounds: 200,
  /** Stop when the bound rose less than this over the last `stallRounds` rounds. */
  stallImprovement: 1e-3,
  stallRounds: 10,
  /** Cuts added a round: at most max(minCutsPerRound, nodes). */
  minCutsPerRound: 100,
} as const;

export interface CuttingPlaneOptions {
  /** performance.now() value after which no new round starts. */
  readonly deadline: number;
  /** Stop once the bound (rounded up for integer weights) reaches this. */
  readonly upperBound?: number;
  readonly maxRounds?: number;
}

export interface CuttingPlaneResult {
  /** Proven lower bound (the last optimal LP value; 0 if none). */
  readonly bound: number;
  /** The inequalities tight in the last LP solution: unbalanced triangles and odd-cycle cuts. */
  readonly cuts: OddCycleCut[];
  readonly rounds: number;
  /** True when no violated odd-cycle inequality was left. */
  readonly complete: boolean;
}

export function oddCycleBound(
  highs: Highs,
  adj: Adjacency,
  options: CuttingPlaneOptions,
): CuttingPlaneResult {
  const maxRounds = options.maxRounds ?? CUTTING_PLANE_DEFAULTS.maxRounds;
  const integral = adj.weight.every(Number.isInteger);
  const reached = (b: number): boolean =>
    options.upperBound !== undefined &&
    (integral ? Math.ceil(b - 1e-6) : b + 1e-9) >= options.upperBound;
  const initial: OddCycleCut[] = [];
  forEachTriangle(adj, (_a, _b, _c, eab, eac, ebc) => {
    if (adj.sign[eab]! * adj.sign[eac]! * adj.sign[ebc]! > 0) return;
    const edges = Int32Array.from([eab, eac, ebc]).sort();
    initial.push({ edges, coefs: Int8Array.from([1, 1, 1]), rhs: 1, violation: 0 });
  });
  const m = adj.m;
  const model = highs.createModel({
    numCols: m,
    numRows: 0,
    colCost: Float64Array.from(adj.weight),
    colLower: new Float64Array(m),
    colUpper: new Float64Array(m).fill(1),
    rowLower: new Float64Array(0),
    rowUpper: new Float64Array(0),
    matrix: {
      format: 'csc',
      numRows: 0,
      numCols: m,
      starts: new Int32Array(m + 1),
      indices: new Int32Array(0),
      values: new Float64Array(0),
    },
  });
  // The LP's rows, in order.
  let active: OddCycleCut[] = [];
  const addCuts = (batch: OddCycleCut[]): void => {
    if (batch.length === 0) return;
    const rows = new LpRows();
    for (const c of batch) rows.add(c.edges, c.coefs, c.rhs, highs.infinity);
    model.addRows(rows.toData(m));
    active = active.concat(batch);
  };
  try {
    model.options.set({ output_flag: false, random_seed: 0 });
    addCuts(initial);
    let bound = 0;
    let rounds = 0;
    let complete = false;
    const history: number[] = [];
    let rowValue: ArrayLike<number> = new Float64Array(0); // row activities at the last solve
    let solvedRows = 0; // rows in the LP at the last solve
    const perRound = Math.max(CUTTING_PLANE_DEFAULTS.minCutsPerRound, adj.n);
    while (rounds < maxRounds) {
      const left = (options.deadline - performance.now()) / 1000;
      if (left <= 0) break;
      // HiGHS counts its time limit over all runs of a model: restart the clock.
      model.zeroAllClocks();
      model.options.set('time_limit', left);
      model.run();
      if (model.getModelStatus() !== highs.constants.modelStatus.optimal) break;
      rounds += 1;
      bound = Math.max(bound, model.getObjectiveValue());
      history.push(bound);
      if (reached(bound)) break;
      const solution = model.getSolution();
      rowValue = solution.rowValue;
      solvedRows = active.length;
      const batch = separateOddCycles(adj, solution.colValue, { maxCuts: perRound });
      if (batch.length === 0) {
        complete = true;
        break;
      }
      const k = CUTTING_PLANE_DEFAULTS.stallRounds;
      if (
        history.length > k &&
        bound - history[history.length - 1 - k]! < CUTTING_PLANE_DEFAULTS.stallImprovement
      ) {
        break;
      }
      addCuts(batch);
    }
    // The cuts tight at the last solution; slack ones would only enlarge the integer program.
    const cuts = active.filter((c, r) => r >= solvedRows || rowValue[r]! <= c.rhs + 1e-6);
    return { bound, cuts, rounds, complete };
  } finally {
    model.dispose();
  }
}
