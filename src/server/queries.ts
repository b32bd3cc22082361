/**
 * Read queries the API needs and the store classes do not offer: paged
 * relations with a total, text search, per-actor summaries. Read-only;
 * the same filter semantics as RelationStore.list.
 */
import { likePattern, relationConditions } from '../store/relation-filter.js';
import type { Db } from '../store/database.js';
import type { Modality, RelationKind } from '../domain/relation.js';
import type { Page } from './schemas.js';

export interface RelationQuery {
  actor?: string;
  pair?: [string, string];
  from?: string;
  to?: string;
  modality?: Modality;
  kind?: RelationKind;
  polarity?: 1 | -1;
  q?: string;
  ids?: number[];
  documentId?: number;
  withDuplicates?: boolean;
}

/** A relation as the API gives it: the CLI's fields plus its document's title, date and outlet. */
export interface ApiRelation {
  id: number;
  documentId: number;
  doc: string;
  file: string;
  title: string | null;
  outlet: string | null;
  author: string | null;
  source: string;
  target: string;
  polarity: 1 | -1;
  kind: string;
  modality: string;
  date: string | null;
  docDate: string | null;
  quote: string;
  start: number;
  end: number;
  trigger: string;
  rule: string;
  symmetric: boolean;
}

function relationWhere(filter: RelationQuery): { sql: string; params: Record<string, unknown> } {
  const { where, params } = relationConditions(filter);
  // Imported events with no sign are statements, not evidence for an edge.
  where.push('r.polarity != 0');
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

const RELATION_COLUMNS = `r.id, r.document_id AS documentId, d.path AS doc, d.file, d.title, d.source AS outlet,
  d.author, r.source, r.target, r.polarity, r.kind, r.modality, r.date, r.doc_date AS docDate, r.quote,
  r.start, r.end, r.trigger, r.rule, r.symmetric`;

/** Relations matching the filter, by date then id, one page of them, and how many match in all. */
export function queryRelations(
  db: Db,
  filter: RelationQuery,
  page: Page,
  order: 'date' | 'document' = 'date',
): { total: number; items: ApiRelation[] } {
  const { sql, params } = relationWhere(filter);
  const from = `FROM relations r JOIN documents d ON d.id = r.document_id ${sql}`;
  const { total } = db.prepare(`SELECT COUNT(*) AS total ${from}`).get(params) as { total: number };
  const orderBy =
    order === 'date'
      ? "ORDER BY COALESCE(r.date, r.doc_date, '9999'), r.id"
      : 'ORDER BY r.document_id, r.start, r.id';
  const rows = db
    .prepare(`SELECT ${RELATION_COLUMNS} ${from} ${orderBy} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: page.limit, offset: page.offset }) as (Omit<
    ApiRelation,
    'symmetric'
  > & {
    symmetric: number;
  })[];
  return { total, items: rows.map((r) => ({ ...r, symmetric: r.symmetric === 1 })) };
}

/** Per year, how many cooperative and hostile relations an actor has (duplicates left out). */
export function actorYears(
  db: Db,
  actor: string,
): { year: string; positive: number; negative: number }[] {
  return db
    .prepare(
      `SELECT substr(COALESCE(r.date, r.doc_date), 1, 4) AS year,
         SUM(r.polarity = 1) AS positive, SUM(r.polarity = -1) AS negative
       FROM relations r JOIN documents d ON d.id = r.document_id
       WHERE (r.source = ? OR r.target = ?) AND d.duplicate_of IS NULL AND COALESCE(r.date, r.doc_date) IS NOT NULL
       GROUP BY year ORDER BY year`,
    )
    .all(actor, actor) as { year: string; positive: number; negative: number }[];
}

/** An actor's partners with their counts of cooperative and hostile relations. */
export function actorPartners(
  db: Db,
  actor: string,
): { id: string; positive: number; negative: number }[] {
  const rows = db
    .prepare(
      `SELECT CASE WHEN r.source = @a THEN r.target ELSE r.source END AS partner,
         SUM(r.polarity = 1) AS positive, SUM(r.polarity = -1) AS negative
       FROM relations r JOIN documents d ON d.id = r.document_id
       WHERE (r.source = @a OR r.target = @a) AND r.source != r.target AND d.duplicate_of IS NULL
       GROUP BY partner ORDER BY COUNT(*) DESC, partner`,
    )
    .all({ a: actor }) as { partner: string; positive: number; negative: number }[];
  return rows.map(({ partner, ...counts }) => ({ id: partner, ...counts }));
}

/** Relations per actor (either side), duplicates left out. */
export function relationCounts(db: Db): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT actor, COUNT(*) AS n FROM (
         SELECT r.source AS actor FROM relations r JOIN documents d ON d.id = r.document_id WHERE d.duplicate_of IS NULL
         UNION ALL
         SELECT r.target FROM relations r JOIN documents d ON d.id = r.document_id WHERE d.duplicate_of IS NULL
       ) GROUP BY actor`,
    )
    .all() as { actor: string; n: number }[];
  return new Map(rows.map((r) => [r.actor, r.n]));
}

export interface DocumentHit {
  id: number;
  title: string | null;
  date: string | null;
  source: string | null;
  file: string;
  /** Text around the first match (up to 240 characters). */
  snippet: string;
}

/** Documents whose title or text contains `q` (case-insensitive for ASCII), newest first. */
export function searchDocuments(
  db: Db,
  q: string,
  page: Page,
): { total: number; items: DocumentHit[] } {
  const pattern = likePattern(q);
  const where = "WHERE (title LIKE @p ESCAPE '\\' OR text LIKE @p ESCAPE '\\')";
  const { total } = db
    .prepare(`SELECT COUNT(*) AS total FROM documents ${where}`)
    .get({ p: pattern }) as { total: number };
  const rows = db
    .prepare(
      `SELECT id, title, date, source, file,
         substr(text, max(1, instr(lower(text), lower(@q)) - 80), 240) AS snippet
       FROM documents ${where} ORDER BY COALESCE(date, '') DESC, id LIMIT @limit OFFSET @offset`,
    )
    .all({ p: pattern, q, limit: page.limit, offset: page.offset }) as DocumentHit[];
  return { total, items: rows };
}
