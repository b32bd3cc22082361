/** GET /api/relations — relations with their quotes and offsets, filtered and paged. */
import type { FastifyInstance } from 'fastify';
import type { Modality, RelationKind } from '../../domain/relation.js';
import { badRequest } from '../errors.js';
import { queryRelations } from '../queries.js';
import { errorResponse, page, type Page, relationFilterQuery } from '../schemas.js';
import type { ServerState } from '../state.js';

export interface RelationsQuery extends Page {
  actor?: string;
  pair?: string;
  from?: string;
  to?: string;
  modality?: Modality;
  kind?: RelationKind;
  polarity?: 1 | -1;
  q?: string;
  withDuplicates?: boolean;
}

export async function relationRoutes(app: FastifyInstance, state: ServerState): Promise<void> {
  app.get<{ Querystring: RelationsQuery }>(
    '/api/relations',
    {
      schema: {
        tags: ['relations'],
        summary: 'Relations with their quotes and offsets into the clean text, by date',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { ...relationFilterQuery, ...page },
        },
        response: { 400: errorResponse },
      },
    },
    async (request) => {
      const q = request.query;
      const pair = q.pair?.toUpperCase().split(',') as [string, string] | undefined;
      if (pair && pair[0] === pair[1]) throw badRequest('pair', 'names the same actor twice');
      if (q.from && q.to && q.from > q.to)
        throw badRequest('to', `"${q.to}" is before from "${q.from}"`);
      const result = queryRelations(
        state.db,
        {
          actor: q.actor?.toUpperCase(),
          pair,
          from: q.from,
          to: q.to,
          modality: q.modality,
          kind: q.kind,
          polarity: q.polarity,
          q: q.q,
          withDuplicates: q.withDuplicates,
        },
        q,
      );
      return { ...result, limit: q.limit, offset: q.offset };
    },
  );
}
