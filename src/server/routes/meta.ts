/** GET /api/meta — what the app needs to start: counts, the span of dates, the vocabularies. */
import type { FastifyInstance } from 'fastify';
import { MODALITIES, RELATION_KINDS, COOPERATIVE_KINDS } from '../../domain/relation.js';
import { denseStart } from '../precompute.js';
import type { ServerState } from '../state.js';

export async function metaRoutes(app: FastifyInstance, state: ServerState): Promise<void> {
  app.get(
    '/api/meta',
    { schema: { tags: ['meta'], summary: 'Counts, date span, vocabularies' } },
    async () =>
      state.cached('meta', () => {
        const counts = state.documents.counts();
        const { first, last } = state.evidenceSpan();
        return {
          documents: counts.documents,
          duplicates: counts.duplicates,
          relations: state.evidence().size,
          span: { first: first ?? null, last: last ?? null, dense: denseStart(state) },
          modalities: MODALITIES,
          kinds: RELATION_KINDS,
          cooperativeKinds: COOPERATIVE_KINDS,
          layers: ['observed', 'expected', 'merged'],
          writes: { auth: 'Authorization: Bearer TOKEN', endpoints: ['POST /api/ingest'] },
        };
      }),
  );
}
