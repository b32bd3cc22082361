import type { Command } from 'commander';
import { type Io, printJson, type StoreOption, storePath, withStore } from '../context.js';
import { EXIT } from '../exit-codes.js';

interface SourcesOptions extends StoreOption {
  json?: boolean;
}

/** Lists followed sources with their last poll, counts and last error. */
export async function runSources(options: SourcesOptions, io: Io): Promise<number> {
  const { SourceStore } = await import('../../store/sources.js');
  const list = await withStore(storePath(options, io), (_store, db) => new SourceStore(db).list());
  // The token never leaves the store: only whether one is set.
  const rows = list.map((s) => ({
    id: s.id,
    kind: s.kind,
    url: s.url,
    tag: s.tag || null,
    token: s.token !== null,
    addedAt: s.addedAt,
    lastPollAt: s.lastPollAt,
    lastOkAt: s.lastOkAt,
    items: s.items,
    lastNew: s.lastNew,
    lastUnchanged: s.lastUnchanged,
    lastFailed: s.lastFailed,
    lastError: s.lastError,
  }));
  if (options.json) {
    printJson(io, rows);
    return EXIT.ok;
  }
  if (rows.length === 0) {
    io.out('no sources followed (see `greatgame follow --help`)');
    return EXIT.ok;
  }
  for (const r of rows) {
    io.out(
      [
        `${r.id}  ${r.kind}  ${r.url}${r.tag ? ` #${r.tag}` : ''}${r.token ? '  (token)' : ''}`,
        `    last poll ${r.lastPollAt ?? 'never'}: new ${r.lastNew}, unchanged ${r.lastUnchanged}, failed ${r.lastFailed}; ${r.items} item(s) in all`,
        ...(r.lastError ? [`    last error: ${r.lastError}`] : []),
      ].join('\n'),
    );
  }
  return EXIT.ok;
}

export function registerSources(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('sources')
    .description('list followed feeds and Mastodon tags: last poll, counts, last error')
    .option('--json', 'print the sources as JSON')
    .action(async (options: SourcesOptions, command: Command) => {
      setExit(await runSources({ ...command.optsWithGlobals(), ...options }, io));
    });
}
