/** GET /api/search — documents (title or text) and quotes that contain the words asked. */
import type { FastifyInstance } from 'fastify';
import { queryRelations, searchDocuments } from '../queries.js';
import { errorResponse } from '../schemas.js';
import type { ServerState } from '../state.js';

export const MAX_SEARCH = 100;

export async function searchRoutes(app: FastifyInstance, state: ServerState): Promise<void> {
  app.get<{ Querystring: { q: string; limit: number } }>(
    '/api/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Documents and quotes containing the text (case-insensitive for ASCII letters)',
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['q'],
          properties: {
            q: { type: 'string', minLength: 2, maxLength: 200 },
            limit: { type: 'integer', minimum: 1, maximum: MAX_SEARCH, default: 20 },
          },
        },
        response: { 400: errorResponse },
      },
    },
    async (request) => {
      const { q, limit } = request.query;
      const documents = searchDocuments(state.db, q, { limit, offset: 0 });
      const relations = queryRelations(state.db, { q }, { limit, offset: 0 });
      return { q, documents, relations };
    },
  );
}
