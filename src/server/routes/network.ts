/**
 * GET /api/network — the signed network at a date or over a window, with
 * node descriptions; GET /api/network/edge — one edge and every relation
 * behind it (paged). Networks are cached per query; evidence ids are left
 * out of the default answer to keep it small (`evidence=true` adds them).
 */
import type { FastifyInstance } from 'fastify';
import type { NetworkOptions } from '../../network/aggregate.js';
import type { IndexedNetwork } from '../network-index.js';
import { describeNode, referenceDate } from '../describe.js';
import { badRequest, notFound } from '../errors.js';
import { queryRelations } from '../queries.js';
import {
  checkWindow,
  errorResponse,
  page,
  type Page,
  windowQuery,
  type WindowQuery,
} from '../schemas.js';
import type { EvidenceFilter, ServerState } from '../state.js';

export function networkOptions(q: WindowQuery & { directed?: boolean }): NetworkOptions {
  checkWindow(q);
  return {
    at: q.at,
    from: q.from,
    to: q.to,
    knownAt: q.knownAt,
    layer: q.layer ?? 'observed',
    halfLifeDays: q.halfLife,
    directed: q.directed ?? false,
  };
}

export function networkKey(o: NetworkOptions, f: EvidenceFilter = {}): string {
  return JSON.stringify([
    o.at,
    o.from,
    o.to,
    o.knownAt,
    o.layer,
    o.halfLifeDays,
    o.directed,
    f.modality,
    f.kind,
  ]);
}

/**
 * The network for these options, from the cache when it was asked before;
 * the ids of the relations behind each edge only `withIds` (counts always).
 */
export function cachedNetwork(
  state: ServerState,
  options: NetworkOptions,
  filter: EvidenceFilter = {},
  withIds = false,
): IndexedNetwork {
  return state.cached(`network:${withIds}:${networkKey(options, filter)}`, () =>
    state.evidenceFor(filter).build(options, withIds),
  );
}

export function filterOf(q: WindowQuery): EvidenceFilter {
  return { modality: q.modality, kind: q.kind };
}

function networkBody(state: ServerState, network: IndexedNetwork, withEvidence: boolean) {
  const date = referenceDate(network.window);
  return {
    date,
    window: network.window,
    layer: network.layer,
    directed: network.directed,
    params: network.params,
    nodes: network.nodes.map((id) => describeNode(state, id, date)),
    edges: network.edges.map((e) => ({
      source: e.source,
      target: e.target,
      weight: e.weight,
      sign: e.sign,
      confidence: e.confidence,
      voices: e.voices,
      evidence: e.evidence,
      relationCount: e.relationCount,
      ...(withEvidence ? { relations: e.relations } : {}),
    })),
  };
}

/** The answer of GET /api/network, serialised and cached (as bytes): a warm request is a map lookup. */
export function networkJson(
  state: ServerState,
  options: NetworkOptions,
  filter: EvidenceFilter = {},
  evidence = false,
): Buffer {
  return state.cached(`network-json:${evidence}:${networkKey(options, filter)}`, () =>
    Buffer.from(
      JSON.stringify(networkBody(state, cachedNetwork(state, options, filter, evidence), evidence)),
    ),
  );
}

export async function networkRoutes(app: FastifyInstance, state: ServerState): Promise<void> {
  app.get<{ Querystring: WindowQuery & { directed?: boolean; evidence?: boolean } }>(
    '/api/network',
    {
      schema: {
        tags: ['network'],
        summary: 'The signed, weighted network at a date (at) or over a window (from/to)',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            ...windowQuery,
            directed: { type: 'boolean', default: false, description: 'one edge per ordered pair' },
            evidence: {
              type: 'boolean',
              default: false,
              description: 'list the ids of the relations behind each edge',
            },
          },
        },
        response: { 400: errorResponse },
      },
    },
    async (request, reply) => {
      const options = networkOptions(request.query);
      const evidence = request.query.evidence ?? false;
      const body = networkJson(state, options, filterOf(request.query), evidence);
      return reply.type('application/json; charset=utf-8').send(body);
    },
  );

  app.get<{
    Querystring: WindowQuery & { directed?: boolean; pair: string } & Page;
  }>(
    '/api/network/edge',
    {
      schema: {
        tags: ['network'],
        summary: 'One edge of the network and the relations behind it, with quotes and offsets',
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['pair'],
          properties: {
            ...windowQuery,
            directed: { type: 'boolean', default: false },
            pair: {
              type: 'string',
              pattern: '^[A-Za-z0-9_-]{1,40},[A-Za-z0-9_-]{1,40}$',
              description: 'the two actor ids, e.g. PAK,TAL',
            },
            ...page,
          },
        },
        response: { 400: errorResponse, 404: errorResponse },
      },
    },
    async (request) => {
      const q = request.query;
      const options = networkOptions(q);
      const [a, b] = q.pair.toUpperCase().split(',') as [string, string];
      if (a === b) throw badRequest('pair', 'names the same actor twice');
      const network = cachedNetwork(state, options, filterOf(q), true);
      const edge = network.edges.find((e) =>
        options.directed
          ? e.source === a && e.target === b
          : (e.source === a && e.target === b) || (e.source === b && e.target === a),
      );
      if (!edge) throw notFound('pair', `pair: no edge ${a}–${b} in this network`);
      const ids = edge.relations.slice(q.offset, q.offset + q.limit);
      const { items } = queryRelations(
        state.db,
        { ids, withDuplicates: true },
        {
          limit: q.limit,
          offset: 0,
        },
      );
      const date = referenceDate(network.window);
      return {
        date,
        window: network.window,
        layer: network.layer,
        edge: { ...edge, relations: undefined },
        nodes: [describeNode(state, edge.source, date), describeNode(state, edge.target, date)],
        total: edge.relations.length,
        limit: q.limit,
        offset: q.offset,
        items,
      };
    },
  );
}
