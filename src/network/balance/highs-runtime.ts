/**
 * Loads the HiGHS solver (Huangfu & Hall, "Parallelizing the dual revised
 * simplex method", Mathematical Programming Computation 10, 2018, 119–142;
 * https://highs.dev), compiled to WebAssembly by the `highs` npm package,
 * once per process.
 */
import * as highsModule from 'highs';
import type { Highs } from 'highs';

// Under NodeNext the package's declarations are read as CommonJS (its
// `default` typed as the whole module), while Node loads its ES module build,
// whose default export is the loader itself.
const loadHighs = highsModule.default as unknown as () => Promise<Highs>;

let runtime: Promise<Highs> | undefined;

export function highsRuntime(): Promise<Highs> {
  runtime ??= loadHighs();
  return runtime;
}
