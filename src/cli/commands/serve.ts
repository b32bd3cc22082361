import type { Command } from 'commander';
import { UsageError } from '../../domain/errors.js';
import { type Io, type StoreOption, storePath } from '../context.js';
import { EXIT } from '../exit-codes.js';

export interface ServeOptions extends StoreOption {
  port?: string;
  host?: string;
  maxUpload?: string;
  log?: boolean;
  /** False with --no-precompute. */
  precompute?: boolean;
}

/** Starts the server on `file` and resolves when it stops (SIGINT, SIGTERM). */
export async function serveStore(file: string, options: ServeOptions, io: Io): Promise<number> {
  const { buildServer, SERVER_DEFAULTS } = await import('../../server/app.js');
  const { writeToken } = await import('../../server/auth.js');
  const port = options.port === undefined ? SERVER_DEFAULTS.port : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port: "${options.port}" is not a port number (0–65535)`);
  const host = options.host ?? SERVER_DEFAULTS.host;
  const maxUploadBytes =
    options.maxUpload === undefined ? undefined : Number(options.maxUpload) * 1024 * 1024;
  if (maxUploadBytes !== undefined && !(maxUploadBytes > 0))
    throw new UsageError(`--max-upload: "${options.maxUpload}" is not a positive number of MiB`);
  const { token, fromEnv } = writeToken(io.env);
  const { app, precomputed } = await buildServer({
    store: file,
    token,
    maxUploadBytes,
    logger: options.log,
    preload: true,
    precompute: options.precompute !== false,
  });
  const address = await app.listen({ port, host });
  io.out(`greatgame serving ${file}`);
  io.out(`  app:      ${address}/`);
  io.out(`  API:      ${address}/api/  (described at ${address}/api/openapi.json)`);
  io.out(
    fromEnv
      ? '  writes:   Authorization: Bearer $GREATGAME_TOKEN'
      : `  writes:   Authorization: Bearer ${token}   (set GREATGAME_TOKEN to choose it)`,
  );
  if (options.precompute !== false) {
    const started = performance.now();
    void precomputed.then((count) =>
      io.out(
        `  ready:    the network at ${count} month ends computed in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      ),
    );
  }
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1')
    io.err(`warning: listening on ${host}: other machines can read the store`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void app.close().then(() => resolve());
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return EXIT.ok;
}

export function serveFlags(command: Command): Command {
  return command
    .option('--port <n>', 'port to listen on (default 8750; 0 picks a free one)')
    .option('--host <address>', 'address to bind (default 127.0.0.1: this machine only)')
    .option('--max-upload <MiB>', 'largest upload POST /api/ingest accepts (default 10)')
    .option('--log', 'log each request to stderr')
    .option('--no-precompute', 'do not compute the slider’s month-end networks in the background');
}

export function registerServe(program: Command, io: Io, setExit: (code: number) => void): void {
  serveFlags(
    program
      .command('serve')
      .description(
        'serve the web app and the JSON API on the store (127.0.0.1 only unless --host)',
      ),
  ).action(async (options: ServeOptions, command: Command) => {
    const all = { ...command.optsWithGlobals(), ...options } as ServeOptions;
    setExit(await serveStore(storePath(all, io), all, io));
  });
}
