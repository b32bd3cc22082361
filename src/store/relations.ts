/**
 * Mentions and relations in the store, one transaction per document, with
 * the fingerprint (extractor version, knowledge base, lexicon) that
 * produced them, so `greatgame extract` redoes only what is out of date.
 */

import { relationConditions } from './relation-filter.js';
import type { Mention, Modality, Relation } from '../domain/relation.js';
import type { EvidenceRelation } from '../network/aggregate.js';
import type { Db } from './database.js';
import { StatementCache } from './statements.js';

export interface StoredRelation extends Relation {
  id: number;
  documentId: number;
  /** The document's path, as in `greatgame docs --json`. */
  doc: string;
  file: string;
  extractorVersion: string;
  /** The event dataset it was imported from (icews, gdelt, plover…); null when extracted. */
  dataset: string | null;
  eventId: string | null;
  /** The dataset's own fields (CAMEO code, intensity, story, publisher…). */
  event: Record<string, unknown> | null;
}

/** A stored relation or an imported event with no sign (polarity 0, a kind such as STATEMENT). */
export type StoredEvent = Omit<StoredRelation, 'polarity' | 'kind'> & {
  polarity: -1 | 0 | 1;
  kind: string;
};

/** The name of the layer greatgame extracts itself, in `--dataset`. */
export const EXTRACTED = 'extracted';

/** One imported event, ready to store. */
export interface EventRow {
  source: string;
  target: string;
  polarity: -1 | 0 | 1;
  kind: string;
  modality: Modality;
  date: string;
  docDate: string | null;
  quote: string;
  trigger: string;
  rule: string;
  symmetric: boolean;
  dataset: string;
  eventId: string;
  eventKey: string;
  voice: string | null;
  event: string;
}

/** An EventRow's fields in this order (symmetric as 0 or 1), one event after another. */
export const EVENT_FIELDS = [
  'source',
  'target',
  'polarity',
  'kind',
  'modality',
  'date',
  'docDate',
  'quote',
  'trigger',
  'rule',
  'symmetric',
  'dataset',
  'eventId',
  'eventKey',
  'voice',
  'event',
] as const satisfies readonly (keyof EventRow)[];

/**
 * A batch of imported events as one flat list of EVENT_FIELDS values: a
 * million rows make an object per row (and its garbage) show.
 */
export type EventValues = (string | number | null)[];

export const IMPORT_VERSION = 'import-1';

export interface RelationFilter {
  actor?: string;
  pair?: [string, string];
  from?: string;
  to?: string;
  modality?: Modality;
  kind?: string;
  documentId?: number;
  /** Only these layers: 'extracted' and/or dataset names (default: all). */
  datasets?: string[];

  /** Leave out relations found in duplicate documents (default true). */
  skipDuplicates?: boolean;
  limit?: number;
}

export interface ExtractionTarget {
  id: number;
  text: string;
  date: string | null;
  languageSupported: boolean;
  duplicateOf: number | null;
}

export class RelationStore {
  private readonly statements: StatementCache;

  constructor(private readonly db: Db) {
    this.statements = new StatementCache(db);
  }

  private sql(text: string) {
    return this.statements.get(text);
  }

  /** Documents whose stored extraction is missing or made by another fingerprint. */
  outOfDate(fingerprint: string, all = false): ExtractionTarget[] {
    const rows = this.sql(
      `SELECT d.id, d.text, d.date, d.language_supported AS supported, d.duplicate_of AS duplicateOf
         FROM documents d LEFT JOIN extractions e ON e.document_id = d.id
         WHERE (? OR e.fingerprint IS NULL OR e.fingerprint != ?)
           AND d.id NOT IN (SELECT document_id FROM event_files) ORDER BY d.id`,
    ).all(all ? 1 : 0, fingerprint) as {
      id: number;
      text: string;
      date: string | null;
      supported: number;
      duplicateOf: number | null;
    }[];
    return rows.map((r) => ({
      id: r.id,
      text: r.text,
      date: r.date,
      languageSupported: r.supported === 1,
      duplicateOf: r.duplicateOf,
    }));
  }

