/**
 * Loads the HiGHS solver (Huangfu & Hall, "Parallelizing the dual revised
 * simplex method", Mathematical Programming Computation 10, 2018, 119–142;
 * https://highs.dev), compiled to WebAssembly by the `highs` npm package,
 * once per process.
 */
import loadHighs, { type Highs } from 'highs';

let runtime: Promise<Highs> | undefined;

export function highsRuntime(): Promise<Highs> {
  runtime ??= loadHighs();
  return runtime;
}
