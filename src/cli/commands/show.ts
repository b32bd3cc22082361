import type { Command } from 'commander';
import { type Io, printJson, type StoreOption, storePath, withStore } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { publicDocument } from './docs.js';

export interface ShowOptions extends StoreOption {
  raw?: boolean;
  json?: boolean;
}

export async function runShow(ref: string, options: ShowOptions, io: Io): Promise<number> {
  const doc = await withStore(storePath(options, io), (store) => store.get(ref));
  const decoded = new TextDecoder(doc.encoding)
    .decode(doc.raw)
    .replace(/\r\n?/g, '\n')
    .replace(/^\ufeff/, '');
  const rawEntry = decoded.slice(doc.rawStart, doc.rawEnd);
  if (options.json) {
    printJson(io, {
      ...publicDocument(doc),
      text: doc.text,
      offsetMap: doc.offsetMap,
      encoding: doc.encoding,
      ...(options.raw ? { raw: rawEntry } : {}),
    });
    return EXIT.ok;
  }
  if (options.raw) {
    io.out(rawEntry);
    return EXIT.ok;
  }
  const meta = [
    `id:        ${doc.id}${doc.duplicateOf === null ? '' : `  (duplicate of ${doc.duplicateOf})`}`,
    `path:      ${doc.path}`,
    `title:     ${doc.title ?? '-'}`,
    `author:    ${doc.author ?? '-'}`,
    `date:      ${doc.date ?? '-'}${doc.dateBasis ? ` (from ${doc.dateBasis})` : ''}`,
    `source:    ${doc.source ?? '-'}`,
    ...(doc.url ? [`url:       ${doc.url}`] : []),
    `language:  ${doc.language}${doc.languageSupported ? '' : ' (not read by later stages)'}`,
    ...Object.entries(doc.notes).map(([k, v]) => `note:      ${k}: ${v}`),
    ...doc.warnings.map((w) => `warning:   ${w}`),
  ];
  io.out(`${meta.join('\n')}\n\n${doc.text}`);
  return EXIT.ok;
}

export function registerShow(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('show')
    .description('print one document: metadata and clean text (or the original with --raw)')
    .argument('<doc>', 'document id, path, or file name (file#N for an entry of a split page)')
    .option('--raw', 'print the original text of the document instead of the clean text')
    .option('--json', 'print as JSON, with the offset map from clean to raw text')
    .action(async (ref: string, options: ShowOptions, command: Command) => {
      setExit(await runShow(ref, { ...command.optsWithGlobals(), ...options }, io));
    });
}
