/**
 * The quotes behind relation ids, for explanations that point back to the
 * text: each with its document, date and modality.
 */
import type { Db } from './database.js';

export interface QuoteRef {
  readonly relation: number;
  readonly quote: string;
  readonly modality: string;
  readonly date: string | null;
  readonly document: { readonly id: number; readonly path: string; readonly title: string | null };
}

/** Most ids looked up in one statement (SQLite's parameter limit is far above). */
const CHUNK = 500;

/** Quotes for the given relation ids, in the order of the ids; unknown ids are skipped. */
export function quotesFor(db: Db, ids: readonly number[]): QuoteRef[] {
  const unique = [...new Set(ids)];
  const found = new Map<number, QuoteRef>();
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK);
    const rows = db
      .prepare(
        `SELECT r.id, r.quote, r.modality, r.date, d.id AS documentId, d.path, d.title
           FROM relations r JOIN documents d ON d.id = r.document_id
          WHERE r.id IN (${chunk.map(() => '?').join(', ')})`,
      )
      .all(...chunk) as {
      id: number;
      quote: string;
      modality: string;
      date: string | null;
      documentId: number;
      path: string;
      title: string | null;
    }[];
    for (const r of rows) {
      found.set(r.id, {
        relation: r.id,
        quote: r.quote,
        modality: r.modality,
        date: r.date,
        document: { id: r.documentId, path: r.path, title: r.title },
      });
    }
  }
  return unique.flatMap((id) => {
    const q = found.get(id);
    return q ? [q] : [];
  });
}