  /** Replaces a document's mentions and relations. */
  save(
    documentId: number,
    fingerprint: string,
    version: string,
    found: { mentions: Mention[]; relations: Relation[] } | { skipped: string },
  ): void {
    this.db.transaction(() => {
      this.sql('DELETE FROM mentions WHERE document_id = ?').run(documentId);
      // Imported events are never the extractor's to replace.
      this.sql('DELETE FROM relations WHERE document_id = ? AND dataset IS NULL').run(documentId);
      if ('mentions' in found) {
        const mention = this.sql(
          'INSERT INTO mentions (document_id, start, end, surface, actor, sector, via, person) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        );
        for (const m of found.mentions)
          mention.run(documentId, m.start, m.end, m.surface, m.actor, m.sector, m.via, m.person);
        const relation = this.sql(
          `INSERT INTO relations (document_id, source, target, polarity, kind, modality, date, doc_date, quote, start, end,
             sentence_start, sentence_end, trigger, rule, symmetric, extractor_version)
           VALUES (@documentId, @source, @target, @polarity, @kind, @modality, @date, @docDate, @quote, @start, @end,
             @sentenceStart, @sentenceEnd, @trigger, @rule, @symmetric, @version)`,
        );
        for (const r of found.relations)
          relation.run({ ...r, documentId, symmetric: r.symmetric ? 1 : 0, version });
      }
      this.sql(
        `INSERT INTO extractions (document_id, fingerprint, extracted_at, skipped) VALUES (?, ?, ?, ?)
           ON CONFLICT(document_id) DO UPDATE SET fingerprint = excluded.fingerprint,
             extracted_at = excluded.extracted_at, skipped = excluded.skipped`,
      ).run(
        documentId,
        fingerprint,
        new Date().toISOString(),
        'skipped' in found ? found.skipped : null,
      );
    })();
  }

  /** Signed relations (extracted and imported). */
  list(filter: RelationFilter = {}): StoredRelation[] {
    return this.query(filter, false) as StoredRelation[];
  }

  /** Also the imported events that carry no sign. */
  listWithUnsigned(filter: RelationFilter = {}): StoredEvent[] {
    return this.query(filter, true);
  }

  private query(filter: RelationFilter, includeUnsigned: boolean): StoredEvent[] {
    const { where, params } = relationConditions({
      ...filter,
      withDuplicates: filter.skipDuplicates === false,
    });
    if (!includeUnsigned) where.push('r.polarity != 0');
    if (filter.datasets) where.push(datasetClause(filter.datasets, params));
    const rows = this.sql(
      `SELECT r.*, d.path AS doc, d.file AS file FROM relations r JOIN documents d ON d.id = r.document_id
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.document_id, r.start, r.id
         ${filter.limit ? `LIMIT ${Math.max(1, Math.floor(filter.limit))}` : ''}`,
    ).all(params) as Record<string, unknown>[];
    return rows.map(toRelation);
  }

  /**
   * Relations as network evidence: each with its voice (the document's
   * outlet, else its author, else its file), duplicates left out.
   */
  evidence(datasets?: string[]): EvidenceRelation[] {
    const params: Record<string, unknown> = {};
    const selection = datasets ?? this.defaultDatasets();
    const rows = this.db
      .prepare(
        `SELECT r.id, r.source, r.target, r.polarity, r.modality, r.date, r.doc_date AS docDate,
         COALESCE(r.voice, d.source, d.author, d.file) AS voice, COALESCE(r.dataset, '${EXTRACTED}') AS dataset
       FROM relations r JOIN documents d ON d.id = r.document_id
       WHERE d.duplicate_of IS NULL AND r.polarity != 0 AND ${datasetClause(selection, params)} ORDER BY r.id`,
      )
      .all(params) as EvidenceRelation[];
    return rows;
  }

  /** The layers present: 'extracted' (when any) and each imported dataset, with counts. */
  datasets(): { dataset: string; relations: number; unsigned: number }[] {
    return this.sql(
      `SELECT COALESCE(dataset, '${EXTRACTED}') AS dataset, SUM(polarity != 0) AS relations,
         SUM(polarity = 0) AS unsigned FROM relations GROUP BY dataset ORDER BY dataset IS NOT NULL, dataset`,
    ).all() as { dataset: string; relations: number; unsigned: number }[];
  }

  /**
   * The layers the network shows unless asked: what greatgame extracted; a
   * store that holds only imported events shows all of them.
   */
  defaultDatasets(): string[] {
    const present = this.datasets().filter((d) => d.relations > 0);
    if (present.length === 0 || present.some((d) => d.dataset === EXTRACTED)) return [EXTRACTED];
    return present.map((d) => d.dataset);
  }

  /**
   * Stores imported events (EventValues: EVENT_FIELDS values per event) in
   * one transaction, or in the caller's when one is open; the same event
   * twice is kept once.
   */
  saveEvents(documentId: number, values: EventValues): { added: number; unsigned: number } {
    const insert = this.sql(
      `INSERT OR IGNORE INTO relations (document_id, source, target, polarity, kind, modality, date, doc_date,
         quote, start, end, sentence_start, sentence_end, trigger, rule, symmetric, extractor_version,
         dataset, event_id, event_key, voice, event)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?, ?, ?, '${IMPORT_VERSION}', ?, ?, ?, ?, ?)`,
    );
    const n = EVENT_FIELDS.length;
    if (values.length % n !== 0)
      throw new Error(`saveEvents: ${values.length} values, not ${n} per event`);
    const write = () => {
      let added = 0;
      let unsigned = 0;
      for (let i = 0; i < values.length; i += n) {
        // Positional parameters: a million rows make the per-row object cost show.
        const changes = insert.run(
          documentId,
          values[i],
          values[i + 1],
          values[i + 2],
          values[i + 3],
          values[i + 4],
          values[i + 5],
          values[i + 6],
          values[i + 7],
          values[i + 8],
          values[i + 9],
          values[i + 10],
          values[i + 11],
          values[i + 12],
          values[i + 13],
          values[i + 14],
          values[i + 15],
        ).changes;
        added += changes;
        if (values[i + 2] === 0) unsigned += changes;
      }
      return { added, unsigned };
    };
    // Inside an open transaction, no savepoint: with temp_store = MEMORY a
    // savepoint keeps the original of every index page it changes in memory,
    // which grows with the store (the import's span rolls back as a whole).
    return this.db.inTransaction ? write() : this.db.transaction(write)();
  }

  mentionCounts(): { actor: string; mentions: number; documents: number }[] {
    return this.sql(
      'SELECT actor, COUNT(*) AS mentions, COUNT(DISTINCT document_id) AS documents FROM mentions GROUP BY actor ORDER BY mentions DESC',
    ).all() as { actor: string; mentions: number; documents: number }[];
  }
}

function toRelation(row: Record<string, unknown>): StoredEvent {
  return {
    id: row.id as number,
    documentId: row.document_id as number,
    doc: row.doc as string,
    file: row.file as string,
    source: row.source as string,
    target: row.target as string,
    polarity: row.polarity as 1 | -1 | 0,
    kind: row.kind as string,
    modality: row.modality as Modality,
    date: row.date as string | null,
    docDate: row.doc_date as string | null,
    quote: row.quote as string,
    start: row.start as number,
    end: row.end as number,
    sentenceStart: row.sentence_start as number,
    sentenceEnd: row.sentence_end as number,
    trigger: row.trigger as string,
    rule: row.rule as string,
    symmetric: row.symmetric === 1,
    extractorVersion: row.extractor_version as string,
    dataset: (row.dataset as string | null) ?? null,
    eventId: (row.event_id as string | null) ?? null,
    event: row.event ? (JSON.parse(row.event as string) as Record<string, unknown>) : null,
  };
}

/** SQL for "relation in these layers", binding the names into `params`. */
function datasetClause(datasets: string[], params: Record<string, unknown>): string {
  const parts: string[] = [];
  datasets.forEach((name, i) => {
    if (name === EXTRACTED) parts.push('r.dataset IS NULL');
    else {
      params[`dataset${i}`] = name;
      parts.push(`r.dataset = @dataset${i}`);
    }
  });
  return parts.length ? `(${parts.join(' OR ')})` : '0';
}
