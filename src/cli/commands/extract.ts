import type { Command } from 'commander';
import { type Io, printJson, type StoreOption, storePath, withStore } from '../context.js';
import { EXIT } from '../exit-codes.js';

export interface KnowledgeOptions {
  actors?: string;
  lexicon?: string;
}

export interface ExtractOptions extends StoreOption, KnowledgeOptions {
  all?: boolean;
  json?: boolean;
}

/** The knowledge base and lexicon, with the user's files when given. */
export async function loadKnowledge(options: KnowledgeOptions) {
  const { loadKnowledgeBase } = await import('../../knowledge/actors.js');
  const { loadLexicon } = await import('../../knowledge/lexicon.js');
  return { kb: loadKnowledgeBase(options.actors), lexicon: loadLexicon(options.lexicon) };
}

export async function runExtract(options: ExtractOptions, io: Io): Promise<number> {
  const { kb, lexicon } = await loadKnowledge(options);
  const { extractStore } = await import('../../extract/run.js');
  const summary = await withStore(storePath(options, io), (_store, db) =>
    extractStore(db, kb, lexicon, { all: options.all }),
  );
  if (options.json) printJson(io, summary);
  else io.out(formatExtractSummary(summary));
  return EXIT.ok;
}

export function formatExtractSummary(s: import('../../extract/run.js').ExtractSummary): string {
  const skipped = Object.entries(s.skippedLanguages)
    .map(([l, n]) => `${l} ${n}`)
    .join(', ');
  return [
    `extracted ${s.extracted} document(s): ${s.mentions} actor mentions, ${s.relations} relations (${s.seconds.toFixed(1)} s)`,
    ...(s.skipped
      ? [`  skipped ${s.skipped} in languages the extractor does not read (${skipped})`]
      : []),
    ...(s.documents === 0 ? ['  everything was already up to date (use --all to redo it)'] : []),
  ].join('\n');
}

export function addKnowledgeOptions(command: Command): Command {
  return command
    .option(
      '--actors <file>',
      'a YAML file of actors and people that adds to or overrides the built-in knowledge base',
    )
    .option('--lexicon <file>', 'a YAML relation lexicon to use instead of the built-in one');
}

export function registerExtract(program: Command, io: Io, setExit: (code: number) => void): void {
  addKnowledgeOptions(
    program
      .command('extract')
      .description('(re)extract actors and relations from the stored documents that need it')
      .option(
        '--all',
        'redo every document, not only those extracted with another knowledge base or lexicon',
      )
      .option('--json', 'print the summary as JSON'),
  ).action(async (options: ExtractOptions, command: Command) => {
    setExit(await runExtract({ ...command.optsWithGlobals(), ...options }, io));
  });
}
