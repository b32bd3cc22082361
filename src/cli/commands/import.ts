import type { Command } from 'commander';
import { UsageError } from '../../domain/errors.js';
import { EVENT_FORMATS, type EventFormat } from '../../import/record.js';
import { type Io, printJson, type StoreOption, storePath, withStore } from '../context.js';
import { EXIT } from '../exit-codes.js';

export interface ImportCommandOptions extends StoreOption {
  format?: string;
  dataset?: string;
  json?: boolean;
}

export async function runImport(
  file: string,
  options: ImportCommandOptions,
  io: Io,
): Promise<number> {
  const format = options.format as EventFormat | undefined;
  if (!format || !EVENT_FORMATS.includes(format))
    throw new UsageError(
      `--format: "${options.format ?? ''}" is not one of ${EVENT_FORMATS.join(', ')}`,
    );
  if (options.dataset !== undefined && !/^[a-z][a-z0-9_-]{0,31}$/.test(options.dataset))
    throw new UsageError(
      `--dataset: "${options.dataset}" is not a short lower-case name (such as polecat)`,
    );
  if (options.dataset === 'extracted')
    throw new UsageError('--dataset: "extracted" names the relations greatgame extracts itself');
  const { importEvents } = await import('../../import/run.js');
  const summary = await withStore(storePath(options, io), (_s, db) =>
    importEvents(db, file, { format, dataset: options.dataset }),
  );
  for (const f of summary.failures) io.err(`${file}:${f.line}: ${f.field}: ${f.reason}`);
  if (summary.failed > summary.failures.length)
    io.err(`${file}: … and ${summary.failed - summary.failures.length} more rows failed`);
  if (options.json) printJson(io, summary);
  else {
    const names = summary.unresolvedNames
      .slice(0, 10)
      .map((n) => `${n.name} (${n.events})`)
      .join(', ');
    io.out(
      [
        `${summary.file} (${summary.dataset}): ${summary.read} rows read in ${summary.seconds.toFixed(1)} s`,
        `  imported ${summary.imported} (${summary.unsigned} without a sign), ${summary.duplicates} duplicates`,
        `  not stored: ${summary.unresolved} with an unresolved actor, ${summary.internal} within one actor, ${summary.oneSided} with one actor only`,
        ...(names ? [`  unresolved: ${names}`] : []),
        ...(summary.failed
          ? [`  failed: ${summary.failed} malformed rows (listed on stderr)`]
          : []),
      ].join('\n'),
    );
  }
  return summary.failed > 0 ? EXIT.partial : EXIT.ok;
}

export function registerImport(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('import')
    .description(
      'import machine-coded events (ICEWS, GDELT 2.0, PLOVER/POLECAT JSON lines) as relations of their own layer',
    )
    .argument('<file>', 'the event file')
    .requiredOption('--format <format>', `the file's format: ${EVENT_FORMATS.join(' | ')}`)
    .option('--dataset <name>', 'the layer to put them in (default: the format, e.g. icews)')
    .option(
      '--json',
      'print the counts: read, imported, unsigned, duplicates, unresolved (with unresolvedNames), failed, failures',
    )
    .action(async (file: string, options: ImportCommandOptions, command: Command) => {
      setExit(await runImport(file, { ...command.optsWithGlobals(), ...options }, io));
    });
}
