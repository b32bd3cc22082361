/**
 * Writes (each needs the token: Authorization: Bearer TOKEN).
 *   POST /api/ingest?name=FILE      the body is the file itself (text/plain,
 *     text/markdown, text/html or application/octet-stream; the name's ending
 *     decides how it is read), at most `maxUploadBytes` (413 beyond);
 *   POST /api/ingest/url {"url"}    fetches one web page (http/https; robots.txt
 *     and the private-address guard of src/sources apply) and stores it.
 */
import type { FastifyInstance } from 'fastify';
import { requireToken } from '../auth.js';
import { errorBody } from '../errors.js';
import { ingestUpload, ingestUrl, uploadMediaType } from '../ingest-upload.js';
import { errorResponse } from '../schemas.js';
import type { ServerState } from '../state.js';

export const UPLOAD_TYPES = [
  'text/plain',
  'text/markdown',
  'text/html',
  'application/octet-stream',
];

export interface IngestRouteOptions {
  token: string;
  maxUploadBytes: number;
  /** For tests: ranges URL ingest may reach despite the private-network guard. */
  allowRanges?: string[];
}

const writeErrors = {
  400: errorResponse,
  401: errorResponse,
  413: errorResponse,
  415: errorResponse,
} as const;

export async function ingestRoutes(
  app: FastifyInstance,
  state: ServerState,
  options: IngestRouteOptions,
): Promise<void> {
  // Raw bodies for the upload route only (an encapsulated plugin keeps the parsers here).
  await app.register(async (scope) => {
    scope.removeContentTypeParser('text/plain');
    scope.addContentTypeParser(
      UPLOAD_TYPES,
      { parseAs: 'buffer', bodyLimit: options.maxUploadBytes },
      (_request, body, done) => done(null, body),
    );
    scope.post<{ Querystring: { name: string }; Body: Buffer }>(
      '/api/ingest',
      {
        onRequest: requireToken(options.token),
        bodyLimit: options.maxUploadBytes,
        schema: {
          tags: ['ingest'],
          summary: 'Ingest an uploaded file (needs Authorization: Bearer TOKEN)',
          description: `The request body is the file, sent as ${UPLOAD_TYPES.join(', ')}; at most ${options.maxUploadBytes} bytes.`,
          security: [{ bearer: [] }],
          querystring: {
            type: 'object',
            additionalProperties: false,
            required: ['name'],
            properties: {
              name: {
                type: 'string',
                pattern: '^[\\w.-]{1,120}$',
                description: 'the file name (.txt, .md, .html) the document is known by',
              },
            },
          },
          response: writeErrors,
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) {
          return reply
            .code(415)
            .send(
              errorBody(
                415,
                `content-type: send the file as one of ${UPLOAD_TYPES.join(', ')}`,
                'content-type',
              ),
            );
        }
        const name = request.query.name;
        const result = await ingestUpload(
          state,
          name,
          new Uint8Array(request.body),
          uploadMediaType(name, request.headers['content-type']),
        );
        return reply.code(result.summary.new > 0 ? 201 : 200).send(result);
      },
    );
  });

  app.post<{ Body: { url: string } }>(
    '/api/ingest/url',
    {
      onRequest: requireToken(options.token),
      schema: {
        tags: ['ingest'],
        summary: 'Fetch one web page and ingest it (needs Authorization: Bearer TOKEN)',
        security: [{ bearer: [] }],
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['url'],
          properties: {
            url: {
              type: 'string',
              pattern: '^https?://',
              maxLength: 2000,
              description: 'http(s) address',
            },
          },
        },
        response: writeErrors,
      },
    },
    async (request, reply) => {
      const result = await ingestUrl(state, request.body.url, {
        allowRanges: options.allowRanges,
        maxBytes: options.maxUploadBytes,
      });
      return reply.code(result.summary.new > 0 ? 201 : 200).send(result);
    },
  );
}
