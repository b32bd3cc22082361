import type { Command } from 'commander';
import type { StoredDocument } from '../../domain/document.js';
import { type Io, printJson, type StoreOption, storePath, withStore } from '../context.js';
import { EXIT } from '../exit-codes.js';

export interface DocsOptions extends StoreOption {
  json?: boolean;
  language?: string;
  noDuplicates?: boolean;
  duplicates?: boolean;
}

export async function runDocs(options: DocsOptions, io: Io): Promise<number> {
  const docs = await withStore(storePath(options, io), (store) =>
    store.list({ language: options.language, includeDuplicates: options.duplicates !== false }),
  );
  if (options.json) printJson(io, docs.map(publicDocument));
  else io.out(formatTable(docs));
  return EXIT.ok;
}

/** The fields scripts rely on (see README), in a stable order. */
export function publicDocument(doc: StoredDocument) {
  return {
    id: doc.id,
    path: doc.path,
    file: doc.file,
    entry: doc.entry,
    title: doc.title,
    author: doc.author,
    date: doc.date,
    dateBasis: doc.dateBasis,
    source: doc.source,
    url: doc.url,
    language: doc.language,
    languageSupported: doc.languageSupported,
    duplicateOf: doc.duplicateOf,
    chars: doc.chars,
    notes: doc.notes,
    warnings: doc.warnings,
  };
}

function formatTable(docs: StoredDocument[]): string {
  if (docs.length === 0) return 'no documents (add some with `greatgame ingest PATH`)';
  const rows = docs.map((d) => [
    String(d.id),
    d.date ?? '-',
    d.language + (d.languageSupported ? '' : '*'),
    d.duplicateOf === null ? '' : `=${d.duplicateOf}`,
    d.entry === null ? d.file : `${d.file}#${d.entry}`,
    (d.title ?? '(untitled)').replace(/\s+/g, ' ').slice(0, 70),
  ]);
  const header = ['id', 'date', 'lang', 'dup', 'file', 'title'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ');
  const notes = docs.some((d) => !d.languageSupported)
    ? '\n* language not read by the extraction stages; stored and skipped'
    : '';
  return `${[line(header), ...rows.map(line)].join('\n')}\n${docs.length} document(s)${notes}`;
}

export function registerDocs(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('docs')
    .description('list the documents in the store')
    .option(
      '--json',
      'print a JSON array (id, path, file, entry, title, author, date, source, language, duplicateOf, chars…)',
    )
    .option('--language <code>', 'only documents in this language (ISO 639-1, e.g. en)')
    .option('--no-duplicates', 'leave out documents that copy an earlier one')
    .action(async (options: DocsOptions, command: Command) => {
      setExit(await runDocs({ ...command.optsWithGlobals(), ...options }, io));
    });
}
