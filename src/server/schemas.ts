/**
 * JSON-schema pieces the routes share. Fastify validates requests with
 * them (the 400 answer names the field) and @fastify/swagger turns them
 * into the OpenAPI description at /api/openapi.json.
 */
import { MODALITIES, RELATION_KINDS } from '../domain/relation.js';
import { badRequest } from './errors.js';

export const MAX_LIMIT = 500;
export const DEFAULT_LIMIT = 50;

export const DATE_PATTERN = '^\\d{4}(-\\d{2}(-\\d{2})?)?$';

export const date = (description: string) =>
  ({ type: 'string', pattern: DATE_PATTERN, description }) as const;

export const page = {
  limit: {
    type: 'integer',
    minimum: 1,
    maximum: MAX_LIMIT,
    default: DEFAULT_LIMIT,
    description: `at most this many items (≤ ${MAX_LIMIT})`,
  },
  offset: { type: 'integer', minimum: 0, default: 0, description: 'skip this many items' },
} as const;

export interface Page {
  limit: number;
  offset: number;
}

/** The evidence settings every network-shaped query takes. */
export const evidenceQuery = {
  knownAt: date('only what had been published by this date'),
  layer: {
    type: 'string',
    enum: ['observed', 'expected', 'merged'],
    default: 'observed',
    description: 'observed relations, the expected (hypothetical) layer, or both',
  },
  halfLife: {
    type: 'number',
    exclusiveMinimum: 0,
    maximum: 100_000,
    description: 'recency decay in days (default 365)',
  },
} as const;

export const windowQuery = {
  at: date('the network as it stood at this date (YYYY, YYYY-MM or YYYY-MM-DD)'),
  from: date('start of a window'),
  to: date('end of a window'),
  ...evidenceQuery,
  modality: {
    type: 'string',
    enum: [...MODALITIES],
    description: 'only relations of this modality',
  },
  kind: { type: 'string', enum: [...RELATION_KINDS], description: 'only relations of this kind' },
} as const;

export interface WindowQuery {
  at?: string;
  from?: string;
  to?: string;
  knownAt?: string;
  layer?: 'observed' | 'expected' | 'merged';
  halfLife?: number;
  modality?: string;
  kind?: string;
}

export function checkWindow(q: WindowQuery): void {
  if (q.at && (q.from || q.to))
    throw badRequest(q.from ? 'from' : 'to', 'cannot be combined with at');
  if (q.from && q.to && q.from > q.to)
    throw badRequest('to', `"${q.to}" is before from "${q.from}"`);
}

export const relationFilterQuery = {
  actor: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,40}$', description: 'an actor id, e.g. PAK' },
  pair: {
    type: 'string',
    pattern: '^[A-Za-z0-9_-]{1,40},[A-Za-z0-9_-]{1,40}$',
    description: 'two actor ids, either direction, e.g. PAK,TAL',
  },
  from: date('relations holding on or after this date'),
  to: date('relations holding on or before this date'),
  modality: { type: 'string', enum: [...MODALITIES] },
  kind: { type: 'string', enum: [...RELATION_KINDS] },
  polarity: { type: 'integer', enum: [1, -1] },
  q: { type: 'string', minLength: 1, maxLength: 200, description: 'words in the quote' },
  withDuplicates: { type: 'boolean', default: false },
} as const;

export const errorResponse = {
  type: 'object',
  properties: {
    statusCode: { type: 'integer' },
    error: { type: 'string' },
    message: { type: 'string' },
    field: { type: 'string', description: 'the parameter at fault' },
  },
} as const;
