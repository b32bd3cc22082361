/**
 * What the ledger reads from the store (hypothetical relations with their
 * documents, asserted evidence) and the one thing it writes: a user's
 * resolution, by forecast key (table `forecast_resolutions`, migration 3).
 */
import type { Modality, Polarity, RelationKind } from '../domain/relation.js';
import type { Db } from '../store/database.js';
import type { Outcome } from './types.js';

export interface HypotheticalRow {
  id: number;
  documentId: number;
  source: string;
  target: string;
  polarity: Polarity;
  kind: RelationKind;
  date: string | null;
  docDate: string | null;
  quote: string;
  start: number;
  end: number;
  sentenceStart: number;
  sentenceEnd: number;
  path: string;
  title: string | null;
  author: string | null;
  outlet: string | null;
  /** Outlet, else author, else file: who is speaking. */
  voice: string;
}

export interface EvidenceRow {
  id: number;
  documentId: number;
  source: string;
  target: string;
  polarity: Polarity;
  modality: Modality;
  date: string | null;
  docDate: string | null;
  quote: string;
  path: string;
  title: string | null;
  voice: string;
}

export interface StoredResolution {
  key: string;
  outcome: Outcome;
  note: string | null;
  resolvedAt: string;
}

/** Hypothetical relations of original (not duplicate) documents, in document order. */
export function hypotheticalRelations(db: Db): HypotheticalRow[] {
  return db
    .prepare(
      `SELECT r.id, r.document_id AS documentId, r.source, r.target, r.polarity, r.kind, r.date,
         r.doc_date AS docDate, r.quote, r.start, r.end, r.sentence_start AS sentenceStart,
         r.sentence_end AS sentenceEnd, d.path, d.title, d.author, d.source AS outlet,
         COALESCE(d.source, d.author, d.file) AS voice
       FROM relations r JOIN documents d ON d.id = r.document_id
       WHERE r.modality = 'hypothetical' AND d.duplicate_of IS NULL
       ORDER BY d.date, r.document_id, r.start, r.id`,
    )
    .all() as HypotheticalRow[];
}

/** Asserted relations of original documents: what can settle a forecast. */
export function assertedEvidence(db: Db): EvidenceRow[] {
  return db
    .prepare(
      `SELECT r.id, r.document_id AS documentId, r.source, r.target, r.polarity, r.modality, r.date,
         r.doc_date AS docDate, r.quote, d.path, d.title, COALESCE(d.source, d.author, d.file) AS voice
       FROM relations r JOIN documents d ON d.id = r.document_id
       WHERE r.modality = 'asserted' AND d.duplicate_of IS NULL ORDER BY r.id`,
    )
    .all() as EvidenceRow[];
}

/** The clean text of some documents, by id. */
export function documentTexts(db: Db, ids: Iterable<number>): Map<number, string> {
  const get = db.prepare('SELECT text FROM documents WHERE id = ?');
  const texts = new Map<number, string>();
  for (const id of ids) {
    if (texts.has(id)) continue;
    const row = get.get(id) as { text: string } | undefined;
    if (row) texts.set(id, row.text);
  }
  return texts;
}

export function storedResolutions(db: Db): Map<string, StoredResolution> {
  const rows = db
    .prepare('SELECT key, outcome, note, resolved_at AS resolvedAt FROM forecast_resolutions')
    .all() as StoredResolution[];
  return new Map(rows.map((r) => [r.key, r]));
}

export function saveResolution(db: Db, resolution: StoredResolution): void {
  db.prepare(
    `INSERT INTO forecast_resolutions (key, outcome, note, resolved_at) VALUES (@key, @outcome, @note, @resolvedAt)
       ON CONFLICT(key) DO UPDATE SET outcome = excluded.outcome, note = excluded.note,
         resolved_at = excluded.resolved_at`,
  ).run(resolution);
}

export function deleteResolution(db: Db, key: string): boolean {
  return db.prepare('DELETE FROM forecast_resolutions WHERE key = ?').run(key).changes > 0;
}
