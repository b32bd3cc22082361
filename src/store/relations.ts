/**
 * Mentions and relations in the store, one transaction per document, with
 * the fingerprint (extractor version, knowledge base, lexicon) that
 * produced them, so `greatgame extract` redoes only what is out of date.
 */

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
}

export interface RelationFilter {
  actor?: string;
  pair?: [string, string];
  from?: string;
  to?: string;
  modality?: Modality;
  kind?: string;
  documentId?: number;
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
         WHERE ? OR e.fingerprint IS NULL OR e.fingerprint != ? ORDER BY d.id`,
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
      this.sql('DELETE FROM relations WHERE document_id = ?').run(documentId);
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

  list(filter: RelationFilter = {}): StoredRelation[] {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (filter.actor) {
      where.push('(r.source = @actor OR r.target = @actor)');
      params.actor = filter.actor;
    }
    if (filter.pair) {
      where.push('((r.source = @a AND r.target = @b) OR (r.source = @b AND r.target = @a))');
      params.a = filter.pair[0];
      params.b = filter.pair[1];
    }
    // A partial date ("2021") is an interval: it overlaps [from, to] when it
    // ends after `from` and starts before `to`.
    if (filter.from) {
      where.push("COALESCE(r.date, '9999') || 'z' >= @from");
      params.from = filter.from;
    }
    if (filter.to) {
      where.push("COALESCE(r.date, '0000') <= @to || 'z'");
      params.to = filter.to;
    }
    if (filter.modality) {
      where.push('r.modality = @modality');
      params.modality = filter.modality;
    }
    if (filter.kind) {
      where.push('r.kind = @kind');
      params.kind = filter.kind;
    }
    if (filter.documentId !== undefined) {
      where.push('r.document_id = @documentId');
      params.documentId = filter.documentId;
    }
    if (filter.skipDuplicates !== false) where.push('d.duplicate_of IS NULL');
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
  evidence(): EvidenceRelation[] {
    return this.sql(
      `SELECT r.id, r.source, r.target, r.polarity, r.modality, r.date, r.doc_date AS docDate,
         COALESCE(d.source, d.author, d.file) AS voice
       FROM relations r JOIN documents d ON d.id = r.document_id
       WHERE d.duplicate_of IS NULL ORDER BY r.id`,
    ).all() as EvidenceRelation[];
  }

  mentionCounts(): { actor: string; mentions: number; documents: number }[] {
    return this.sql(
      'SELECT actor, COUNT(*) AS mentions, COUNT(DISTINCT document_id) AS documents FROM mentions GROUP BY actor ORDER BY mentions DESC',
    ).all() as { actor: string; mentions: number; documents: number }[];
  }
}

function toRelation(row: Record<string, unknown>): StoredRelation {
  return {
    id: row.id as number,
    documentId: row.document_id as number,
    doc: row.doc as string,
    file: row.file as string,
    source: row.source as string,
    target: row.target as string,
    polarity: row.polarity as 1 | -1,
    kind: row.kind as Relation['kind'],
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
  };
}
