import type { Command } from 'commander';
import { UsageError } from '../../domain/errors.js';
import { MODALITIES, type Modality } from '../../domain/relation.js';
import { cameoCsv, isOpenLicence, ploverLines } from '../../import/export.js';
import { loadKnowledgeBase } from '../../knowledge/actors.js';
import { RelationStore, type StoredEvent } from '../../store/relations.js';
import { type Io, printJson, type StoreOption, storePath, withStore } from '../context.js';
import { EXIT } from '../exit-codes.js';

export interface RelationsOptions extends StoreOption {
  actor?: string;
  pair?: string;
  from?: string;
  to?: string;
  modality?: string;
  kind?: string;
  json?: boolean;
  limit?: string;
  withDuplicates?: boolean;
  dataset?: string;
  unsigned?: boolean;
  format?: string;
  quotes?: string;
}

const FORMATS = ['text', 'json', 'plover', 'csv'] as const;
const QUOTES = ['licensed', 'all', 'none'] as const;

export async function runRelations(options: RelationsOptions, io: Io): Promise<number> {
  const pair = options.pair?.split(',').map((s) => s.trim().toUpperCase());
  if (pair && (pair.length !== 2 || !pair[0] || !pair[1]))
    throw new UsageError(`--pair: "${options.pair}" is not two actor ids like PAK,TAL`);
  if (options.modality && !MODALITIES.includes(options.modality as Modality)) {
    throw new UsageError(
      `--modality: "${options.modality}" is not one of ${MODALITIES.join(', ')}`,
    );
  }
  for (const [flag, value] of [
    ['--from', options.from],
    ['--to', options.to],
  ] as const) {
    if (value && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value))
      throw new UsageError(`${flag}: "${value}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  }
  const format = options.format ?? (options.json ? 'json' : 'text');
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format: "${format}" is not one of ${FORMATS.join(', ')}`);
  const quotes = (options.quotes ?? 'licensed') as (typeof QUOTES)[number];
  if (!QUOTES.includes(quotes))
    throw new UsageError(`--quotes: "${options.quotes}" is not one of ${QUOTES.join(', ')}`);
  const datasets = options.dataset?.split(',').map((d) => d.trim().toLowerCase());
  const limit = options.limit ? Number(options.limit) : undefined;
  if (limit !== undefined && !(limit > 0))
    throw new UsageError(`--limit: "${options.limit}" is not a positive number`);
  const filter = {
    actor: options.actor?.toUpperCase(),
    pair: pair as [string, string] | undefined,
    from: options.from,
    to: options.to,
    modality: options.modality as Modality | undefined,
    kind: options.kind?.toUpperCase(),
    skipDuplicates: !options.withDuplicates,
    limit,
    ...(datasets && !datasets.includes('all') ? { datasets } : {}),
  };
  const { relations, openDocuments } = await withStore(storePath(options, io), (docs, db) => {
    const store = new RelationStore(db);
    const found = options.unsigned ? store.listWithUnsigned(filter) : store.list(filter);
    // Documents whose manifest gave an open licence may be quoted in exports.
    const open = new Set(
      docs
        .list()
        .filter((d) => isOpenLicence(d.notes.licence ?? d.notes.license))
        .map((d) => d.id),
    );
    return { relations: found, openDocuments: open };
  });
  if (format === 'plover' || format === 'csv') {
    const kb = loadKnowledgeBase();
    const exportOptions = {
      quotes,
      openDocuments,
      nameOf: (id: string) => kb.actors.get(id)?.name ?? id,
    };
    if (relations.length > 0)
      io.out(
        format === 'plover'
          ? ploverLines(relations, exportOptions)
          : cameoCsv(relations, exportOptions),
      );
    return EXIT.ok;
  }
  if (format === 'json') printJson(io, relations.map(publicRelation));
  else
    io.out(
      relations.length === 0
        ? 'no relations match'
        : `${relations.map(formatRelation).join('\n\n')}\n\n${relations.length} relation(s)`,
    );
  return EXIT.ok;
}

/** The fields scripts rely on (see README). */
export function publicRelation(r: StoredEvent) {
  return {
    id: r.id,
    // An imported event names its file and its id in the dataset.
    doc: r.eventId === null ? r.doc : `${r.doc}#event=${r.eventId}`,
    file: r.file,
    source: r.source,
    target: r.target,
    polarity: r.polarity,
    kind: r.kind,
    modality: r.modality,
    date: r.date,
    docDate: r.docDate,
    quote: r.quote,
    start: r.start,
    end: r.end,
    trigger: r.trigger,
    rule: r.rule,
    symmetric: r.symmetric,
    extractorVersion: r.extractorVersion,
    dataset: r.dataset,
    ...(r.dataset !== null ? { eventId: r.eventId, event: r.event } : {}),
  };
}

export function formatRelation(r: StoredEvent): string {
  const arrow = r.symmetric ? '—' : '→';
  const sign = r.polarity > 0 ? '+' : r.polarity < 0 ? '−' : '±0 ';
  if (r.dataset !== null)
    return `${r.source} ${arrow} ${r.target}  ${sign}${r.kind} (${r.modality}) ${r.date ?? 'undated'}\n  ${r.dataset} event ${r.eventId}: ${r.trigger} [${r.rule}]\n  ${r.doc}`;
  return `${r.source} ${arrow} ${r.target}  ${sign}${r.kind} (${r.modality}) ${r.date ?? 'undated'}\n  “${r.quote.replace(/\s+/g, ' ')}”\n  ${r.doc} [${r.start}, ${r.end})`;
}

export function registerRelations(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('relations')
    .description('show extracted relations, each with its quote and document')
    .option('--actor <id>', 'relations with this actor (e.g. PAK)')
    .option('--pair <a,b>', 'relations between two actors, either direction (e.g. PAK,TAL)')
    .option('--from <date>', 'relations holding on or after this date')
    .option('--to <date>', 'relations holding on or before this date')
    .option('--modality <m>', `only ${MODALITIES.join(' | ')}`)
    .option('--kind <kind>', 'only this kind (e.g. SUPPORT, ASSAULT)')
    .option('--limit <n>', 'at most this many')
    .option('--with-duplicates', 'also show relations found in documents that copy an earlier one')
    .option(
      '--dataset <names>',
      'only these layers: extracted, an imported dataset (icews, gdelt, plover…), a comma list, or all (default)',
    )
    .option('--unsigned', 'also imported events with no cooperative or hostile sign (polarity 0)')
    .option(
      '--format <format>',
      'text (default), json, plover (PLOVER JSON lines) or csv (CAMEO-compatible columns)',
    )
    .option(
      '--quotes <which>',
      'in plover/csv: licensed (default: only documents whose manifest licence is open, and imported events), all, none',
    )
    .option(
      '--json',
      'print a JSON array (doc, file, source, target, polarity, kind, modality, date, docDate, quote, start, end…)',
    )
    .action(async (options: RelationsOptions, command: Command) => {
      setExit(await runRelations({ ...command.optsWithGlobals(), ...options }, io));
    });
}
