/** Simulation models of alliance dynamics and the scenario engine built on them. */
export * from './marvel.js';
export * from './triad-dynamics.js';
export * from './engine.js';
export * from './run-scenario.js';
export * from './backtest.js';
export * from './sim-network.js';
export * from './shocks.js';
