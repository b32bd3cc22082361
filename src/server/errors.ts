/**
 * Every 4xx and 5xx answer is JSON: `{statusCode, error, message, field?}`,
 * where `field` names the parameter at fault (`at`, `limit`, `body`,
 * `authorization`…) so a client can point at it.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { GreatgameError, NotFoundError, UsageError } from '../domain/errors.js';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly field: string | null,
    message: string,
  ) {
    super(message);
  }
}

export function badRequest(field: string, message: string): HttpError {
  return new HttpError(400, field, `${field}: ${message}`);
}

export function notFound(field: string | null, message: string): HttpError {
  return new HttpError(404, field, message);
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  field?: string;
}

export function errorBody(statusCode: number, message: string, field?: string | null): ErrorBody {
  return {
    statusCode,
    error: STATUS_TEXT[statusCode] ?? 'Error',
    message,
    ...(field ? { field } : {}),
  };
}

/** `--half-life: "x" is not…` (the CLI's wording, reused by the network code) → `halfLife`. */
function fieldOfUsage(message: string): string | null {
  const m = /^--([a-z-]+):/.exec(message);
  return m ? (m[1] ?? '').replace(/-([a-z])/g, (_s, c: string) => c.toUpperCase()) : null;
}

/** The field a schema validation error is about: `/limit` → limit, a missing one by name. */
function fieldOfValidation(error: FastifyError): string | null {
  const first = error.validation?.[0];
  if (!first) return null;
  const params = first.params as Record<string, unknown>;
  if (typeof params.missingProperty === 'string') return params.missingProperty;
  if (typeof params.additionalProperty === 'string') return params.additionalProperty;
  const path = first.instancePath.replace(/^\//, '').replace(/\//g, '.');
  return path || (error.validationContext === 'body' ? 'body' : null);
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) {
      return reply
        .code(error.statusCode)
        .send(errorBody(error.statusCode, error.message, error.field));
    }
    if (error.validation) {
      const field = fieldOfValidation(error);
      const detail = error.validation[0]?.message ?? 'is invalid';
      const where = error.validationContext ?? 'request';
      return reply
        .code(400)
        .send(errorBody(400, `${where} ${field ?? ''}: ${detail}`.replace(/ :/, ':'), field));
    }
    if (error instanceof UsageError) {
      return reply.code(400).send(errorBody(400, error.message, fieldOfUsage(error.message)));
    }
    if (error instanceof NotFoundError) return reply.code(404).send(errorBody(404, error.message));
    if (error instanceof GreatgameError) return reply.code(400).send(errorBody(400, error.message));
    const status = error.statusCode ?? 500;
    if (status === 413) {
      return reply
        .code(413)
        .send(
          errorBody(413, `body: larger than the limit of this endpoint (${error.message})`, 'body'),
        );
    }
    if (status === 415) {
      return reply.code(415).send(errorBody(415, error.message, 'content-type'));
    }
    if (status >= 400 && status < 500)
      return reply.code(status).send(errorBody(status, error.message));
    request.log.error(error);
    return reply.code(500).send(errorBody(500, 'internal error (see the server log)'));
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send(errorBody(404, `no route ${request.method} ${request.url.split('?')[0]}`));
  });
}
