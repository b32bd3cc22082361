/**
 * GET /api/actors — the knowledge base's actors with their type, capability
 * at a date and how many relations name them; GET /api/actors/:id — one
 * actor's relations over time (per year, per partner).
 */
import type { FastifyInstance } from 'fastify';
import { describeNode } from '../describe.js';
import { notFound } from '../errors.js';
import { actorPartners, actorYears, relationCounts } from '../queries.js';
import { date, errorResponse, page, type Page } from '../schemas.js';
import type { ServerState } from '../state.js';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export async function actorRoutes(app: FastifyInstance, state: ServerState): Promise<void> {
  app.get<{ Querystring: Page & { at?: string; q?: string; withRelations: boolean } }>(
    '/api/actors',
    {
      schema: {
        tags: ['actors'],
        summary: 'Actors of the knowledge base, with capability and relation counts',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            ...page,
            at: date('capability figures for this date (default today)'),
            q: { type: 'string', minLength: 1, maxLength: 100, description: 'in the id or name' },
            withRelations: {
              type: 'boolean',
              default: false,
              description: 'only actors that some relation names',
            },
          },
        },
        response: { 400: errorResponse },
      },
    },
    async (request) => {
      const q = request.query;
      const counts = state.cached('actor-counts', () => relationCounts(state.db));
      const needle = q.q?.toLowerCase();
      const all = [...state.kb.actors.values()]
        .filter((a) => !q.withRelations || (counts.get(a.id) ?? 0) > 0)
        .filter(
          (a) =>
            !needle || a.id.toLowerCase().includes(needle) || a.name.toLowerCase().includes(needle),
        )
        .sort((x, y) => x.id.localeCompare(y.id));
      return {
        total: all.length,
        limit: q.limit,
        offset: q.offset,
        items: all.slice(q.offset, q.offset + q.limit).map((a) => ({
          ...describeNode(state, a.id, q.at ?? today()),
          relations: counts.get(a.id) ?? 0,
        })),
      };
    },
  );

  app.get<{ Params: { id: string }; Querystring: { at?: string } }>(
    '/api/actors/:id',
    {
      schema: {
        tags: ['actors'],
        summary: 'One actor: its relations per year and per partner',
        params: {
          type: 'object',
          required: ['id'],
          properties: { id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,40}$' } },
        },
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { at: date('capability figure for this date (default today)') },
        },
        response: { 400: errorResponse, 404: errorResponse },
      },
    },
    async (request) => {
      const id = request.params.id.toUpperCase();
      const actor = state.kb.actors.get(id);
      const years = actorYears(state.db, id);
      if (!actor && years.length === 0) throw notFound('id', `id: no actor ${id}`);
      return {
        ...describeNode(state, id, request.query.at ?? today()),
        notes: actor?.notes ?? null,
        years,
        partners: actorPartners(state.db, id).map((p) => ({
          ...p,
          name: state.kb.actors.get(p.id)?.name ?? p.id,
        })),
      };
    },
  );
}
