/**
 * GET /api/timeline — the network window by window: what appeared,
 * disappeared, flipped, strengthened or weakened, and how the blocs moved.
 * The windows' full networks are left out (ask /api/network for one).
 */
import type { FastifyInstance } from 'fastify';
import { parseStep, timeline, timelineWindows } from '../../network/timeline.js';
import { badRequest } from '../errors.js';
import { date, errorResponse, evidenceQuery } from '../schemas.js';
import type { ServerState } from '../state.js';

/** Windows a request may ask for: each runs the balance solver. */
export const MAX_WINDOWS = 120;

interface TimelineQuery {
  step: string;
  from?: string;
  to?: string;
  knownAt?: string;
  layer?: 'observed' | 'expected' | 'merged';
  halfLife?: number;
  threshold?: number;
  span?: 'cumulative' | 'step';
}

export async function timelineRoutes(app: FastifyInstance, state: ServerState): Promise<void> {
  app.get<{ Querystring: TimelineQuery }>(
    '/api/timeline',
    {
      schema: {
        tags: ['timeline'],
        summary: 'Window by window: edges that appeared, disappeared, flipped; blocs that moved',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            step: {
              type: 'string',
              pattern: '^\\d{1,3}(mo|y)$',
              default: '6mo',
              description: 'window length: 3mo, 6mo, 1y…',
            },
            from: date('start of the first window (default: the earliest relation date)'),
            to: date('no window ends after this (default: the latest relation date)'),
            ...evidenceQuery,
            threshold: { type: 'number', minimum: 0, maximum: 2, default: 0.2 },
            span: { type: 'string', enum: ['cumulative', 'step'], default: 'cumulative' },
          },
        },
        response: { 400: errorResponse },
      },
    },
    async (request) => {
      const q = request.query;
      parseStep(q.step);
      const { first, last } = state.evidenceSpan();
      const from = q.from ?? first;
      const to = q.to ?? last;
      if (!from || !to) return { from: null, to: null, step: q.step, windows: [] };
      if (from > to) throw badRequest('to', `"${to}" is before from "${from}"`);
      const count = timelineWindows(from, to, q.step, q.to === undefined).length;
      if (count > MAX_WINDOWS)
        throw badRequest('step', `"${q.step}" makes ${count} windows; at most ${MAX_WINDOWS}`);
      const key = `timeline:${JSON.stringify([q, from, to])}`;
      return state.cached(key, async () => {
        const t = await timeline(state.evidence().relations, {
          from,
          to,
          step: q.step,
          knownAt: q.knownAt,
          layer: q.layer,
          halfLifeDays: q.halfLife,
          threshold: q.threshold,
          span: q.span,
          partialLast: q.to === undefined,
          timeLimitSeconds: 1,
        });
        return {
          ...t,
          windows: t.windows.map(({ network, ...w }) => ({
            ...w,
            nodes: network.nodes.length,
            edges: network.edges.length,
          })),
        };
      });
    },
  );
}
