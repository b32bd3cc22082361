/** The structural-balance engine: signed graphs, triads, frustration. */
export * from './signed-graph.js';
export * from './edge-list.js';
export * from './triads.js';
export * from './partition.js';
export * from './frustration.js';
export * from './analyse.js';
export { EXACT_DEFAULTS, exactComponent } from './frustration-exact.js';
export { HEURISTIC_DEFAULTS, heuristicComponent } from './frustration-heuristic.js';
export { mulberry32, DEFAULT_SEED } from './prng.js';
export { plantedTwoCamps, type PlantedGraph, type PlantedOptions } from './planted.js';
export { K_BLOCS_DEFAULTS, kBlocs, kFrustration, type KBlocs } from './k-blocs.js';
