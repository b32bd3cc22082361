/**
 * The forecast ledger over HTTP (src/forecast/ledger.ts; docs/forecasts.md).
 *   GET    /api/forecasts                    forecasts, filtered and paged, with
 *     the scores per author and per source over the filtered list;
 *   POST   /api/forecasts/:key/resolve       {outcome, note?} a decision by hand (token);
 *   DELETE /api/forecasts/:key/resolution    removes it: the evidence decides again (token).
 * `:key` is a forecast's key or a unique prefix of at least 4 hex digits.
 */
import type { FastifyInstance } from 'fastify';
import { NotFoundError, UsageError } from '../../domain/errors.js';
import {
  type Forecast,
  forecastScores,
  listForecasts,
  OUTCOMES,
  type Outcome,
  resolveForecast,
  unresolveForecast,
} from '../../forecast/ledger.js';
import { requireToken } from '../auth.js';
import { badRequest, notFound } from '../errors.js';
import { date, errorResponse, page, type Page, relationFilterQuery } from '../schemas.js';
import type { ServerState } from '../state.js';

export interface ForecastRouteOptions {
  /** The write token (Authorization: Bearer TOKEN). */
  token: string;
}

export interface ForecastsQuery extends Page {
  author?: string;
  source?: string;
  pair?: string;
  state?: 'open' | 'resolved';
  asOf?: string;
}

/** The longest note a decision by hand keeps (the ledger's own limit). */
export const MAX_NOTE = 2000;

const keyParams = {
  type: 'object',
  required: ['key'],
  properties: {
    key: {
      type: 'string',
      minLength: 1,
      maxLength: 64,
      description: 'a forecast key (16 hex digits) or a unique prefix of at least 4',
    },
  },
} as const;

const writeErrors = {
  400: errorResponse,
  401: errorResponse,
  404: errorResponse,
} as const;

/** The ledger's UsageError / NotFoundError as a 4xx naming `field`. */
function asHttp(error: unknown, field: string): unknown {
  if (!(error instanceof UsageError) && !(error instanceof NotFoundError)) return error;
  // The ledger words its messages for the CLI ("key: …", "as of: …"); name the API's field.
  const message = error.message.replace(/^[a-z ]+: /, '').replace(/ \(see `[^`]*`\)$/, '');
  if (error instanceof NotFoundError) return notFound(field, `${field}: ${message}`);
  return badRequest(field, message);
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export async function forecastRoutes(
  app: FastifyInstance,
  state: ServerState,
  options: ForecastRouteOptions,
): Promise<void> {
  app.get<{ Querystring: ForecastsQuery }>(
    '/api/forecasts',
    {
      schema: {
        tags: ['forecasts'],
        summary:
          'Forecasts (hypothetical relations read as predictions) with their status, and the scores per author and source',
        description:
          'Oldest first. `scores` (hit rate and Brier score; docs/forecasts.md) covers every forecast that matches the filters, not only the page.',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            author: {
              type: 'string',
              minLength: 1,
              maxLength: 200,
              description: 'part of the author’s name (any case)',
            },
            source: {
              type: 'string',
              minLength: 1,
              maxLength: 200,
              description: 'part of the outlet’s name (any case)',
            },
            pair: relationFilterQuery.pair,
            state: {
              type: 'string',
              enum: ['open', 'resolved'],
              description: 'open, or resolved (hit, miss or void); expired forecasts are neither',
            },
            asOf: date(
              'the ledger as it stood at this date: later articles unknown, horizons before it expired (default today)',
            ),
            ...page,
          },
        },
        response: { 400: errorResponse },
      },
    },
    async (request) => {
      const q = request.query;
      const pair = q.pair?.toUpperCase().split(',') as [string, string] | undefined;
      if (pair && pair[0] === pair[1]) throw badRequest('pair', 'names the same actor twice');
      const asOf = q.asOf ?? today();
      const filter = { author: q.author, source: q.source, pair, state: q.state, asOf };
      // Deriving the ledger reads every hypothetical relation; keep the answer per filter.
      const key = `forecasts:${JSON.stringify(filter)}`;
      const { forecasts, scores } = state.cached(key, () => {
        let forecasts: Forecast[];
        try {
          forecasts = listForecasts(state.db, filter);
        } catch (error) {
          throw asHttp(error, 'asOf');
        }
        return { forecasts, scores: forecastScores(forecasts) };
      });
      return {
        total: forecasts.length,
        limit: q.limit,
        offset: q.offset,
        asOf,
        items: forecasts.slice(q.offset, q.offset + q.limit),
        scores,
      };
    },
  );

  app.post<{ Params: { key: string }; Body: { outcome: Outcome; note?: string } }>(
    '/api/forecasts/:key/resolve',
    {
      onRequest: requireToken(options.token),
      schema: {
        tags: ['forecasts'],
        summary: 'Settle a forecast by hand (needs Authorization: Bearer TOKEN)',
        description:
          'The decision overrides automatic resolution and survives re-extraction; `void` takes the forecast out of the scores. Answers the forecast as it now stands.',
        security: [{ bearer: [] }],
        params: keyParams,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['outcome'],
          properties: {
            outcome: { type: 'string', enum: [...OUTCOMES] },
            note: {
              type: 'string',
              maxLength: MAX_NOTE,
              description: `why (at most ${MAX_NOTE} characters)`,
            },
          },
        },
        response: writeErrors,
      },
    },
    async (request) => {
      const { outcome, note } = request.body;
      let forecast: Forecast;
      try {
        forecast = resolveForecast(state.db, request.params.key, outcome, note).forecast;
      } catch (error) {
        throw asHttp(error, 'key');
      }
      state.invalidate();
      return forecast;
    },
  );

  app.delete<{ Params: { key: string } }>(
    '/api/forecasts/:key/resolution',
    {
      onRequest: requireToken(options.token),
      schema: {
        tags: ['forecasts'],
        summary:
          'Remove a decision by hand, so the evidence decides again (needs Authorization: Bearer TOKEN)',
        description:
          'Answers the forecast as it now stands; 404 when the key is unknown or the forecast has no decision by hand.',
        security: [{ bearer: [] }],
        params: keyParams,
        response: writeErrors,
      },
    },
    async (request) => {
      let forecast: Forecast;
      try {
        forecast = unresolveForecast(state.db, request.params.key);
      } catch (error) {
        throw asHttp(error, 'key');
      }
      state.invalidate();
      return forecast;
    },
  );
}
