/**
 * Streams an event file into the store: reads it line by line (memory stays
 * flat however long the file), turns each row into a relation with its
 * provenance, and writes batches in one transaction each. A malformed row is
 * reported by line and field and skipped; actors that cannot be resolved are
 * counted and listed, never guessed; the same event twice is stored once
 * (so re-importing a file adds nothing).
 */
import crypto, { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { InvalidDataError, NotFoundError } from '../domain/errors.js';
import { type KnowledgeBase, loadKnowledgeBase } from '../knowledge/actors.js';
import { buildStateIndex } from '../knowledge/states.js';
import type { Db } from '../store/database.js';
import { DocumentStore } from '../store/documents.js';
import { EVENT_FIELDS, type EventValues, RelationStore } from '../store/relations.js';
import { EventActorResolver, type ResolvedActor } from './actors.js';
import { parseGdelt } from './gdelt.js';
import { icewsHeader, parseIcews, type IcewsColumns } from './icews.js';
import { loadEventActorTables, loadEventMapping } from './mapping.js';
import { parsePlover } from './plover.js';
import { type EventFormat, type EventRecord, RowError } from './record.js';

/** Rows held in memory before they are written: small enough that memory stays flat. */
export const BATCH_ROWS = 20_000;
/**
 * Rows per transaction: several batches. Events land all over the indexes,
 * so each commit writes most index pages to the WAL again; five batches a
 * commit write them a fifth as often (measured: about a third less time
 * writing a million rows). A span holds the write lock for a few seconds,
 * within other writers' busy timeout (src/store/database.ts).
 */
export const TRANSACTION_ROWS = 100_000;
/** Bytes read at a time; lines are split out of each chunk by hand (faster than readline). */
const CHUNK_BYTES = 1 << 20;
/**
 * WAL pages between checkpoints while importing (default 1,000): a checkpoint
 * after every batch copies and syncs the same index pages again and again.
 * Commits stay as durable (WAL, synchronous = NORMAL); only the copy into the
 * main file is less frequent. Restored when the import ends.
 */
const IMPORT_AUTOCHECKPOINT = 16_384;
/** Failures and unresolved names listed in full; the rest are counted. */
const LISTED = 100;

export interface ImportFailure {
  line: number;
  field: string;
  reason: string;
}

export interface ImportSummary {
  file: string;
  format: EventFormat;
  dataset: string;
  /** Data rows read (header and blank lines not counted). */
  read: number;
  /** New relations stored (signed and unsigned). */
  imported: number;
  /** Of those, events with no cooperative or hostile meaning. */
  unsigned: number;
  /** Events already stored (earlier in the file or by an earlier import). */
  duplicates: number;
  /** Events whose actors both resolve to the same actor (domestic events): not stored. */
  internal: number;
  /** Events that name only one actor: not stored. */
  oneSided: number;
  /** Events with an actor the knowledge base cannot resolve: not stored. */
  unresolved: number;
  unresolvedNames: { name: string; events: number }[];
  /** CAMEO codes or PLOVER types with no mapping: rows skipped and counted as failed. */
  failed: number;
  failures: ImportFailure[];
  seconds: number;
  /** Of those, the time spent writing to the store (the rest reads, parses and resolves). */
  storeSeconds: number;
}

export interface ImportOptions {
  format: EventFormat;
  /** The layer's name; default: the format. */
  dataset?: string;
  kb?: KnowledgeBase;
  onProgress?: (rows: number) => void;
}

const MEDIA_TYPES: Record<EventFormat, string> = {
  icews: 'text/tab-separated-values',
  gdelt: 'text/tab-separated-values',
  plover: 'application/jsonl',
};

export async function importEvents(
  db: Db,
  file: string,
  options: ImportOptions,
): Promise<ImportSummary> {
  const started = performance.now();
  const absolute = path.resolve(file);
  let size: number;
  try {
    const stat = statSync(absolute);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch (error) {
    throw new NotFoundError(`${file}: cannot read: ${(error as Error).message}`);
  }
  const format = options.format;
  const dataset = options.dataset ?? format;
  const kb = options.kb ?? loadKnowledgeBase();
  const tables = loadEventActorTables();
  const mapping = loadEventMapping();
  const resolver = new EventActorResolver(kb, buildStateIndex(kb, tables.countries), tables);
  const documentId = new DocumentStore(db).saveEventFile(absolute, dataset, MEDIA_TYPES[format]);

  const summary: ImportSummary = {
    file: absolute,
    format,
    dataset,
    read: 0,
    imported: 0,
    unsigned: 0,
    duplicates: 0,
    internal: 0,
    oneSided: 0,
    unresolved: 0,
    unresolvedNames: [],
    failed: 0,
    failures: [],
    seconds: 0,
    storeSeconds: 0,
  };
  const unresolvedNames = new Map<string, number>();
  const fail = (line: number, error: unknown) => {
    summary.failed++;
    if (summary.failures.length < LISTED) {
      const e = error instanceof RowError ? error : new RowError('row', (error as Error).message);
      summary.failures.push({ line, field: e.field, reason: e.reason });
    }
  };
  const unresolved = (name: string) => {
    // Bounded: past 10,000 distinct names the rest are counted, not named.
    if (unresolvedNames.has(name) || unresolvedNames.size < 10_000)
      unresolvedNames.set(name, (unresolvedNames.get(name) ?? 0) + 1);
  };

  const relations = new RelationStore(db);
  let batch: EventValues = [];
  /** Rows written in the open transaction (this import's own; see TRANSACTION_ROWS). */
  let spanRows = 0;
  let spanOpen = false;
  /** Writes the batch (inside a savepoint of the open span); commits the span when full or last. */
  const flush = (last: boolean) => {
    const writing = performance.now();
    if (batch.length > 0) {
      if (!spanOpen) {
        db.exec('BEGIN IMMEDIATE');
        spanOpen = true;
      }
      const { added, unsigned } = relations.saveEvents(documentId, batch);
      const rows = batch.length / EVENT_FIELDS.length;
      summary.imported += added;
      summary.unsigned += unsigned;
      summary.duplicates += rows - added;
      spanRows += rows;
      batch = [];
    }
    if (spanOpen && (last || spanRows >= TRANSACTION_ROWS)) {
      db.exec('COMMIT');
      spanOpen = false;
      spanRows = 0;
    }
    summary.storeSeconds += (performance.now() - writing) / 1000;
  };

  const rules = new Map<string, string>();
  /** Adds the record's event to the batch (true), or counts why it is not stored. */
  const toRow = (record: EventRecord): boolean => {
    const meaning = record.plover
      ? mapping.plover(record.plover)
      : record.cameo
        ? mapping.cameo(record.cameo)
        : undefined;
    if (!meaning) {
      throw record.plover
        ? new RowError(
            'event',
            `"${record.plover}" is not a PLOVER type listed in ${path.basename(mapping.file)}`,
          )
        : new RowError(
            'CAMEO code',
            `"${record.cameo}" has no mapping in ${path.basename(mapping.file)}`,
          );
    }
    if (!record.actor || !record.recipient) {
      summary.oneSided++;
      return false;
    }
    const a = resolver.resolve(record.actor, record.date);
    const b = resolver.resolve(record.recipient, record.date);
    if (!a || !b) {
      summary.unresolved++;
      if (!a) unresolved(record.actor.name);
      if (!b) unresolved(record.recipient.name);
      return false;
    }
    if (a.id === b.id) {
      summary.internal++;
      return false;
    }
    const symmetric =
      meaning.symmetric ||
      record.symmetric === true ||
      (record.cameo !== null && mapping.cameo(record.cameo)?.symmetric === true);
    const actorName = record.actor.name;
    const recipientName = record.recipient.name;
    // Both directions of a symmetric event are one event, stored source < target.
    const swap = symmetric && a.id > b.id;
    const source = swap ? b : a;
    const target = swap ? a : b;
    const sourceName = swap ? recipientName : actorName;
    const targetName = swap ? actorName : recipientName;
    const code = record.cameo ?? record.plover;
    // The names in sorted order for a symmetric code (as [x, y].sort() orders them).
    const first = symmetric && recipientName < actorName ? recipientName : actorName;
    const second = first === actorName ? recipientName : actorName;
    const key = sha1Key(
      `${record.identity.join(SEP)}${SEP}${code ?? ''}${SEP}${first}${SEP}${second}`,
    );
    // Only the fields the dataset gave: a million rows make every byte count.
    // Built field by field in the order of the record (no spreads, no nulls).
    const event: Record<string, unknown> = { line: record.line };
    if (record.cameo != null) event.cameo = record.cameo;
    event.plover = meaning.plover;
    const mode = record.mode ?? meaning.mode;
    if (mode != null) event.mode = mode;
    if (record.context.length) event.context = record.context;
    else if (meaning.context) event.context = [meaning.context];
    if (record.intensity != null) event.intensity = record.intensity;
    for (const k in record.extra) {
      const v = record.extra[k];
      if (v != null) event[k] = v;
    }
    if (record.story != null) event.story = record.story;
    if (record.sentence != null) event.sentence = record.sentence;
    if (record.url != null) event.url = record.url;
    if (record.publisher != null) event.publisher = record.publisher;
    event.source = side(sourceName, source);
    event.target = side(targetName, target);
    const rule = record.cameo ?? meaning.plover;
    let ruleText = rules.get(rule);
    if (ruleText === undefined) {
      ruleText = `${dataset}:${rule}`;
      rules.set(rule, ruleText);
    }
    // EVENT_FIELDS order.
    batch.push(
      source.id,
      target.id,
      meaning.polarity,
      meaning.kind,
      record.modality,
      record.date,
      record.docDate,
      record.text ?? '',
      record.description ?? lower(meaning.plover),
      ruleText,
      symmetric ? 1 : 0,
      dataset,
      record.id,
      key,
      record.publisher ?? dataset,
      JSON.stringify(event),
    );
    return true;
  };

  // Memory-mapped reads (src/store/database.ts) would map the whole growing
  // store into the process as it is written; an import only appends.
  const mmap = db.pragma('mmap_size', { simple: true }) as number;
  db.pragma('mmap_size = 0');
  const checkpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma(`wal_autocheckpoint = ${Math.max(checkpoint, IMPORT_AUTOCHECKPOINT)}`);
  const hash = createHash('sha256');
  let lineNo = 0;
  let columns: IcewsColumns | undefined;
  let stop = false;
  const handle = (raw: string) => {
    lineNo++;
    const line = lineNo === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (line.trim() === '') return;
    if (format === 'icews' && !columns) {
      try {
        columns = icewsHeader(line);
      } catch (error) {
        fail(lineNo, error);
        stop = true; // without its header an ICEWS file cannot be read
      }
      return;
    }
    summary.read++;
    try {
      const record =
        format === 'icews'
          ? parseIcews(line, lineNo, columns as IcewsColumns)
          : format === 'gdelt'
            ? parseGdelt(line, lineNo)
            : parsePlover(line, lineNo);
      if (toRow(record)) {
        if (batch.length >= BATCH_ROWS * EVENT_FIELDS.length) {
          flush(false);
          options.onProgress?.(summary.read);
        }
      }
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      fail(lineNo, error);
    }
  };
  /** One line as readline splits them: at LF, CRLF or a lone CR. */
  const handleLine = (raw: string) => {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (!text.includes('\r')) handle(text);
    else for (const part of text.split('\r')) if (!stop) handle(part);
  };
  try {
    const decoder = new StringDecoder('utf8');
    let rest = '';
    for await (const chunk of createReadStream(absolute, { highWaterMark: CHUNK_BYTES })) {
      hash.update(chunk as Buffer);
      if (stop) continue; // the hash still covers the whole file
      const text = rest + decoder.write(chunk as Buffer);
      let from = 0;
      for (let at = text.indexOf('\n'); at >= 0 && !stop; at = text.indexOf('\n', from)) {
        handleLine(text.slice(from, at));
        from = at + 1;
      }
      rest = text.slice(from);
    }
    rest += decoder.end();
    if (!stop && rest !== '') handleLine(rest);
    flush(true);
  } catch (error) {
    // The open span's rows are undone; the spans committed before it stay,
    // and a re-run adds only what is missing (events are deduplicated).
    if (spanOpen) db.exec('ROLLBACK');
    if (error instanceof RowError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code) throw new InvalidDataError(`${file}: cannot read: ${(error as Error).message}`);
    throw error;
  } finally {
    db.pragma(`wal_autocheckpoint = ${checkpoint}`);
    db.pragma(`mmap_size = ${mmap}`);
  }
  new DocumentStore(db).finishEventFile(documentId, hash.digest('hex'), size);
  summary.unresolvedNames = [...unresolvedNames]
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .slice(0, 20)
    .map(([name, events]) => ({ name, events }));
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

const SEP = '\u0001';

/** The first 20 characters of a SHA-1 in base64url: an event's key. */
const sha1Key: (text: string) => string =
  typeof (crypto as { hash?: unknown }).hash === 'function'
    ? (text) => crypto.hash('sha1', text, 'base64url').slice(0, 20)
    : (text) => createHash('sha1').update(text).digest('base64url').slice(0, 20);

/** One side of an event as stored: the dataset's name, sector and role (no nulls). */
function side(name: string, actor: ResolvedActor): Record<string, string> {
  const out: Record<string, string> = { name };
  if (actor.sector != null) out.sector = actor.sector;
  if (actor.role != null) out.role = actor.role;
  return out;
}

const lowered = new Map<string, string>();
function lower(text: string): string {
  let out = lowered.get(text);
  if (out === undefined) {
    out = text.toLowerCase();
    lowered.set(text, out);
  }
  return out;
}
