/**
 * greatgame's relations in the formats event-data tools read: PLOVER JSON
 * lines (the modality in PLOVER's context field as "modality:<m>", so a
 * re-import restores it) and CSV with CAMEO-compatible columns.
 */
import type { StoredEvent } from '../store/relations.js';
import { MODALITY_CONTEXT } from './plover.js';

/** The quote goes out only where the source allows: see `quoteAllowed`. */
export interface ExportOptions {
  quotes: 'licensed' | 'all' | 'none';
  /** Document ids whose notes name an open licence (CC BY, CC0, public domain…). */
  openDocuments?: Set<number>;
  /** Names of actors, for readers that do not know greatgame's ids. */
  nameOf?: (id: string) => string;
}

const OPEN_LICENCE =
  /\b(cc[- ]?by|cc0|cc[- ]?zero|public domain|pddl|odc[- ]?by|mit|apache|gfdl)\b/i;

/** Is a licence note (a manifest's "licence"/"license" key) open enough to quote from? */
export function isOpenLicence(note: string | undefined): boolean {
  return note !== undefined && OPEN_LICENCE.test(note);
}

function quoteAllowed(r: StoredEvent, options: ExportOptions): boolean {
  if (options.quotes === 'all') return true;
  if (options.quotes === 'none') return false;
  // Imported quotes come from the dataset's own (redistributable) fields.
  return r.dataset !== null || (options.openDocuments?.has(r.documentId) ?? false);
}

function eventField<T>(r: StoredEvent, key: string): T | undefined {
  return (r.event?.[key] as T | undefined) ?? undefined;
}

export function ploverRecord(r: StoredEvent, options: ExportOptions) {
  const side = (id: string, which: 'source' | 'target') => {
    const from = eventField<{ name?: string; sector?: string | null }>(r, which);
    return {
      code: id,
      name: from?.name ?? options.nameOf?.(id) ?? id,
      ...(from?.sector ? { sector: from.sector } : {}),
    };
  };
  const context = [
    ...(eventField<string[]>(r, 'context') ?? []),
    `${MODALITY_CONTEXT}${r.modality}`,
  ];
  const quote = quoteAllowed(r, options) && r.quote ? r.quote : undefined;
  return {
    id: r.eventId ?? `greatgame:${r.doc}:${r.id}`,
    date: r.date ?? r.docDate,
    actor: side(r.source, 'source'),
    recipient: side(r.target, 'target'),
    event: eventField<string>(r, 'plover') ?? r.kind,
    mode: eventField<string>(r, 'mode') ?? null,
    context,
    ...(eventField<number>(r, 'intensity') !== undefined
      ? { intensity: eventField<number>(r, 'intensity') }
      : {}),
    ...(eventField<string>(r, 'cameo') ? { cameo: eventField<string>(r, 'cameo') } : {}),
    ...(quote ? { text: quote } : {}),
    ...(r.docDate ? { publication_date: r.docDate } : {}),
    publisher: eventField<string>(r, 'publisher') ?? null,
    url: eventField<string>(r, 'url') ?? null,
    dataset: r.dataset ?? 'extracted',
    doc: r.doc,
    symmetric: r.symmetric,
  };
}

export function ploverLines(relations: StoredEvent[], options: ExportOptions): string {
  return relations.map((r) => JSON.stringify(ploverRecord(r, options))).join('\n');
}

const CSV_COLUMNS = [
  'EventID',
  'EventDate',
  'SourceActor',
  'SourceName',
  'TargetActor',
  'TargetName',
  'EventCode',
  'EventRootCode',
  'PloverType',
  'Kind',
  'Polarity',
  'QuadClass',
  'Intensity',
  'Modality',
  'Dataset',
  'Doc',
  'Quote',
];

/** The CAMEO root a greatgame kind corresponds to (the 2-digit cue category). */
const KIND_ROOT: Record<string, string> = {
  STATEMENT: '01',
  REQUEST: '02',
  AGREE: '03',
  CONSULT: '04',
  SUPPORT: '05',
  COOPERATE: '06',
  AID: '07',
  CONCEDE: '08',
  ACCUSE: '11',
  REJECT: '12',
  THREATEN: '13',
  PROTEST: '14',
  MOBILIZE: '15',
  SANCTION: '16',
  COERCE: '17',
  ASSAULT: '18',
};

/** CAMEO quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
function quadClass(root: string): number | null {
  const n = Number(root);
  if (!Number.isFinite(n)) return null;
  if (n <= 5) return 1;
  if (n <= 8) return 2;
  if (n <= 13) return 3;
  return 4;
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function cameoCsv(relations: StoredEvent[], options: ExportOptions): string {
  const rows = relations.map((r) => {
    const code = eventField<string>(r, 'cameo') ?? KIND_ROOT[r.kind] ?? '';
    const root = code.slice(0, 2);
    return [
      r.eventId ?? `greatgame:${r.doc}:${r.id}`,
      r.date ?? r.docDate,
      r.source,
      eventField<{ name?: string }>(r, 'source')?.name ?? options.nameOf?.(r.source) ?? r.source,
      r.target,
      eventField<{ name?: string }>(r, 'target')?.name ?? options.nameOf?.(r.target) ?? r.target,
      code,
      root,
      eventField<string>(r, 'plover') ?? r.kind,
      r.kind,
      r.polarity,
      quadClass(root),
      eventField<number>(r, 'intensity') ?? '',
      r.modality,
      r.dataset ?? 'extracted',
      r.doc,
      quoteAllowed(r, options) ? r.quote : '',
    ]
      .map(csvCell)
      .join(',');
  });
  return [CSV_COLUMNS.join(','), ...rows].join('\n');
}
