/**
 * The API, one file per resource. To add a resource (scenarios, forecasts):
 * write `routes/<resource>.ts` exporting `async function <resource>Routes(app,
 * state, options)` with its routes under `/api/<resource>` (JSON schemas on
 * each, so validation and /api/openapi.json come for free; writes take
 * `onRequest: requireToken(options.token)`), and add one line below.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerState } from '../state.js';
import { actorRoutes } from './actors.js';
import { balanceRoutes } from './balance.js';
import { documentRoutes } from './documents.js';
import { forecastRoutes } from './forecasts.js';
import { ingestRoutes } from './ingest.js';
import { metaRoutes } from './meta.js';
import { networkRoutes } from './network.js';
import { relationRoutes } from './relations.js';
import { scenarioRoutes } from './scenarios.js';
import { searchRoutes } from './search.js';
import { timelineRoutes } from './timeline.js';

export interface RouteOptions {
  /** The write token (Authorization: Bearer TOKEN). */
  token: string;
  maxUploadBytes: number;
  /** For tests: address ranges URL ingest may reach despite the private-network guard. */
  allowRanges?: string[];
}

export async function registerRoutes(
  app: FastifyInstance,
  state: ServerState,
  options: RouteOptions,
): Promise<void> {
  await metaRoutes(app, state);
  await documentRoutes(app, state);
  await actorRoutes(app, state);
  await relationRoutes(app, state);
  await networkRoutes(app, state);
  await balanceRoutes(app, state);
  await timelineRoutes(app, state);
  await searchRoutes(app, state);
  await ingestRoutes(app, state, options);
  await scenarioRoutes(app, state, options);
  // Resources built elsewhere plug in here, one line each:
  await forecastRoutes(app, state, options);
}
