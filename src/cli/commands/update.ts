import type { Command } from 'commander';
import type { IngestSummary } from '../../ingest/run.js';
import type { HttpClientOptions } from '../../sources/http/client.js';
import type { SourceReport } from '../../sources/poll.js';
import { type Io, printJson, type StoreOption, storePath, withStore } from '../context.js';
import { EXIT } from '../exit-codes.js';
import {
  addKnowledgeOptions,
  formatExtractSummary,
  type KnowledgeOptions,
  loadKnowledge,
} from './extract.js';

export interface UpdateOptions extends StoreOption, KnowledgeOptions {
  json?: boolean;
  watch?: string;
  allowPrivateAddresses?: boolean;
  /** commander's --no-extract */
  extract?: boolean;
}

export interface UpdateHooks {
  /** Stops the update (as Ctrl-C does); tests pass their own. */
  signal?: AbortSignal;
  client?: HttpClientOptions;
}

/**
 * Polls every followed source once, or every INTERVAL with --watch until
 * interrupted. Ctrl-C aborts the request in flight; every document already
 * committed stays, and the next run goes on from there.
 */
export async function runUpdate(
  options: UpdateOptions,
  io: Io,
  hooks: UpdateHooks = {},
): Promise<number> {
  const { clientFor, parseInterval } = await import('../../sources/registry.js');
  const interval = options.watch !== undefined ? parseInterval(options.watch) : null;
  const { pollSources } = await import('../../sources/poll.js');
  const { SourceStore } = await import('../../store/sources.js');
  const { emptySummary } = await import('../../ingest/run.js');
  const { languageDetector } = await import('../../ingest/language.js');
  const { realSleep } = await import('../../sources/http/rate-limit.js');
  const knowledge = options.extract === false ? undefined : await loadKnowledge(options);
  const { extractStore } = await import('../../extract/run.js');

  const controller = new AbortController();
  const stop = () => controller.abort(new Error('interrupted'));
  hooks.signal?.addEventListener('abort', stop, { once: true });
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const client = clientFor(options, io.env, hooks.client);
  let code: number = EXIT.ok;
  try {
    await withStore(storePath(options, io), async (documents, db) => {
      const sources = new SourceStore(db);
      const detect = await languageDetector();
      for (;;) {
        const followed = sources.list();
        if (followed.length === 0) {
          io.err(
            'no sources followed: add one with `greatgame follow feed URL` or `greatgame follow mastodon https://SERVER --tag NAME`',
          );
          return;
        }
        const summary = emptySummary();
        const reports = await pollSources(
          { documents, sources, client, detect, summary, signal: controller.signal },
          followed,
        );
        const extraction =
          knowledge && summary.new + summary.updated > 0
            ? extractStore(db, knowledge.kb, knowledge.lexicon)
            : undefined;
        const interrupted = controller.signal.aborted;
        report(reports, summary, options, io, interval !== null, extraction);
        if (!interrupted)
          code = summary.failed > 0 || reports.some((r) => r.error) ? EXIT.partial : EXIT.ok;
        if (interval === null || interrupted) break;
        try {
          await realSleep(interval, controller.signal);
        } catch {
          break; // interrupted while waiting: nothing in flight
        }
      }
      if (controller.signal.aborted && interval !== null)
        io.err('stopped; every stored document is kept');
    });
  } finally {
    process.removeListener('SIGINT', stop);
    process.removeListener('SIGTERM', stop);
    hooks.signal?.removeEventListener('abort', stop);
    await client.close();
  }
  return code;
}

function report(
  reports: SourceReport[],
  summary: IngestSummary,
  options: UpdateOptions,
  io: Io,
  watching: boolean,
  extraction?: import('../../extract/run.js').ExtractSummary,
): void {
  for (const failure of summary.failures) io.err(`error: ${failure.location}: ${failure.reason}`);
  for (const warning of summary.warnings)
    io.err(`warning: ${warning.location}: ${warning.message}`);
  const totals = {
    new: reports.reduce((n, r) => n + r.new, 0),
    unchanged: reports.reduce((n, r) => n + r.unchanged, 0),
    failed: reports.reduce((n, r) => n + r.failed, 0),
  };
  if (options.json) {
    const value = {
      at: new Date().toISOString(),
      sources: reports,
      totals,
      documents: {
        new: summary.new,
        updated: summary.updated,
        unchanged: summary.unchanged,
        duplicates: summary.duplicates,
        failed: summary.failed,
        byLanguage: summary.byLanguage,
      },
      failures: summary.failures,
      ...(extraction ? { extraction } : {}),
    };
    // Watching prints one JSON object a line, one line a poll.
    if (watching) io.out(JSON.stringify(value));
    else printJson(io, value);
    return;
  }
  const lines = reports.map(
    (r) =>
      `  ${r.id} ${r.kind} ${r.url}${r.tag ? ` #${r.tag}` : ''}: new ${r.new}, unchanged ${r.unchanged}, failed ${r.failed}` +
      (r.error ? `; ${r.error}` : ''),
  );
  io.out(
    [
      `${watching ? `${new Date().toISOString()} ` : ''}polled ${reports.length} source(s): new ${totals.new}, unchanged ${totals.unchanged}, failed ${totals.failed}`,
      ...lines,
      ...(extraction ? [formatExtractSummary(extraction)] : []),
    ].join('\n'),
  );
}

export function registerUpdate(program: Command, io: Io, setExit: (code: number) => void): void {
  const command = program
    .command('update')
    .description('poll every followed source once and store what is new')
    .option('--json', 'print per-source counts of new, unchanged and failed items as JSON')
    .option('--watch <interval>', 'keep polling every INTERVAL (30s, 10m, 1h) until Ctrl-C')
    .option(
      '--allow-private-addresses',
      'let fetches reach loopback and private addresses (also GREATGAME_ALLOW_PRIVATE=1)',
    )
    .option('--no-extract', 'only store the documents; extract relations later')
    .addHelpText(
      'after',
      '\nExit code 1 when any source or item failed (each is named on stderr).',
    );
  addKnowledgeOptions(command).action(async (options: UpdateOptions, command: Command) => {
    setExit(await runUpdate({ ...command.optsWithGlobals(), ...options }, io));
  });
}
