/**
 *   GET  /api/scenarios           the shipped scenario files (scenarios/*.yaml)
 *   POST /api/scenarios/run       run one: a shipped scenario by id, or shocks
 *                                 on the network at a date (token required:
 *                                 a run costs CPU on the user's behalf)
 *
 * The body is checked by the same schema as scenario files, so an unknown
 * actor or a number out of range is a 400 naming the field
 * (`shocks.0.pair.1`); runs are capped so one request cannot hold the
 * server for long.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { PACKAGE_ROOT } from '../../config/paths.js';
import { buildNetwork } from '../../network/aggregate.js';
import { runScenarioOn } from '../../simulate/scenario-run.js';
import {
  loadScenario,
  type Scenario,
  scenarioSchema,
  toScenario,
} from '../../simulate/scenario.js';
import { quotesFor } from '../../store/quotes.js';
import { requireToken } from '../auth.js';
import { badRequest, notFound } from '../errors.js';
import { errorResponse } from '../schemas.js';
import type { ServerState } from '../state.js';
import type { RouteOptions } from './index.js';

export const SCENARIOS_DIR = path.join(PACKAGE_ROOT, 'scenarios');
/** Most Monte Carlo runs one API request may ask for. */
export const MAX_API_RUNS = 500;
/** Most shocks in one request. */
export const MAX_SHOCKS = 20;

interface RunBody {
  scenario?: string;
  at?: string;
  from?: string;
  to?: string;
  knownAt?: string;
  layer?: string;
  shocks?: unknown[];
  model?: string;
  runs?: number;
  seed?: number;
}

function shipped(state: ServerState): Map<string, Scenario> {
  return state.cached('scenarios:shipped', () => {
    const known = new Set(state.kb.actors.keys());
    const files = readdirSync(SCENARIOS_DIR)
      .filter((f) => f.endsWith('.yaml'))
      .sort();
    return new Map(
      files.map((f) => [
        f.replace(/\.yaml$/, ''),
        loadScenario(path.join(SCENARIOS_DIR, f), known),
      ]),
    );
  });
}

/** A run request as a scenario, checked by the scenario-file schema. */
function requestScenario(body: RunBody, state: ServerState): Scenario {
  if (body.scenario !== undefined) {
    const s = shipped(state).get(body.scenario);
    if (!s) throw notFound('scenario', `scenario: no shipped scenario "${body.scenario}"`);
    const engine = {
      ...s.options,
      ...(body.model !== undefined && { model: body.model }),
      ...(body.runs !== undefined && { runs: body.runs }),
      ...(body.seed !== undefined && { seed: body.seed }),
    };
    return { ...s, options: engine as Scenario['options'] };
  }
  const draft = {
    name: 'scenario from the web app',
    base: {
      ...(body.at !== undefined && { at: body.at }),
      ...(body.from !== undefined && { from: body.from }),
      ...(body.to !== undefined && { to: body.to }),
      ...(body.knownAt !== undefined && { known_at: body.knownAt }),
      ...(body.layer !== undefined && { layer: body.layer }),
    },
    shocks: body.shocks ?? [],
    options: {
      ...(body.model !== undefined && { model: body.model }),
      ...(body.runs !== undefined && { runs: body.runs }),
      ...(body.seed !== undefined && { seed: body.seed }),
    },
  };
  const parsed = scenarioSchema(new Set(state.kb.actors.keys())).safeParse(draft);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // The file's `base.at` is the request's `at`, `options.runs` its `runs`.
    const where = issue.path.map(String);
    const field =
      where[0] === 'base' || where[0] === 'options'
        ? where.slice(1).join('.').replace('known_at', 'knownAt') || 'at'
        : where.join('.');
    throw badRequest(field || 'body', issue.message);
  }
  return toScenario(parsed.data);
}

export async function scenarioRoutes(
  app: FastifyInstance,
  state: ServerState,
  options: RouteOptions,
): Promise<void> {
  app.get(
    '/api/scenarios',
    {
      schema: {
        tags: ['scenarios'],
        summary:
          'The shipped scenarios: base, shocks, model options and the realignments their sources argue for',
      },
    },
    async () => ({
      items: [...shipped(state)].map(([id, s]) => ({
        id,
        name: s.name,
        description: s.description ?? null,
        arguedBy: s.arguedBy ?? null,
        base: s.base,
        shocks: s.shocks,
        options: s.options,
        expect: s.expect,
      })),
    }),
  );

  app.post<{ Body: RunBody }>(
    '/api/scenarios/run',
    {
      onRequest: requireToken(options.token),
      bodyLimit: 64 * 1024,
      schema: {
        tags: ['scenarios'],
        summary:
          'Run a scenario: a shipped one by id, or shocks on the network at a date; returns blocs, changes with probabilities and the triads (with quotes) that explain them',
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            scenario: { type: 'string', maxLength: 200, description: 'id of a shipped scenario' },
            at: { type: 'string', maxLength: 10 },
            from: { type: 'string', maxLength: 10 },
            to: { type: 'string', maxLength: 10 },
            knownAt: { type: 'string', maxLength: 10 },
            layer: { type: 'string', enum: ['observed', 'expected', 'merged'] },
            shocks: {
              type: 'array',
              maxItems: MAX_SHOCKS,
              items: { type: 'object' },
              description:
                'as in scenario files: {type: set, pair: [A, B], value} · {type: shift, pair, by} · {type: remove-actor, actor} · {type: add-actor, actor, relations} · {type: weaken, actor, factor}',
            },
            model: { type: 'string', enum: ['marvel', 'triads'] },
            runs: { type: 'integer', minimum: 1, maximum: MAX_API_RUNS },
            seed: { type: 'integer' },
          },
        },
        response: { 400: errorResponse, 401: errorResponse, 404: errorResponse },
      },
    },
    async (request) => {
      const scenario = requestScenario(request.body ?? {}, state);
      const key = `scenario:${JSON.stringify(scenario)}`;
      return state.cached(key, async () => {
        const relations = state.relations;
        const network = buildNetwork(relations.evidence(relations.defaultDatasets()), {
          ...(scenario.base.at !== undefined && { at: scenario.base.at }),
          ...(scenario.base.from !== undefined && { from: scenario.base.from }),
          ...(scenario.base.to !== undefined && { to: scenario.base.to }),
          ...(scenario.base.knownAt !== undefined && { knownAt: scenario.base.knownAt }),
          ...(scenario.base.layer !== undefined && { layer: scenario.base.layer }),
        });
        const date = network.window.to;
        return runScenarioOn({
          name: scenario.name,
          ...(scenario.arguedBy && { arguedBy: scenario.arguedBy }),
          network,
          shocks: scenario.shocks,
          options: scenario.options,
          expect: scenario.expect,
          ...(date && { capability: state.capabilities.at(date) }),
          quotes: (ids) => quotesFor(state.db, ids),
        });
      });
    },
  );
}
