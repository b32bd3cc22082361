/** Simulation models of alliance dynamics: one model per file. */
export * from './marvel.js';
export * from './triad-dynamics.js';
