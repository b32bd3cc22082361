/**
 * The HTTP server: the JSON API under /api/ (validated by JSON schemas,
 * described at /api/openapi.json) and the web app at /, in one Fastify
 * instance. `buildServer` makes it without listening, for tests (inject)
 * and for `greatgame serve`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { PACKAGE_ROOT } from '../config/paths.js';
import { installErrorHandler } from './errors.js';
import { registerRoutes } from './routes/index.js';
import { installSecurityHeaders } from './security.js';
import { ServerState } from './state.js';

export const SERVER_DEFAULTS = {
  host: '127.0.0.1',
  port: 8750,
  /** JSON and other bodies, except uploads. */
  bodyLimit: 64 * 1024,
  /** Uploads to POST /api/ingest. */
  maxUploadBytes: 10 * 1024 * 1024,
  webRoot: path.join(PACKAGE_ROOT, 'dist', 'web'),
} as const;

export interface ServerOptions {
  store: string;
  token: string;
  maxUploadBytes?: number;
  /** Where the built web app is (default dist/web); absent → / explains how to build it. */
  webRoot?: string;
  logger?: boolean;
  /** For tests: address ranges URL ingest may fetch from despite the private-network guard. */
  allowRanges?: string[];
  /** Read and index the store's evidence now rather than on the first request. */
  preload?: boolean;
  /** Compute the slider's month-end networks in the background after start and after writes. */
  precompute?: boolean;
}

export interface GreatgameServer {
  app: FastifyInstance;
  state: ServerState;
  /** Resolves when the background precomputation after start has finished (at once without it). */
  precomputed: Promise<number>;
}

/**
 * Reads and indexes the evidence, then runs the request path a few times
 * (routing, validation, the network code, serialisation) so the first real
 * requests do not pay for compiling it. Only the latest month's network is
 * left in the cache — the one the app opens on.
 */
async function warmUp(app: FastifyInstance, state: ServerState): Promise<void> {
  const index = state.evidence();
  const last = state.evidenceSpan().last?.slice(0, 7);
  for (let k = 0; k < 5; k++) index.build(last ? { at: last } : {}, false);
  for (let k = 0; k < 20; k++) {
    await app.inject('/api/meta');
    await app.inject(`/api/network${last ? `?at=${last}` : ''}`);
  }
}

export async function buildServer(options: ServerOptions): Promise<GreatgameServer> {
  const state = new ServerState(options.store);
  const app = Fastify({
    logger: options.logger ? { level: 'info' } : false,
    bodyLimit: SERVER_DEFAULTS.bodyLimit,
    ajv: { customOptions: { allErrors: false, removeAdditional: false, coerceTypes: 'array' } },
  });
  app.addHook('onClose', async () => state.close());
  installErrorHandler(app);
  installSecurityHeaders(app);

  const { default: swagger } = await import('@fastify/swagger');
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'greatgame API',
        version: '1',
        description:
          'Documents, actors, relations with quotes and offsets, the signed network at a date, its balance and timeline. Errors are JSON with `field` naming the parameter at fault. Writes need `Authorization: Bearer TOKEN`.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(async (api) => {
    await registerRoutes(api, state, {
      token: options.token,
      maxUploadBytes: options.maxUploadBytes ?? SERVER_DEFAULTS.maxUploadBytes,
      allowRanges: options.allowRanges,
    });
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const webRoot = options.webRoot ?? SERVER_DEFAULTS.webRoot;
  if (existsSync(path.join(webRoot, 'index.html'))) {
    const { default: fastifyStatic } = await import('@fastify/static');
    await app.register(fastifyStatic, { root: webRoot, prefix: '/', index: ['index.html'] });
  } else {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send(`The web app is not built (${webRoot}); run \`npm run build\`. The API is at /api/.`),
    );
  }
  let closed = false;
  app.addHook('onClose', async () => {
    closed = true;
  });
  await app.ready();
  if (options.preload) await warmUp(app, state);
  let precomputed = Promise.resolve(0);
  if (options.precompute) {
    const { precomputeMonths } = await import('./precompute.js');
    const run = () => precomputeMonths(state, () => closed);
    precomputed = run();
    state.onInvalidate = () => void run();
  }
  return { app, state, precomputed };
}
