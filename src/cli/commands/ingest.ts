import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { UsageError } from '../../domain/errors.js';
import type { IngestSummary } from '../../ingest/run.js';
import { formatBytes } from '../../sources/files.js';
import { isHttpUrl } from '../../sources/live.js';
import type { Db } from '../../store/database.js';
import type { DocumentStore } from '../../store/documents.js';
import { type Io, printJson, type StoreOption, storePath, withStore } from '../context.js';
import { EXIT } from '../exit-codes.js';
import {
  addKnowledgeOptions,
  formatExtractSummary,
  type KnowledgeOptions,
  loadKnowledge,
} from './extract.js';

export interface IngestCommandOptions extends StoreOption, KnowledgeOptions {
  manifest?: string;
  json?: boolean;
  maxSize?: string;
  /** commander's --no-extract */
  extract?: boolean;
  allowPrivateAddresses?: boolean;
}

/** Runs an ingest and prints its report; returns the exit code. */
export async function runIngest(
  paths: string[],
  options: IngestCommandOptions,
  io: Io,
): Promise<number> {
  if (paths.length === 0) throw new UsageError('ingest needs at least one file, folder or URL');
  // http(s) addresses are fetched; everything else is a file or folder.
  const urls = paths.filter((p) => isHttpUrl(p));
  const files = paths.filter((p) => !isHttpUrl(p));
  const maxBytes = options.maxSize ? parseSize(options.maxSize) : undefined;
  // Loaded on demand: the pipeline's libraries (HTML, dates, language) cost
  // half a second to import, which commands that only read the store skip.
  const { loadManifest } = await import('../../ingest/manifest.js');
  const { ingestPaths } = await import('../../ingest/run.js');
  const manifest = options.manifest ? loadManifest(options.manifest) : undefined;
  const knowledge = options.extract === false ? undefined : await loadKnowledge(options);
  const { extractStore } = await import('../../extract/run.js');
  const { summary, extraction } = await withStore(storePath(options, io), async (store, db) => {
    const bar =
      io.interactive && !options.json
        ? new cliProgress.SingleBar(
            {
              format: 'ingest [{bar}] {value}/{total} {file}',
              stream: process.stderr,
              hideCursor: true,
            },
            cliProgress.Presets.shades_classic,
          )
        : undefined;
    let started = false;
    let summary: IngestSummary;
    try {
      summary = await ingestPaths(store, files, {
        manifest,
        maxBytes,
        onProgress: (done, total, location) => {
          if (!bar) return;
          if (!started) {
            bar.start(total, 0, { file: '' });
            started = true;
          }
          bar.update(done, { file: path.basename(location) });
        },
      });
    } finally {
      bar?.stop();
    }
    if (urls.length > 0) await ingestFetched(store, db, urls, summary, options, io);
    // Extraction runs over whatever in the store is out of date: the new
    // documents, and older ones if the knowledge base or lexicon changed.
    const extraction = knowledge ? extractStore(db, knowledge.kb, knowledge.lexicon) : undefined;
    return { summary, extraction };
  });
  reportIngest(summary, options, io, extraction);
  return summary.failed > 0 ? EXIT.partial : EXIT.ok;
}

/** The URLs of an ingest, fetched with the live sources' client; adds to `summary`. */
async function ingestFetched(
  store: DocumentStore,
  db: Db,
  urls: string[],
  summary: IngestSummary,
  options: IngestCommandOptions,
  io: Io,
): Promise<void> {
  const { clientFor } = await import('../../sources/registry.js');
  const { ingestUrls } = await import('../../sources/web-page.js');
  const { SourceStore } = await import('../../store/sources.js');
  const { languageDetector } = await import('../../ingest/language.js');
  const client = clientFor(options, io.env, {
    maxBytes: options.maxSize ? parseSize(options.maxSize) : undefined,
  });
  try {
    await ingestUrls(
      {
        documents: store,
        sources: new SourceStore(db),
        client,
        detect: await languageDetector(),
        summary,
      },
      urls,
    );
  } finally {
    await client.close();
  }
}

export function reportIngest(
  summary: IngestSummary,
  options: { json?: boolean },
  io: Io,
  extraction?: import('../../extract/run.js').ExtractSummary,
): void {
  for (const failure of summary.failures) io.err(`error: ${failure.location}: ${failure.reason}`);
  for (const warning of summary.warnings)
    io.err(`warning: ${warning.location}: ${warning.message}`);
  if (options.json) {
    printJson(io, extraction ? { ...summary, extraction } : summary);
    return;
  }
  const languages = Object.entries(summary.byLanguage)
    .sort((a, b) => b[1] - a[1])
    .map(([lang, n]) => `${lang} ${n}`)
    .join(', ');
  io.out(
    [
      `ingested ${summary.inputs} input(s), ${formatBytes(summary.bytes)}:`,
      `  new ${summary.new}, updated ${summary.updated}, unchanged ${summary.unchanged}, duplicate ${summary.duplicates}, failed ${summary.failed}`,
      `  by language: ${languages || '(none)'}`,
      ...(summary.ignored ? [`  ignored ${summary.ignored} file(s) of other types`] : []),
      ...(extraction ? [formatExtractSummary(extraction)] : []),
    ].join('\n'),
  );
}

/** "10MB", "512k", "2000000" → bytes. */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(text.trim());
  if (!m) throw new UsageError(`--max-size: "${text}" is not a size (e.g. 10MB, 512KB, 2000000)`);
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(m[2] ?? '').toLowerCase()] ?? 1;
  return Math.round(Number(m[1]) * unit);
}

export function registerIngest(program: Command, io: Io, setExit: (code: number) => void): void {
  const command = program
    .command('ingest')
    .description(
      'read files, folders (.txt, .md, .html) and web pages (http/https URLs) into the store',
    )
    .argument(
      '<paths...>',
      'files or folders to read (folders are walked recursively), or URLs of pages to fetch',
    )
    .option(
      '--manifest <file>',
      'JSONL or CSV with a "file" key and optional date, source, author, url, title',
    )
    .option('--max-size <size>', 'refuse files larger than this (default 10MB)')
    .option('--json', 'print the summary as JSON')
    .option(
      '--allow-private-addresses',
      'let URLs reach loopback and private addresses (also GREATGAME_ALLOW_PRIVATE=1)',
    )
    .option(
      '--no-extract',
      'only store the documents; extract relations later with `greatgame extract`',
    )
    .addHelpText(
      'after',
      '\nRe-running the same ingest changes nothing; changed files are updated in place.\nExit code 1 when any input failed (each is named on stderr).',
    );
  addKnowledgeOptions(command).action(
    async (paths: string[], options: IngestCommandOptions, command: Command) => {
      setExit(await runIngest(paths, { ...command.optsWithGlobals(), ...options }, io));
    },
  );
}
