/**
 * GET /api/documents — the stored documents (metadata, paged);
 * GET /api/documents/:id — one document's clean text and the relations
 * found in it, with offsets so a client can highlight each quote.
 */
import type { FastifyInstance } from 'fastify';
import { publicDocument } from '../../cli/commands/docs.js';
import { NotFoundError } from '../../domain/errors.js';
import { notFound } from '../errors.js';
import { queryRelations } from '../queries.js';
import { errorResponse, page, type Page } from '../schemas.js';
import type { ServerState } from '../state.js';

/** Relations listed with a document: enough for any real article. */
export const MAX_DOCUMENT_RELATIONS = 2000;

export async function documentRoutes(app: FastifyInstance, state: ServerState): Promise<void> {
  app.get<{ Querystring: Page & { language?: string; duplicates: boolean } }>(
    '/api/documents',
    {
      schema: {
        tags: ['documents'],
        summary: 'The stored documents, by id',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            ...page,
            language: { type: 'string', pattern: '^[a-z]{2,3}$' },
            duplicates: { type: 'boolean', default: true, description: 'include near copies' },
          },
        },
        response: { 400: errorResponse },
      },
    },
    async (request) => {
      const q = request.query;
      const all = state.documents.list({ language: q.language, includeDuplicates: q.duplicates });
      return {
        total: all.length,
        limit: q.limit,
        offset: q.offset,
        items: all.slice(q.offset, q.offset + q.limit).map(publicDocument),
      };
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/documents/:id',
    {
      schema: {
        tags: ['documents'],
        summary: 'One document: metadata, clean text, and the relations found in it',
        params: {
          type: 'object',
          required: ['id'],
          properties: { id: { type: 'integer', minimum: 1 } },
        },
        response: { 400: errorResponse, 404: errorResponse },
      },
    },
    async (request) => {
      let doc;
      try {
        doc = state.documents.get(String(request.params.id));
      } catch (error) {
        if (error instanceof NotFoundError)
          throw notFound('id', `id: no document ${request.params.id}`);
        throw error;
      }
      if (doc.id !== request.params.id)
        throw notFound('id', `id: no document ${request.params.id}`);
      const relations = queryRelations(
        state.db,
        { documentId: doc.id, withDuplicates: true },
        { limit: MAX_DOCUMENT_RELATIONS, offset: 0 },
        'document',
      );
      return {
        ...publicDocument(doc),
        text: doc.text,
        relations: relations.items,
        relationTotal: relations.total,
      };
    },
  );
}
