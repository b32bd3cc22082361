/**
 * GET /api/balance — structural balance of the network at a date or over a
 * window: the frustration index (exact by integer programming where the
 * solver finishes in time), the two blocs with their capability shares, the
 * triad census and the heaviest unbalanced triads with their edges, so the
 * app can open the evidence of each.
 */
import type { FastifyInstance } from 'fastify';
import { analyseBalance, signedGraph } from '../../network/balance/index.js';
import { powerShares } from '../../network/power.js';
import { describeNode, referenceDate } from '../describe.js';
import { errorResponse, windowQuery, type WindowQuery } from '../schemas.js';
import type { ServerState } from '../state.js';
import { cachedNetwork, filterOf, networkKey, networkOptions } from './network.js';

export const BALANCE_LIMITS = { timeLimitSeconds: 3, maxTriads: 200 } as const;

export async function computeBalance(state: ServerState, q: WindowQuery, triads: number) {
  const options = networkOptions(q);
  const network = cachedNetwork(state, options, filterOf(q));
  const date = referenceDate(network.window);
  const weightOf = new Map(network.edges.map((e) => [`${e.source}\u0000${e.target}`, e]));
  const edgeOf = (x: string, y: string) =>
    weightOf.get(`${x}\u0000${y}`) ?? weightOf.get(`${y}\u0000${x}`);
  const analysis =
    network.edges.length === 0
      ? null
      : await analyseBalance(
          signedGraph({
            edges: network.edges.map((e) => ({ a: e.source, b: e.target, sign: e.sign })),
          }),
          { timeLimitSeconds: BALANCE_LIMITS.timeLimitSeconds, triadLimit: triads },
        );
  const partition: [string[], string[]] = analysis
    ? [[...analysis.partition[0]], [...analysis.partition[1]]]
    : [[], []];
  const power = powerShares(partition, state.capabilities.at(date));
  return {
    date,
    window: network.window,
    layer: network.layer,
    nodes: network.nodes.length,
    edges: network.edges.length,
    frustrationIndex: analysis?.frustrationIndex ?? 0,
    exact: analysis?.exact ?? true,
    lowerBound: analysis?.lowerBound ?? 0,
    blocs: power.blocs.map((b, i) => ({
      ...b,
      members: b.members.map((id) => describeNode(state, id, date)),
      index: i,
    })),
    herfindahl: power.herfindahl,
    effectiveBlocs: power.effectiveBlocs,
    powerFormula: power.formula,
    triads: analysis?.triads ?? null,
    unbalancedTriads: (analysis?.unbalancedTriads ?? []).map((t) => {
      const [a, b, c] = t.nodes;
      return {
        nodes: t.nodes,
        type: t.type,
        weight: t.weight,
        edges: (
          [
            [a, b],
            [a, c],
            [b, c],
          ] as const
        ).map(([x, y]) => {
          const e = edgeOf(x, y);
          return {
            source: e?.source ?? x,
            target: e?.target ?? y,
            sign: e?.sign ?? null,
            weight: e?.weight ?? null,
            relationCount: e?.relationCount ?? 0,
          };
        }),
      };
    }),
  };
}

export async function balanceRoutes(app: FastifyInstance, state: ServerState): Promise<void> {
  app.get<{ Querystring: WindowQuery & { triads: number } }>(
    '/api/balance',
    {
      schema: {
        tags: ['balance'],
        summary: 'Frustration index, the two blocs with power shares, the unbalanced triads',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            ...windowQuery,
            triads: {
              type: 'integer',
              minimum: 0,
              maximum: BALANCE_LIMITS.maxTriads,
              default: 25,
              description: 'list at most this many unbalanced triads (the heaviest)',
            },
          },
        },
        response: { 400: errorResponse },
      },
    },
    async (request) => {
      const q = request.query;
      const key = `balance:${q.triads}:${networkKey(networkOptions(q), filterOf(q))}`;
      return state.cached(key, () => computeBalance(state, q, q.triads));
    },
  );
}
